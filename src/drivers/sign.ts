/**
 * Driver entry points for sign (see `driver.ts` for the contract).
 * @module
 */

/** The sign entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SignEntryPoints {}
