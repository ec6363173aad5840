/**
 * The `psa_crypto_op_fail` suite's `aead_fail`: an AEAD algorithm that the
 * key cannot be used with (or that is not built in), or a non-AEAD
 * algorithm, must fail the same way through both setups and both
 * single-part functions. As upstream's `TEST_STATUS`, INVALID_ARGUMENT and
 * NOT_SUPPORTED count as equal.
 */
import * as psa from '../../../src/c/index.js';
import { checkSuccess, checkStatusLoose } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_op_fail';

export const functions: SuiteFunctions = {
  aead_fail: {
    params: ['int', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_aead_operation_init();
      const attributes = psa.psa_key_attributes_init();
      const input = new TextEncoder().encode('ABCDEFGHIJKLMNO\0');
      const output = new Uint8Array(64);
      const length = { value: 0 };
      const key = { value: 0 };
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      psa.psa_set_key_type(attributes, keyType & 0xffff);
      psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT);
      psa.psa_set_key_algorithm(attributes, alg);
      checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
      try {
        checkStatusLoose(psa.psa_aead_encrypt_setup(operation, key.value, alg), expectedStatus, 'psa_aead_encrypt_setup');
        checkStatusLoose(psa.psa_aead_decrypt_setup(operation, key.value, alg), expectedStatus, 'psa_aead_decrypt_setup');
        checkStatusLoose(psa.psa_aead_encrypt(key.value, alg, input, new Uint8Array(0), input, output, length),
          expectedStatus, 'psa_aead_encrypt');
        checkStatusLoose(psa.psa_aead_decrypt(key.value, alg, input, new Uint8Array(0), input, output, length),
          expectedStatus, 'psa_aead_decrypt');
      } finally {
        psa.psa_aead_abort(operation);
        psa.psa_destroy_key(key.value);
      }
    },
  },
};
