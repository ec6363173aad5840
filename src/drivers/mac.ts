/**
 * Driver entry points for mac operations (see `driver.ts` for the contract).
 * @module
 */

/** The mac entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MacEntryPoints {}
