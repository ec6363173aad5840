/**
 * Key agreement test functions of the `psa_crypto` suite: raw agreement and
 * `psa_key_agreement` against known answers (`key_agreement`) and policy
 * enforcement (`raw_agreement_key_policy`). The functions that feed a shared
 * secret into a key derivation are in the key derivation suite files.
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_BITS_TO_BYTES,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE,
} from '../../../src/values/index.js';
import { checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import { rawKeyAgreementWithSelf } from '../exercise/key-agreement.js';
import type { SuiteFunctions } from '../framework.js';
import { guarded, startSession, u16, u32 } from '../helpers.js';

export const suite = 'psa_crypto';

function rawAgreementKeyPolicy(
  policyUsage: number, policyAlg: number, keyTypeArg: number, keyData: Uint8Array, exerciseAlg: number, expectedStatus: number,
): void {
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, u32(policyUsage));
  psa.psa_set_key_algorithm(attributes, u32(policyAlg));
  psa.psa_set_key_type(attributes, u16(keyTypeArg));
  const key = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
  try {
    checkStatus(rawKeyAgreementWithSelf(u32(exerciseAlg), key.value), expectedStatus, 'psa_raw_key_agreement with self');
  } finally {
    psa.psa_destroy_key(key.value);
  }
}

function keyAgreement(algArg: number, ourKeyType: number, ourKeyData: Uint8Array, peerKey: Uint8Array, expected: Uint8Array): void {
  const alg = u32(algArg);
  const type = u16(ourKeyType);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_DERIVE);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  const ourKey = { value: 0 };
  const secretKey = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, ourKeyData, ourKey), 'psa_import_key');
  try {
    checkSuccess(psa.psa_get_key_attributes(ourKey.value, attributes), 'psa_get_key_attributes');
    const bits = psa.psa_get_key_bits(attributes);
    checkLessOrEqual(expected.length, PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(type, bits), 'expected length <= PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE');
    checkLessOrEqual(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(type, bits), PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE, 'size macro <= MAX_SIZE');

    let output = new Uint8Array(expected.length);
    const length = { value: 0 };
    checkSuccess(psa.psa_raw_key_agreement(alg, ourKey.value, peerKey, output, length), 'psa_raw_key_agreement');
    checkBytes(output.subarray(0, length.value), expected, 'shared secret');

    output.fill(0);
    const secretAttributes = psa.psa_key_attributes_init();
    psa.psa_set_key_type(secretAttributes, PSA_KEY_TYPE_DERIVE);
    psa.psa_set_key_usage_flags(secretAttributes, PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT);
    checkSuccess(psa.psa_key_agreement(ourKey.value, peerKey, alg, secretAttributes, secretKey), 'psa_key_agreement');
    checkSuccess(psa.psa_export_key(secretKey.value, output, length), 'psa_export_key');
    checkBytes(output.subarray(0, length.value), expected, 'exported shared secret key');
    const got = psa.psa_key_attributes_init();
    checkSuccess(psa.psa_get_key_attributes(secretKey.value, got), 'psa_get_key_attributes (shared secret)');
    checkEqual(PSA_BITS_TO_BYTES(psa.psa_get_key_bits(got)), expected.length, 'shared secret key bytes');
    checkEqual(psa.psa_get_key_type(got), PSA_KEY_TYPE_DERIVE, 'shared secret key type');
    checkEqual(psa.psa_get_key_usage_flags(got), PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, 'shared secret key usage');

    output = new Uint8Array(expected.length + 1);
    checkSuccess(psa.psa_raw_key_agreement(alg, ourKey.value, peerKey, output, length), 'psa_raw_key_agreement (larger buffer)');
    checkBytes(output.subarray(0, length.value), expected, 'shared secret (larger buffer)');

    output = new Uint8Array(expected.length - 1);
    checkStatus(psa.psa_raw_key_agreement(alg, ourKey.value, peerKey, output, length), PSA_ERROR_BUFFER_TOO_SMALL,
      'psa_raw_key_agreement (buffer too small)');
    checkLessOrEqual(length.value, expected.length - 1, 'output length after BUFFER_TOO_SMALL');
  } finally {
    psa.psa_destroy_key(secretKey.value);
    psa.psa_destroy_key(ourKey.value);
  }
}

export const functions: SuiteFunctions = {
  raw_agreement_key_policy: { params: ['int', 'int', 'int', 'data', 'int', 'int'], run: guarded(rawAgreementKeyPolicy) },
  key_agreement: { params: ['int', 'int', 'data', 'data', 'data'], run: guarded(keyAgreement) },
};
