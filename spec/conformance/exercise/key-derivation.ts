/**
 * Key derivation helpers of the Mbed TLS test framework:
 * `mbedtls_test_psa_setup_key_derivation_wrap` (the standard derivation
 * set-up), `mbedtls_test_psa_key_agreement_with_self` (agreement of a key
 * pair with its own public key into a derivation), and how
 * `mbedtls_test_psa_exercise_key` exercises a key with a key derivation
 * algorithm (`exercise_key_derivation_key`): with DERIVE usage, derive one
 * byte from "Input 1" / "Input 2" (each with its terminating NUL).
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_IS_HKDF,
  PSA_ALG_IS_HKDF_EXPAND,
  PSA_ALG_IS_HKDF_EXTRACT,
  PSA_ALG_IS_PBKDF2,
  PSA_ALG_IS_TLS12_PRF,
  PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_ALG_TLS12_ECJPAKE_TO_PMS,
  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_KEY_DERIVATION_UNLIMITED_CAPACITY,
  PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import type { psa_key_derivation_operation_t } from '../../../src/c/key-derivation.js';
import { checkSuccess, CheckFailure } from '../assert.js';

/** `SIZE_MAX`, which the C tests pass to mean "do not set a capacity". */
const SIZE_MAX = (1n << 64n) - 1n;

/** "Input 1" and "Input 2" as `unsigned char[]` (with the NUL, as `sizeof` counts it). */
export const INPUT1 = new TextEncoder().encode('Input 1\0');
/** See `INPUT1`. */
export const INPUT2 = new TextEncoder().encode('Input 2\0');

/**
 * `mbedtls_test_psa_setup_key_derivation_wrap`: set up `alg` with the DERIVE
 * key `key` and the two byte strings in the algorithm's standard places,
 * then set `capacity` unless it is `SIZE_MAX` / unlimited. Throws on a failed step.
 */
export function setupKeyDerivation(
  operation: psa_key_derivation_operation_t, key: number, alg: number,
  input1: Uint8Array, input2: Uint8Array, capacity: number | bigint,
): void {
  checkSuccess(psa.psa_key_derivation_setup(operation, alg), 'psa_key_derivation_setup');
  const bytes = (step: number, data: Uint8Array, what: string): void =>
    checkSuccess(psa.psa_key_derivation_input_bytes(operation, step, data), `psa_key_derivation_input_bytes (${what})`);
  const secret = (step: number): void =>
    checkSuccess(psa.psa_key_derivation_input_key(operation, step, key), 'psa_key_derivation_input_key');
  if (PSA_ALG_IS_HKDF(alg)) {
    bytes(PSA_KEY_DERIVATION_INPUT_SALT, input1, 'salt');
    secret(PSA_KEY_DERIVATION_INPUT_SECRET);
    bytes(PSA_KEY_DERIVATION_INPUT_INFO, input2, 'info');
  } else if (PSA_ALG_IS_HKDF_EXTRACT(alg)) {
    bytes(PSA_KEY_DERIVATION_INPUT_SALT, input1, 'salt');
    secret(PSA_KEY_DERIVATION_INPUT_SECRET);
  } else if (PSA_ALG_IS_HKDF_EXPAND(alg)) {
    secret(PSA_KEY_DERIVATION_INPUT_SECRET);
    bytes(PSA_KEY_DERIVATION_INPUT_INFO, input2, 'info');
  } else if (PSA_ALG_IS_TLS12_PRF(alg) || PSA_ALG_IS_TLS12_PSK_TO_MS(alg)) {
    bytes(PSA_KEY_DERIVATION_INPUT_SEED, input1, 'seed');
    secret(PSA_KEY_DERIVATION_INPUT_SECRET);
    bytes(PSA_KEY_DERIVATION_INPUT_LABEL, input2, 'label');
  } else if (PSA_ALG_IS_PBKDF2(alg)) {
    checkSuccess(psa.psa_key_derivation_input_integer(operation, PSA_KEY_DERIVATION_INPUT_COST, 1), 'psa_key_derivation_input_integer');
    bytes(PSA_KEY_DERIVATION_INPUT_SALT, input2, 'salt');
    secret(PSA_KEY_DERIVATION_INPUT_PASSWORD);
  } else if (alg === PSA_ALG_TLS12_ECJPAKE_TO_PMS) {
    bytes(PSA_KEY_DERIVATION_INPUT_SECRET, input1, 'secret');
  } else {
    throw new CheckFailure('key derivation algorithm not supported by the set-up helper');
  }
  const unlimited = BigInt(capacity) === SIZE_MAX || capacity === PSA_KEY_DERIVATION_UNLIMITED_CAPACITY;
  if (!unlimited) checkSuccess(psa.psa_key_derivation_set_capacity(operation, capacity), 'psa_key_derivation_set_capacity');
}

/**
 * `mbedtls_test_psa_key_agreement_with_self`: export the public part of
 * `key` and feed the agreement with it as SECRET; returns the status.
 */
export function keyAgreementWithSelf(operation: psa_key_derivation_operation_t, key: number): number {
  const attributes = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, attributes), 'psa_get_key_attributes');
  const type = psa.psa_get_key_type(attributes);
  const bits = psa.psa_get_key_bits(attributes);
  const publicKey = new Uint8Array(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type), bits));
  const length = { value: 0 };
  const status = psa.psa_export_public_key(key, publicKey, length);
  if (status !== PSA_SUCCESS) return status;
  return psa.psa_key_derivation_key_agreement(operation, PSA_KEY_DERIVATION_INPUT_SECRET, key, publicKey.subarray(0, length.value));
}

/** `exercise_key_derivation_key` (key not destroyable). */
export const exerciseKeyDerivationKey: ((key: number, usage: number, alg: number) => void) | undefined = (key, usage, alg) => {
  if ((usage & PSA_KEY_USAGE_DERIVE) === 0) return;
  const operation = psa.psa_key_derivation_operation_init();
  try {
    setupKeyDerivation(operation, key, alg, INPUT1, INPUT2, 1);
    checkSuccess(psa.psa_key_derivation_output_bytes(operation, new Uint8Array(1)), 'exercise: psa_key_derivation_output_bytes');
    checkSuccess(psa.psa_key_derivation_abort(operation), 'exercise: psa_key_derivation_abort');
  } finally {
    psa.psa_key_derivation_abort(operation);
  }
};
