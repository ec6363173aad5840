/**
 * Operation objects of the C facade: a holder whose implementation (an
 * operation of the TS API) is created on first use, so that the object can
 * be initialised (`PSA_*_INIT`, or all-zero) before `psa_crypto_init`.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';

/** An operation holder. */
export interface Holder<T> {
  /** @internal the implementation, once used. */
  impl?: T | undefined;
}

/** `operation` as a holder; INVALID_ARGUMENT when it is not an object. */
export function holder<T>(operation: unknown, fn: string): Holder<T> {
  if (typeof operation !== 'object' || operation === null) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: operation must be an operation object`);
  return operation as Holder<T>;
}

/** The holder's implementation, created with `create` (from the current instance) when absent. */
export function implOf<T>(operation: unknown, fn: string, create: () => T): T {
  const h = holder<T>(operation, fn);
  h.impl ??= create();
  return h.impl;
}
