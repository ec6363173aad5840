/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with an AEAD
 * algorithm (`exercise_aead_key` upstream): encrypt "Hello, world..." with
 * an all-zero nonce of the default length when the key may encrypt, then
 * decrypt the result when it may decrypt (INVALID_SIGNATURE expected when
 * nothing was encrypted first). A wildcard policy is exercised with its
 * minimum tag length.
 */
import * as psa from '../../../src/c/index.js';
import { check, checkSuccess } from '../assert.js';

/** `exercise_aead_key(key, usage, alg)`; throws on a failed check. */
export const exerciseAeadKey: ((key: number, usage: number, alg: number) => void) | undefined = (key, usage, algArg) => {
  let alg = algArg >>> 0;
  if ((alg & psa.PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG) !== 0) {
    alg = psa.PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, psa.PSA_ALG_AEAD_GET_TAG_LENGTH(alg));
  }
  const attributes = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, attributes), 'psa_get_key_attributes');
  const nonce = new Uint8Array(psa.PSA_AEAD_NONCE_LENGTH(psa.psa_get_key_type(attributes), alg));
  const plaintext = new TextEncoder().encode('Hello, world...\0');
  const ciphertext = new TextEncoder().encode('(wabblewebblewibblewobblewubble)\0'.padEnd(48, '\0'));
  const ciphertextLength = { value: ciphertext.length };
  if ((usage & psa.PSA_KEY_USAGE_ENCRYPT) !== 0) {
    checkSuccess(psa.psa_aead_encrypt(key, alg, nonce, new Uint8Array(0), plaintext, ciphertext, ciphertextLength),
      'psa_aead_encrypt (exercise)');
  }
  if ((usage & psa.PSA_KEY_USAGE_DECRYPT) !== 0) {
    const expected = (usage & psa.PSA_KEY_USAGE_ENCRYPT) !== 0 ? psa.PSA_SUCCESS : psa.PSA_ERROR_INVALID_SIGNATURE;
    const status = psa.psa_aead_decrypt(key, alg, nonce, new Uint8Array(0), ciphertext.subarray(0, ciphertextLength.value),
      plaintext, { value: 0 });
    check(status === expected, `psa_aead_decrypt (exercise) gave ${status}, expected ${expected}`);
  }
};
