/**
 * Driver entry points for aead operations (see `driver.ts` for the contract).
 * @module
 */

/** The aead entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AeadEntryPoints {}
