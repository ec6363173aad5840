/**
 * `createPsa`: a PSA Crypto instance with the package's defaults
 * (`psa_crypto_init` for the TypeScript face). The defaults are plug-ins
 * (the software driver, a memory ITS), so they are wired here, outside
 * `src/core`, which knows drivers and storage only through their interfaces.
 * @module
 */
import type { PsaOptions } from './core/options.js';
import { api } from './core/face/api.js';
import { Psa } from './core/psa.js';
import { checkObject } from './core/validate.js';
import { softwareDriver } from './drivers/software/index.js';
import { memoryStorage } from './storage/memory.js';

/**
 * Create a PSA Crypto instance (`psa_crypto_init` for the TypeScript face).
 * Absent `drivers` become `[softwareDriver()]`, absent `storage` a fresh
 * `memoryStorage()`; the other options are as `PsaOptions` says.
 * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `options` not an object, `keySlotCount` out of range, two opaque drivers for one location
 * @throws {PsaError} `PSA_ERROR_GENERIC_ERROR`: a driver's `init` failed with something that is not a `PsaError`
 * @example
 * const psa = createPsa();
 * const persistent = createPsa({ storage: fileStorage('/var/lib/keys') });
 */
export function createPsa(options: PsaOptions = {}): Psa {
  return api('createPsa', () => {
    const o = checkObject(options, 'createPsa', 'options') as PsaOptions;
    return new Psa({ ...o, drivers: o.drivers ?? [softwareDriver()], storage: o.storage ?? memoryStorage() });
  });
}
