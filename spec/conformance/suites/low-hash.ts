/**
 * The `psa_crypto_low_hash` suite. Upstream it calls the entry points of the
 * built-in hash driver (`mbedtls_psa_hash_compute/setup/update/clone/finish/
 * abort`) directly, below the PSA core. This implementation exposes no
 * driver-level C API, so each entry point is mapped to the matching function
 * of the C facade (`psa_hash_compute`, `psa_hash_setup`, …), which reaches
 * the same built-in software hash through the core. The sequences of calls
 * and the expected digests are the upstream ones.
 */
import * as psa from '../../../src/c/index.js';
import { checkBytes, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_low_hash';

type Operation = psa.psa_hash_operation_t;

/** `mbedtls_psa_hash_finish` into a buffer of `size` bytes; returns the digest. */
function finish(operation: Operation, size: number, what: string): Uint8Array {
  const output = new Uint8Array(size);
  const length = { value: Number.MAX_SAFE_INTEGER };
  checkSuccess(psa.psa_hash_finish(operation, output, length), `finish ${what}`);
  return output.subarray(0, length.value);
}

/** `mbedtls_psa_hash_compute` into a buffer of `size` bytes; returns the digest. */
function compute(alg: number, input: Uint8Array, size: number, what: string): Uint8Array {
  const output = new Uint8Array(size);
  const length = { value: Number.MAX_SAFE_INTEGER };
  checkSuccess(psa.psa_hash_compute(alg, input, output, length), `compute ${what}`);
  return output.subarray(0, length.value);
}

export const functions: SuiteFunctions = {
  hash_valid_one_shot: {
    params: ['int', 'data', 'data'],
    run(algArg: number, input: Uint8Array, expected: Uint8Array) {
      const alg = algArg >>> 0;
      checkBytes(compute(alg, input, expected.length, 'into an exact buffer'), expected, 'digest (exact buffer)');
      checkBytes(compute(alg, input, expected.length + 1, 'into a larger buffer'), expected, 'digest (larger buffer)');
    },
  },

  hash_valid_multipart: {
    params: ['int', 'data', 'data', 'data', 'data'],
    run(algArg: number, input1: Uint8Array, expected1: Uint8Array, input2: Uint8Array, expected2: Uint8Array) {
      const alg = algArg >>> 0;
      const operation0 = psa.psa_hash_operation_init();
      const cloneStart = psa.psa_hash_operation_init();
      const cloneMiddle = psa.psa_hash_operation_init();
      const cloneEnd = psa.psa_hash_operation_init();
      const cloneMore = psa.psa_hash_operation_init();
      try {
        // Two updates, with clones after setup, between the updates and before finish.
        checkSuccess(psa.psa_hash_setup(operation0, alg), 'setup');
        checkSuccess(psa.psa_hash_clone(operation0, cloneStart), 'clone after setup');
        checkSuccess(psa.psa_hash_update(operation0, input1), 'update with input1');
        checkSuccess(psa.psa_hash_clone(operation0, cloneMiddle), 'clone between updates');
        checkSuccess(psa.psa_hash_update(operation0, input2), 'update with input2');
        checkSuccess(psa.psa_hash_clone(operation0, cloneEnd), 'clone before finish');
        checkBytes(finish(operation0, expected1.length, 'original'), expected2, 'digest of the original');

        checkSuccess(psa.psa_hash_update(cloneStart, input1), 'update of the clone made after setup');
        checkBytes(finish(cloneStart, expected1.length, 'clone made after setup'), expected1, 'digest of the clone made after setup');

        checkSuccess(psa.psa_hash_update(cloneMiddle, input2), 'update of the clone made between updates');
        checkBytes(finish(cloneMiddle, expected1.length, 'clone made between updates'), expected2, 'digest of the clone made between updates');

        checkSuccess(psa.psa_hash_clone(cloneEnd, cloneMore), 'clone of the clone made before finish');
        checkBytes(finish(cloneEnd, expected1.length, 'clone made before finish'), expected2, 'digest of the clone made before finish');

        // A larger output buffer, on a clone into a finished operation.
        checkSuccess(psa.psa_hash_clone(cloneMore, cloneEnd), 'clone into a finished operation');
        checkBytes(finish(cloneEnd, expected2.length + 1, 'into a larger buffer'), expected2, 'digest into a larger buffer');

        checkBytes(finish(cloneMore, expected2.length, 'last clone'), expected2, 'digest of the last clone');
      } finally {
        for (const op of [operation0, cloneStart, cloneMiddle, cloneEnd, cloneMore]) psa.psa_hash_abort(op);
      }
    },
  },

  hash_empty: {
    params: ['int', 'data'],
    run(algArg: number, expected: Uint8Array) {
      const alg = algArg >>> 0;
      const empty = new Uint8Array(0);
      checkBytes(compute(alg, empty, expected.length, 'of nothing'), expected, 'one-shot digest');

      const noUpdate = psa.psa_hash_operation_init();
      const oneUpdate = psa.psa_hash_operation_init();
      try {
        checkSuccess(psa.psa_hash_setup(noUpdate, alg), 'setup');
        checkBytes(finish(noUpdate, expected.length, 'without update'), expected, 'digest without update');

        checkSuccess(psa.psa_hash_setup(oneUpdate, alg), 'setup');
        checkSuccess(psa.psa_hash_update(oneUpdate, empty), 'update with nothing');
        checkBytes(finish(oneUpdate, expected.length, 'after an empty update'), expected, 'digest after an empty update');
      } finally {
        psa.psa_hash_abort(noUpdate);
        psa.psa_hash_abort(oneUpdate);
      }
    },
  },
};
