/**
 * Driver entry points for asymmetric encryption (see `driver.ts` for the contract).
 * @module
 */

/** The asymmetric encryption entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AsymmetricEncryptionEntryPoints {}
