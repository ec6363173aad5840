/**
 * The `psa_crypto_op_fail` suite's `asymmetric_encryption_fail`: an
 * asymmetric encryption algorithm that the key cannot be used with, or that
 * is not built in, must fail the same way for encryption (unless the key is
 * private-only) and decryption. As upstream's `TEST_STATUS`,
 * INVALID_ARGUMENT and NOT_SUPPORTED count as equal.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatusLoose, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_op_fail';

export const functions: SuiteFunctions = {
  asymmetric_encryption_fail: {
    params: ['int', 'data', 'int', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, privateOnly: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const attributes = psa.psa_key_attributes_init();
      const plaintext = new Uint8Array(psa.PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE);
      const ciphertext = new Uint8Array(psa.PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE);
      const length = { value: 0 };
      const key = { value: 0 };
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      psa.psa_set_key_type(attributes, keyType & 0xffff);
      psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT);
      psa.psa_set_key_algorithm(attributes, alg);
      checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
      try {
        if (!privateOnly) {
          checkStatusLoose(psa.psa_asymmetric_encrypt(key.value, alg, plaintext.subarray(0, 1), null, ciphertext, length),
            expectedStatus, 'psa_asymmetric_encrypt');
        }
        checkStatusLoose(psa.psa_asymmetric_decrypt(key.value, alg, ciphertext, null, plaintext, length),
          expectedStatus, 'psa_asymmetric_decrypt');
      } finally {
        psa.psa_destroy_key(key.value);
        psa.psa_reset_key_attributes(attributes);
      }
    },
  },
};
