/**
 * The multipart cipher functions of the main `psa_crypto` suite: known
 * answers split in two updates (the length of each update's output is
 * checked against Mbed TLS's), round trips, and the algorithms without IV.
 */
import * as psa from '../../../src/c/index.js';
import { check, checkBytes, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { importCipherKey } from './psa-crypto-cipher.js';

export const suite = 'psa_crypto';

/**
 * `cipher_encrypt_multipart` / `cipher_decrypt_multipart`: set-up, IV,
 * two updates with the given output lengths, finish with the expected status.
 */
function multipart(
  encrypt: boolean, algArg: number, keyType: number, keyData: Uint8Array, iv: Uint8Array, input: Uint8Array,
  firstPartSize: number, output1Length: number, output2Length: number, expectedOutput: Uint8Array, expectedStatus: number,
): void {
  const alg = algArg >>> 0;
  const operation = psa.psa_cipher_operation_init();
  const key = importCipherKey(keyType, encrypt ? psa.PSA_KEY_USAGE_ENCRYPT : psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
  try {
    const setup = encrypt ? psa.psa_cipher_encrypt_setup : psa.psa_cipher_decrypt_setup;
    checkSuccess(setup(operation, key, alg), 'cipher setup');
    if (iv.length > 0) checkSuccess(psa.psa_cipher_set_iv(operation, iv), 'psa_cipher_set_iv');
    const output = new Uint8Array(psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, input.length) +
      psa.PSA_CIPHER_FINISH_OUTPUT_SIZE(keyType, alg));
    const length = { value: 0 };
    checkLessOrEqual(firstPartSize, input.length, 'first part size');
    checkSuccess(psa.psa_cipher_update(operation, input.subarray(0, firstPartSize), output, length), 'first update');
    check(length.value === output1Length, `first update output ${length.value} bytes, expected ${output1Length}`);
    checkLessOrEqual(length.value, psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, firstPartSize), 'first update length');
    checkLessOrEqual(length.value, psa.PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(firstPartSize), 'first update length (max)');
    let total = length.value;
    if (firstPartSize < input.length) {
      const rest = input.length - firstPartSize;
      checkSuccess(psa.psa_cipher_update(operation, input.subarray(firstPartSize), output.subarray(total), length), 'second update');
      check(length.value === output2Length, `second update output ${length.value} bytes, expected ${output2Length}`);
      checkLessOrEqual(length.value, psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, rest), 'second update length');
      checkLessOrEqual(length.value, psa.PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(input.length), 'second update length (max)');
      total += length.value;
    }
    const status = psa.psa_cipher_finish(operation, output.subarray(total), length);
    checkLessOrEqual(length.value, psa.PSA_CIPHER_FINISH_OUTPUT_SIZE(keyType, alg), 'finish length');
    checkLessOrEqual(length.value, psa.PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE, 'finish length (max)');
    total += length.value;
    checkStatus(status, expectedStatus, 'psa_cipher_finish');
    if (expectedStatus === psa.PSA_SUCCESS) {
      checkSuccess(psa.psa_cipher_abort(operation), 'psa_cipher_abort');
      checkBytes(output.subarray(0, total), expectedOutput, 'output');
    }
  } finally {
    psa.psa_cipher_abort(operation);
    psa.psa_destroy_key(key);
  }
}

/** Update with both halves and finish; returns the whole output. Checks the size macros on the way. */
function runThrough(operation: psa.psa_cipher_operation_t, keyType: number, alg: number, input: Uint8Array, split: number, bufferSize: number): Uint8Array {
  const out = new Uint8Array(bufferSize);
  const length = { value: 0 };
  let total = 0;
  for (const part of [input.subarray(0, split), input.subarray(split)]) {
    checkSuccess(psa.psa_cipher_update(operation, part, out.subarray(total), length), 'psa_cipher_update');
    checkLessOrEqual(length.value, psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, part.length), 'update length');
    checkLessOrEqual(length.value, psa.PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(part.length), 'update length (max)');
    total += length.value;
  }
  checkSuccess(psa.psa_cipher_finish(operation, out.subarray(total), length), 'psa_cipher_finish');
  checkLessOrEqual(length.value, psa.PSA_CIPHER_FINISH_OUTPUT_SIZE(keyType, alg), 'finish length');
  checkLessOrEqual(length.value, psa.PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE, 'finish length (max)');
  total += length.value;
  checkSuccess(psa.psa_cipher_abort(operation), 'psa_cipher_abort');
  return out.subarray(0, total);
}

const MULTIPART_PARAMS = ['int', 'int', 'data', 'data', 'data', 'int', 'int', 'int', 'data', 'int'] as const;

export const functions: SuiteFunctions = {
  cipher_encrypt_multipart: {
    params: MULTIPART_PARAMS,
    run: (...args: Parameters<typeof multipart> extends [boolean, ...infer R] ? R : never) => multipart(true, ...args),
  },

  cipher_decrypt_multipart: {
    params: MULTIPART_PARAMS,
    run: (...args: Parameters<typeof multipart> extends [boolean, ...infer R] ? R : never) => multipart(false, ...args),
  },

  cipher_alg_without_iv: {
    params: ['int', 'int', 'data', 'data', 'data'],
    run(algArg: number, keyType: number, keyData: Uint8Array, plaintext: Uint8Array, ciphertext: Uint8Array) {
      const alg = algArg >>> 0;
      const operation = psa.psa_cipher_operation_init();
      const iv = Uint8Array.of(0x5a);
      checkLessOrEqual(ciphertext.length, psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, plaintext.length), 'encrypt size');
      checkLessOrEqual(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, plaintext.length), psa.PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(plaintext.length), 'encrypt max');
      checkLessOrEqual(plaintext.length, psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, ciphertext.length), 'decrypt size');
      checkLessOrEqual(psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, ciphertext.length), psa.PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(ciphertext.length), 'decrypt max');
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
      const size = psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, plaintext.length);
      const length = { value: 0 };
      try {
        for (const setup of [psa.psa_cipher_encrypt_setup, psa.psa_cipher_decrypt_setup]) {
          checkSuccess(setup(operation, key, alg), 'setup');
          checkStatus(psa.psa_cipher_set_iv(operation, iv), psa.PSA_ERROR_BAD_STATE, 'psa_cipher_set_iv');
        }
        for (const setup of [psa.psa_cipher_encrypt_setup, psa.psa_cipher_decrypt_setup]) {
          checkSuccess(setup(operation, key, alg), 'setup');
          checkStatus(psa.psa_cipher_generate_iv(operation, new Uint8Array(1), length), psa.PSA_ERROR_BAD_STATE, 'psa_cipher_generate_iv');
        }
        checkSuccess(psa.psa_cipher_encrypt_setup(operation, key, alg), 'psa_cipher_encrypt_setup');
        checkBytes(runThrough(operation, keyType, alg, plaintext, plaintext.length, size), ciphertext, 'multipart encryption');
        checkSuccess(psa.psa_cipher_decrypt_setup(operation, key, alg), 'psa_cipher_decrypt_setup');
        checkBytes(runThrough(operation, keyType, alg, ciphertext, ciphertext.length, size), plaintext, 'multipart decryption');
        const output = new Uint8Array(size);
        checkSuccess(psa.psa_cipher_encrypt(key, alg, plaintext, output, length), 'psa_cipher_encrypt');
        checkBytes(output.subarray(0, length.value), ciphertext, 'single-part encryption');
        checkSuccess(psa.psa_cipher_decrypt(key, alg, ciphertext, output, length), 'psa_cipher_decrypt');
        checkBytes(output.subarray(0, length.value), plaintext, 'single-part decryption');
      } finally {
        checkSuccess(psa.psa_cipher_abort(operation), 'psa_cipher_abort');
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_encrypt_validation: {
    params: ['int', 'int', 'data', 'data'],
    run(algArg: number, keyType: number, keyData: Uint8Array, input: Uint8Array) {
      const alg = algArg >>> 0;
      const ivSize = psa.PSA_CIPHER_IV_LENGTH(keyType, alg);
      const operation = psa.psa_cipher_operation_init();
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT, alg, keyData);
      try {
        const output1 = new Uint8Array(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length));
        const length1 = { value: 0 };
        checkSuccess(psa.psa_cipher_encrypt(key, alg, input, output1, length1), 'psa_cipher_encrypt');
        checkLessOrEqual(length1.value, psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'encrypt length');
        checkLessOrEqual(length1.value, psa.PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(input.length), 'encrypt length (max)');
        checkSuccess(psa.psa_cipher_encrypt_setup(operation, key, alg), 'psa_cipher_encrypt_setup');
        checkSuccess(psa.psa_cipher_set_iv(operation, output1.subarray(0, ivSize)), 'psa_cipher_set_iv');
        const size2 = psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, input.length) + psa.PSA_CIPHER_FINISH_OUTPUT_SIZE(keyType, alg);
        const output2 = runThrough(operation, keyType, alg, input, input.length, size2);
        checkBytes(output2, output1.subarray(ivSize, length1.value), 'multipart output equals single-part output');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_verify_output_multipart: {
    params: ['int', 'int', 'data', 'data', 'int'],
    run(algArg: number, keyType: number, keyData: Uint8Array, input: Uint8Array, firstPartSize: number) {
      const alg = algArg >>> 0;
      const operation1 = psa.psa_cipher_operation_init();
      const operation2 = psa.psa_cipher_operation_init();
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
      try {
        checkSuccess(psa.psa_cipher_encrypt_setup(operation1, key, alg), 'psa_cipher_encrypt_setup');
        checkSuccess(psa.psa_cipher_decrypt_setup(operation2, key, alg), 'psa_cipher_decrypt_setup');
        const iv = new Uint8Array(16);
        const ivLength = { value: 0 };
        if (alg !== psa.PSA_ALG_ECB_NO_PADDING) {
          checkSuccess(psa.psa_cipher_generate_iv(operation1, iv, ivLength), 'psa_cipher_generate_iv');
        }
        const size1 = psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length);
        checkLessOrEqual(size1, psa.PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(input.length), 'encrypt buffer size');
        checkLessOrEqual(firstPartSize, input.length, 'first part size');
        const output1 = runThrough(operation1, keyType, alg, input, firstPartSize, size1);
        checkLessOrEqual(output1.length, psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, output1.length), 'decrypt buffer size');
        if (ivLength.value > 0) checkSuccess(psa.psa_cipher_set_iv(operation2, iv.subarray(0, ivLength.value)), 'psa_cipher_set_iv');
        const output2 = runThrough(operation2, keyType, alg, output1, firstPartSize, output1.length);
        checkBytes(output2, input, 'round trip');
      } finally {
        psa.psa_cipher_abort(operation1);
        psa.psa_cipher_abort(operation2);
        psa.psa_destroy_key(key);
      }
    },
  },
};
