/**
 * The order of the MAC functions' checks, and what a wildcard operation
 * algorithm gives, as Mbed TLS 3.6 answers (library/psa_crypto.c):
 * `psa_mac_compute_internal` and `psa_mac_setup` call
 * `psa_get_and_lock_key_slot_with_policy` (usage flags, then
 * `psa_key_policy_permits`) before `psa_mac_finalize_alg_and_key_validation`
 * (PSA_ALG_IS_MAC, `psa_mac_key_can_do`, the MAC length from
 * `PSA_MAC_LENGTH`). `psa_key_policy_permits` refuses a wildcard with
 * INVALID_ARGUMENT, by Mbed TLS's `PSA_ALG_IS_WILDCARD`, for which a MAC is a
 * wildcard only with the at-least-this-length flag: HMAC(ANY_HASH) is a
 * specific algorithm, so it meets the policy (NOT_PERMITTED unless the
 * policy is HMAC(ANY_HASH) itself) and then the length check, where
 * `PSA_MAC_LENGTH` is 0 (< 4: NOT_SUPPORTED).
 */
import { describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
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

const HMAC256 = V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256);
const HMAC_ANY = V.PSA_ALG_HMAC(V.PSA_ALG_ANY_HASH);
const BOTH = V.PSA_KEY_USAGE_SIGN_MESSAGE | V.PSA_KEY_USAGE_VERIFY_MESSAGE;
const KEY = new Uint8Array(32).fill(0x0b);
const MSG = new Uint8Array(3);

const psa = createPsa();

/** The status of each of the four MAC entry points with `alg` on `key`. */
function statuses(key: number, alg: number): Record<string, number> {
  return {
    psa_mac_compute: statusOf(() => psa.macCompute(key, alg, MSG)),
    psa_mac_verify: statusOf(() => psa.macVerify(key, alg, MSG, new Uint8Array(32))),
    psa_mac_sign_setup: statusOf(() => psa.macSignSetup(key, alg).abort()),
    psa_mac_verify_setup: statusOf(() => psa.macVerifySetup(key, alg).abort()),
  };
}
const all = (status: number): Record<string, number> => ({
  psa_mac_compute: status, psa_mac_verify: status, psa_mac_sign_setup: status, psa_mac_verify_setup: status,
});
const key = (type: number, alg: number, usage = BOTH, data = KEY): number => psa.importKey({ type, usage, alg }, data);

describe('a wildcard as the operation algorithm (psa_key_policy_permits, psa_mac_finalize_alg_and_key_validation)', () => {
  it('HMAC(ANY_HASH) on a key whose policy is HMAC(ANY_HASH): NOT_SUPPORTED (PSA_MAC_LENGTH is 0, below 4)', () => {
    const id = key(V.PSA_KEY_TYPE_HMAC, HMAC_ANY);
    expect(statuses(id, HMAC_ANY)).toEqual(all(V.PSA_ERROR_NOT_SUPPORTED));
    psa.destroyKey(id);
  });

  it('HMAC(ANY_HASH) on an HMAC-SHA-256 key: NOT_PERMITTED (a specific algorithm the policy does not permit)', () => {
    const id = key(V.PSA_KEY_TYPE_HMAC, HMAC256);
    expect(statuses(id, HMAC_ANY)).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(id);
  });

  it('HMAC(ANY_HASH) permitted to an AES key: INVALID_ARGUMENT (psa_mac_key_can_do)', () => {
    const id = key(V.PSA_KEY_TYPE_AES, HMAC_ANY, BOTH, new Uint8Array(16));
    expect(statuses(id, HMAC_ANY)).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
    psa.destroyKey(id);
  });

  it('TRUNCATED_MAC(HMAC(ANY_HASH), 10) permitted to an HMAC key: INVALID_ARGUMENT (10 bytes exceed the 0-byte full MAC)', () => {
    const alg = V.PSA_ALG_TRUNCATED_MAC(HMAC_ANY, 10);
    const id = key(V.PSA_KEY_TYPE_HMAC, alg);
    expect(statuses(id, alg)).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
    psa.destroyKey(id);
  });

  it('an at-least-this-length MAC is a wildcard to Mbed TLS too: INVALID_ARGUMENT, after the usage check', () => {
    const alg = V.PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 16);
    const id = key(V.PSA_KEY_TYPE_HMAC, alg);
    expect(statuses(id, alg)).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
    const anyAtLeast = V.PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC_ANY, 16);
    expect(statuses(id, anyAtLeast)).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
    psa.destroyKey(id);
    // Usage first: a key without the MAC usages is NOT_PERMITTED whatever the algorithm.
    const exportOnly = key(V.PSA_KEY_TYPE_HMAC, alg, V.PSA_KEY_USAGE_EXPORT);
    expect(statuses(exportOnly, alg)).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    expect(statuses(exportOnly, 0)).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(exportOnly);
  });

  it('the C facade answers the same (psa_mac_compute, psa_mac_sign_setup)', () => {
    c.mbedtls_psa_crypto_free();
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    try {
      const attributes = c.psa_key_attributes_init();
      c.psa_set_key_type(attributes, c.PSA_KEY_TYPE_HMAC);
      c.psa_set_key_usage_flags(attributes, BOTH);
      c.psa_set_key_algorithm(attributes, HMAC_ANY);
      const anyKey = { value: 0 };
      expect(c.psa_import_key(attributes, KEY, anyKey)).toBe(c.PSA_SUCCESS);
      c.psa_set_key_algorithm(attributes, HMAC256);
      const sha256Key = { value: 0 };
      expect(c.psa_import_key(attributes, KEY, sha256Key)).toBe(c.PSA_SUCCESS);
      const length = { value: 0 };
      expect(c.psa_mac_compute(anyKey.value, HMAC_ANY, MSG, new Uint8Array(64), length)).toBe(c.PSA_ERROR_NOT_SUPPORTED);
      expect(c.psa_mac_compute(sha256Key.value, HMAC_ANY, MSG, new Uint8Array(64), length)).toBe(c.PSA_ERROR_NOT_PERMITTED);
      const op = c.psa_mac_operation_init();
      expect(c.psa_mac_sign_setup(op, anyKey.value, HMAC_ANY)).toBe(c.PSA_ERROR_NOT_SUPPORTED);
      expect(c.psa_mac_verify_setup(op, sha256Key.value, HMAC_ANY)).toBe(c.PSA_ERROR_NOT_PERMITTED);
    } finally {
      c.mbedtls_psa_crypto_free();
    }
  });
});

describe('policy before validity (psa_get_and_lock_key_slot_with_policy before psa_mac_finalize_alg_and_key_validation)', () => {
  it('an HMAC-SHA-256 key with an algorithm outside its policy that is also invalid: NOT_PERMITTED', () => {
    const id = key(V.PSA_KEY_TYPE_HMAC, HMAC256);
    const cases: Array<[string, number]> = [
      ['HMAC(ANY_HASH) (no MAC length)', HMAC_ANY],
      ['a 2-byte truncation (NOT_SUPPORTED if permitted)', V.PSA_ALG_TRUNCATED_MAC(HMAC256, 2)],
      ['a 40-byte truncation (INVALID_ARGUMENT if permitted)', V.PSA_ALG_TRUNCATED_MAC(HMAC256, 40)],
      ['CMAC (an incompatible key type)', V.PSA_ALG_CMAC],
      ['SHA-256 (not a MAC)', V.PSA_ALG_SHA_256],
      ['HKDF(ANY_HASH) (not a MAC)', V.PSA_ALG_HKDF(V.PSA_ALG_ANY_HASH)],
      ['0x7fffffff (no algorithm)', 0x7fffffff],
    ];
    for (const [what, alg] of cases) expect(statuses(id, alg), what).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(id);
  });

  it('the same algorithms permitted to the key give their validity status', () => {
    const cases: Array<[number, number]> = [
      [V.PSA_ALG_TRUNCATED_MAC(HMAC256, 2), V.PSA_ERROR_NOT_SUPPORTED],
      [V.PSA_ALG_TRUNCATED_MAC(HMAC256, 40), V.PSA_ERROR_INVALID_ARGUMENT],
      [V.PSA_ALG_CMAC, V.PSA_ERROR_INVALID_ARGUMENT],
      [V.PSA_ALG_SHA_256, V.PSA_ERROR_INVALID_ARGUMENT],
      [V.PSA_ALG_HKDF(V.PSA_ALG_ANY_HASH), V.PSA_ERROR_INVALID_ARGUMENT],
    ];
    for (const [alg, status] of cases) {
      const id = key(V.PSA_KEY_TYPE_HMAC, alg);
      expect(statuses(id, alg), V.describe(alg, 'alg')).toEqual(all(status));
      psa.destroyKey(id);
    }
  });

  it('a setup on an active operation is BAD_STATE before anything about the key or algorithm (psa_mac_setup)', () => {
    const id = key(V.PSA_KEY_TYPE_HMAC, HMAC256);
    const op = psa.macSignSetup(id, HMAC256);
    expect(statusOf(() => op.signSetup(id, HMAC_ANY))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    op.verifySetup(id, HMAC256);
    expect(statusOf(() => op.verifySetup(0x3fffffff, 0x7fffffff))).toBe(V.PSA_ERROR_BAD_STATE);
    psa.destroyKey(id);
  });
});
