/**
 * The one process-wide instance behind the C facade, and the rule that turns
 * a TypeScript-face call into a C status. `psa_crypto_init()` creates the
 * instance; `mbedtls_psa_crypto_free()` drops it. Without options, init
 * reuses one default memory storage for the life of the process, so
 * persistent keys survive a free/init "restart" as they do on a device.
 * @module
 */
import { createPsa } from '../create.js';
import type { Psa } from '../core/psa.js';
import type { PsaOptions } from '../core/options.js';
import { memoryStorage } from '../storage/memory.js';
import type { Its } from '../storage/its.js';
import { PsaError, statusOf } from '../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_SUCCESS } from '../values/status.js';

/** A C out-parameter: the function writes `value`. */
export interface Out<T = number> {
  value: T;
}

let current: Psa | undefined;
let defaultStorage: Its | undefined;

/**
 * `psa_crypto_init`. The optional argument (our extension) is a `createPsa`
 * options object; it applies when the library is not yet initialised.
 * Calling it again while initialised is a successful no-op.
 */
export function psa_crypto_init(options?: PsaOptions): number {
  if (current) return PSA_SUCCESS;
  try {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      return PSA_ERROR_INVALID_ARGUMENT;
    }
    const storage = options?.storage ?? (defaultStorage ??= memoryStorage());
    current = createPsa({ ...options, storage });
    return PSA_SUCCESS;
  } catch (err) {
    return statusOf(err);
  }
}

/** `mbedtls_psa_crypto_free`: wipe volatile keys and uninitialise. Harmless when not initialised. */
export function mbedtls_psa_crypto_free(): void {
  current?.close();
  current = undefined;
}

/** The current instance; BAD_STATE before `psa_crypto_init`. */
export function instance(): Psa {
  if (!current) throw new PsaError(PSA_ERROR_BAD_STATE, 'psa_crypto_init has not been called');
  return current;
}

/** Run a facade body and return its status: PSA_SUCCESS, or the status of what it threw. */
export function status(body: () => void): number {
  try {
    body();
    return PSA_SUCCESS;
  } catch (err) {
    return statusOf(err);
  }
}

/**
 * Write `value` into a C out-parameter, if the caller gave a holder (no
 * holder: C's NULL, nothing to write).
 * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT` when the holder refuses the write (frozen, getter-only, a Proxy that throws)
 */
export function setOut<T>(out: Out<T> | undefined | null, value: T): void {
  if (out === null || typeof out !== 'object') return;
  try {
    out.value = value;
  } catch {
    throw new PsaError(PSA_ERROR_INVALID_ARGUMENT, 'an out-parameter holder is not writable');
  }
}

/**
 * The best-effort form of `setOut`, for the writes a function makes before
 * (the initial 0) or after its status is decided: never throws, and
 * reports whether the value was written, so that a caller can turn a
 * refused write into a status where one is due.
 */
export function resetOut<T>(out: Out<T> | undefined | null, value: T): boolean {
  try {
    setOut(out, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fill `buffer[start..]` with `byte` (the wipe of an output buffer after a
 * call, as Mbed TLS does), if `buffer` is a usable `Uint8Array`. Never
 * throws: a detached or Proxy-wrapped buffer has already given its status.
 */
export function wipeOut(buffer: unknown, byte: number, start = 0): void {
  try {
    if (buffer instanceof Uint8Array) buffer.fill(byte, start);
  } catch {
    // nothing can be written into this buffer; the call's status says why
  }
}

/** The length of the caller's `Uint8Array` `buffer`, 0 for anything else (also a detached or Proxy-wrapped one). */
export function lengthOf(buffer: unknown): number {
  try {
    return buffer instanceof Uint8Array ? buffer.length : 0;
  } catch {
    return 0;
  }
}

/** Copy `source` into the caller's buffer `dest`, zeroing the unused tail. The caller checked the size. */
export function copyOut(source: Uint8Array, dest: Uint8Array): void {
  dest.set(source);
  dest.fill(0, source.length);
}
