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
 * - `abortImpl`: `psa_*_abort`, valid in any state;
 * - `numOpsOf`: the `_get_num_ops` getters.
 *
 * The kind of an operation object. In C, passing a `psa_mac_operation_t`
 * to `psa_hash_update` does not compile; here every operation object has a
 * kind (`OperationKind`), given by its `_init` function or by its first
 * use, and one rule answers a function of another kind, on both faces: the
 * object is not an active operation for that function, so the function
 * answers `PSA_ERROR_BAD_STATE` and changes nothing (its `_abort` is a
 * successful no-op that leaves the object as it was). Anything that is not
 * an object (`null`, a number) where an operation object is due is
 * `PSA_ERROR_INVALID_ARGUMENT`; a getter (`_get_num_ops`) given one, or an
 * object of another kind, returns 0, as for an inactive operation.
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

/** A kind of operation object: its name (for messages) and how to make its implementation from the current instance. */
export interface OperationKind<T> {
  /** The C type, e.g. `'psa_hash_operation_t'`. */
  readonly name: string;
  /** A fresh implementation from the current instance. */
  readonly create: () => T;
}

/** The kind of every holder that has one (module-private: nothing on the holder can forge it). */
const kinds = new WeakMap<object, OperationKind<unknown>>();

/**
 * A kind of operation object.
 * @param name the C type name
 * @param create a fresh implementation from the current instance
 */
export function operationKind<T>(name: string, create: () => T): OperationKind<T> {
  return { name, create };
}

/** `psa_*_operation_init` / `PSA_*_OPERATION_INIT`: an inactive operation object of `kind`. */
export function emptyHolder<T>(kind: OperationKind<T>): Holder<T> {
  const h: Holder<T> = { impl: undefined };
  kinds.set(h, kind);
  return h;
}

/**
 * `operation` as a holder, without a kind check.
 * @throws PSA_ERROR_INVALID_ARGUMENT when it is not an object
 */
export function holder<T>(operation: unknown, fn: string): Holder<T> {
  if (typeof operation !== 'object' || operation === null) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: operation must be an operation object`);
  return operation as Holder<T>;
}

/** Whether `h` is of `kind` (a holder without a kind becomes one of `kind` on its first use). */
function ofKind(h: object, kind: OperationKind<unknown>): boolean {
  const own = kinds.get(h);
  return own === undefined || own === kind;
}

/**
 * `operation` as a holder of `kind`, which it becomes when it had no kind.
 * @throws PSA_ERROR_INVALID_ARGUMENT when it is not an object
 * @throws PSA_ERROR_BAD_STATE when it is an operation object of another kind
 */
export function holderOf<T>(operation: unknown, fn: string, kind: OperationKind<T>): Holder<T> {
  const h = holder<T>(operation, fn);
  if (!ofKind(h, kind)) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not a ${kind.name}`);
  kinds.set(h, kind);
  return h;
}

/**
 * The holder's implementation, created from `kind` (the current instance)
 * when absent, unless `create` is false.
 * @throws PSA_ERROR_BAD_STATE when the operation is of another kind, or absent and `create` is false
 */
export function implOf<T>(operation: unknown, fn: string, kind: OperationKind<T>, create = true): T {
  const h = holderOf(operation, fn, kind);
  if (h.impl === undefined && !create) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not active`);
  h.impl ??= kind.create();
  return h.impl;
}

/**
 * The holder's active implementation.
 * @throws PSA_ERROR_BAD_STATE when the operation is not active or of another kind (nothing changes)
 */
export function activeImpl<T extends Operation>(operation: unknown, fn: string, kind: OperationKind<T>): T {
  const h = holderOf(operation, fn, kind);
  if (!h.impl?.active) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not active`);
  return h.impl;
}

/**
 * The implementation a setup runs on: the one in use, so that its setup
 * gives BAD_STATE as the operation's rules say, or a fresh one from
 * `kind` (the current instance). `inUse` says which implementation is in
 * use; by default an active one.
 * @throws PSA_ERROR_BAD_STATE when the operation is of another kind
 */
export function setupImpl<T extends Operation>(operation: unknown, fn: string, kind: OperationKind<T>,
  inUse: (impl: T) => boolean = (impl) => impl.active): T {
  const h = holderOf(operation, fn, kind);
  if (h.impl === undefined || !inUse(h.impl)) h.impl = kind.create();
  return h.impl;
}

/**
 * Give the holder `operation` (of `kind`, not in use: the caller checked)
 * the implementation `impl` (a clone).
 */
export function adoptImpl<T>(operation: unknown, fn: string, kind: OperationKind<T>, impl: T): void {
  holderOf(operation, fn, kind).impl = impl;
}

/**
 * `psa_*_abort`: abort the implementation, if there is one; valid in any
 * state. An operation object of another kind is left as it is.
 * @throws PSA_ERROR_INVALID_ARGUMENT when `operation` is not an object
 */
export function abortImpl(operation: unknown, fn: string, kind: OperationKind<Operation>): void {
  const h = holder<Operation>(operation, fn);
  if (ofKind(h, kind)) h.impl?.abort();
}

/** `_get_num_ops`: the implementation's count, 0 for anything that is not an operation object of `kind`. */
export function numOpsOf<T extends { readonly numOps: number }>(operation: unknown, kind: OperationKind<T>): number {
  if (typeof operation !== 'object' || operation === null || !ofKind(operation, kind)) return 0;
  try {
    const n = (operation as Holder<T>).impl?.numOps;
    return typeof n === 'number' ? n : 0;
  } catch {
    return 0;
  }
}
