/**
 * Hash functions in C shape. `psa_hash_operation_t` is a holder whose
 * implementation is created on setup, so an operation object can be
 * initialised (`PSA_HASH_OPERATION_INIT`) before `psa_crypto_init`, as C
 * code does with static initialisers.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BAD_STATE } from '../values/status.js';
import type { HashOperation } from '../core/hash.js';
import { checkBytes } from '../core/validate.js';
import { abortImpl, activeImpl, adoptImpl, emptyHolder, holderOf, operationKind, setupImpl, type Holder } from './holder.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';

/** `psa_hash_operation_t` (treat as opaque). */
export type psa_hash_operation_t = Holder<HashOperation>;

/** `psa_hash_operation_init` / `PSA_HASH_OPERATION_INIT`: an inactive operation. */
export function psa_hash_operation_init(): psa_hash_operation_t {
  return emptyHolder(kind);
}

/** A fresh implementation from the current instance. */
const kind = operationKind<HashOperation>('psa_hash_operation_t', () => instance().hashOperation());

/** `psa_hash_compute`. */
export function psa_hash_compute(alg: number, input: Uint8Array, hash: Uint8Array, hashLength: Out): number {
  resetOut(hashLength, 0);
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
  return status(() => setupImpl(operation, 'psa_hash_setup', kind).setup(alg));
}

/** `psa_hash_update`. */
export function psa_hash_update(operation: psa_hash_operation_t, input: Uint8Array): number {
  return status(() => activeImpl(operation, 'psa_hash_update', kind).update(input));
}

/** `psa_hash_finish`. */
export function psa_hash_finish(operation: psa_hash_operation_t, hash: Uint8Array, hashLength: Out): number {
  resetOut(hashLength, 0);
  return status(() => {
    const op = activeImpl(operation, 'psa_hash_finish', kind);
    const out = checkBytes(hash, 'psa_hash_finish', 'hash');
    const digest = op.finish(out.length);
    copyOut(digest, out);
    setOut(hashLength, digest.length);
  });
}

/** `psa_hash_verify`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_hash_verify(operation: psa_hash_operation_t, hash: Uint8Array): number {
  return status(() => activeImpl(operation, 'psa_hash_verify', kind).verify(hash));
}

/** `psa_hash_abort`: valid in any state. */
export function psa_hash_abort(operation: psa_hash_operation_t): number {
  return status(() => abortImpl(operation, 'psa_hash_abort', kind));
}

/** `psa_hash_clone`: the target must be inactive. */
export function psa_hash_clone(sourceOperation: psa_hash_operation_t, targetOperation: psa_hash_operation_t): number {
  return status(() => {
    const source = activeImpl(sourceOperation, 'psa_hash_clone', kind);
    const target = holderOf(targetOperation, 'psa_hash_clone', kind);
    if (target.impl?.active) fail(PSA_ERROR_BAD_STATE, 'psa_hash_clone: the target operation is active');
    adoptImpl(targetOperation, 'psa_hash_clone', kind, source.clone());
  });
}

/** `psa_hash_suspend`: write the PSA hash suspend state; the operation becomes inactive. */
export function psa_hash_suspend(operation: psa_hash_operation_t, hashState: Uint8Array, hashStateLength: Out): number {
  resetOut(hashStateLength, 0);
  return status(() => {
    const op = activeImpl(operation, 'psa_hash_suspend', kind);
    const out = checkBytes(hashState, 'psa_hash_suspend', 'hash_state');
    const state = op.suspend(out.length);
    copyOut(state, out);
    setOut(hashStateLength, state.length);
  });
}

/** `psa_hash_resume`: continue from a suspend state on an inactive operation. */
export function psa_hash_resume(operation: psa_hash_operation_t, hashState: Uint8Array): number {
  return status(() => setupImpl(operation, 'psa_hash_resume', kind).resume(hashState));
}
