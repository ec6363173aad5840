/**
 * psa_key_derivation_output_key for the key types whose derivation PSA 1.5
 * §9.3 defines beyond "draw m/8 bytes" checks: PASSWORD, PASSWORD_HASH and
 * PEPPER draw m/8 bytes (compared with node:crypto HKDF); a derived
 * PASSWORD_HASH key must permit the operation's algorithm or none; DES keys
 * get their parity bits set and weak keys redrawn (checked on the drawing
 * procedure itself, where weak draws can be forced, and through the API).
 */
import { PsaError } from '../../src/values/error.js';
import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { derivedDesKey } from '../../src/drivers/software/cipher/des-key.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_256,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_DES,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_PASSWORD_HASH,
  PSA_KEY_TYPE_PEPPER,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';

const psa = createPsa();
const ALG = PSA_ALG_HKDF(PSA_ALG_SHA_256);
const IKM = new Uint8Array(32).fill(0x42);
const SALT = new Uint8Array(16).fill(0x01);
const INFO = new Uint8Array(5).fill(0x02);
const STREAM = Buffer.from(hkdfSync('sha256', IKM, SALT, INFO, 255 * 32));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function statusOf(body: () => unknown): number {
  try {
    body();
    return 0;
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
}

/** An HKDF operation whose secret is a DERIVE key (so it may output keys). */
function ready(run: (op: ReturnType<typeof psa.keyDerivationSetup>) => void): void {
  const secret = psa.importKey({ type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE, alg: ALG }, IKM);
  const op = psa.keyDerivationSetup(ALG);
  try {
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, SALT);
    op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, INFO);
    run(op);
  } finally {
    op.abort();
    psa.destroyKey(secret);
  }
}

describe('output_key: PASSWORD, PASSWORD_HASH, PEPPER draw m/8 bytes', () => {
  for (const [name, type, alg] of [
    ['PASSWORD', PSA_KEY_TYPE_PASSWORD, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)],
    ['PASSWORD_HASH (policy: the operation\'s algorithm)', PSA_KEY_TYPE_PASSWORD_HASH, ALG],
    ['PASSWORD_HASH (policy: none)', PSA_KEY_TYPE_PASSWORD_HASH, 0],
    ['PEPPER', PSA_KEY_TYPE_PEPPER, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)],
  ] as const) {
    it(name, () => {
      ready((op) => {
        op.outputBytes(3);
        const key = psa.keyDerivationOutputKey({ type, bits: 200, usage: PSA_KEY_USAGE_EXPORT, alg }, op);
        try {
          expect(hex(psa.exportKey(key))).toBe(hex(STREAM.subarray(3, 28)));
          expect(psa.getKeyAttributes(key).bits).toBe(200);
        } finally {
          psa.destroyKey(key);
        }
        expect(hex(op.outputBytes(4))).toBe(hex(STREAM.subarray(28, 32)));
      });
    });
  }

  it('PASSWORD_HASH permitting another algorithm is INVALID_ARGUMENT, before any output is drawn', () => {
    ready((op) => {
      const attributes = { type: PSA_KEY_TYPE_PASSWORD_HASH, bits: 128, usage: PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256) };
      expect(statusOf(() => psa.keyDerivationOutputKey(attributes, op))).toBe(PSA_ERROR_INVALID_ARGUMENT);
      expect(op.getCapacity()).toBe(255 * 32);
    });
  });
});

/** Odd parity in each byte, computed from the bit string. */
function withOddParity(bytes: Uint8Array): string {
  return hex(bytes.map((b) => {
    const high = (b >> 1).toString(2).split('').filter((c) => c === '1').length;
    return (b & 0xfe) | (high % 2 === 0 ? 1 : 0);
  }));
}

describe('output_key: DES', () => {
  it('sets the parity bits of each 8-byte element', () => {
    const source = STREAM.subarray(0, 24);
    let at = 0;
    const read = (n: number): Uint8Array => Uint8Array.from(source.subarray(at, (at += n)));
    expect(hex(derivedDesKey(192, read, 'test'))).toBe(withOddParity(source));
  });

  it('redraws a weak or semi-weak element (SP 800-67 §3.3.2)', () => {
    // 00…00 becomes the weak key 01…01 once parity is set; 1f e0 1f e0 0e f1 0e f1 is semi-weak.
    const source = Buffer.concat([Buffer.alloc(8), Buffer.from('1fe01fe00ef10ef1', 'hex'), STREAM.subarray(0, 8), Buffer.from('1ee01ee00ef00ef0', 'hex'), STREAM.subarray(8, 16)]);
    let at = 0;
    const read = (n: number): Uint8Array => Uint8Array.from(source.subarray(at, (at += n)));
    // Element 1: two weak draws then a good one; element 2: a draw that parity turns into 1fe01fe00ef10ef1 (semi-weak), then a good one.
    expect(hex(derivedDesKey(128, read, 'test'))).toBe(withOddParity(STREAM.subarray(0, 8)) + withOddParity(STREAM.subarray(8, 16)));
    expect(at).toBe(40);
  });

  it('needs 64, 128 or 192 bits; through the API a derived key is the HKDF stream with odd parity', () => {
    ready((op) => {
      expect(statusOf(() => psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_DES, bits: 72, usage: PSA_KEY_USAGE_EXPORT }, op))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    });
    for (const bits of [64, 128, 192]) {
      ready((op) => {
        const key = psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_DES, bits, usage: PSA_KEY_USAGE_EXPORT }, op);
        try {
          expect(hex(psa.exportKey(key))).toBe(withOddParity(STREAM.subarray(0, bits / 8)));
          expect(psa.getKeyAttributes(key).bits).toBe(bits);
        } finally {
          psa.destroyKey(key);
        }
      });
    }
  });
});
