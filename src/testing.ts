/**
 * `psa-crypto/testing`: helpers for tests and simulations only, never for
 * production. Kept out of the package root so that a deterministic source
 * cannot be mistaken for one of the real entropy sources
 * (`systemEntropy`).
 *
 * ```ts
 * import { createPsa } from 'psa-crypto';
 * import { seededEntropy } from 'psa-crypto/testing';
 * const psa = createPsa({ entropy: seededEntropy(new TextEncoder().encode('test run 7')) });
 * ```
 * @module
 */

export { seededEntropy } from './core/random/entropy.js';
