/**
 * Operation objects of the C facade. Every `psa_*_operation_t` (and the
 * interruptible and key-derivation operation objects) is a `Holder`: a plain
 * object whose implementation, an operation of the TS API, is created on
 * first use, so that the object can be initialised (`PSA_*_INIT`, or
 * all-zero) before `psa_crypto_init`, as C code does with static
 * initialisers. The C functions reach the implementation through the
 * accessors of this module only:
 * - `implOf`: the implementation, created from the current instance on
 *   first use (or BAD_STATE when it was never set up); its own state checks
 *   give the statuses;
 * - `activeImpl`: for a call whose C-side checks (its buffers) come after
 *   the state check: BAD_STATE unless active;
 * - `setupImpl`: for a setup: the operation in use (whose setup then fails
 *   with BAD_STATE, aborting it where the operation does), else a fresh one
 *   from the current instance;
 * - `abortImpl`: `psa_*_abort`, valid in any state.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';

/** An operation holder (treat as opaque). */
export interface Holder<T> {
  /** @internal the implementation, once used. */
  impl?: T | undefined;
}

/** What every implementation has. */
interface Operation {
  readonly active: boolean;
  abort(): void;
}

/** `psa_*_operation_init` / `PSA_*_OPERATION_INIT`: an inactive operation object. */
export function emptyHolder<T>(): Holder<T> {
  return { impl: undefined };
}

/**
 * `operation` as a holder.
 * @throws PSA_ERROR_INVALID_ARGUMENT when it is not an object
 */
export function holder<T>(operation: unknown, fn: string): Holder<T> {
  if (typeof operation !== 'object' || operation === null) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: operation must be an operation object`);
  return operation as Holder<T>;
}

/**
 * The holder's implementation, created with `create` (from the current
 * instance) when absent.
 * @throws PSA_ERROR_BAD_STATE when it is absent and no `create` is given (the operation was never set up)
 */
export function implOf<T>(operation: unknown, fn: string, create?: () => T): T {
  const h = holder<T>(operation, fn);
  if (h.impl === undefined && create === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not active`);
  h.impl ??= create!();
  return h.impl;
}

/**
 * The holder's active implementation.
 * @throws PSA_ERROR_BAD_STATE when the operation is not active (nothing changes)
 */
export function activeImpl<T extends Operation>(operation: unknown, fn: string): T {
  const h = holder<T>(operation, fn);
  if (!h.impl?.active) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not active`);
  return h.impl;
}

/**
 * The implementation a setup runs on: the one in use, so that its setup
 * gives BAD_STATE as the operation's rules say, or a fresh one from
 * `create` (the current instance). `inUse` says which implementation is in
 * use; by default an active one.
 */
export function setupImpl<T extends Operation>(operation: unknown, fn: string, create: () => T,
  inUse: (impl: T) => boolean = (impl) => impl.active): T {
  const h = holder<T>(operation, fn);
  if (h.impl === undefined || !inUse(h.impl)) h.impl = create();
  return h.impl;
}

/** `psa_*_abort`: abort the implementation, if there is one; valid in any state. */
export function abortImpl(operation: unknown, fn: string): void {
  holder<Operation>(operation, fn).impl?.abort();
}
