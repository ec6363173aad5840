/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a raw key
 * agreement algorithm (`exercise_raw_key_agreement_key`): with DERIVE usage,
 * the private key agrees with its own public key; for a combined key
 * agreement + KDF (`exercise_key_agreement_key`) the shared secret feeds the
 * KDF (with one zero byte as seed / salt / label / info where the KDF needs
 * them) and one byte is read.
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_HKDF_GET_HASH,
  PSA_ALG_IS_HKDF,
  PSA_ALG_IS_HKDF_EXPAND,
  PSA_ALG_IS_HKDF_EXTRACT,
  PSA_ALG_IS_RAW_KEY_AGREEMENT,
  PSA_ALG_IS_TLS12_PRF,
  PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_ALG_KEY_AGREEMENT_GET_KDF,
  PSA_BITS_TO_BYTES,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import { checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import { keyAgreementWithSelf } from './key-derivation.js';

/**
 * `mbedtls_test_psa_raw_key_agreement_with_self`: export the key's public
 * part and run `psa_raw_key_agreement(alg, key, public)`; returns the status
 * (checking the output length bounds on success).
 */
export function rawKeyAgreementWithSelf(alg: number, key: number): number {
  const attributes = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, attributes), 'psa_get_key_attributes');
  const type = psa.psa_get_key_type(attributes);
  const bits = psa.psa_get_key_bits(attributes);
  const publicKey = new Uint8Array(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type), bits));
  const publicLength = { value: 0 };
  checkSuccess(psa.psa_export_public_key(key, publicKey, publicLength), 'psa_export_public_key');
  const output = new Uint8Array(1024);
  const outputLength = { value: 0 };
  const status = psa.psa_raw_key_agreement(alg, key, publicKey.subarray(0, publicLength.value), output, outputLength);
  if (status === PSA_SUCCESS) {
    checkLessOrEqual(outputLength.value, PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(type, bits), 'output length <= PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE');
    checkLessOrEqual(outputLength.value, PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE, 'output length <= PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE');
  }
  return status;
}

/** `exercise_key_agreement_key` for a combined key agreement + KDF `alg` (key not destroyable). */
function exerciseCombinedAgreement(key: number, alg: number): void {
  const kdf = PSA_ALG_KEY_AGREEMENT_GET_KDF(alg);
  const input = new Uint8Array(1);
  const operation = psa.psa_key_derivation_operation_init();
  try {
    checkSuccess(psa.psa_key_derivation_setup(operation, alg), 'exercise: psa_key_derivation_setup');
    const bytes = (step: number): void =>
      checkSuccess(psa.psa_key_derivation_input_bytes(operation, step, input), `exercise: psa_key_derivation_input_bytes(0x${step.toString(16)})`);
    if (PSA_ALG_IS_TLS12_PRF(kdf) || PSA_ALG_IS_TLS12_PSK_TO_MS(kdf)) bytes(PSA_KEY_DERIVATION_INPUT_SEED);
    if (PSA_ALG_IS_HKDF_EXTRACT(kdf)) bytes(PSA_KEY_DERIVATION_INPUT_SALT);
    let expected = PSA_SUCCESS;
    if (PSA_ALG_IS_HKDF_EXPAND(kdf)) {
      const attributes = psa.psa_key_attributes_init();
      checkSuccess(psa.psa_get_key_attributes(key, attributes), 'exercise: psa_get_key_attributes');
      if (PSA_BITS_TO_BYTES(psa.psa_get_key_bits(attributes)) !== PSA_HASH_LENGTH(PSA_ALG_HKDF_GET_HASH(kdf))) {
        expected = PSA_ERROR_INVALID_ARGUMENT;
      }
    }
    const status = keyAgreementWithSelf(operation, key);
    checkStatus(status, expected, 'exercise: key agreement with self');
    if (status !== PSA_SUCCESS) return;
    if (PSA_ALG_IS_TLS12_PRF(kdf) || PSA_ALG_IS_TLS12_PSK_TO_MS(kdf)) bytes(PSA_KEY_DERIVATION_INPUT_LABEL);
    else if (PSA_ALG_IS_HKDF(kdf) || PSA_ALG_IS_HKDF_EXPAND(kdf)) bytes(PSA_KEY_DERIVATION_INPUT_INFO);
    checkSuccess(psa.psa_key_derivation_output_bytes(operation, new Uint8Array(1)), 'exercise: psa_key_derivation_output_bytes');
    checkSuccess(psa.psa_key_derivation_abort(operation), 'exercise: psa_key_derivation_abort');
  } finally {
    psa.psa_key_derivation_abort(operation);
  }
}

/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a key agreement
 * algorithm when the key has DERIVE usage: raw agreement with itself, or the
 * agreement fed into the algorithm's KDF.
 */
export const exerciseKeyAgreementKey: ((key: number, usage: number, alg: number) => void) | undefined = (key, usage, alg) => {
  if ((usage & PSA_KEY_USAGE_DERIVE) === 0) return;
  if (PSA_ALG_IS_RAW_KEY_AGREEMENT(alg)) checkSuccess(rawKeyAgreementWithSelf(alg, key), 'raw key agreement with self');
  else exerciseCombinedAgreement(key, alg);
};
