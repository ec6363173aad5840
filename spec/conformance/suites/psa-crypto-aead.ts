/**
 * The AEAD functions of the main `psa_crypto` suite: single-part
 * encryption and decryption, key policies, and the multipart setup, nonce,
 * buffer-size and verify cases. The chunked multipart cases are in
 * `psa-crypto-aead-multipart.ts`, the state machine case in
 * `psa-crypto-aead-state.ts`.
 *
 * Upstream reads `operation.alg` (the algorithm with its default tag
 * length); the C facade's counterpart is the `alg` of the operation's
 * implementation, read by `operationAlg` below.
 */
import * as psa from '../../../src/c/index.js';
import { checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { updateUsageFlags } from '../helpers.js';

export const suite = 'psa_crypto';

/** `operation.alg` of a C-facade AEAD operation (0 when never set up). */
export function operationAlg(operation: psa.psa_aead_operation_t): number {
  return operation.impl?.alg ?? 0;
}

/** Import `keyData` as a key of `type` with `usage` and algorithm `alg`; returns the key id and its size in bits. */
export function importAeadKey(type: number, keyData: Uint8Array, usage: number, alg: number): { key: number; bits: number } {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage >>> 0);
  psa.psa_set_key_algorithm(attributes, alg >>> 0);
  psa.psa_set_key_type(attributes, type & 0xffff);
  const key = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
  const got = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key.value, got), 'psa_get_key_attributes');
  return { key: key.value, bits: psa.psa_get_key_bits(got) };
}

/** Nonce buffers of `aead_multipart_set_nonce`: -1 = empty but present, 0 = NULL, n = 'a', 'b', … (last byte 0). */
function setNonceBuffer(lengthArg: number): Uint8Array {
  if (lengthArg <= 0) return new Uint8Array(0);
  const nonce = new Uint8Array(lengthArg);
  for (let i = 0; i < lengthArg - 1; i++) nonce[i] = 0x61 + i;
  return nonce;
}

const SET_LENGTHS_BEFORE_NONCE = 1;
const SET_LENGTHS_AFTER_NONCE = 2;

export const functions: SuiteFunctions = {
  aead_encrypt_decrypt: {
    params: ['int', 'data', 'int', 'data', 'data', 'data', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array, expected: number) {
      const alg = algArg >>> 0;
      const { key, bits } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        const outputSize = input.length + psa.PSA_AEAD_TAG_LENGTH(keyType, bits, alg);
        if (expected !== psa.PSA_ERROR_INVALID_ARGUMENT && expected !== psa.PSA_ERROR_NOT_SUPPORTED) {
          checkEqual(outputSize, psa.PSA_AEAD_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'PSA_AEAD_ENCRYPT_OUTPUT_SIZE');
          checkLessOrEqual(outputSize, psa.PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(input.length), 'PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE');
        }
        const output = new Uint8Array(outputSize);
        const length = { value: 0 };
        checkStatus(psa.psa_aead_encrypt(key, alg, nonce, ad, input, output, length), expected, 'psa_aead_encrypt');
        if (expected === psa.PSA_SUCCESS) {
          checkEqual(input.length, psa.PSA_AEAD_DECRYPT_OUTPUT_SIZE(keyType, alg, length.value), 'PSA_AEAD_DECRYPT_OUTPUT_SIZE');
          checkLessOrEqual(input.length, psa.PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(length.value), 'PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE');
          const output2 = new Uint8Array(length.value);
          const length2 = { value: 0 };
          checkStatus(psa.psa_aead_decrypt(key, alg, nonce, ad, output.subarray(0, length.value), output2, length2),
            expected, 'psa_aead_decrypt');
          checkBytes(output2.subarray(0, length2.value), input, 'decrypted data');
        }
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_encrypt: {
    params: ['int', 'data', 'int', 'data', 'data', 'data', 'data'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array, expected: Uint8Array) {
      const alg = algArg >>> 0;
      const { key, bits } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT, alg);
      try {
        const outputSize = input.length + psa.PSA_AEAD_TAG_LENGTH(keyType, bits, alg);
        checkEqual(outputSize, psa.PSA_AEAD_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'PSA_AEAD_ENCRYPT_OUTPUT_SIZE');
        checkLessOrEqual(outputSize, psa.PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(input.length), 'PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE');
        const output = new Uint8Array(outputSize);
        const length = { value: 0 };
        checkSuccess(psa.psa_aead_encrypt(key, alg, nonce, ad, input, output, length), 'psa_aead_encrypt');
        checkBytes(output.subarray(0, length.value), expected, 'ciphertext and tag');
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_decrypt: {
    params: ['int', 'data', 'int', 'data', 'data', 'data', 'data', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array,
      expectedData: Uint8Array, expected: number) {
      const alg = algArg >>> 0;
      const { key, bits } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        // C computes this in size_t: a negative difference wraps to a huge size.
        const outputSize = Math.max(0, input.length - psa.PSA_AEAD_TAG_LENGTH(keyType, bits, alg));
        if (expected !== psa.PSA_ERROR_INVALID_ARGUMENT && expected !== psa.PSA_ERROR_NOT_SUPPORTED) {
          checkEqual(outputSize, psa.PSA_AEAD_DECRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'PSA_AEAD_DECRYPT_OUTPUT_SIZE');
          checkLessOrEqual(outputSize, psa.PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(input.length), 'PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE');
        }
        const output = new Uint8Array(outputSize);
        const length = { value: 0 };
        checkStatus(psa.psa_aead_decrypt(key, alg, nonce, ad, input, output, length), expected, 'psa_aead_decrypt');
        if (expected === psa.PSA_SUCCESS) checkBytes(output.subarray(0, length.value), expectedData, 'plaintext');
        else checkBytes(output, new Uint8Array(output.length), 'output buffer after a failure');
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_key_policy: {
    params: ['int', 'int', 'int', 'data', 'int', 'int', 'int', 'int'],
    run(usageArg: number, policyAlg: number, keyType: number, keyData: Uint8Array, nonceLength: number,
      tagLength: number, exerciseAlgArg: number, expected: number) {
      const usage = usageArg >>> 0;
      const alg = exerciseAlgArg >>> 0;
      checkLessOrEqual(nonceLength, 16, 'nonce length');
      checkLessOrEqual(tagLength, 16, 'tag length');
      const nonce = new Uint8Array(nonceLength);
      const tag = new Uint8Array(tagLength);
      const length = { value: 0 };
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, usage, policyAlg);
      try {
        checkEqual(usage, updateUsageFlags(usage), 'no implied usage flags');
        const canEncrypt = (usage & psa.PSA_KEY_USAGE_ENCRYPT) !== 0;
        const canDecrypt = (usage & psa.PSA_KEY_USAGE_DECRYPT) !== 0;
        checkStatus(psa.psa_aead_encrypt(key, alg, nonce, new Uint8Array(0), new Uint8Array(0), tag, length),
          canEncrypt ? expected : psa.PSA_ERROR_NOT_PERMITTED, 'psa_aead_encrypt');
        checkStatus(psa.psa_aead_encrypt_setup(operation, key, alg),
          canEncrypt ? expected : psa.PSA_ERROR_NOT_PERMITTED, 'psa_aead_encrypt_setup');
        tag.fill(0);
        const decryptExpected = !canDecrypt ? psa.PSA_ERROR_NOT_PERMITTED
          : expected === psa.PSA_SUCCESS ? psa.PSA_ERROR_INVALID_SIGNATURE : expected;
        checkStatus(psa.psa_aead_decrypt(key, alg, nonce, new Uint8Array(0), tag, new Uint8Array(0), length),
          decryptExpected, 'psa_aead_decrypt');
        checkSuccess(psa.psa_aead_abort(operation), 'psa_aead_abort');
        checkStatus(psa.psa_aead_decrypt_setup(operation, key, alg),
          canDecrypt ? expected : psa.PSA_ERROR_NOT_PERMITTED, 'psa_aead_decrypt_setup');
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_multipart_setup: {
    params: ['int', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, expected: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        checkStatus(psa.psa_aead_encrypt_setup(operation, key, alg), expected, 'psa_aead_encrypt_setup');
        psa.psa_aead_abort(operation);
        checkStatus(psa.psa_aead_decrypt_setup(operation, key, alg), expected, 'psa_aead_decrypt_setup');
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_multipart_verify: {
    params: ['int', 'data', 'int', 'data', 'data', 'data', 'data', 'int', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array,
      tag: Uint8Array, tagUsage: number, expectedSetup: number, expected: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_DECRYPT, alg);
      try {
        const plaintext = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, input.length));
        const finishPlaintext = new Uint8Array(psa.PSA_AEAD_VERIFY_OUTPUT_SIZE(keyType, alg));
        const length = { value: 0 };
        const status = psa.psa_aead_decrypt_setup(operation, key, alg);
        checkStatus(status, expectedSetup, 'psa_aead_decrypt_setup');
        if (status !== psa.PSA_SUCCESS) return;
        checkSuccess(psa.psa_aead_set_nonce(operation, nonce), 'psa_aead_set_nonce');
        checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, input.length), 'psa_aead_set_lengths');
        checkSuccess(psa.psa_aead_update_ad(operation, ad), 'psa_aead_update_ad');
        checkSuccess(psa.psa_aead_update(operation, input, plaintext, length), 'psa_aead_update');
        const given = tagUsage === 1 ? tag : new Uint8Array(0);
        checkStatus(psa.psa_aead_verify(operation, finishPlaintext, length, given), expected, 'psa_aead_verify');
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_multipart_generate_nonce: {
    params: ['int', 'data', 'int', 'int', 'int', 'data', 'data', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonceLength: number, expectedNonceLength: number,
      ad: Uint8Array, input: Uint8Array, expected: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT, alg);
      try {
        const output = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, input.length));
        const ciphertextSize = psa.PSA_AEAD_FINISH_OUTPUT_SIZE(keyType, alg);
        checkLessOrEqual(ciphertextSize, psa.PSA_AEAD_FINISH_OUTPUT_MAX_SIZE, 'PSA_AEAD_FINISH_OUTPUT_MAX_SIZE');
        const ciphertext = new Uint8Array(ciphertextSize);
        const tag = new Uint8Array(psa.PSA_AEAD_TAG_MAX_SIZE);
        checkSuccess(psa.psa_aead_encrypt_setup(operation, key, alg), 'psa_aead_encrypt_setup');
        const nonceBuffer = new Uint8Array(psa.PSA_AEAD_NONCE_MAX_SIZE * 2);
        const actual = { value: 0 };
        checkStatus(psa.psa_aead_generate_nonce(operation, nonceBuffer.subarray(0, nonceLength), actual), expected,
          'psa_aead_generate_nonce');
        checkEqual(actual.value, expectedNonceLength, 'generated nonce length');
        if (expected === psa.PSA_SUCCESS) checkEqual(actual.value, psa.PSA_AEAD_NONCE_LENGTH(keyType, alg), 'PSA_AEAD_NONCE_LENGTH');
        checkLessOrEqual(actual.value, psa.PSA_AEAD_NONCE_MAX_SIZE, 'PSA_AEAD_NONCE_MAX_SIZE');
        if (expected === psa.PSA_SUCCESS) {
          const length = { value: 0 };
          checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, input.length), 'psa_aead_set_lengths');
          checkSuccess(psa.psa_aead_update_ad(operation, ad), 'psa_aead_update_ad');
          checkSuccess(psa.psa_aead_update(operation, input, output, length), 'psa_aead_update');
          checkSuccess(psa.psa_aead_finish(operation, ciphertext, length, tag, { value: 0 }), 'psa_aead_finish');
        }
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_multipart_set_nonce: {
    params: ['int', 'data', 'int', 'int', 'int', 'data', 'data', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonceLengthArg: number, setLengthsMethod: number,
      ad: Uint8Array, input: Uint8Array, expectedArg: number) {
      const alg = algArg >>> 0;
      let expected = expectedArg;
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT, alg);
      try {
        const output = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, input.length));
        const ciphertext = new Uint8Array(psa.PSA_AEAD_FINISH_OUTPUT_SIZE(keyType, alg));
        const tag = new Uint8Array(psa.PSA_AEAD_TAG_MAX_SIZE);
        const length = { value: 0 };
        checkSuccess(psa.psa_aead_encrypt_setup(operation, key, alg), 'psa_aead_encrypt_setup');
        if (setLengthsMethod === SET_LENGTHS_BEFORE_NONCE) {
          checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, input.length), 'psa_aead_set_lengths before the nonce');
        }
        checkStatus(psa.psa_aead_set_nonce(operation, setNonceBuffer(nonceLengthArg)), expected, 'psa_aead_set_nonce');
        if (expected === psa.PSA_SUCCESS) {
          if (setLengthsMethod === SET_LENGTHS_AFTER_NONCE) {
            checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, input.length), 'psa_aead_set_lengths after the nonce');
          }
          if (operationAlg(operation) === psa.PSA_ALG_CCM && setLengthsMethod !== SET_LENGTHS_BEFORE_NONCE &&
              setLengthsMethod !== SET_LENGTHS_AFTER_NONCE) {
            expected = psa.PSA_ERROR_BAD_STATE;
          }
          checkStatus(psa.psa_aead_update_ad(operation, ad), expected, 'psa_aead_update_ad');
          checkStatus(psa.psa_aead_update(operation, input, output, length), expected, 'psa_aead_update');
          checkStatus(psa.psa_aead_finish(operation, ciphertext, length, tag, { value: 0 }), expected, 'psa_aead_finish');
        }
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_multipart_update_buffer_test: {
    params: ['int', 'data', 'int', 'int', 'data', 'data', 'data', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, outputSize: number, nonce: Uint8Array, ad: Uint8Array,
      input: Uint8Array, expected: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT, alg);
      try {
        const output = new Uint8Array(outputSize);
        const ciphertext = new Uint8Array(psa.PSA_AEAD_FINISH_OUTPUT_SIZE(keyType, alg));
        const tag = new Uint8Array(psa.PSA_AEAD_TAG_MAX_SIZE);
        const length = { value: 0 };
        checkSuccess(psa.psa_aead_encrypt_setup(operation, key, alg), 'psa_aead_encrypt_setup');
        checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, input.length), 'psa_aead_set_lengths');
        checkSuccess(psa.psa_aead_set_nonce(operation, nonce), 'psa_aead_set_nonce');
        checkSuccess(psa.psa_aead_update_ad(operation, ad), 'psa_aead_update_ad');
        checkStatus(psa.psa_aead_update(operation, input, output, length), expected, 'psa_aead_update');
        if (expected === psa.PSA_SUCCESS) {
          checkSuccess(psa.psa_aead_finish(operation, ciphertext, length, tag, { value: 0 }), 'psa_aead_finish');
        }
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  aead_multipart_finish_buffer_test: {
    params: ['int', 'data', 'int', 'int', 'int', 'data', 'data', 'data', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, finishSize: number, tagSize: number, nonce: Uint8Array,
      ad: Uint8Array, input: Uint8Array, expected: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_aead_operation_init();
      const { key } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT, alg);
      try {
        const ciphertext = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, input.length));
        const finishCiphertext = new Uint8Array(finishSize);
        const tag = new Uint8Array(tagSize);
        const length = { value: 0 };
        const tagLength = { value: 0 };
        checkSuccess(psa.psa_aead_encrypt_setup(operation, key, alg), 'psa_aead_encrypt_setup');
        checkSuccess(psa.psa_aead_set_nonce(operation, nonce), 'psa_aead_set_nonce');
        checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, input.length), 'psa_aead_set_lengths');
        checkSuccess(psa.psa_aead_update_ad(operation, ad), 'psa_aead_update_ad');
        checkSuccess(psa.psa_aead_update(operation, input, ciphertext, length), 'psa_aead_update');
        checkStatus(psa.psa_aead_finish(operation, finishCiphertext, length, tag, tagLength), expected, 'psa_aead_finish');
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },
};
