/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a MAC algorithm
 * (`exercise_mac_key` upstream): with SIGN_HASH usage, a multipart sign of
 * "foo\0"; with VERIFY_HASH usage, a multipart verify of that MAC, which must
 * succeed when the key could sign and otherwise fail with INVALID_SIGNATURE
 * (the MAC is then a zeroed `PSA_MAC_MAX_SIZE` buffer). An at-least-this-
 * length wildcard policy is exercised with the truncation it names.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatus, checkSuccess } from '../assert.js';

/** `exercise_mac_key` (key not destroyable). */
export const exerciseMacKey: ((key: number, usage: number, alg: number) => void) | undefined = (
  key: number,
  usage: number,
  algArg: number,
): void => {
  const operation = psa.psa_mac_operation_init();
  const input = Uint8Array.from([0x66, 0x6f, 0x6f, 0x00]); // "foo" with its terminating NUL
  let mac = new Uint8Array(psa.PSA_MAC_MAX_SIZE);
  let alg = algArg >>> 0;
  if (alg & psa.PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG) {
    alg = psa.PSA_ALG_TRUNCATED_MAC(alg, psa.PSA_MAC_TRUNCATED_LENGTH(alg));
  }
  try {
    if (usage & psa.PSA_KEY_USAGE_SIGN_HASH) {
      const macLength = { value: 0 };
      checkSuccess(psa.psa_mac_sign_setup(operation, key, alg), 'exercise: psa_mac_sign_setup');
      checkSuccess(psa.psa_mac_update(operation, input), 'exercise: psa_mac_update');
      checkSuccess(psa.psa_mac_sign_finish(operation, mac, macLength), 'exercise: psa_mac_sign_finish');
      mac = mac.slice(0, macLength.value);
    }
    if (usage & psa.PSA_KEY_USAGE_VERIFY_HASH) {
      const verifyStatus = usage & psa.PSA_KEY_USAGE_SIGN_HASH ? psa.PSA_SUCCESS : psa.PSA_ERROR_INVALID_SIGNATURE;
      checkSuccess(psa.psa_mac_verify_setup(operation, key, alg), 'exercise: psa_mac_verify_setup');
      checkSuccess(psa.psa_mac_update(operation, input), 'exercise: psa_mac_update');
      checkStatus(psa.psa_mac_verify_finish(operation, mac), verifyStatus, 'exercise: psa_mac_verify_finish');
    }
  } finally {
    psa.psa_mac_abort(operation);
  }
};
