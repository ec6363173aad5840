/**
 * The order of the cipher functions' checks, as Mbed TLS 3.6 has it
 * (library/psa_crypto.c): `psa_cipher_encrypt`, `psa_cipher_decrypt` and
 * `psa_cipher_setup` first refuse a non-cipher algorithm (PSA_ALG_IS_CIPHER:
 * INVALID_ARGUMENT, before the key is looked at; the setup checks BAD_STATE
 * before that), then call `psa_get_and_lock_key_slot_with_policy` (usage
 * flags, then `psa_key_policy_permits`: NOT_PERMITTED), and only then ask
 * the driver, which refuses a mode the key type lacks (NOT_SUPPORTED) or an
 * input shorter than the IV. So a cipher algorithm outside the policy is
 * NOT_PERMITTED even when it is also unsupported or malformed; a value ending
 * in 0xff is no wildcard to Mbed TLS's `PSA_ALG_IS_WILDCARD`.
 */
import { describe, expect, it } from 'vitest';
import { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';
import { psa } from './helpers.js';

const statusOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return V.PSA_SUCCESS;
};

const BOTH = V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_DECRYPT;
const AES128 = new Uint8Array(16).fill(0x11);
/** A cipher-category value that names no algorithm and ends in 0xff. */
const CIPHER_FF = 0x04c010ff;

function statuses(key: number, alg: number): Record<string, number> {
  return {
    psa_cipher_encrypt: statusOf(() => psa.cipherEncrypt(key, alg, new Uint8Array(16))),
    psa_cipher_decrypt: statusOf(() => psa.cipherDecrypt(key, alg, new Uint8Array(32))),
    psa_cipher_encrypt_setup: statusOf(() => psa.cipherEncryptSetup(key, alg).abort()),
    psa_cipher_decrypt_setup: statusOf(() => psa.cipherDecryptSetup(key, alg).abort()),
  };
}
const all = (status: number): Record<string, number> => ({
  psa_cipher_encrypt: status, psa_cipher_decrypt: status, psa_cipher_encrypt_setup: status, psa_cipher_decrypt_setup: status,
});
const aesKey = (alg: number, usage = BOTH): number => psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage, alg }, AES128);

describe('policy before validity (psa_get_and_lock_key_slot_with_policy before the driver)', () => {
  it('an AES-CTR key with a cipher algorithm outside its policy that is also invalid: NOT_PERMITTED', () => {
    const id = aesKey(V.PSA_ALG_CTR);
    const cases: Array<[string, number]> = [
      ['the stream cipher (AES has none: NOT_SUPPORTED if permitted)', V.PSA_ALG_STREAM_CIPHER],
      ['a cipher value ending in 0xff (no algorithm, no wildcard to Mbed TLS)', CIPHER_FF],
      ['CCM* without tag (valid, outside the policy)', V.PSA_ALG_CCM_STAR_NO_TAG],
    ];
    for (const [what, alg] of cases) expect(statuses(id, alg), what).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(id);
  });

  it('the same algorithms permitted to the key give the driver\'s NOT_SUPPORTED', () => {
    for (const alg of [V.PSA_ALG_STREAM_CIPHER, CIPHER_FF]) {
      const id = aesKey(alg);
      expect(statuses(id, alg), V.describe(alg, 'alg')).toEqual(all(V.PSA_ERROR_NOT_SUPPORTED));
      psa.destroyKey(id);
    }
  });

  it('an input shorter than the IV is INVALID_ARGUMENT only once the policy permits the algorithm (psa_cipher_decrypt)', () => {
    const ctr = aesKey(V.PSA_ALG_CTR);
    expect(statusOf(() => psa.cipherDecrypt(ctr, V.PSA_ALG_CBC_NO_PADDING, new Uint8Array(3)))).toBe(V.PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => psa.cipherDecrypt(ctr, V.PSA_ALG_CTR, new Uint8Array(3)))).toBe(V.PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(ctr);
  });
});

describe('validity before policy where Mbed TLS checks it first (PSA_ALG_IS_CIPHER)', () => {
  it('a non-cipher algorithm is INVALID_ARGUMENT even for a key that permits no cipher use at all', () => {
    const exportOnly = aesKey(V.PSA_ALG_CTR, V.PSA_KEY_USAGE_EXPORT);
    for (const alg of [0, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256), V.PSA_ALG_HMAC(V.PSA_ALG_ANY_HASH), V.PSA_ALG_GCM, 0x7fffffff]) {
      expect(statuses(exportOnly, alg), V.describe(alg, 'alg')).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
    }
    expect(statuses(exportOnly, V.PSA_ALG_CTR)).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(exportOnly);
    // No key at all: the algorithm is still checked first.
    expect(statuses(0x3ffffff0, V.PSA_ALG_GCM)).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
  });

  it('a setup on an active operation is BAD_STATE before the algorithm (psa_cipher_setup), and aborts it', () => {
    const id = aesKey(V.PSA_ALG_CTR);
    const op = psa.cipherEncryptSetup(id, V.PSA_ALG_CTR);
    expect(statusOf(() => op.encryptSetup(id, V.PSA_ALG_GCM))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    op.decryptSetup(id, V.PSA_ALG_CTR);
    expect(statusOf(() => op.decryptSetup(0x3ffffff0, 0))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    psa.destroyKey(id);
  });
});
