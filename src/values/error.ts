/**
 * `PsaError`: how the TypeScript face reports a PSA failure. `.status` is the
 * C `psa_status_t` number; `.code` its C name. Messages name the function and
 * the offending value, never key material.
 * @module
 */
import { PSA_ERROR_GENERIC_ERROR, PSA_SUCCESS, statusName, type PsaStatusName } from './status.js';

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
 * The status carried by anything thrown: a `PsaError`'s own status, and
 * `PSA_ERROR_GENERIC_ERROR` for anything else (a bug, never a silent success).
 */
export function statusOf(err: unknown): number {
  if (err instanceof PsaError) return err.status === PSA_SUCCESS ? PSA_ERROR_GENERIC_ERROR : err.status;
  return PSA_ERROR_GENERIC_ERROR;
}

/**
 * Anything thrown, as a `PsaError`: a `PsaError` unchanged; anything else
 * (a bug or an exception of a dependency) as `PSA_ERROR_GENERIC_ERROR`
 * whose message names only `fn` and the kind of the exception, never its
 * message, which could carry data the caller passed.
 * @param err what was thrown
 * @param fn the C name of the function that was running, for the message (optional)
 * @example
 * try { body(); } catch (err) { throw asPsaError(err, 'psa_mac_update'); }
 */
export function asPsaError(err: unknown, fn?: string): PsaError {
  if (err instanceof PsaError) return err;
  const kind = err instanceof Error ? err.name : typeof err;
  return new PsaError(PSA_ERROR_GENERIC_ERROR, fn ? `${fn}: internal error (${kind})` : `internal error (${kind})`);
}
