/**
 * PSA_ALG_BLAKE2SP_HASH256 and PSA_ALG_BLAKE2BP_HASH512 (PSA Crypto API 1.5)
 * in the software driver:
 * - known answers from outside: the BLAKE2 reference implementation's
 *   `testvectors/blake2-kat.json` (BLAKE2/BLAKE2, computed by
 *   `ref/blake2sp-ref.c` / `ref/blake2bp-ref.c`; test-vectors/blake2-parallel.json
 *   names the commit), through the TypeScript face and the C facade; the
 *   lengths around the block (64 / 128 bytes) and the leaf round
 *   (8 × 64 / 4 × 128 bytes) decide which leaf gets the last block and
 *   which leaves stay empty;
 * - the keyed cases of the same file through the module (they check the
 *   key-length field and the key block of every leaf: the reference's
 *   `blake2sp_init_key`); PSA offers no BLAKE2 MAC over BLAKE2sp/BLAKE2bp
 *   here, so the keyed mode is not reachable through the API;
 * - OpenSSL has neither, so there is no second implementation: multipart
 *   with any chunking (and clones taken mid-way) must give the known
 *   answers and the single-part result (the multipart operation keeps
 *   Mbed TLS's `psa_hash_*` state machine, psa_crypto.c);
 * - no suspend state: the PSA Crypto API's "Hash suspend state" section
 *   defines none for BLAKE2, so `psa_hash_suspend` is NOT_SUPPORTED (and
 *   aborts), as for BLAKE2s/BLAKE2b and Ascon-Hash256.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import { hashSuspendOutputSize } from '../../src/core/hash.js';
import { blake2bp, blake2sp } from '../../src/drivers/software/hash/blake2-parallel.js';
import { SOFTWARE_HASH_ALGORITHMS } from '../../src/drivers/software/hash/index.js';
import {
  PSA_ALG_BLAKE2BP_HASH512,
  PSA_ALG_BLAKE2SP_HASH256,
  PSA_ALG_ECDSA,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_HASH_LENGTH,
  PSA_HASH_SUSPEND_OUTPUT_SIZE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_HASH,
} from '../../src/values/index.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

interface KatCase {
  readonly alg: 'blake2sp' | 'blake2bp';
  readonly length: number;
  readonly key?: string;
  readonly digest: string;
}
const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/blake2-parallel.json', import.meta.url), 'utf8')) as {
  source: { repo: string; path: string; commit: string };
  cases: KatCase[];
};

const ALGS = { blake2sp: PSA_ALG_BLAKE2SP_HASH256, blake2bp: PSA_ALG_BLAKE2BP_HASH512 } as const;
const FACTORIES = { blake2sp, blake2bp } as const;
const NAMES = { blake2sp: 'BLAKE2sp-256', blake2bp: 'BLAKE2bp-512' } as const;

/** The KAT file's message: the bytes 00 01 02 … of `length`. */
const message = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => i);

/** `data` split at the fractions `cuts` of its length. */
function chunks(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((f) => Math.floor(f * data.length)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    parts.push(data.subarray(start, p));
    start = p;
  }
  parts.push(data.subarray(start));
  return parts;
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 });
const psa = createPsa();
const unkeyed = vectors.cases.filter((v) => v.key === undefined);
const keyed = vectors.cases.filter((v) => v.key !== undefined);

describe('parallel BLAKE2 known answers (BLAKE2 reference implementation KAT)', () => {
  it('uses the reference repository\'s file, with the lengths around the block and leaf boundaries', () => {
    expect(vectors.source).toMatchObject({ repo: 'BLAKE2/BLAKE2', path: 'testvectors/blake2-kat.json' });
    expect(vectors.source.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const alg of ['blake2sp', 'blake2bp'] as const) {
      const lengths = unkeyed.filter((v) => v.alg === alg).map((v) => v.length);
      expect(lengths).toEqual(expect.arrayContaining([0, 1, 63, 64, 65, 127, 128, 129, 255]));
    }
  });

  it.each(unkeyed.map((v) => [`${NAMES[v.alg]}, ${v.length} bytes`, v] as const))('%s (psa_hash_compute, compare, multipart)', (_name, v) => {
    const alg = ALGS[v.alg];
    const m = message(v.length);
    expect(toHex(psa.hashCompute(alg, m))).toBe(v.digest);
    psa.hashCompare(alg, m, hex(v.digest));
    const wrong = hex(v.digest);
    wrong[0]! ^= 1;
    expectStatus(() => psa.hashCompare(alg, m, wrong), PSA_ERROR_INVALID_SIGNATURE);
    // One byte at a time through the multipart operation.
    const op = psa.hashSetup(alg);
    for (let i = 0; i < m.length; i++) op.update(m.subarray(i, i + 1));
    op.verify(hex(v.digest));
  });

  it.each(keyed.map((v) => [`keyed ${NAMES[v.alg]}, ${v.length} bytes`, v] as const))('%s (the module, as the reference\'s blake2sp_init_key)', (_name, v) => {
    const h = FACTORIES[v.alg].create(hex(v.key!));
    expect(toHex(h.update(message(v.length)).digest())).toBe(v.digest);
  });

  it('is reachable through the C facade, with the digest sizes of the spec', () => {
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    try {
      for (const v of unkeyed.filter((x) => x.length === 65)) {
        const alg = ALGS[v.alg];
        const size = v.alg === 'blake2sp' ? 32 : 64;
        expect(PSA_HASH_LENGTH(alg)).toBe(size);
        const out = new Uint8Array(size);
        const length = { value: 0 };
        expect(c.psa_hash_compute(alg, message(65), out, length)).toBe(c.PSA_SUCCESS);
        expect([length.value, toHex(out)]).toEqual([size, v.digest]);
        expect(c.psa_hash_compute(alg, message(65), new Uint8Array(size - 1), length)).toBe(c.PSA_ERROR_BUFFER_TOO_SMALL);
        expect(c.psa_hash_compare(alg, message(65), hex(v.digest))).toBe(c.PSA_SUCCESS);
      }
    } finally {
      c.mbedtls_psa_crypto_free();
    }
  });

  it('psa_sign_message with ECDSA(BLAKE2sp/BLAKE2bp) signs the reference digest (psa_verify_hash of the KAT digest accepts it)', () => {
    for (const v of unkeyed.filter((x) => x.length === 129)) {
      const alg = PSA_ALG_ECDSA(ALGS[v.alg]);
      const usage = PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_HASH;
      const id = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage, alg });
      try {
        const signature = psa.signMessage(id, alg, message(129));
        psa.verifyHash(id, alg, hex(v.digest), signature);
        const wrong = hex(v.digest);
        wrong[0]! ^= 1;
        expectStatus(() => psa.verifyHash(id, alg, wrong, signature), PSA_ERROR_INVALID_SIGNATURE);
      } finally {
        psa.destroyKey(id);
      }
    }
  });

  it('the software driver lists both; the objects have the block and digest lengths', () => {
    expect(SOFTWARE_HASH_ALGORITHMS).toEqual(expect.arrayContaining([PSA_ALG_BLAKE2SP_HASH256, PSA_ALG_BLAKE2BP_HASH512]));
    const s = blake2sp.create();
    const b = blake2bp.create();
    expect([s.blockLen, s.outputLen, b.blockLen, b.outputLen, s.canXOF]).toEqual([64, 32, 128, 64, false]);
  });
});

describe('parallel BLAKE2 multipart', () => {
  for (const alg of ['blake2sp', 'blake2bp'] as const) {
    it(`${NAMES[alg]}: any chunking of a known-answer message gives the reference's digest, clones mid-way too`, () => {
      const cases = unkeyed.filter((v) => v.alg === alg);
      fc.assert(fc.property(fc.constantFrom(...cases), cutsArb, (v, cuts) => {
        const op = psa.hashSetup(ALGS[alg]);
        const parts = chunks(message(v.length), cuts);
        const half = Math.floor(parts.length / 2);
        parts.slice(0, half).forEach((p) => op.update(p));
        const copy = op.clone();
        for (const p of parts.slice(half)) {
          op.update(p);
          copy.update(p);
        }
        expect(toHex(op.finish())).toBe(v.digest);
        expect(toHex(copy.finish())).toBe(v.digest);
      }), { numRuns: 100 });
    });

    it(`${NAMES[alg]}: multipart with random chunkings equals single-part, on random inputs up to 3 leaf rounds`, () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 1600 }), cutsArb, fc.uint8Array({ maxLength: 300 }), (data, cuts, tail) => {
        const op = psa.hashSetup(ALGS[alg]);
        for (const part of chunks(data, cuts)) op.update(part);
        const copy = op.clone();
        copy.update(tail);
        expect(toHex(op.finish())).toBe(toHex(psa.hashCompute(ALGS[alg], data)));
        expect(toHex(copy.finish())).toBe(toHex(psa.hashCompute(ALGS[alg], Uint8Array.from([...data, ...tail]))));
      }), { numRuns: 100 });
    });
  }

  it('the object refuses use after digest or destroy (BAD_STATE), and clones are independent', () => {
    const v = unkeyed.find((x) => x.alg === 'blake2sp' && x.length === 129)!;
    const h = blake2sp.create().update(message(100));
    const copy = h.clone();
    h.update(message(129).subarray(100));
    expect(toHex(h.digest())).toBe(v.digest);
    expectStatus(() => h.update(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
    expectStatus(() => h.digest(), PSA_ERROR_BAD_STATE);
    expectStatus(() => h.clone(), PSA_ERROR_BAD_STATE);
    expect(toHex(copy.update(message(129).subarray(100)).digest())).toBe(v.digest);
    const gone = blake2bp.create();
    gone.destroy();
    expectStatus(() => gone.update(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
  });
});

describe('parallel BLAKE2 has no PSA hash suspend state (spec "Hash suspend state")', () => {
  it.each([['BLAKE2sp-256', PSA_ALG_BLAKE2SP_HASH256], ['BLAKE2bp-512', PSA_ALG_BLAKE2BP_HASH512]] as const)('psa_hash_suspend of %s is NOT_SUPPORTED and aborts', (_name, alg) => {
    const op = psa.hashSetup(alg);
    op.update(message(3));
    expectStatus(() => op.suspend(), PSA_ERROR_NOT_SUPPORTED);
    expect(op.active).toBe(false);
    expect(PSA_HASH_SUSPEND_OUTPUT_SIZE(alg)).toBe(0);
    expect(hashSuspendOutputSize(alg)).toBe(0);
  });

  it('a state naming BLAKE2sp is NOT_SUPPORTED at psa_hash_resume', () => {
    // Laid out as a SHA-256 state would be: algorithm, 8-byte length 3, 32-byte state, 3 bytes.
    const state = hex(`0200001d${'0000000000000003'}${'00'.repeat(32)}000102`);
    expectStatus(() => psa.hashResume(state), PSA_ERROR_NOT_SUPPORTED);
  });
});
