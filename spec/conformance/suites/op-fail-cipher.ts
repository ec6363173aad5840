/**
 * The `psa_crypto_op_fail` suite's `cipher_fail`: a cipher algorithm that is
 * incompatible with the key, or not built in, must fail the same way through
 * every cipher entry point. As upstream's `TEST_STATUS`, INVALID_ARGUMENT and
 * NOT_SUPPORTED count as equal.
 */
import * as psa from '../../../src/c/index.js';
import { checkSuccess, checkStatusLoose } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_op_fail';

export const functions: SuiteFunctions = {
  cipher_fail: {
    params: ['int', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_cipher_operation_init();
      const attributes = psa.psa_key_attributes_init();
      const input = Uint8Array.from([0x41]);
      const output = new Uint8Array(64);
      const length = { value: 0 };
      psa.psa_set_key_type(attributes, keyType & 0xffff);
      psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT);
      psa.psa_set_key_algorithm(attributes, alg);
      const key = { value: 0 };
      checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
      try {
        checkStatusLoose(psa.psa_cipher_encrypt_setup(operation, key.value, alg), expectedStatus, 'psa_cipher_encrypt_setup');
        checkStatusLoose(psa.psa_cipher_decrypt_setup(operation, key.value, alg), expectedStatus, 'psa_cipher_decrypt_setup');
        checkStatusLoose(psa.psa_cipher_encrypt(key.value, alg, input, output, length), expectedStatus, 'psa_cipher_encrypt');
        checkStatusLoose(psa.psa_cipher_decrypt(key.value, alg, input, output, length), expectedStatus, 'psa_cipher_decrypt');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key.value);
      }
    },
  },
};
