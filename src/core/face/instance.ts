/**
 * How a `Psa` instance reaches its core context without publishing it: a
 * module-private `WeakMap` from instance to context, so no property or
 * method of the instance leads to the key store (and through it to key
 * material). `coreOf` is the closed-instance check of every method
 * (`PSA_ERROR_BAD_STATE` after `close`, as Mbed TLS after
 * `mbedtls_psa_crypto_free`). Also the one helper that puts the per-group
 * method objects on `Psa.prototype`.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE } from '../../values/status.js';
import type { Its } from '../../storage/its.js';
import type { CoreContext } from '../context.js';

/** One instance's context and whether the instance is still open. */
interface Binding {
  readonly ctx: CoreContext;
  open: boolean;
}

const bindings = new WeakMap<object, Binding>();

/** The binding of `psa`; a TypeError (GENERIC_ERROR through `api`) when `psa` is not a `Psa` instance. */
function bindingOf(psa: object): Binding {
  const binding = bindings.get(psa);
  if (!binding) throw new TypeError('not a Psa instance');
  return binding;
}

/** Give the new instance `psa` its core context (called once, by the `Psa` constructor). */
export function bindCore(psa: object, ctx: CoreContext): void {
  bindings.set(psa, { ctx, open: true });
}

/**
 * The core context of `psa`, for the function `fn`.
 * @throws {PsaError} `PSA_ERROR_BAD_STATE` once the instance is closed
 */
export function coreOf(psa: object, fn: string): CoreContext {
  const binding = bindingOf(psa);
  if (!binding.open) fail(PSA_ERROR_BAD_STATE, `${fn}: the PSA instance has been closed`);
  return binding.ctx;
}

/** The ITS backend of `psa`'s persistent keys (also after `close`: the keys stay in it). */
export function storageOf(psa: object): Its {
  return bindingOf(psa).ctx.persistent.its;
}

/** Mark `psa` closed; its context the first time (for the caller to wipe), `undefined` when already closed. */
export function unbindCore(psa: object): CoreContext | undefined {
  const binding = bindingOf(psa);
  if (!binding.open) return undefined;
  binding.open = false;
  return binding.ctx;
}

/**
 * Put the methods of each group object on `target` (a class prototype) as a
 * class declaration would: writable, configurable, not enumerable. A name
 * given by two groups is a programming error, reported at module load.
 * @throws {TypeError} when two groups define the same method
 */
export function defineMethods(target: object, groups: readonly object[]): void {
  for (const group of groups) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(group))) {
      if (Object.prototype.hasOwnProperty.call(target, name)) throw new TypeError(`Psa.${name} is defined twice`);
      Object.defineProperty(target, name, { ...descriptor, enumerable: false });
    }
  }
}
