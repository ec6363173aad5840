/**
 * Driver entry points for key wrapping (`psa_wrap_key`, `psa_unwrap_key`;
 * see `driver.ts` for the contract). The core hands a driver the wrapping
 * key (attributes and key buffer) and the key data in its export
 * representation; the driver applies the key-wrapping algorithm only. Policy,
 * export of the key being wrapped, output sizes and the creation of the
 * unwrapped key stay in the core.
 * @module
 */
import type { DriverKeyAttributes } from './types.js';

/** The key-wrapping entry points a driver may provide. */
export interface KeyWrapEntryPoints {
  /**
   * Wrap `keyData` (the export representation of the key being wrapped) with
   * the wrapping key, using key-wrapping algorithm `alg`. Returns the wrapped
   * data. INVALID_ARGUMENT when the data length is not valid for `alg`,
   * NOT_SUPPORTED for an algorithm or wrapping-key type the driver lacks.
   */
  wrapKey?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, keyData: Uint8Array): Uint8Array;
  /**
   * Unwrap `data` with the wrapping key and algorithm `alg`; returns the key
   * data (the caller wipes it). INVALID_SIGNATURE when the integrity check
   * fails (the recovered data is wiped first); INVALID_ARGUMENT when the
   * length of `data` can never be an output of `alg`.
   */
  unwrapKey?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, data: Uint8Array): Uint8Array;
}
