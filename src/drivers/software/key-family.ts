/**
 * `KeyFamily`: what the software driver's key modules (`ecc/keys.ts`,
 * `rsa/keys.ts`, `dh/keys.ts`, the PAKE key modules) provide for one family
 * of asymmetric key types. A leaf module: `keys.ts` lists the families, and
 * the families import only this interface.
 * @module
 */
import type { DriverKeyAttributes, GenerateKeyOptions, KeyBuffer } from '../driver.js';

/** Key management for one family of asymmetric key types. */
export interface KeyFamily {
  /** Whether this family handles `type` (public key or key pair). */
  handles(type: number): boolean;
  /** Validate `data` in the PSA import format and return the key buffer (export format) and size. */
  importKey(attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer;
  /** Generate a key pair of `attributes.bits`; `customData` is e.g. an RSA public exponent; `options` may report progress. */
  generateKey?(attributes: DriverKeyAttributes, random: (length: number) => Uint8Array, customData: Uint8Array, options?: GenerateKeyOptions): KeyBuffer;
  /** The public key (PSA public-key format) of a key pair. */
  exportPublicKey(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): Uint8Array;
}
