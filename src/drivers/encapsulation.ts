/**
 * Driver entry points for key encapsulation (see `driver.ts` for the contract).
 * @module
 */
import type { DriverKeyAttributes } from './types.js';
import type { RandomSource } from './types.js';

/** What an encapsulation produces: the shared secret (the caller wipes it) and the ciphertext for the peer. */
export interface Encapsulated {
  readonly sharedSecret: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** The encapsulation entry points a driver may provide. */
export interface EncapsulationEntryPoints {
  /** A new shared secret and its ciphertext for the holder of the key pair behind `keyBuffer` (a public key or a key pair). */
  encapsulate?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, random: RandomSource): Encapsulated;
  /** The shared secret inside `ciphertext`, with a key pair. An obviously invalid ciphertext is INVALID_ARGUMENT. */
  decapsulate?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, ciphertext: Uint8Array): Uint8Array;
}
