/**
 * The functions of the main `psa_crypto` suite about asymmetric encryption:
 * `asymmetric_encrypt`, `asymmetric_decrypt`, `asymmetric_encrypt_decrypt`,
 * `asymmetric_decrypt_fail` and `asymmetric_encryption_key_policy`, transliterated from `test_suite_psa_crypto.function`.
 * A C NULL label is `null`; an `output_length` starts at `~0` as upstream.
 */
import * as psa from '../../../src/c/index.js';
import { check, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

import { importKey, keyBits } from '../helpers.js';

export const suite = 'psa_crypto';

const NOT_SET = 0xffffffff;

export const functions: SuiteFunctions = {
  asymmetric_encryption_key_policy: {
    params: ['int', 'int', 'int', 'data', 'int', 'int'],
    run(policyUsage: number, policyAlg: number, keyType: number, keyData: Uint8Array, exerciseAlg: number, useOpaque: number) {
      check(useOpaque === 0, 'opaque test driver keys are not supported');
      const key = importKey(keyType, keyData, policyUsage, policyAlg);
      try {
        const bits = keyBits(key);
        const buffer = new Uint8Array(psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(keyType, bits, exerciseAlg >>> 0));
        const outputLength = { value: 0 };
        const permitted = (policyAlg >>> 0) === (exerciseAlg >>> 0);
        let status = psa.psa_asymmetric_encrypt(key, exerciseAlg >>> 0, new Uint8Array(0), null, buffer, outputLength);
        checkStatus(status, permitted && (policyUsage & psa.PSA_KEY_USAGE_ENCRYPT) !== 0 ? psa.PSA_SUCCESS : psa.PSA_ERROR_NOT_PERMITTED,
          'psa_asymmetric_encrypt');
        buffer.fill(0);
        status = psa.psa_asymmetric_decrypt(key, exerciseAlg >>> 0, buffer.slice(), null, buffer, outputLength);
        checkStatus(status,
          permitted && (policyUsage & psa.PSA_KEY_USAGE_DECRYPT) !== 0 ? psa.PSA_ERROR_INVALID_PADDING : psa.PSA_ERROR_NOT_PERMITTED,
          'psa_asymmetric_decrypt');
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  asymmetric_encrypt: {
    params: ['int', 'data', 'int', 'data', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, alg: number, input: Uint8Array, label: Uint8Array, expectedLength: number,
      expectedStatus: number) {
      const key = importKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT, alg);
      try {
        const outputSize = psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(keyType, keyBits(key), alg >>> 0);
        checkLessOrEqual(outputSize, psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE, 'output size');
        const output = new Uint8Array(outputSize);
        const labels: (Uint8Array | null)[] = label.length === 0 ? [label, null] : [label];
        for (const l of labels) {
          const outputLength = { value: NOT_SET };
          output.fill(0);
          const status = psa.psa_asymmetric_encrypt(key, alg >>> 0, input, l, output, outputLength);
          checkStatus(status, expectedStatus, `psa_asymmetric_encrypt (label ${l === null ? 'NULL' : 'given'})`);
          if (status === psa.PSA_SUCCESS) checkEqual(outputLength.value, expectedLength, 'output length');
          else checkLessOrEqual(outputLength.value, outputSize, 'output length');
        }
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  asymmetric_encrypt_decrypt: {
    params: ['int', 'data', 'int', 'data', 'data'],
    run(keyType: number, keyData: Uint8Array, alg: number, input: Uint8Array, label: Uint8Array) {
      const key = importKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        const bits = keyBits(key);
        const outputSize = psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(keyType, bits, alg >>> 0);
        checkLessOrEqual(outputSize, psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE, 'output size');
        checkLessOrEqual(input.length, psa.PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(keyType, bits, alg >>> 0), 'decrypt output size');
        const output = new Uint8Array(outputSize);
        const outputLength = { value: NOT_SET };
        checkSuccess(psa.psa_asymmetric_encrypt(key, alg >>> 0, input, label, output, outputLength), 'psa_asymmetric_encrypt');
        checkLessOrEqual(outputLength.value, outputSize, 'ciphertext length');
        const output2 = new Uint8Array(input.length);
        const output2Length = { value: NOT_SET };
        checkSuccess(psa.psa_asymmetric_decrypt(key, alg >>> 0, output.subarray(0, outputLength.value), label, output2, output2Length),
          'psa_asymmetric_decrypt');
        checkBytes(output2.subarray(0, output2Length.value), input, 'decrypted');
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  asymmetric_decrypt: {
    params: ['int', 'data', 'int', 'data', 'data', 'data'],
    run(keyType: number, keyData: Uint8Array, alg: number, input: Uint8Array, label: Uint8Array, expected: Uint8Array) {
      const key = importKey(keyType, keyData, psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        const outputSize = psa.PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(keyType, keyBits(key), alg >>> 0);
        checkLessOrEqual(outputSize, psa.PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE, 'output size');
        const output = new Uint8Array(outputSize);
        const labels: (Uint8Array | null)[] = label.length === 0 ? [label, null] : [label];
        for (const l of labels) {
          const outputLength = { value: NOT_SET };
          output.fill(0);
          checkSuccess(psa.psa_asymmetric_decrypt(key, alg >>> 0, input, l, output, outputLength),
            `psa_asymmetric_decrypt (label ${l === null ? 'NULL' : 'given'})`);
          checkBytes(output.subarray(0, outputLength.value), expected, 'plaintext');
        }
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  asymmetric_decrypt_fail: {
    params: ['int', 'data', 'int', 'data', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, alg: number, input: Uint8Array, label: Uint8Array, outputSize: number,
      expectedStatus: number) {
      const key = importKey(keyType, keyData, psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        const output = new Uint8Array(outputSize);
        const labels: (Uint8Array | null)[] = label.length === 0 ? [label, null] : [label];
        for (const l of labels) {
          const outputLength = { value: NOT_SET };
          output.fill(0);
          const status = psa.psa_asymmetric_decrypt(key, alg >>> 0, input, l, output, outputLength);
          checkStatus(status, expectedStatus, `psa_asymmetric_decrypt (label ${l === null ? 'NULL' : 'given'})`);
          checkLessOrEqual(outputLength.value, outputSize, 'output length');
        }
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },
};
