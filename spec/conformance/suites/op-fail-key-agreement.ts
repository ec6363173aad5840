/**
 * The `psa_crypto_op_fail` suite's `key_agreement_fail`: a key agreement
 * with a key/algorithm pair that cannot work must fail the same way through
 * `psa_raw_key_agreement` and `psa_key_agreement` (INVALID_ARGUMENT and
 * NOT_SUPPORTED count as one, as upstream's `TEST_STATUS`). The
 * interruptible variant needs restartable ECC (not built), and the
 * `psa_key_derivation_key_agreement` step (into an HKDF operation) runs
 * only when HKDF is built, as upstream.
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_EXPORT_PUBLIC_KEY_MAX_SIZE,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_IS_KEY_PAIR,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE,
} from '../../../src/values/index.js';
import { checkStatusLoose, checkSuccess } from '../assert.js';
import { isConfigDefined } from '../capabilities.js';
import type { SuiteFunctions } from '../framework.js';
import { guarded, startSession, u16, u32 } from '../helpers.js';

export const suite = 'psa_crypto_op_fail';

function keyAgreementFail(keyTypeArg: number, keyData: Uint8Array, algArg: number, _privateOnly: number, expectedStatus: number): void {
  const keyType = u16(keyTypeArg);
  const alg = u32(algArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, keyType);
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_DERIVE);
  psa.psa_set_key_algorithm(attributes, alg);
  const key = { value: 0 };
  const secret = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
  try {
    const publicKey = new Uint8Array(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    const publicLength = { value: 0 };
    if (PSA_KEY_TYPE_IS_KEY_PAIR(keyType) || PSA_KEY_TYPE_IS_PUBLIC_KEY(keyType)) {
      checkSuccess(psa.psa_export_public_key(key.value, publicKey, publicLength), 'psa_export_public_key');
    }
    const peer = publicKey.subarray(0, publicLength.value);
    const output = new Uint8Array(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE);
    const length = { value: 0 };
    checkStatusLoose(psa.psa_raw_key_agreement(alg, key.value, peer, output, length), expectedStatus, 'psa_raw_key_agreement');
    const secretAttributes = psa.psa_key_attributes_init();
    psa.psa_set_key_type(secretAttributes, PSA_KEY_TYPE_DERIVE);
    psa.psa_set_key_usage_flags(secretAttributes, PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT);
    checkStatusLoose(psa.psa_key_agreement(key.value, peer, alg, secretAttributes, secret), expectedStatus, 'psa_key_agreement');
    if (isConfigDefined('PSA_WANT_ALG_HKDF') && isConfigDefined('PSA_WANT_ALG_SHA_256')) {
      const operation = psa.psa_key_derivation_operation_init();
      try {
        checkSuccess(psa.psa_key_derivation_setup(operation, PSA_ALG_HKDF(PSA_ALG_SHA_256)), 'psa_key_derivation_setup');
        checkStatusLoose(psa.psa_key_derivation_key_agreement(operation, PSA_KEY_DERIVATION_INPUT_SECRET, key.value, peer), expectedStatus,
          'psa_key_derivation_key_agreement');
      } finally {
        psa.psa_key_derivation_abort(operation);
      }
    }
  } finally {
    psa.psa_destroy_key(secret.value);
    psa.psa_destroy_key(key.value);
  }
}

export const functions: SuiteFunctions = {
  key_agreement_fail: { params: ['int', 'data', 'int', 'int', 'int'], run: guarded(keyAgreementFail) },
};
