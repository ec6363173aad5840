/**
 * Driver entry points for xof operations (see `driver.ts` for the contract).
 * @module
 */

/** The xof entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface XofEntryPoints {}
