/**
 * psa-crypto: the PSA Certified Crypto API 1.5 in TypeScript.
 *
 * ```ts
 * import { createPsa, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT } from 'psa-crypto';
 * const psa = createPsa();
 * const id = psa.generateKey({ type: PSA_KEY_TYPE_AES, bits: 128, usage: PSA_KEY_USAGE_EXPORT });
 * ```
 * @module
 */
export * from './values/index.js';
export { createPsa, Psa } from './core/psa.js';
export type { PsaOptions } from './core/options.js';
export type { KeyAttributes, ResolvedKeyAttributes } from './core/attributes.js';
export type { CustomKeyParameters } from './core/key-management.js';
export type { KeyStoreStats } from './core/key-store.js';
export { HashOperation } from './core/hash.js';
export { systemEntropy, seededEntropy, failingEntropy, type EntropySource } from './core/entropy.js';
export * from './storage/index.js';
export { softwareDriver } from './drivers/software/index.js';
export type {
  Driver,
  DriverKeyAttributes,
  HashContext,
  KeyBuffer,
  OpaqueDriver,
  TransparentDriver,
} from './drivers/driver.js';
