/**
 * PSA_ALG_SM3 (GB/T 32905-2016) in the software driver:
 * - known answers from outside: the two examples of the standard's
 *   Appendix A and a longer published case (test-vectors/sm3.json, its
 *   `source` names where they come from), through the TypeScript face and
 *   the C facade;
 * - node:crypto's SM3 (OpenSSL) as the second implementation over random
 *   inputs and chunkings, with clones taken mid-way (the multipart
 *   operation keeps Mbed TLS's `psa_hash_*` state machine, psa_crypto.c);
 * - no suspend state: the PSA Crypto API's "Hash suspend state" section
 *   says suspend and resume are not defined for SM3, so `psa_hash_suspend`
 *   is NOT_SUPPORTED (and aborts) and a state naming SM3 does not resume;
 * - HMAC-SM3 against `createHmac('sm3', key)` (the HMAC table is the hash
 *   table, as Mbed TLS's `psa_hmac_setup_internal` takes any hash with a
 *   block size), and the HMAC-based KDFs against `hkdfSync`/`pbkdf2Sync`.
 * Signatures and encryption with SM3: sm3-sign.spec.ts.
 */
import { createHash, createHmac, hkdfSync, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import { hashSuspendOutputSize } from '../../src/core/hash.js';
import { SOFTWARE_HASH_ALGORITHMS } from '../../src/drivers/software/hash/index.js';
import { Sm3, sm3 } from '../../src/drivers/software/hash/sm3.js';
import { SOFTWARE_HMAC_HASHES } from '../../src/drivers/software/mac/hmac.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_HMAC,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SM3,
  PSA_ALG_TLS12_PRF,
  PSA_ALG_TLS12_PSK_TO_MS,
  PSA_ALG_TRUNCATED_MAC,
  PSA_HASH_BLOCK_LENGTH,
  PSA_HASH_LENGTH,
  PSA_HASH_SUSPEND_OUTPUT_SIZE,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_MAC_LENGTH,
} from '../../src/values/index.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

interface Sm3Case {
  readonly name: string;
  readonly message: string;
  readonly digest: string;
}
const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/sm3.json', import.meta.url), 'utf8')) as {
  source: string;
  cases: Sm3Case[];
};

const nodeSm3 = (data: Uint8Array): string => createHash('sm3').update(data).digest('hex');

/** `message` split at the fractions `cuts` of its length. */
function chunks(message: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((f) => Math.floor(f * message.length)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    parts.push(message.subarray(start, p));
    start = p;
  }
  parts.push(message.subarray(start));
  return parts;
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
const psa = createPsa();

describe('SM3 known answers (GB/T 32905-2016 Appendix A)', () => {
  it('uses the published cases, with their source', () => {
    expect(vectors.source).toMatch(/GB\/T 32905-2016 Appendix A/);
    expect(vectors.cases.map((v) => v.message.length / 2)).toEqual([3, 64, 212]);
  });

  it.each(vectors.cases.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const message = hex(v.message);
    expect(toHex(psa.hashCompute(PSA_ALG_SM3, message))).toBe(v.digest);
    psa.hashCompare(PSA_ALG_SM3, message, hex(v.digest));
    const wrong = hex(v.digest);
    wrong[31]! ^= 1;
    expectStatus(() => psa.hashCompare(PSA_ALG_SM3, message, wrong), PSA_ERROR_INVALID_SIGNATURE);
    // One byte at a time through the multipart operation.
    const op = psa.hashSetup(PSA_ALG_SM3);
    for (let i = 0; i < message.length; i++) op.update(message.subarray(i, i + 1));
    op.verify(hex(v.digest));
    // The noble-shaped function the HMAC table holds.
    expect(toHex(sm3(message))).toBe(v.digest);
  });

  it('is reachable through the C facade', () => {
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    try {
      const out = new Uint8Array(32);
      const length = { value: 0 };
      const [example1] = vectors.cases;
      expect(c.psa_hash_compute(c.PSA_ALG_SM3, hex(example1!.message), out, length)).toBe(c.PSA_SUCCESS);
      expect(length.value).toBe(32);
      expect(toHex(out)).toBe(example1!.digest);
      expect(c.psa_hash_compute(c.PSA_ALG_SM3, hex(example1!.message), new Uint8Array(31), length)).toBe(c.PSA_ERROR_BUFFER_TOO_SMALL);
    } finally {
      c.mbedtls_psa_crypto_free();
    }
  });

  it('has the sizes of the spec: 32-byte digest, 64-byte block', () => {
    expect(PSA_HASH_LENGTH(PSA_ALG_SM3)).toBe(32);
    expect(PSA_HASH_BLOCK_LENGTH(PSA_ALG_SM3)).toBe(64);
    expect([sm3.outputLen, sm3.blockLen, sm3.canXOF]).toEqual([32, 64, false]);
    expect(SOFTWARE_HASH_ALGORITHMS).toContain(PSA_ALG_SM3);
  });
});

describe('SM3 against node:crypto (OpenSSL)', () => {
  it('gives the same digest for any input and chunking, and clones mid-way', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 700 }), cutsArb, fc.uint8Array({ maxLength: 100 }), (message, cuts, tail) => {
      const op = psa.hashSetup(PSA_ALG_SM3);
      for (const part of chunks(message, cuts)) op.update(part);
      const copy = op.clone();
      copy.update(tail);
      expect(toHex(op.finish())).toBe(nodeSm3(message));
      expect(toHex(copy.finish())).toBe(nodeSm3(Buffer.concat([message, tail])));
      expect(toHex(psa.hashCompute(PSA_ALG_SM3, message))).toBe(nodeSm3(message));
    }), { numRuns: 150 });
  });

  it('agrees on every length from 0 to 200 bytes (every padding case) and on 100 kB', () => {
    const data = randomBytes(200);
    for (let n = 0; n <= 200; n++) expect(toHex(psa.hashCompute(PSA_ALG_SM3, data.subarray(0, n))), `${n} bytes`).toBe(nodeSm3(data.subarray(0, n)));
    const large = randomBytes(100_000);
    expect(toHex(psa.hashCompute(PSA_ALG_SM3, large))).toBe(nodeSm3(large));
  });
});

describe('the SM3 object', () => {
  it('refuses every use after digest or destroy (its state is wiped), and clones are independent', () => {
    const h = new Sm3().update(hex('616263'));
    const copy = h.clone();
    expect(toHex(h.digest())).toBe(vectors.cases[0]!.digest);
    expectStatus(() => h.update(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
    expectStatus(() => h.digest(), PSA_ERROR_BAD_STATE);
    expectStatus(() => h.clone(), PSA_ERROR_BAD_STATE);
    expect(toHex(copy.clone().digest())).toBe(vectors.cases[0]!.digest);
    copy.destroy();
    expectStatus(() => copy.update(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
    expectStatus(() => copy.digest(), PSA_ERROR_BAD_STATE);
  });

  it('clones into a finished object (the reuse of the HMAC midstates in the KDFs)', () => {
    const base = new Sm3().update(new Uint8Array(64).fill(0x36));
    const work = base.clone();
    work.update(hex('00'));
    work.digest();
    base._cloneInto(work).update(hex('01'));
    expect(toHex(work.digest())).toBe(nodeSm3(Buffer.concat([Buffer.alloc(64, 0x36), Buffer.of(1)])));
  });
});

describe('SM3 has no PSA hash suspend state', () => {
  it('psa_hash_suspend is NOT_SUPPORTED and aborts the operation, as for Ascon-Hash256', () => {
    const op = psa.hashSetup(PSA_ALG_SM3);
    op.update(hex('616263'));
    expectStatus(() => op.suspend(), PSA_ERROR_NOT_SUPPORTED);
    expect(op.active).toBe(false);
    expect(PSA_HASH_SUSPEND_OUTPUT_SIZE(PSA_ALG_SM3)).toBe(0);
    expect(hashSuspendOutputSize(PSA_ALG_SM3)).toBe(0);
  });

  it('a state naming SM3 is NOT_SUPPORTED at psa_hash_resume', () => {
    // Laid out as a SHA-256 state would be: algorithm, 8-byte length 3, 32-byte state, "abc".
    const state = hex(`02000014${'0000000000000003'}${'00'.repeat(32)}616263`);
    expectStatus(() => psa.hashResume(state), PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('HMAC-SM3 against node:crypto createHmac', () => {
  const alg = PSA_ALG_HMAC(PSA_ALG_SM3);

  it('the HMAC table has SM3, with a 32-byte MAC', () => {
    expect(SOFTWARE_HMAC_HASHES).toContain(PSA_ALG_SM3);
    expect(PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, alg)).toBe(32);
  });

  it('gives node\'s MAC for any key (shorter or longer than the 64-byte block), message and chunking', () => {
    const truncated = PSA_ALG_TRUNCATED_MAC(alg, 16);
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 150 }), fc.uint8Array({ maxLength: 300 }), cutsArb, (key, message, cuts) => {
      const expected = createHmac('sm3', key).update(message).digest('hex');
      const usage = PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;
      const id = psa.importKey({ type: PSA_KEY_TYPE_HMAC, usage, alg }, key);
      const short = psa.importKey({ type: PSA_KEY_TYPE_HMAC, usage, alg: truncated }, key);
      try {
        expect(toHex(psa.macCompute(id, alg, message))).toBe(expected);
        const sign = psa.macSignSetup(id, alg);
        for (const part of chunks(message, cuts)) sign.update(part);
        expect(toHex(sign.signFinish())).toBe(expected);
        psa.macVerify(id, alg, message, hex(expected));
        const verify = psa.macVerifySetup(id, alg);
        for (const part of chunks(message, cuts)) verify.update(part);
        verify.verifyFinish(hex(expected));
        expect(toHex(psa.macCompute(short, truncated, message))).toBe(expected.slice(0, 32));
      } finally {
        psa.destroyKey(id);
        psa.destroyKey(short);
      }
    }), { numRuns: 60 });
  });
});

describe('HMAC-SM3 key derivations against node:crypto', () => {
  it('HKDF-SM3 equals hkdfSync(\'sm3\')', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 60 }), fc.integer({ min: 1, max: 400 }),
      (salt, secret, info, length) => {
        const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SM3));
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, info);
        const first = op.outputBytes(Math.floor(length / 3));
        const rest = op.outputBytes(length - first.length);
        op.abort();
        expect(toHex(Buffer.concat([first, rest]))).toBe(Buffer.from(hkdfSync('sm3', secret, salt, info, length)).toString('hex'));
      }), { numRuns: 40 });
  });

  it('PBKDF2-HMAC-SM3 equals pbkdf2Sync(…, \'sm3\')', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100 }),
      (password, salt, cost, length) => {
        const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SM3));
        op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, cost);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
        const out = op.outputBytes(length);
        op.abort();
        expect(toHex(out)).toBe(pbkdf2Sync(password, salt, cost, length, 'sm3').toString('hex'));
      }), { numRuns: 40 });
  });

  it('the TLS 1.2 PRF and PSK-to-MS take SHA-256 and SHA-384 only: SM3 is NOT_SUPPORTED at setup', () => {
    // Mbed TLS's psa_key_derivation_set_maximum_capacity gives these KDFs a capacity only
    // for SHA-256 and SHA-384 and answers PSA_ERROR_NOT_SUPPORTED for any other hash.
    expectStatus(() => psa.keyDerivationSetup(PSA_ALG_TLS12_PRF(PSA_ALG_SM3)), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.keyDerivationSetup(PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SM3)), PSA_ERROR_NOT_SUPPORTED);
  });
});
