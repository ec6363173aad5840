/**
 * The types every part of the driver interface shares: what a driver is told
 * about a key, and how it is given randomness. A leaf module, so the entry
 * point interfaces (`aead.ts`, `sign.ts`, …) and `driver.ts`, which
 * composes them, import it without importing each other.
 * @module
 */

/** What a driver is told about a key (never its id: drivers see attributes and material). */
export interface DriverKeyAttributes {
  readonly type: number;
  /** 0 on import means "determine from the data". */
  readonly bits: number;
  readonly lifetime: number;
  readonly usage: number;
  readonly alg: number;
  readonly alg2: number;
}

/** Random bytes for randomized algorithms (randomized ECDSA, PSS salts, blinding). */
export type RandomSource = (length: number) => Uint8Array;
