/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a cipher algorithm
 * (`exercise_cipher_key` upstream): with ENCRYPT usage, a multipart
 * encryption of "Hello, world..." with a generated IV (when the algorithm
 * takes one); with DECRYPT usage, a multipart decryption of that ciphertext
 * with the same IV — or, when the key cannot encrypt, of a fixed 32-byte
 * text, where a block mode may then report bad padding.
 */
import * as psa from '../../../src/c/index.js';
import { check, checkSuccess } from '../assert.js';

/** The C string literal `"(wabblewebblewibblewobblewubble)"` without its NUL. */
const WABBLE = new TextEncoder().encode('(wabblewebblewibblewobblewubble)');
/** The C array `"Hello, world..."` of 16 bytes (the literal and its NUL). */
const HELLO = Uint8Array.from([...new TextEncoder().encode('Hello, world...'), 0]);

/** `exercise_cipher_key` (key not destroyable). */
export const exerciseCipherKey: ((key: number, usage: number, alg: number) => void) | undefined = (
  key: number,
  usage: number,
  algArg: number,
): void => {
  const alg = algArg >>> 0;
  const operation = psa.psa_cipher_operation_init();
  const attributes = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, attributes), 'exercise: psa_get_key_attributes');
  const keyType = psa.psa_get_key_type(attributes);
  let ivLength = psa.PSA_CIPHER_IV_LENGTH(keyType, alg);
  const iv = new Uint8Array(psa.PSA_CIPHER_IV_MAX_SIZE);
  const ciphertext = WABBLE.slice();
  let ciphertextLength = ciphertext.length;
  const decrypted = new Uint8Array(ciphertext.length);
  const partLength = { value: 0 };
  try {
    if (usage & psa.PSA_KEY_USAGE_ENCRYPT) {
      checkSuccess(psa.psa_cipher_encrypt_setup(operation, key, alg), 'exercise: psa_cipher_encrypt_setup');
      if (ivLength !== 0) {
        const length = { value: 0 };
        checkSuccess(psa.psa_cipher_generate_iv(operation, iv, length), 'exercise: psa_cipher_generate_iv');
        ivLength = length.value;
      }
      checkSuccess(psa.psa_cipher_update(operation, HELLO, ciphertext, partLength), 'exercise: psa_cipher_update');
      ciphertextLength = partLength.value;
      checkSuccess(psa.psa_cipher_finish(operation, ciphertext.subarray(ciphertextLength), partLength),
        'exercise: psa_cipher_finish');
      ciphertextLength += partLength.value;
    }
    if (usage & psa.PSA_KEY_USAGE_DECRYPT) {
      const maybeInvalidPadding = (usage & psa.PSA_KEY_USAGE_ENCRYPT) === 0 && !psa.PSA_ALG_IS_STREAM_CIPHER(alg);
      checkSuccess(psa.psa_cipher_decrypt_setup(operation, key, alg), 'exercise: psa_cipher_decrypt_setup');
      if (ivLength !== 0) {
        checkSuccess(psa.psa_cipher_set_iv(operation, iv.subarray(0, ivLength)), 'exercise: psa_cipher_set_iv');
      }
      checkSuccess(psa.psa_cipher_update(operation, ciphertext.subarray(0, ciphertextLength), decrypted, partLength),
        'exercise: psa_cipher_update (decrypt)');
      const status = psa.psa_cipher_finish(operation, decrypted.subarray(partLength.value), partLength);
      if (maybeInvalidPadding) {
        check(status === psa.PSA_SUCCESS || status === psa.PSA_ERROR_INVALID_PADDING,
          'exercise: psa_cipher_finish (decrypt) succeeds or reports bad padding');
      } else {
        checkSuccess(status, 'exercise: psa_cipher_finish (decrypt)');
      }
    }
  } finally {
    psa.psa_cipher_abort(operation);
  }
};
