/**
 * Driver entry points for key agreement (see `driver.ts` for the contract).
 * @module
 */

/** The key agreement entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface KeyAgreementEntryPoints {}
