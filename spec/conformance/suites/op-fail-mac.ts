/**
 * The `psa_crypto_op_fail` suite's `hash_fail` and `mac_fail`: operations
 * with an algorithm that is not a hash (resp. a MAC algorithm incompatible
 * with the key, or not built in) must fail the same way through every entry
 * point. As upstream's `TEST_STATUS`, `mac_fail` treats INVALID_ARGUMENT and
 * NOT_SUPPORTED as equal; `hash_fail` compares strictly.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatus, checkSuccess, checkStatusLoose } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_op_fail';

export const functions: SuiteFunctions = {
  hash_fail: {
    params: ['int', 'int'],
    run(algArg: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_hash_operation_init();
      const input = Uint8Array.from([0x41]);
      const output = new Uint8Array(psa.PSA_HASH_MAX_SIZE);
      const length = { value: 0 };
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      try {
        checkStatus(psa.psa_hash_setup(operation, alg), expectedStatus, 'psa_hash_setup');
        checkStatus(psa.psa_hash_compute(alg, input, output, length), expectedStatus, 'psa_hash_compute');
        checkStatus(psa.psa_hash_compare(alg, input, output), expectedStatus, 'psa_hash_compare');
      } finally {
        psa.psa_hash_abort(operation);
      }
    },
  },

  mac_fail: {
    params: ['int', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_mac_operation_init();
      const attributes = psa.psa_key_attributes_init();
      const input = Uint8Array.from([0x41]);
      const output = new Uint8Array(psa.PSA_MAC_MAX_SIZE);
      const length = { value: 0 };
      const key = { value: 0 };
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      psa.psa_set_key_type(attributes, keyType & 0xffff);
      psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH);
      psa.psa_set_key_algorithm(attributes, alg);
      checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
      try {
        checkStatusLoose(psa.psa_mac_sign_setup(operation, key.value, alg), expectedStatus, 'psa_mac_sign_setup');
        checkStatusLoose(psa.psa_mac_verify_setup(operation, key.value, alg), expectedStatus, 'psa_mac_verify_setup');
        checkStatusLoose(psa.psa_mac_compute(key.value, alg, input, output, length), expectedStatus, 'psa_mac_compute');
        checkStatusLoose(psa.psa_mac_verify(key.value, alg, input, output), expectedStatus, 'psa_mac_verify');
      } finally {
        psa.psa_mac_abort(operation);
        psa.psa_destroy_key(key.value);
        psa.psa_reset_key_attributes(attributes);
      }
    },
  },
};
