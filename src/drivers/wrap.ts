/**
 * Driver entry points for wrap operations (see `driver.ts` for the contract).
 * @module
 */

/** The wrap entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KeyWrapEntryPoints {}
