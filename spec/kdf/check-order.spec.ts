/**
 * The order of the key derivation functions' checks, Mbed TLS 3.6's
 * (`library/psa_crypto.c`), with inputs that fail two checks at once:
 * - `psa_key_derivation_setup`: BAD_STATE for an active operation before
 *   anything about `alg`; then raw key agreement INVALID_ARGUMENT, an
 *   unsupported key agreement NOT_SUPPORTED, a KDF that takes no free-form
 *   secret after a key agreement INVALID_ARGUMENT, an unsupported KDF
 *   NOT_SUPPORTED;
 * - `psa_key_derivation_input_key`: `psa_get_and_lock_transparent_key_slot_with_policy`
 *   (usage, then the policy against the operation's algorithm: NOT_PERMITTED;
 *   then a key outside local storage: NOT_SUPPORTED) before the step and
 *   key-type checks of `psa_key_derivation_input_internal` (BAD_STATE,
 *   INVALID_ARGUMENT); any failure aborts the operation;
 * - `psa_key_derivation_key_agreement`: the operation must be a key
 *   agreement (INVALID_ARGUMENT) before the key is looked at; a failed
 *   lookup (policy, a key in a secure element) returns without aborting;
 *   later failures abort.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import * as v from '../../src/values/index.js';
import { testOpaqueDriver } from '../drivers/test-drivers.js';
import { statusOfCall } from '../status.js';

const HKDF256 = v.PSA_ALG_HKDF(v.PSA_ALG_SHA_256);
const HKDF512 = v.PSA_ALG_HKDF(v.PSA_ALG_SHA_512);
const ECDH_HKDF256 = v.PSA_ALG_KEY_AGREEMENT(v.PSA_ALG_ECDH, HKDF256);
const P256 = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1);
const psa = createPsa();

describe('psa_key_derivation_setup', () => {
  it('an active operation is BAD_STATE before the algorithm is looked at (even a raw key agreement)', () => {
    const op = psa.keyDerivationSetup(HKDF256);
    expect(statusOfCall(() => op.setup(v.PSA_ALG_ECDH))).toBe(v.PSA_ERROR_BAD_STATE);
    op.abort();
  });

  it('raw key agreement INVALID_ARGUMENT; ECDH with EC J-PAKE-to-PMS (no free-form secret) INVALID_ARGUMENT', () => {
    expect(statusOfCall(() => psa.keyDerivationSetup(v.PSA_ALG_ECDH))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.keyDerivationSetup(v.PSA_ALG_KEY_AGREEMENT(v.PSA_ALG_ECDH, v.PSA_ALG_TLS12_ECJPAKE_TO_PMS)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('psa_key_derivation_input_key', () => {
  it('a DERIVE key whose policy is HKDF-SHA-256, given as SALT (a step DERIVE keys cannot take) to HKDF-SHA-512 → NOT_PERMITTED, operation aborted', () => {
    const key = psa.importKey({ type: v.PSA_KEY_TYPE_DERIVE, usage: v.PSA_KEY_USAGE_DERIVE, alg: HKDF256 }, new Uint8Array(16).fill(3));
    try {
      const op = psa.keyDerivationSetup(HKDF512);
      expect(statusOfCall(() => op.inputKey(v.PSA_KEY_DERIVATION_INPUT_SALT, key))).toBe(v.PSA_ERROR_NOT_PERMITTED);
      expect(op.active).toBe(false);
      // The same key on an HKDF-SHA-256 operation passes the policy and meets the step check.
      const op2 = psa.keyDerivationSetup(HKDF256);
      expect(statusOfCall(() => op2.inputKey(v.PSA_KEY_DERIVATION_INPUT_SALT, key))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    } finally {
      psa.destroyKey(key);
    }
  });

  it('an inactive operation: a key without DERIVE is NOT_PERMITTED (the lookup comes first), a DERIVE key BAD_STATE', () => {
    const sign = psa.importKey({ type: v.PSA_KEY_TYPE_DERIVE, usage: v.PSA_KEY_USAGE_EXPORT, alg: HKDF256 }, new Uint8Array(16));
    const derive = psa.importKey({ type: v.PSA_KEY_TYPE_DERIVE, usage: v.PSA_KEY_USAGE_DERIVE, alg: HKDF256 }, new Uint8Array(16));
    try {
      const op = psa.keyDerivationOperation();
      expect(statusOfCall(() => op.inputKey(v.PSA_KEY_DERIVATION_INPUT_SECRET, sign))).toBe(v.PSA_ERROR_NOT_PERMITTED);
      expect(statusOfCall(() => op.inputKey(v.PSA_KEY_DERIVATION_INPUT_SECRET, derive))).toBe(v.PSA_ERROR_BAD_STATE);
    } finally {
      psa.destroyKey(sign);
      psa.destroyKey(derive);
    }
  });
});

describe('psa_key_derivation_key_agreement', () => {
  it('on an operation that is not a key agreement: INVALID_ARGUMENT before the key (here one without DERIVE)', () => {
    const key = psa.importKey({ type: P256, usage: v.PSA_KEY_USAGE_EXPORT, alg: v.PSA_ALG_ECDH }, new Uint8Array(32).fill(7));
    try {
      const op = psa.keyDerivationSetup(HKDF256);
      expect(statusOfCall(() => op.keyAgreement(v.PSA_KEY_DERIVATION_INPUT_SECRET, key, new Uint8Array(0)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
      op.abort();
    } finally {
      psa.destroyKey(key);
    }
  });

  it('a key whose policy is ECDSA with an empty peer key → NOT_PERMITTED, and the operation stays set up', () => {
    const key = psa.importKey({ type: P256, usage: v.PSA_KEY_USAGE_DERIVE, alg: v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_256) }, new Uint8Array(32).fill(7));
    try {
      const op = psa.keyDerivationSetup(ECDH_HKDF256);
      expect(statusOfCall(() => op.keyAgreement(v.PSA_KEY_DERIVATION_INPUT_SECRET, key, new Uint8Array(0)))).toBe(v.PSA_ERROR_NOT_PERMITTED);
      expect(op.active).toBe(true);
      op.abort();
    } finally {
      psa.destroyKey(key);
    }
  });

  it('a private key in a secure element → NOT_SUPPORTED from the lookup (psa_get_and_lock_transparent_key_slot_with_policy): the operation stays set up', () => {
    const location = 0x7fffff;
    const local = createPsa({ drivers: [testOpaqueDriver(location), softwareDriver()] });
    const lifetime = v.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(v.PSA_KEY_PERSISTENCE_VOLATILE, location);
    const key = local.importKey({ type: P256, usage: v.PSA_KEY_USAGE_DERIVE, alg: ECDH_HKDF256, lifetime }, new Uint8Array(32).fill(7));
    const op = local.keyDerivationSetup(ECDH_HKDF256);
    expect(statusOfCall(() => op.keyAgreement(v.PSA_KEY_DERIVATION_INPUT_SECRET, key, new Uint8Array(65)))).toBe(v.PSA_ERROR_NOT_SUPPORTED);
    expect(op.active).toBe(true);
    // psa_key_derivation_input_key aborts on the same lookup failure.
    expect(statusOfCall(() => op.inputKey(v.PSA_KEY_DERIVATION_INPUT_SECRET, key))).toBe(v.PSA_ERROR_NOT_SUPPORTED);
    expect(op.active).toBe(false);
  });
});
