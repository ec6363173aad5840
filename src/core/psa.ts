/**
 * `Psa`: the TypeScript face of the PSA Crypto API. Methods are the C
 * functions in camelCase with the same argument order; outputs are
 * returned, failures thrown as `PsaError`. Several instances can coexist;
 * nothing is global. The methods live in one file per function group
 * (`psa-keys.ts`, `psa-mac.ts`, `psa-cipher.ts`, …), each extending the last.
 * @module
 */
import type { PsaOptions } from './options.js';
import { api } from './psa-base.js';
import { PsaIop } from './psa-iop.js';

/** One PSA Crypto instance: a key store, its storage, its drivers and its random generator. */
export class Psa extends PsaIop {}

/** Create a PSA Crypto instance (`psa_crypto_init` for the TypeScript face). */
export function createPsa(options: PsaOptions = {}): Psa {
  return api('createPsa', () => new Psa(options));
}
