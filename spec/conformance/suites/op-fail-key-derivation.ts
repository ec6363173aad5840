/**
 * The `psa_crypto_op_fail` suite's `key_derivation_fail`: setting up a key
 * derivation with an algorithm that is not a supported KDF (or key
 * agreement + KDF) must fail with exactly the expected status.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatus } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { guarded, startSession, u32 } from '../helpers.js';

export const suite = 'psa_crypto_op_fail';

function keyDerivationFail(algArg: number, expectedStatus: number): void {
  startSession();
  const operation = psa.psa_key_derivation_operation_init();
  try {
    checkStatus(psa.psa_key_derivation_setup(operation, u32(algArg)), expectedStatus, 'psa_key_derivation_setup');
  } finally {
    psa.psa_key_derivation_abort(operation);
  }
}

export const functions: SuiteFunctions = {
  key_derivation_fail: { params: ['int', 'int'], run: guarded(keyDerivationFail) },
};
