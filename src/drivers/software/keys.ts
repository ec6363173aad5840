/**
 * Asymmetric key families of the software driver: each family module
 * (`ecc/keys.ts`, `rsa/keys.ts`, `dh/keys.ts`) exports a `KeyFamily` that
 * validates and canonicalises imports, generates key pairs and derives the
 * public key. The driver's key-management entry points pick the family by
 * key type; a type no family claims is NOT_SUPPORTED.
 * @module
 */
import type { DriverKeyAttributes, GenerateKeyOptions, KeyBuffer } from '../driver.js';
import { dhKeys } from './dh/keys.js';
import { eccKeys } from './ecc/keys.js';
import { rsaKeys } from './rsa/keys.js';
import { spake2pKeys } from './pake/spake2p/keys.js';
import { wpa3SaeKeys } from './pake/wpa3-sae/keys.js';
import { srpKeys } from './pake/srp/keys.js';

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

const FAMILIES: readonly (KeyFamily | undefined)[] = [eccKeys, rsaKeys, dhKeys, spake2pKeys, wpa3SaeKeys, srpKeys];

/** The family that handles `type`, if any. */
export function keyFamilyOf(type: number): KeyFamily | undefined {
  return FAMILIES.find((f) => f?.handles(type));
}
