/**
 * Driver entry points for encapsulation (see `driver.ts` for the contract).
 * @module
 */

/** The encapsulation entry points a driver may provide. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EncapsulationEntryPoints {}
