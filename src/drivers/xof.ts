/**
 * Driver entry points for extendable-output functions (`psa_xof_*`; see
 * `driver.ts` for the contract). The core owns the PSA state machine (when a
 * context may be set, that input stops once output starts, the error state);
 * a driver context only absorbs and squeezes.
 * @module
 */

/** A multipart XOF computation inside a driver. */
export interface XofContext {
  /** The XOF algorithm. */
  readonly alg: number;
  /**
   * Set the customisation context of an algorithm that has one
   * (`PSA_ALG_XOF_HAS_CONTEXT`). Called at most once, before any input.
   * INVALID_ARGUMENT / NOT_SUPPORTED for a context value the algorithm or the
   * driver cannot take.
   */
  setContext?(context: Uint8Array): void;
  /** Absorb input. Never called after the first `output`. */
  update(data: Uint8Array): void;
  /** The next `length` bytes of the output stream; the first call finalises the input. */
  output(length: number): Uint8Array;
  /** Wipe and release. */
  destroy(): void;
}

/** The XOF entry points a driver may provide. */
export interface XofEntryPoints {
  /** Start an XOF computation (NOT_SUPPORTED for an algorithm the driver lacks). */
  xofSetup?(alg: number): XofContext;
}
