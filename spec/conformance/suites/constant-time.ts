/**
 * The `psa_crypto_constant_time` suite: known-answer cipher tests run with
 * output buffers that are too small, just large enough, and guaranteed
 * sufficient, as upstream's `ct_cipher_encrypt` / `ct_cipher_decrypt`.
 *
 * Only the functional checks run here. Upstream also marks the key and the
 * data secret for a constant-flow checker (Valgrind memcheck or MSan,
 * `TEST_CF_SECRET` / `TEST_CF_PUBLIC`); no such instrumentation is available
 * for JavaScript, so those markers are no-ops and constant-time behaviour is
 * not verified. The AES cases depend on `HAVE_CONSTANT_TIME_AES` (AES-NI or
 * the Arm crypto extension upstream); this build does not define it, because
 * the software AES uses lookup tables, so those cases skip.
 */
import * as psa from '../../../src/c/index.js';
import { checkBytes, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { importCipherKey } from './psa-crypto-cipher.js';

export const suite = 'psa_crypto_constant_time';

/** `ct_cipher_multipart`: set IV, update, finish into a buffer of `outputSize` bytes. */
function ctMultipart(operation: psa.psa_cipher_operation_t, iv: Uint8Array, input: Uint8Array, outputSize: number,
  expectedOutput: Uint8Array, expectedFinishStatus: number, step: string): void {
  const output = new Uint8Array(outputSize);
  const update = { value: 0 };
  const finish = { value: 0 };
  try {
    checkSuccess(psa.psa_cipher_set_iv(operation, iv), `${step}: psa_cipher_set_iv`);
    const status = psa.psa_cipher_update(operation, input, output, update);
    // An output buffer already too small for the update is fine when too small is expected.
    if (expectedFinishStatus === psa.PSA_ERROR_BUFFER_TOO_SMALL && status === psa.PSA_ERROR_BUFFER_TOO_SMALL) return;
    checkSuccess(status, `${step}: psa_cipher_update`);
    checkLessOrEqual(update.value, outputSize, `${step}: update length`);
    checkStatus(psa.psa_cipher_finish(operation, output.subarray(update.value), finish), expectedFinishStatus, `${step}: psa_cipher_finish`);
    if (expectedFinishStatus === psa.PSA_SUCCESS) {
      checkBytes(output.subarray(0, update.value + finish.value), expectedOutput, `${step}: output`);
    }
  } finally {
    psa.psa_cipher_abort(operation);
  }
}

/** `ct_cipher_decrypt_oneshot`. */
function ctDecryptOneShot(key: number, alg: number, input: Uint8Array, outputSize: number, expectedOutput: Uint8Array,
  expectedStatus: number, step: string): void {
  const output = new Uint8Array(outputSize);
  const length = { value: 0 };
  checkStatus(psa.psa_cipher_decrypt(key, alg, input, output, length), expectedStatus, `${step}: psa_cipher_decrypt`);
  if (expectedStatus === psa.PSA_SUCCESS) checkBytes(output.subarray(0, length.value), expectedOutput, `${step}: output`);
}

export const functions: SuiteFunctions = {
  ct_cipher_encrypt: {
    params: ['int', 'int', 'data', 'data', 'data', 'data'],
    run(algArg: number, keyType: number, keyData: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, expected: Uint8Array) {
      const alg = algArg >>> 0;
      const sufficient = psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, plaintext.length);
      const operation = psa.psa_cipher_operation_init();
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT, alg, keyData);
      const run = (size: number, status: number, step: string): void => {
        checkSuccess(psa.psa_cipher_encrypt_setup(operation, key, alg), `${step}: psa_cipher_encrypt_setup`);
        ctMultipart(operation, iv, plaintext, size, expected, status, step);
      };
      try {
        run(expected.length - 1, psa.PSA_ERROR_BUFFER_TOO_SMALL, 'step 1');
        if (expected.length < sufficient) {
          run(expected.length, psa.PSA_SUCCESS, 'step 2');
          run(sufficient - 1, psa.PSA_SUCCESS, 'step 3');
        }
        run(sufficient, psa.PSA_SUCCESS, 'step 4');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  ct_cipher_decrypt: {
    params: ['int', 'int', 'data', 'data', 'data', 'data', 'int'],
    run(algArg: number, keyType: number, keyData: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, expected: Uint8Array,
      expectInvalidPadding: number) {
      const alg = algArg >>> 0;
      const sufficient = psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, ciphertext.length);
      const expectedStatus = expectInvalidPadding ? psa.PSA_ERROR_INVALID_PADDING : psa.PSA_SUCCESS;
      const operation = psa.psa_cipher_operation_init();
      const input = new Uint8Array(iv.length + ciphertext.length);
      input.set(iv);
      input.set(ciphertext, iv.length);
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
      const multipart = (size: number, status: number, step: string): void => {
        checkSuccess(psa.psa_cipher_decrypt_setup(operation, key, alg), `${step}: psa_cipher_decrypt_setup`);
        ctMultipart(operation, iv, ciphertext, size, expected, status, step);
      };
      try {
        multipart(expected.length - 1, psa.PSA_ERROR_BUFFER_TOO_SMALL, 'step 1');
        ctDecryptOneShot(key, alg, input, expected.length - 1, expected, psa.PSA_ERROR_BUFFER_TOO_SMALL, 'step 1');
        if (expected.length < sufficient) {
          const intermediate = alg === psa.PSA_ALG_CBC_PKCS7 ? psa.PSA_ERROR_BUFFER_TOO_SMALL : expectedStatus;
          multipart(expected.length, intermediate, 'step 2');
          ctDecryptOneShot(key, alg, input, expected.length - 1, expected, intermediate, 'step 2');
          multipart(sufficient - 1, intermediate, 'step 3');
          ctDecryptOneShot(key, alg, input, sufficient - 1, expected, intermediate, 'step 3');
        }
        multipart(sufficient, expectedStatus, 'step 4');
        ctDecryptOneShot(key, alg, input, sufficient, expected, expectedStatus, 'step 4');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },
};
