/**
 * Driver entry points for MAC operations (see `driver.ts` for the contract).
 *
 * The core has already checked the key policy, that the algorithm is a MAC
 * algorithm compatible with the key, and that its MAC length is valid; a
 * driver answers `PSA_ERROR_NOT_SUPPORTED` for what it does not implement,
 * which passes the call to the next transparent driver.
 * @module
 */
import type { DriverKeyAttributes } from './types.js';

/** A multipart MAC computation inside a driver. */
export interface MacContext {
  /** Feed message bytes (never called with an empty array). */
  update(data: Uint8Array): void;
  /**
   * The MAC of everything fed so far: at least `PSA_MAC_LENGTH(type, bits,
   * alg)` bytes (the core keeps that many leading bytes and wipes the rest).
   * The context is finished afterwards.
   */
  finish(): Uint8Array;
  /** Wipe every secret the context holds and release it. */
  destroy(): void;
}

/** The MAC entry points a driver may provide. */
export interface MacEntryPoints {
  /**
   * Start a multipart MAC with `alg` (possibly truncated, never a wildcard).
   * `keyBuffer` is valid only during the call: the context keeps whatever
   * it derives from it.
   */
  macSetup?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number): MacContext;
  /** Single-part MAC (same output rule as `MacContext.finish`); when absent the core uses `macSetup`. */
  macCompute?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, input: Uint8Array): Uint8Array;
}
