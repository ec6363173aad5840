/**
 * Models of Nordic's nrf_security transparent drivers: `cc3xx` (CryptoCell
 * CC310/CC312) and `oberon` (Oberon PSA Crypto), their capability tables as
 * data, and the shared restricted-driver mechanism. Compose them in device
 * order: `createPsa({ drivers: [cc3xx({ variant: 'cc310' }), oberon()] })`.
 * @module
 */
export { cc3xx, cc3xxRows, CC3XX_QUIRKS, CC3XX_NOT_MODELLED } from './cc3xx.js';
export type { Cc3xxOptions, Cc3xxQuirk, Cc3xxVariant } from './cc3xx.js';
export { oberon, oberonRows } from './oberon.js';
export type { OberonOptions, OberonVersion } from './oberon.js';
export { OBERON_LATEST, OBERON_ROWS } from './capabilities-oberon.js';
export { CC3XX_ROWS, CC3XX_RNG_MAX_REQUEST } from './capabilities.js';
export type { CapabilityRow, CapabilityTable, KeySpec, Operation } from './capabilities.js';
export { restrictedDriver } from './restricted.js';
export type { RestrictedHooks, RestrictedOptions } from './restricted.js';
