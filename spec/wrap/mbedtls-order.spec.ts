/**
 * The order of the key-wrapping functions' checks (PSA 1.4 `psa_wrap_key`,
 * `psa_unwrap_key`). Mbed TLS 3.6 has no key wrapping, so the order is the
 * one its other symmetric functions follow (library/psa_crypto.c,
 * `psa_cipher_encrypt` / `psa_aead_encrypt`): the algorithm's category
 * first (INVALID_ARGUMENT before the key is looked at), then
 * `psa_get_and_lock_key_slot_with_policy` on the wrapping key (usage, then
 * `psa_key_policy_permits`: NOT_PERMITTED, with Mbed TLS's wildcard test),
 * then the wrapping key's type and the data. So an algorithm outside the
 * wrapping key's policy is NOT_PERMITTED even when the key type or the
 * wrapped data is also wrong.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';

const statusOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return V.PSA_SUCCESS;
};

const psa = createPsa();
const WRAPPING = V.PSA_KEY_USAGE_WRAP | V.PSA_KEY_USAGE_UNWRAP;
/** A key-wrapping value that names no algorithm and ends in 0xff. */
const WRAP_FF = 0x0b4001ff;
const NEW_KEY = { type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, alg: 0 };

const kek = (alg: number, type = V.PSA_KEY_TYPE_AES, usage = WRAPPING): number =>
  psa.importKey({ type, usage, alg }, new Uint8Array(16).fill(0x5a));

function statuses(wrappingKey: number, alg: number, toWrap: number, wrapped: Uint8Array): Record<string, number> {
  return {
    psa_wrap_key: statusOf(() => psa.wrapKey(wrappingKey, alg, toWrap)),
    psa_unwrap_key: statusOf(() => psa.destroyKey(psa.unwrapKey(NEW_KEY, wrappingKey, alg, wrapped))),
  };
}
const both = (status: number): Record<string, number> => ({ psa_wrap_key: status, psa_unwrap_key: status });

describe('policy before validity (psa_get_and_lock_key_slot_with_policy on the wrapping key first)', () => {
  const secret = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, alg: 0 }, new Uint8Array(16).fill(1));
  const unexportable = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: 0, alg: 0 }, new Uint8Array(16).fill(2));

  it('a KW wrapping key with an algorithm outside its policy, and bad data or a bad key to wrap: NOT_PERMITTED', () => {
    const id = kek(V.PSA_ALG_KW);
    expect(statuses(id, V.PSA_ALG_KWP, unexportable, new Uint8Array(0)), 'KWP, no EXPORT, empty data').toEqual(both(V.PSA_ERROR_NOT_PERMITTED));
    expect(statuses(id, WRAP_FF, secret, new Uint8Array(0)), 'a value ending in 0xff').toEqual(both(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(id);
  });

  it('a wrapping key of the wrong type, with an algorithm outside its policy: NOT_PERMITTED; inside it: INVALID_ARGUMENT', () => {
    const hmac = kek(V.PSA_ALG_KWP, V.PSA_KEY_TYPE_HMAC);
    expect(statuses(hmac, V.PSA_ALG_KW, secret, new Uint8Array(24))).toEqual(both(V.PSA_ERROR_NOT_PERMITTED));
    expect(statuses(hmac, V.PSA_ALG_KWP, secret, new Uint8Array(24))).toEqual(both(V.PSA_ERROR_INVALID_ARGUMENT));
    psa.destroyKey(hmac);
  });

  it('once the policy permits the algorithm: empty wrapped data INVALID_ARGUMENT, a key without EXPORT NOT_PERMITTED, an unknown one NOT_SUPPORTED', () => {
    const id = kek(V.PSA_ALG_KWP);
    expect(statusOf(() => psa.unwrapKey(NEW_KEY, id, V.PSA_ALG_KWP, new Uint8Array(0)))).toBe(V.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => psa.wrapKey(id, V.PSA_ALG_KWP, unexportable))).toBe(V.PSA_ERROR_NOT_PERMITTED);
    psa.destroyKey(id);
    const ff = kek(WRAP_FF);
    expect(statuses(ff, WRAP_FF, secret, new Uint8Array(24))).toEqual(both(V.PSA_ERROR_NOT_SUPPORTED));
    psa.destroyKey(ff);
  });

  it('a wrapping key without WRAP / UNWRAP usage: NOT_PERMITTED, before the policy and the data', () => {
    const id = kek(V.PSA_ALG_KW, V.PSA_KEY_TYPE_AES, V.PSA_KEY_USAGE_EXPORT);
    expect(statuses(id, V.PSA_ALG_KW, unexportable, new Uint8Array(0))).toEqual(both(V.PSA_ERROR_NOT_PERMITTED));
    expect(statuses(id, 0x0b4001ff, unexportable, new Uint8Array(0))).toEqual(both(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(id);
  });
});

describe('the algorithm category first (as PSA_ALG_IS_CIPHER / psa_aead_check_algorithm)', () => {
  it('a non-key-wrapping algorithm is INVALID_ARGUMENT before the wrapping key is looked at', () => {
    const id = kek(V.PSA_ALG_KW, V.PSA_KEY_TYPE_AES, V.PSA_KEY_USAGE_EXPORT);
    const secret = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, alg: 0 }, new Uint8Array(16));
    for (const alg of [0, V.PSA_ALG_CTR, V.PSA_ALG_GCM, V.PSA_ALG_HMAC(V.PSA_ALG_ANY_HASH)]) {
      for (const wrapping of [id, 0x3ffffff0]) {
        expect(statuses(wrapping, alg, secret, new Uint8Array(0)), `${V.describe(alg, 'alg')}, key ${wrapping}`).toEqual(both(V.PSA_ERROR_INVALID_ARGUMENT));
      }
    }
    psa.destroyKey(id);
    psa.destroyKey(secret);
  });
});
