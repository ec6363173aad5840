/**
 * Hash functions in C shape. `psa_hash_operation_t` is a holder whose
 * implementation is created on setup, so an operation object can be
 * initialised (`PSA_HASH_OPERATION_INIT`) before `psa_crypto_init`, as C
 * code does with static initialisers.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import type { HashOperation } from '../core/hash.js';
import { checkBytes } from '../core/validate.js';
import { copyOut, instance, setOut, status, type Out } from './instance.js';

/** `psa_hash_operation_t` (treat as opaque). */
export interface psa_hash_operation_t {
  /** @internal the implementation, once set up. */
  impl?: HashOperation | undefined;
}

/** `psa_hash_operation_init` / `PSA_HASH_OPERATION_INIT`: an inactive operation. */
export function psa_hash_operation_init(): psa_hash_operation_t {
  return { impl: undefined };
}

function checkOp(operation: unknown, fn: string): psa_hash_operation_t {
  if (typeof operation !== 'object' || operation === null) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: operation must be a psa_hash_operation_t`);
  return operation as psa_hash_operation_t;
}

function active(operation: unknown, fn: string): HashOperation {
  const op = checkOp(operation, fn);
  if (!op.impl?.active) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not active`);
  return op.impl;
}

/** An inactive implementation for `op`, from the current instance. */
function fresh(op: psa_hash_operation_t, fn: string): HashOperation {
  if (op.impl?.active) {
    // Mbed TLS aborts an operation on any failure, this one included.
    op.impl.abort();
    fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is already active`);
  }
  op.impl = instance().hashOperation();
  return op.impl;
}

/** `psa_hash_compute`. */
export function psa_hash_compute(alg: number, input: Uint8Array, hash: Uint8Array, hashLength: Out): number {
  setOut(hashLength, 0);
  return status(() => {
    const out = checkBytes(hash, 'psa_hash_compute', 'hash');
    const digest = instance().hashCompute(alg, input, out.length);
    copyOut(digest, out);
    setOut(hashLength, digest.length);
  });
}

/** `psa_hash_compare`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_hash_compare(alg: number, input: Uint8Array, hash: Uint8Array): number {
  return status(() => instance().hashCompare(alg, input, hash));
}

/** `psa_hash_setup`. */
export function psa_hash_setup(operation: psa_hash_operation_t, alg: number): number {
  return status(() => fresh(checkOp(operation, 'psa_hash_setup'), 'psa_hash_setup').setup(alg));
}

/** `psa_hash_update`. */
export function psa_hash_update(operation: psa_hash_operation_t, input: Uint8Array): number {
  return status(() => active(operation, 'psa_hash_update').update(input));
}

/** `psa_hash_finish`. */
export function psa_hash_finish(operation: psa_hash_operation_t, hash: Uint8Array, hashLength: Out): number {
  setOut(hashLength, 0);
  return status(() => {
    const op = active(operation, 'psa_hash_finish');
    const out = checkBytes(hash, 'psa_hash_finish', 'hash');
    const digest = op.finish(out.length);
    copyOut(digest, out);
    setOut(hashLength, digest.length);
  });
}

/** `psa_hash_verify`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_hash_verify(operation: psa_hash_operation_t, hash: Uint8Array): number {
  return status(() => active(operation, 'psa_hash_verify').verify(hash));
}

/** `psa_hash_abort`: valid in any state. */
export function psa_hash_abort(operation: psa_hash_operation_t): number {
  return status(() => checkOp(operation, 'psa_hash_abort').impl?.abort());
}

/** `psa_hash_clone`: the target must be inactive. */
export function psa_hash_clone(sourceOperation: psa_hash_operation_t, targetOperation: psa_hash_operation_t): number {
  return status(() => {
    const source = active(sourceOperation, 'psa_hash_clone');
    const target = checkOp(targetOperation, 'psa_hash_clone');
    if (target.impl?.active) fail(PSA_ERROR_BAD_STATE, 'psa_hash_clone: the target operation is active');
    target.impl = source.clone();
  });
}

/** `psa_hash_suspend`: write the PSA hash suspend state; the operation becomes inactive. */
export function psa_hash_suspend(operation: psa_hash_operation_t, hashState: Uint8Array, hashStateLength: Out): number {
  setOut(hashStateLength, 0);
  return status(() => {
    const op = active(operation, 'psa_hash_suspend');
    const out = checkBytes(hashState, 'psa_hash_suspend', 'hash_state');
    const state = op.suspend(out.length);
    copyOut(state, out);
    setOut(hashStateLength, state.length);
  });
}

/** `psa_hash_resume`: continue from a suspend state on an inactive operation. */
export function psa_hash_resume(operation: psa_hash_operation_t, hashState: Uint8Array): number {
  return status(() => fresh(checkOp(operation, 'psa_hash_resume'), 'psa_hash_resume').resume(hashState));
}
