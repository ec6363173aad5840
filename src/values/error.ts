/**
 * `PsaError`: how the TypeScript face reports a PSA failure. `.status` is the
 * C `psa_status_t` number; `.code` its C name. Messages name the function and
 * the offending value, never key material.
 * @module
 */
import { PSA_ERROR_GENERIC_ERROR, PSA_ERROR_INVALID_ARGUMENT, PSA_SUCCESS, statusName, type PsaStatusName } from './status.js';

/** A PSA failure: what the C API would have returned as a status. */
export class PsaError extends Error {
  /** The `psa_status_t` value (negative). */
  readonly status: number;
  /**
   * The C name of the status, e.g. `'PSA_ERROR_NOT_PERMITTED'` (what
   * `statusName(status)` gives), typed as the union of those names so a
   * `switch (e.code)` narrows.
   */
  readonly code: PsaStatusName;

  constructor(status: number, message?: string) {
    const code = statusName(status);
    super(message ? `${code}: ${message}` : code);
    this.name = 'PsaError';
    this.status = status;
    this.code = code;
  }
}

/** Throw `PsaError(status, message)`; typed `never` so it can end an expression. */
export function fail(status: number, message?: string): never {
  throw new PsaError(status, message);
}

/**
 * Whether `err` is what the JavaScript engine throws for a value of the
 * wrong type or range: a `TypeError` (a detached or Proxy-wrapped buffer, a
 * Symbol or BigInt where a number is due, `null` where an object is due, a
 * frozen out-parameter) or a `RangeError`.
 */
function isEngineFault(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError;
}

/** The `PsaError`s `asPsaError` made from an engine fault (module-private), for `blameArguments`. */
const fromEngineFault = new WeakSet<PsaError>();

/**
 * The status carried by anything thrown, for the C facade: a `PsaError`'s
 * own status; `PSA_ERROR_INVALID_ARGUMENT` for a raw `TypeError` or
 * `RangeError`, which in the C facade can only come from its own handling
 * of the caller's arguments (the output buffers and holders it writes; the
 * calls into the TS face arrive as `PsaError`s); `PSA_ERROR_GENERIC_ERROR`
 * for anything else (a bug, never a silent success).
 * @param err what was thrown
 */
export function statusOf(err: unknown): number {
  if (err instanceof PsaError) return err.status === PSA_SUCCESS ? PSA_ERROR_GENERIC_ERROR : err.status;
  return isEngineFault(err) ? PSA_ERROR_INVALID_ARGUMENT : PSA_ERROR_GENERIC_ERROR;
}

/**
 * Anything thrown, as a `PsaError`: a `PsaError` unchanged; anything else
 * (a bug or an exception of a dependency or a driver) as
 * `PSA_ERROR_GENERIC_ERROR` whose message names only `fn` and the kind of
 * the exception, never its message, which could carry data the caller
 * passed. Whether the input was at fault is decided where the arguments
 * are known, by `blameArguments`.
 * @param err what was thrown
 * @param fn the C name of the function that was running, for the message (optional)
 * @example
 * try { body(); } catch (err) { throw asPsaError(err, 'psa_mac_update'); }
 */
export function asPsaError(err: unknown, fn?: string): PsaError {
  if (err instanceof PsaError) return err;
  const kind = err instanceof Error ? err.name : typeof err;
  const e = new PsaError(PSA_ERROR_GENERIC_ERROR, fn ? `${fn}: internal error (${kind})` : `internal error (${kind})`);
  if (isEngineFault(err)) fromEngineFault.add(e);
  return e;
}

/** The intrinsic `byteLength` getter of typed arrays (it refuses a Proxy as receiver). */
const typedArrayByteLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, 'byteLength')!.get!;

/**
 * Whether `value` is one no function of the API can use as an argument of
 * any type: a Symbol, a BigInt, a function, `null` or `undefined`, a Proxy
 * posing as a typed array, a view of a detached buffer, or an object (or
 * an object field) that throws when read (a revoked Proxy, a throwing
 * getter) or holds a Symbol or BigInt.
 */
function isUnusable(value: unknown, depth = 0): boolean {
  const t = typeof value;
  if (t === 'symbol' || t === 'bigint' || t === 'function' || value === null || value === undefined) return true;
  if (t !== 'object') return false;
  try {
    if (value instanceof Uint8Array && !ArrayBuffer.isView(value)) return true;
    if (ArrayBuffer.isView(value)) {
      if (value instanceof DataView) return false;
      typedArrayByteLength.call(value);
      const buffer = value.buffer;
      if (buffer instanceof ArrayBuffer) new Uint8Array(buffer, 0, 0); // throws for a detached buffer
      return false;
    }
    if (depth > 0) return false;
    for (const key of Reflect.ownKeys(value as object)) {
      const field: unknown = (value as Record<PropertyKey, unknown>)[key];
      const ft = typeof field;
      if (ft === 'symbol' || ft === 'bigint' || (ft === 'object' && field !== null && isUnusable(field, depth + 1))) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/**
 * `err` (thrown by the public function `fn` called with `args`) as a
 * `PsaError`, with the input blamed where it is at fault: an engine fault
 * (`TypeError`, `RangeError`) while one of the arguments is unusable (see
 * `isUnusable`: a detached or Proxy buffer, a Symbol, `null`, …) is
 * `PSA_ERROR_INVALID_ARGUMENT`; the same exception with usable arguments
 * stays `PSA_ERROR_GENERIC_ERROR` (a fault of the library or of a driver).
 * @param err what was thrown
 * @param args the arguments of the call
 * @param fn the name of the function, for the message
 */
export function blameArguments(err: unknown, args: readonly unknown[], fn: string): PsaError {
  const engineFault = isEngineFault(err) || (err instanceof PsaError && fromEngineFault.has(err));
  if (engineFault && args.some((a) => isUnusable(a))) {
    return new PsaError(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an argument of the wrong type`);
  }
  return asPsaError(err, fn);
}
