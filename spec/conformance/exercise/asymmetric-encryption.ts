/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with an asymmetric
 * encryption algorithm (`exercise_asymmetric_encryption_key` upstream): with
 * ENCRYPT usage, encrypt the 16 bytes "Hello, world..." (NUL-padded) with no
 * label; with DECRYPT usage, decrypt that ciphertext — or, when the key could
 * not encrypt, the fixed filler buffer of `PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE`
 * bytes, which may then fail with INVALID_ARGUMENT or INVALID_PADDING.
 */
import * as psa from '../../../src/c/index.js';
import { CheckFailure, checkSuccess } from '../assert.js';

/** `exercise_asymmetric_encryption_key` (key not destroyable). */
export const exerciseAsymmetricEncryptionKey: ((key: number, usage: number, alg: number) => void) | undefined = (
  key: number,
  usage: number,
  alg: number,
): void => {
  const plaintext = new Uint8Array(psa.PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE);
  plaintext.set(new TextEncoder().encode('Hello, world...'));
  const ciphertext = new Uint8Array(psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
  ciphertext.set(new TextEncoder().encode('(wabblewebblewibblewobblewubble)'));
  const ciphertextLength = { value: ciphertext.length };
  if (usage & psa.PSA_KEY_USAGE_ENCRYPT) {
    checkSuccess(psa.psa_asymmetric_encrypt(key, alg >>> 0, plaintext.subarray(0, 16), null, ciphertext, ciphertextLength),
      'exercise: psa_asymmetric_encrypt');
  }
  if (usage & psa.PSA_KEY_USAGE_DECRYPT) {
    const plaintextLength = { value: 0 };
    const status = psa.psa_asymmetric_decrypt(key, alg >>> 0, ciphertext.subarray(0, ciphertextLength.value), null,
      plaintext, plaintextLength);
    const tolerated = (usage & psa.PSA_KEY_USAGE_ENCRYPT) === 0 &&
      (status === psa.PSA_ERROR_INVALID_ARGUMENT || status === psa.PSA_ERROR_INVALID_PADDING);
    if (status !== psa.PSA_SUCCESS && !tolerated) {
      throw new CheckFailure(`exercise: psa_asymmetric_decrypt returned ${status}`);
    }
  }
};
