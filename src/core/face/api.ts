/**
 * The one error rule of the TypeScript face: every public method of `Psa`
 * (and `createPsa`) runs its body through `api`, so a caller only ever sees
 * a `PsaError`: PSA failures pass through unchanged, anything else (a bug,
 * an exception of a dependency) becomes `PSA_ERROR_GENERIC_ERROR` naming
 * the function and the kind of the exception, never its message.
 * @module
 */
import { asPsaError, blameArguments, PsaError } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';

/**
 * Run the body of the public function `fn`: its result, or its failure as a
 * `PsaError` (see `asPsaError`: `${fn}: internal error (${kind})` for
 * anything that is not already one).
 * @param fn the C name of the function, e.g. `'psa_sign_hash'`
 * @param body the argument checks and the call into the core
 * @throws {PsaError} whatever `body` throws, as a `PsaError`
 * @example
 * return api('psa_export_key', () => exportKey(coreOf(this, 'psa_export_key'), checkUint(id, fn, 'key')));
 */
export function api<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    throw asPsaError(err, fn);
  }
}

/** `args` with an `undefined` for each declared parameter the caller left out (a missing argument is an unusable one). */
function withMissing(args: readonly unknown[], method: unknown): readonly unknown[] {
  const declared = (method as (...a: unknown[]) => unknown).length;
  return args.length >= declared ? args : [...args, ...new Array<undefined>(declared - args.length).fill(undefined)];
}

/** The classes whose methods `guardOperation` has wrapped (each once). */
const guarded = new WeakSet<object>();

/**
 * Give every method of the operation class `cls` the error rule of `api`,
 * once, at load of the face module that hands out its objects: a failure
 * of `op.update(…)` is always a `PsaError` (a `TypeError` from a value of
 * the wrong type is INVALID_ARGUMENT, as `asPsaError` says), and a method
 * called on an object that is not of that class (`HashOperation.prototype
 * .update.call(macOp, x)`) answers `PSA_ERROR_BAD_STATE`: an operation of
 * another kind is not active for it, the rule the C facade follows too.
 * Inherited methods are wrapped on `cls.prototype` itself, so a base
 * class shared with other classes is left alone. Accessors (`active`,
 * `numOps`) are left as they are.
 * @param cls the class (`HashOperation`, `MacOperation`, …)
 */
export function guardOperation(cls: abstract new (...args: never[]) => object): void {
  const proto = cls.prototype as Record<string, unknown>;
  if (guarded.has(proto)) return;
  guarded.add(proto);
  // the methods of the class and of its base classes, the nearest definition of each name
  const methods = new Map<string, PropertyDescriptor>();
  for (let level: object | null = proto; level !== null && level !== Object.prototype; level = Object.getPrototypeOf(level) as object | null) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(level))) {
      if (!methods.has(name)) methods.set(name, descriptor);
    }
  }
  for (const [name, descriptor] of methods) {
    const method: unknown = descriptor.value;
    if (name === 'constructor' || typeof method !== 'function') continue;
    const fn = `${cls.name}.${name}`;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      if (!(this instanceof cls)) throw new PsaError(PSA_ERROR_BAD_STATE, `${fn}: the operation is not a ${cls.name}`);
      let result: unknown;
      try {
        result = (method as (...a: unknown[]) => unknown).apply(this, args);
      } catch (err) {
        throw blameArguments(err, withMissing(args, method), fn);
      }
      if (result instanceof Promise) return result.catch((err: unknown) => { throw blameArguments(err, withMissing(args, method), fn); });
      return result;
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(wrapped, 'length', { value: (method as (...a: unknown[]) => unknown).length });
    Object.defineProperty(wrapped, 'toString', { value: () => Function.prototype.toString.call(method) });
    Object.defineProperty(proto, name, { ...descriptor, value: wrapped });
  }
}

/**
 * `value` as an operation object of class `cls`, for a `Psa` method that
 * takes one (`generateKeyIopSetup(operation, …)`).
 * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT` when `value` is not an object
 * @throws {PsaError} `PSA_ERROR_BAD_STATE` when it is an object of another kind (the rule of `guardOperation`)
 */
export function operationOf<T extends object>(value: unknown, cls: abstract new (...args: never[]) => T, fn: string): T {
  if (typeof value !== 'object' || value === null) throw new PsaError(PSA_ERROR_INVALID_ARGUMENT, `${fn}: operation must be an operation object`);
  if (!(value instanceof cls)) throw new PsaError(PSA_ERROR_BAD_STATE, `${fn}: the operation is not a ${cls.name}`);
  return value;
}

/**
 * `group` (the methods one face module puts on `Psa.prototype`) with each
 * method's failures judged against its arguments (`blameArguments`): an
 * engine fault caused by an unusable argument (a detached or Proxy buffer,
 * a Symbol, `null`) is INVALID_ARGUMENT, not GENERIC_ERROR.
 * @param group the method object of a face module
 */
export function guardMethods<T extends object>(group: T): T {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(group))) {
    const method: unknown = descriptor.value;
    if (typeof method !== 'function') continue;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      try {
        return (method as (...a: unknown[]) => unknown).apply(this, args);
      } catch (err) {
        throw blameArguments(err, withMissing(args, method), `Psa.${name}`);
      }
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    Object.defineProperty(wrapped, 'length', { value: (method as (...a: unknown[]) => unknown).length });
    // the source shown for the method is its own, parameters included
    Object.defineProperty(wrapped, 'toString', { value: () => Function.prototype.toString.call(method) });
    Object.defineProperty(group, name, { ...descriptor, value: wrapped });
  }
  return group;
}
