/**
 * The `psa_crypto_not_supported` suite: importing or generating a key of a
 * type this build does not provide gives PSA_ERROR_NOT_SUPPORTED and no key.
 */
import { expect } from 'vitest';
import * as psa from '../../../src/c/index.js';
import {
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_IS_ECC,
} from '../../../src/values/index.js';
import { isConfigDefined } from '../capabilities.js';
import type { SuiteFunctions } from '../framework.js';
import { expectStatus, guarded, startSession, u16 } from '../helpers.js';

export const suite = 'psa_crypto_not_supported';

/** `INVALID_KEY_ID`: a value the key id holder starts with, which must be cleared. */
const INVALID_KEY_ID = 0xfedcba98;

function importNotSupported(keyTypeArg: number, keyMaterial: Uint8Array): void {
  const keyType = u16(keyTypeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, keyType);
  const keyId = { value: INVALID_KEY_ID };
  const status = psa.psa_import_key(attributes, keyMaterial, keyId);
  if (isConfigDefined('PSA_WANT_KEY_TYPE_ECC_PUBLIC_KEY') && status === PSA_ERROR_INVALID_ARGUMENT) {
    // Tolerated for ECC when ECC public keys are built in: the curve size is
    // inferred from the data, which may be rejected before the curve is checked.
    expect(PSA_KEY_TYPE_IS_ECC(keyType), 'INVALID_ARGUMENT only for an ECC key type').toBe(true);
  } else {
    expectStatus(status, PSA_ERROR_NOT_SUPPORTED, 'psa_import_key');
  }
  expect(keyId.value, 'key id after a failed import').toBe(0);
}

function generateNotSupported(keyTypeArg: number, bits: number): void {
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, u16(keyTypeArg));
  psa.psa_set_key_bits(attributes, bits);
  const keyId = { value: INVALID_KEY_ID };
  expectStatus(psa.psa_generate_key(attributes, keyId), PSA_ERROR_NOT_SUPPORTED, 'psa_generate_key');
  expect(keyId.value, 'key id after a failed generation').toBe(0);
}

export const functions: SuiteFunctions = {
  import_not_supported: { params: ['int', 'data'], run: guarded(importNotSupported) },
  generate_not_supported: { params: ['int', 'int'], run: guarded(generateNotSupported) },
};
