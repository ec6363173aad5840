/**
 * The `psa_crypto_generate_key` suite (generated from the key type list):
 * `psa_generate_key` with only the type and size set must give the expected
 * status, and on success a volatile key without usage or algorithm of that
 * type and size.
 */
import * as psa from '../../../src/c/index.js';
import { PSA_KEY_LIFETIME_VOLATILE, PSA_SUCCESS } from '../../../src/values/index.js';
import { checkEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { guarded, startSession, u16 } from '../helpers.js';

export const suite = 'psa_crypto_generate_key';

/** The value the key id holder starts with (upstream's `INVALID_KEY_ID`). */
const INVALID_KEY_ID = 0xfedcba98;

function generateKey(keyTypeArg: number, bits: number, expectedStatus: number): void {
  const type = u16(keyTypeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);
  const key = { value: INVALID_KEY_ID };
  try {
    checkStatus(psa.psa_generate_key(attributes, key), expectedStatus, 'psa_generate_key');
    if (expectedStatus === PSA_SUCCESS) {
      const got = psa.psa_key_attributes_init();
      checkSuccess(psa.psa_get_key_attributes(key.value, got), 'psa_get_key_attributes');
      checkEqual(psa.psa_get_key_lifetime(got), PSA_KEY_LIFETIME_VOLATILE, 'lifetime');
      checkEqual(psa.psa_get_key_usage_flags(got), 0, 'usage');
      checkEqual(psa.psa_get_key_algorithm(got), 0, 'algorithm');
      checkEqual(psa.psa_get_key_type(got), type, 'type');
      checkEqual(psa.psa_get_key_bits(got), bits, 'bits');
    }
  } finally {
    if (key.value !== INVALID_KEY_ID) psa.psa_destroy_key(key.value);
  }
}

export const functions: SuiteFunctions = {
  generate_key: { params: ['int', 'int', 'int'], run: guarded(generateKey) },
};
