/**
 * Random generation and instance statistics of `Psa`: `psa_generate_random`
 * (from the instance's DRBG, `random.ts`) and Mbed TLS's
 * `mbedtls_psa_get_stats` (from the key store).
 * @module
 */
import type { KeyStoreStats } from '../keys/store.js';
import { checkLength } from '../validate.js';
import { api, guardMethods } from './api.js';
import { coreOf } from './instance.js';

/** The random-generation and statistics methods of `Psa`. */
export interface RandomMethods {
  /**
   * `psa_generate_random`: `length` random bytes from the instance's DRBG.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `length` is not a non-negative integer
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_MEMORY`: a request beyond what one call may return
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: the entropy source failed when the DRBG (re)seeded
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const nonce = psa.generateRandom(12);
   */
  generateRandom(length: number): Uint8Array;

  /**
   * `mbedtls_psa_get_stats`: how the key slots are used.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  stats(): KeyStoreStats;
}

/** The bodies of `RandomMethods`, assigned to `Psa.prototype`. */
export const randomMethods: RandomMethods & ThisType<RandomMethods> = guardMethods({
  generateRandom(length) {
    const fn = 'psa_generate_random';
    return api(fn, () => coreOf(this, fn).rng.generate(checkLength(length, fn, 'length')));
  },

  stats() {
    return api('mbedtls_psa_get_stats', () => coreOf(this, 'mbedtls_psa_get_stats').store.stats());
  },
});
