/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a raw key
 * agreement algorithm (`exercise_raw_key_agreement_key`): with DERIVE usage,
 * the private key agrees with its own public key. Combined key agreement +
 * KDF algorithms need key derivation, which does not exist yet: they skip.
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_IS_RAW_KEY_AGREEMENT,
  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import { checkLessOrEqual, checkSuccess } from '../assert.js';
import { Skip } from '../framework.js';

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

/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a key agreement
 * algorithm: raw agreement with itself when the key has DERIVE usage.
 */
export const exerciseKeyAgreementKey: ((key: number, usage: number, alg: number) => void) | undefined = (key, usage, alg) => {
  if (!PSA_ALG_IS_RAW_KEY_AGREEMENT(alg)) throw new Skip('exercise needs key derivation, not implemented yet');
  if ((usage & PSA_KEY_USAGE_DERIVE) !== 0) checkSuccess(rawKeyAgreementWithSelf(alg, key), 'raw key agreement with self');
};
