/**
 * EC J-PAKE in the software driver.
 * @module
 */
import type { DriverKeyAttributes } from '../driver.js';
import type { PakeContext, PakeInputs } from '../pake.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';

/** Start a EC J-PAKE exchange (not implemented yet: NOT_SUPPORTED). */
export function jpakeSetup(_attributes: DriverKeyAttributes, _keyBuffer: Uint8Array, _inputs: PakeInputs): PakeContext {
  return fail(PSA_ERROR_NOT_SUPPORTED, 'EC J-PAKE is not supported');
}
