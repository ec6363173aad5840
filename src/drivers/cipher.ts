/**
 * Driver entry points for cipher operations (see `driver.ts` for the contract).
 * @module
 */

/** The cipher entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CipherEntryPoints {}
