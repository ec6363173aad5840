/**
 * Driver entry points for asymmetric encryption (see `driver.ts` for the contract).
 * @module
 */
import type { DriverKeyAttributes } from './types.js';
import type { RandomSource } from './types.js';

/** The asymmetric encryption entry points a driver may provide. */
export interface AsymmetricEncryptionEntryPoints {
  /**
   * Encrypt `input` with a public key or key pair. `salt` is the OAEP label
   * (always empty for algorithms without one). Returns the ciphertext.
   */
  asymmetricEncrypt?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, input: Uint8Array,
    salt: Uint8Array, random: RandomSource): Uint8Array;
  /**
   * Decrypt `input` with a key pair. Bad padding is `PSA_ERROR_INVALID_PADDING`
   * whatever its cause. Returns the plaintext (the caller wipes it).
   */
  asymmetricDecrypt?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, input: Uint8Array,
    salt: Uint8Array, random: RandomSource): Uint8Array;
}
