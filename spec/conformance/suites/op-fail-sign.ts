/**
 * The `psa_crypto_op_fail` suite's `sign_fail`: a signature algorithm that
 * is incompatible with the key, or not built in, must fail the same way
 * through `psa_sign_hash`, `psa_sign_hash_start`, and (for keys with a
 * public part) `psa_verify_hash` and `psa_verify_hash_start`. As upstream's
 * `TEST_STATUS`, INVALID_ARGUMENT and NOT_SUPPORTED count as equal.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatusLoose, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_op_fail';

export const functions: SuiteFunctions = {
  sign_fail: {
    params: ['int', 'data', 'int', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, privateOnly: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const type = keyType & 0xffff;
      const input = Uint8Array.from([0x41]);
      const output = new Uint8Array(psa.PSA_SIGNATURE_MAX_SIZE);
      const length = { value: 0 };
      const signOperation = psa.psa_sign_hash_interruptible_operation_init();
      const verifyOperation = psa.psa_verify_hash_interruptible_operation_init();
      const attributes = psa.psa_key_attributes_init();
      const key = { value: 0 };
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      psa.psa_set_key_type(attributes, type);
      psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH);
      psa.psa_set_key_algorithm(attributes, alg);
      checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
      try {
        checkStatusLoose(psa.psa_sign_hash(key.value, alg, input, output, length), expectedStatus, 'psa_sign_hash');
        checkStatusLoose(psa.psa_sign_hash_start(signOperation, key.value, alg, input), expectedStatus, 'psa_sign_hash_start');
        checkSuccess(psa.psa_sign_hash_abort(signOperation), 'psa_sign_hash_abort');
        if (!privateOnly) {
          checkSuccess(psa.psa_get_key_attributes(key.value, attributes), 'psa_get_key_attributes');
          const bits = psa.psa_get_key_bits(attributes);
          let outputLength = output.length;
          if (psa.PSA_KEY_TYPE_IS_RSA(type)) outputLength = psa.PSA_BITS_TO_BYTES(bits);
          else if (psa.PSA_KEY_TYPE_IS_ECC(type)) outputLength = 2 * psa.PSA_BITS_TO_BYTES(bits);
          const candidate = output.subarray(0, outputLength);
          checkStatusLoose(psa.psa_verify_hash(key.value, alg, input, candidate), expectedStatus, 'psa_verify_hash');
          checkStatusLoose(psa.psa_verify_hash_start(verifyOperation, key.value, alg, input, candidate), expectedStatus,
            'psa_verify_hash_start');
          checkSuccess(psa.psa_verify_hash_abort(verifyOperation), 'psa_verify_hash_abort');
        }
      } finally {
        psa.psa_sign_hash_abort(signOperation);
        psa.psa_verify_hash_abort(verifyOperation);
        psa.psa_destroy_key(key.value);
        psa.psa_reset_key_attributes(attributes);
      }
    },
  },
};
