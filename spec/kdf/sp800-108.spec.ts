/**
 * SP 800-108 counter-mode KDFs (PSA_ALG_SP800_108_COUNTER_HMAC / _CMAC):
 * - the counter construction against NIST CAVP known answers
 *   (test-vectors/sp800-108-counter-cavp.json);
 * - the HMAC variant through the PSA API against OpenSSL 3's KBKDF
 *   (counter mode, "salt" = Label, "info" = Context, with the 0x00
 *   separator and [L]_4, which is PSA's encoding) and against node:crypto
 *   HMAC composed from the PSA 1.5 formula (for L from the default capacity);
 * - the CMAC variant against `openssl mac ... CMAC` composed from the PSA 1.5
 *   formula with K(0) (OpenSSL's KBKDF has no K(0) mitigation, so its CMAC
 *   output is not PSA's);
 * - the input rules and the fixed-L capacity rule.
 */
import { PsaError } from '../../src/values/error.js';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as C from '../../src/c/index.js';
import { counterModeStream } from '../../src/drivers/software/kdf/sp800-108.js';
import { cmacOf, hmacOf } from '../../src/drivers/software/kdf/prf.js';
import {
  PSA_ALG_ECDH,
  PSA_ALG_HKDF,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_TLS12_PRF,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_ALG_KEY_AGREEMENT,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_SP800_108_COUNTER_CMAC,
  PSA_ALG_SP800_108_COUNTER_HMAC,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_KEY_DERIVATION_INPUT_CONTEXT,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const be32 = (x: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32BE(x); return b; };

function hasOpenssl(): boolean {
  try {
    return /OpenSSL 3\./.test(execFileSync('openssl', ['version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
// Without OpenSSL 3 the second implementation is missing; on CI it must be there.
const OPENSSL = hasOpenssl() || process.env['CI'] !== undefined;

function statusOf(body: () => unknown): number {
  try {
    body();
    return 0;
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
}

interface CavpCase { prf: string; count: number; L: number; KI: string; FixedInputData: string; KO: string }
const cavp = JSON.parse(readFileSync(new URL('../../test-vectors/sp800-108-counter-cavp.json', import.meta.url), 'utf8')) as { cases: CavpCase[] };

describe('SP 800-108 counter construction: NIST CAVP', () => {
  for (const c of cavp.cases) {
    it(`${c.prf} COUNT=${c.count} L=${c.L}`, () => {
      const ki = bytes(c.KI);
      const prf = c.prf === 'CMAC_AES128'
        ? (...parts: Uint8Array[]) => cmacOf(ki, ...parts)
        : (...parts: Uint8Array[]) => hmacOf(PSA_ALG_SHA_256, ki, ...parts);
      const stream = counterModeStream(prf, bytes(c.FixedInputData));
      // Read in two pieces to cross a block boundary.
      const first = stream.read(7);
      const rest = stream.read(c.L / 8 - 7);
      expect(hex(first) + hex(rest)).toBe(c.KO);
    });
  }
});

const psa = createPsa();
const HASHES: readonly (readonly [number, string])[] = [
  [PSA_ALG_SHA_1, 'SHA1'], [PSA_ALG_SHA_256, 'SHA256'], [PSA_ALG_SHA_384, 'SHA384'], [PSA_ALG_SHA_512, 'SHA512'],
];

function opensslKbkdfHmac(digest: string, key: Uint8Array, label: Uint8Array, context: Uint8Array, length: number): string {
  const args = ['kdf', '-binary', '-keylen', String(length), '-kdfopt', 'mac:HMAC', '-kdfopt', `digest:${digest}`, '-kdfopt', `hexkey:${hex(key)}`];
  if (label.length > 0) args.push('-kdfopt', `hexsalt:${hex(label)}`);
  if (context.length > 0) args.push('-kdfopt', `hexinfo:${hex(context)}`);
  args.push('KBKDF');
  return hex(execFileSync('openssl', args));
}

function opensslCmac(key: Uint8Array, data: Uint8Array): Buffer {
  const cipher = `AES-${key.length * 8}-CBC`;
  return execFileSync('openssl', ['mac', '-binary', '-cipher', cipher, '-macopt', `hexkey:${hex(key)}`, 'CMAC'], { input: data });
}

/** PSA 1.5 SP800_108_COUNTER_CMAC from its formula over OpenSSL's CMAC. */
function cmacFormula(key: Uint8Array, label: Uint8Array, context: Uint8Array, capacity: number, length: number): string {
  const fixed = Buffer.concat([label, Buffer.of(0), context, be32(capacity * 8)]);
  const k0 = opensslCmac(key, fixed);
  const out: Buffer[] = [];
  for (let i = 1; out.length * 16 < length; i++) out.push(opensslCmac(key, Buffer.concat([be32(i), fixed, k0])));
  return hex(Buffer.concat(out).subarray(0, length));
}

function derive(alg: number, secret: number | Uint8Array, label: Uint8Array | undefined, context: Uint8Array | undefined, capacity: number | undefined, pieces: readonly number[]): Uint8Array {
  const op = psa.keyDerivationSetup(alg);
  try {
    if (typeof secret === 'number') op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    else op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    if (label !== undefined) op.inputBytes(PSA_KEY_DERIVATION_INPUT_LABEL, label);
    if (context !== undefined) op.inputBytes(PSA_KEY_DERIVATION_INPUT_CONTEXT, context);
    if (capacity !== undefined) op.setCapacity(capacity);
    return Buffer.concat(pieces.map((n) => op.outputBytes(n)));
  } finally {
    op.abort();
  }
}

const LABEL = Buffer.from('psa-crypto label');
const CONTEXT = Buffer.from('ctx\u0000with zero and more bytes');

describe.skipIf(!OPENSSL)('PSA_ALG_SP800_108_COUNTER_HMAC against OpenSSL KBKDF', () => {
  for (const [hash, digest] of HASHES) {
    it(`HMAC-${digest}: label and context, output read in pieces`, () => {
      const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
      const got = derive(PSA_ALG_SP800_108_COUNTER_HMAC(hash), key, LABEL, CONTEXT, 100, [1, 63, 36]);
      expect(hex(got)).toBe(opensslKbkdfHmac(digest, key, LABEL, CONTEXT, 100));
    });
  }

  it('optional label and context default to empty strings', () => {
    const key = bytes('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b');
    const alg = PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256);
    expect(hex(derive(alg, key, undefined, undefined, 42, [42]))).toBe(opensslKbkdfHmac('SHA256', key, new Uint8Array(0), new Uint8Array(0), 42));
    expect(hex(derive(alg, key, LABEL, undefined, 16, [16]))).toBe(opensslKbkdfHmac('SHA256', key, LABEL, new Uint8Array(0), 16));
    expect(hex(derive(alg, key, undefined, CONTEXT, 16, [16]))).toBe(opensslKbkdfHmac('SHA256', key, new Uint8Array(0), CONTEXT, 16));
  });

  it('an HMAC key and a DERIVE key are accepted as the secret; output_key draws the same stream', () => {
    const alg = PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256);
    const material = Uint8Array.from({ length: 24 }, (_, i) => 0xa0 + i);
    const expected = opensslKbkdfHmac('SHA256', material, LABEL, CONTEXT, 32);
    for (const type of [PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_DERIVE]) {
      const key = psa.importKey({ type, usage: PSA_KEY_USAGE_DERIVE, alg }, material);
      try {
        expect(hex(derive(alg, key, LABEL, CONTEXT, 32, [32]))).toBe(expected);
        const op = psa.keyDerivationSetup(alg);
        op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, key);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_LABEL, LABEL);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_CONTEXT, CONTEXT);
        op.setCapacity(32);
        const aes = psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_AES, bits: 256, usage: PSA_KEY_USAGE_EXPORT }, op);
        expect(hex(psa.exportKey(aes))).toBe(expected);
        psa.destroyKey(aes);
        op.abort();
      } finally {
        psa.destroyKey(key);
      }
    }
  });
});

describe('PSA_ALG_SP800_108_COUNTER_HMAC against node:crypto HMAC and the PSA formula', () => {
  it('L is 8 × the default capacity 0x1fffffff when it is not lowered', () => {
    const key = bytes('000102030405060708090a0b0c0d0e0f');
    const fixed = Buffer.concat([LABEL, Buffer.of(0), CONTEXT, be32(0x1fffffff * 8)]);
    const block = (i: number): Buffer => createHmac('sha256', key).update(Buffer.concat([be32(i), fixed])).digest();
    const expected = hex(Buffer.concat([block(1), block(2)]).subarray(0, 40));
    expect(hex(derive(PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256), key, LABEL, CONTEXT, undefined, [40]))).toBe(expected);
  });
});

describe.skipIf(!OPENSSL)('PSA_ALG_SP800_108_COUNTER_CMAC against the PSA formula over OpenSSL CMAC', () => {
  for (const bits of [128, 192, 256]) {
    it(`AES-${bits}: K(0) appended to each block's input`, () => {
      const material = Uint8Array.from({ length: bits / 8 }, (_, i) => (i * 29 + 3) & 0xff);
      const key = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SP800_108_COUNTER_CMAC }, material);
      try {
        expect(hex(derive(PSA_ALG_SP800_108_COUNTER_CMAC, key, LABEL, CONTEXT, 50, [5, 20, 25]))).toBe(cmacFormula(material, LABEL, CONTEXT, 50, 50));
        expect(hex(derive(PSA_ALG_SP800_108_COUNTER_CMAC, key, undefined, undefined, 16, [16]))).toBe(cmacFormula(material, new Uint8Array(0), new Uint8Array(0), 16, 16));
        // Capacity above what is read: L follows the capacity, not the read length.
        expect(hex(derive(PSA_ALG_SP800_108_COUNTER_CMAC, key, LABEL, undefined, 1000, [24]))).toBe(cmacFormula(material, LABEL, new Uint8Array(0), 1000, 24));
      } finally {
        psa.destroyKey(key);
      }
    });
  }
});

describe('SP 800-108 input and capacity rules', () => {
  const hmacAlg = PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256);
  const secret = new Uint8Array(32).fill(5);

  it('starts with capacity 2^29 − 1 for both variants', () => {
    expect(psa.keyDerivationSetup(hmacAlg).getCapacity()).toBe(0x1fffffff);
    expect(psa.keyDerivationSetup(PSA_ALG_SP800_108_COUNTER_CMAC).getCapacity()).toBe(0x1fffffff);
  });

  it('refuses a label with a zero byte (INVALID_ARGUMENT, the operation is aborted)', () => {
    const op = psa.keyDerivationSetup(hmacAlg);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_LABEL, Uint8Array.of(1, 0, 2)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(op.active).toBe(false);
  });

  it('takes SECRET, LABEL, CONTEXT in this order, each once', () => {
    const fresh = () => psa.keyDerivationSetup(hmacAlg);
    let op = fresh();
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_LABEL, LABEL))).toBe(PSA_ERROR_BAD_STATE);
    op = fresh();
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret))).toBe(PSA_ERROR_BAD_STATE);
    op = fresh();
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_CONTEXT, CONTEXT);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_LABEL, LABEL))).toBe(PSA_ERROR_BAD_STATE);
    op = fresh();
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_CONTEXT, CONTEXT);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_CONTEXT, CONTEXT))).toBe(PSA_ERROR_BAD_STATE);
    op = fresh();
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, LABEL))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    op = fresh();
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, LABEL))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    op = fresh();
    expect(statusOf(() => op.outputBytes(4))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('accepts RAW_DATA keys for LABEL and CONTEXT, not for SECRET', () => {
    const raw = psa.importKey({ type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_DERIVE, alg: hmacAlg }, LABEL);
    try {
      const op = psa.keyDerivationSetup(hmacAlg);
      expect(statusOf(() => op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, raw))).toBe(PSA_ERROR_INVALID_ARGUMENT);
      const ok = psa.keyDerivationSetup(hmacAlg);
      ok.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
      ok.inputKey(PSA_KEY_DERIVATION_INPUT_LABEL, raw);
      ok.inputKey(PSA_KEY_DERIVATION_INPUT_CONTEXT, raw);
      expect(ok.outputBytes(8).length).toBe(8);
    } finally {
      psa.destroyKey(raw);
    }
  });

  it('fixes the capacity at the first output: set_capacity is then BAD_STATE', () => {
    const op = psa.keyDerivationSetup(hmacAlg);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    op.setCapacity(64);
    op.setCapacity(48);
    op.outputBytes(16);
    expect(statusOf(() => op.setCapacity(16))).toBe(PSA_ERROR_BAD_STATE);
    expect(op.getCapacity()).toBe(32);
    expect(op.outputBytes(32).length).toBe(32);
  });

  it('with bytes as secret, output_key is NOT_PERMITTED', () => {
    const op = psa.keyDerivationSetup(hmacAlg);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    expect(statusOf(() => psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_RAW_DATA, bits: 128 }, op))).toBe(PSA_ERROR_NOT_PERMITTED);
  });

  it('CMAC: the secret must be an AES key given as a key', () => {
    let op = psa.keyDerivationSetup(PSA_ALG_SP800_108_COUNTER_CMAC);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, new Uint8Array(16)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const derive = psa.importKey({ type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SP800_108_COUNTER_CMAC }, new Uint8Array(16));
    try {
      op = psa.keyDerivationSetup(PSA_ALG_SP800_108_COUNTER_CMAC);
      expect(statusOf(() => op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, derive))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    } finally {
      psa.destroyKey(derive);
    }
  });

  it('CMAC cannot follow a key agreement (its secret must be a key)', () => {
    expect(statusOf(() => psa.keyDerivationSetup(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_SP800_108_COUNTER_CMAC)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.keyDerivationSetup(PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, hmacAlg)).getCapacity()).toBe(0x1fffffff);
  });
});

describe.skipIf(!OPENSSL)('SP 800-108 through psa-crypto/c', () => {
  afterEach(() => C.mbedtls_psa_crypto_free());

  it('HMAC-SHA-256 with an HMAC key: psa_key_derivation_* give OpenSSL KBKDF output', () => {
    expect(C.psa_crypto_init()).toBe(C.PSA_SUCCESS);
    const alg = C.PSA_ALG_SP800_108_COUNTER_HMAC(C.PSA_ALG_SHA_256);
    const material = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const a = C.psa_key_attributes_init();
    C.psa_set_key_type(a, C.PSA_KEY_TYPE_HMAC);
    C.psa_set_key_usage_flags(a, C.PSA_KEY_USAGE_DERIVE);
    C.psa_set_key_algorithm(a, alg);
    const key = { value: 0 };
    expect(C.psa_import_key(a, material, key)).toBe(C.PSA_SUCCESS);
    const op = C.psa_key_derivation_operation_init();
    expect(C.psa_key_derivation_setup(op, alg)).toBe(C.PSA_SUCCESS);
    expect(C.psa_key_derivation_input_key(op, C.PSA_KEY_DERIVATION_INPUT_SECRET, key.value)).toBe(C.PSA_SUCCESS);
    expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_LABEL, LABEL)).toBe(C.PSA_SUCCESS);
    expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_CONTEXT, CONTEXT)).toBe(C.PSA_SUCCESS);
    expect(C.psa_key_derivation_set_capacity(op, 48)).toBe(C.PSA_SUCCESS);
    const out = new Uint8Array(48);
    expect(C.psa_key_derivation_output_bytes(op, out)).toBe(C.PSA_SUCCESS);
    expect(hex(out)).toBe(opensslKbkdfHmac('SHA256', material, LABEL, CONTEXT, 48));
    expect(C.psa_key_derivation_set_capacity(op, 0)).toBe(C.PSA_ERROR_BAD_STATE);
    expect(C.psa_key_derivation_abort(op)).toBe(C.PSA_SUCCESS);
  });
});

describe('key derivation inputs are copied, never aliased', () => {
  // A Node Buffer's slice() is a view: a state keeping `data.slice()` would wipe the caller's buffer on abort.
  const cases: readonly (readonly [string, number, readonly (readonly [number, string])[]])[] = [
    ['SP 800-108 HMAC', PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256), [[PSA_KEY_DERIVATION_INPUT_SECRET, 'secret'], [PSA_KEY_DERIVATION_INPUT_LABEL, 'label'], [PSA_KEY_DERIVATION_INPUT_CONTEXT, 'context']]],
    ['HKDF', PSA_ALG_HKDF(PSA_ALG_SHA_256), [[PSA_KEY_DERIVATION_INPUT_SALT, 'salt'], [PSA_KEY_DERIVATION_INPUT_SECRET, 'secret'], [PSA_KEY_DERIVATION_INPUT_INFO, 'info']]],
    ['TLS 1.2 PRF', PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256), [[PSA_KEY_DERIVATION_INPUT_SEED, 'seed'], [PSA_KEY_DERIVATION_INPUT_SECRET, 'secret'], [PSA_KEY_DERIVATION_INPUT_LABEL, 'label']]],
  ];
  for (const [name, alg, steps] of cases) {
    it(`${name}: abort leaves the caller's Buffers intact`, () => {
      const op = psa.keyDerivationSetup(alg);
      const given = steps.map(([step, text]) => {
        const b = Buffer.from(`${text} input`);
        op.inputBytes(step, b);
        return [b, `${text} input`] as const;
      });
      op.outputBytes(16);
      op.abort();
      for (const [b, text] of given) expect(b.toString()).toBe(text);
    });
  }

  it('PBKDF2: abort leaves the caller\'s password Buffer intact', () => {
    const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256));
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, 2);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, Buffer.from('salt'));
    const password = Buffer.from('password');
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
    op.outputBytes(16);
    op.abort();
    expect(password.toString()).toBe('password');
  });
});
