/**
 * The driver interface: how the core reaches an implementation of a
 * mechanism. Same contract as the PSA driver interface (transparent and
 * opaque drivers), in TypeScript: entry points throw `PsaError`; a
 * transparent driver throwing `PSA_ERROR_NOT_SUPPORTED` passes the call to
 * the next driver, any other outcome is final. This file holds interfaces only.
 * @module
 */
import type { AeadEntryPoints } from './aead.js';
import type { AsymmetricEncryptionEntryPoints } from './asymmetric-encryption.js';
import type { EncapsulationEntryPoints } from './encapsulation.js';
import type { KeyAgreementEntryPoints } from './key-agreement.js';
import type { KeyDerivationEntryPoints } from './key-derivation.js';
import type { PakeEntryPoints } from './pake.js';
import type { InterruptibleKeyEntryPoints } from './interruptible-keys.js';
import type { SignEntryPoints } from './sign.js';
import type { CipherEntryPoints } from './cipher.js';
import type { MacEntryPoints } from './mac.js';
import type { KeyWrapEntryPoints } from './wrap.js';
import type { XofEntryPoints } from './xof.js';
import type { DriverKeyAttributes } from './types.js';

export type { DriverKeyAttributes, RandomSource } from './types.js';

/** A multipart hash computation inside a driver. */
export interface HashContext {
  readonly alg: number;
  update(data: Uint8Array): void;
  /** Return the digest; the context is finished afterwards. */
  finish(): Uint8Array;
  /** An independent copy of the current state. */
  clone(): HashContext;
  /** Wipe and release. */
  destroy(): void;
  /**
   * Optional: the parts of the PSA hash suspend state for the input so far
   * (algorithms with a defined suspend format only; otherwise absent or
   * throwing `PSA_ERROR_NOT_SUPPORTED`). The context stays usable; the
   * caller destroys it.
   */
  suspend?(): HashSuspendParts;
}

/**
 * The algorithm-specific parts of a PSA hash suspend state (the framing with
 * the algorithm identifier is the core's business).
 */
export interface HashSuspendParts {
  /** Total number of input bytes so far, `unprocessed` included. */
  readonly inputLength: number;
  /** The intermediate chaining value in the encoding the PSA spec defines for the algorithm. */
  readonly state: Uint8Array;
  /** The partial block not yet compressed: `inputLength mod block length` bytes. */
  readonly unprocessed: Uint8Array;
}

/** Result of a key import or generation: the key buffer the core stores, and the key size. */
export interface KeyBuffer {
  /** Transparent drivers: the export representation. Opaque drivers: the driver's context blob. */
  readonly keyBuffer: Uint8Array;
  readonly bits: number;
}

/**
 * A progress report of a key generation (RSA: the other key types are fast
 * and report nothing). Within one search, `candidates` counts up from 1.
 * - `'prime-p'`, `'prime-q'`: one event per candidate prime that passed
 *   trial division and went through Miller–Rabin.
 * - `'check'`: one event per pair of primes put through the final checks
 *   (|p − q| and the size of d). A rejected pair starts again with `'prime-p'`.
 */
export interface KeyGenerationProgress {
  readonly phase: 'prime-p' | 'prime-q' | 'check';
  readonly candidates: number;
}

/** Options of a key generation (the TypeScript face's optional last argument). */
export interface GenerateKeyOptions {
  /**
   * Called synchronously as a long generation advances. If it throws, the
   * generation is abandoned (no key is created): a `PsaError` it throws is
   * reported unchanged, anything else as `PSA_ERROR_GENERIC_ERROR`.
   */
  readonly onProgress?: (event: KeyGenerationProgress) => void;
}

/** Entry points shared by both kinds of driver. All are optional. */
export interface DriverEntryPoints
  extends MacEntryPoints, CipherEntryPoints, AeadEntryPoints, KeyWrapEntryPoints, XofEntryPoints,
    SignEntryPoints, AsymmetricEncryptionEntryPoints, KeyAgreementEntryPoints, KeyDerivationEntryPoints, EncapsulationEntryPoints,
    PakeEntryPoints, InterruptibleKeyEntryPoints {
  /** A short name for diagnostics (`'software'`, `'cc3xx'`, …). */
  readonly name: string;
  /** Called once by `createPsa`. */
  init?(): void;

  /** Validate and canonicalise key material. Throws INVALID_ARGUMENT on bad data, NOT_SUPPORTED on unsupported types. */
  importKey?(attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer;
  /**
   * Generate a key of `attributes.type` and `attributes.bits`, `random` supplying entropy;
   * `customData` carries `psa_generate_key_custom`'s data (e.g. an RSA public exponent), empty otherwise;
   * `options.onProgress`, when given, may be called as the generation advances (drivers may ignore it).
   */
  generateKey?(
    attributes: DriverKeyAttributes,
    random: (length: number) => Uint8Array,
    customData?: Uint8Array,
    options?: GenerateKeyOptions,
  ): KeyBuffer;
  /** The public part of a key pair, in the PSA public-key format. */
  exportPublicKey?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): Uint8Array;

  /**
   * The hash algorithms this driver's hash entry points implement: its
   * declared capability, which the core reads to answer whether a hash is
   * supported (Mbed TLS's `is_hash_supported`) without computing one. A
   * driver with hash entry points lists every algorithm they accept.
   */
  readonly hashAlgorithms?: readonly number[];
  /** Hash: single-part. */
  hashCompute?(alg: number, input: Uint8Array): Uint8Array;
  /** Hash: start a multipart computation. */
  hashSetup?(alg: number): HashContext;
  /** Hash: rebuild a multipart computation from suspended parts (INVALID_ARGUMENT when they are inconsistent). */
  hashResume?(alg: number, parts: HashSuspendParts): HashContext;
}

/**
 * A transparent driver (an accelerator): it gets key material in the export
 * format and computes. Used for keys in location 0 (local storage).
 */
export interface TransparentDriver extends DriverEntryPoints {
  readonly kind: 'transparent';
}

/**
 * An opaque driver (a secure element, a KMU, TF-M): owns one location; key
 * buffers are its own context blobs and material never leaves it.
 */
export interface OpaqueDriver extends DriverEntryPoints {
  readonly kind: 'opaque';
  /** The location (lifetime bits 8–31) this driver owns. */
  readonly location: number;
  /** Export the key material (only if the driver allows it at all). */
  exportKey?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): Uint8Array;
  /** Copy a key inside the driver. */
  copyKey?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): KeyBuffer;
  /** Release whatever the driver holds for a key being destroyed. */
  destroyKey?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): void;
  /**
   * `psa_attach_key`: the implementation-provided key that `label` names in
   * this location (a pre-provisioned slot, a key derived from a device
   * secret, …). `attributes` are the application's (type and bits may be 0,
   * to be supplied here). Throws DOES_NOT_EXIST when `label` names nothing,
   * INVALID_ARGUMENT when the material cannot serve the requested type or
   * size. The material stays in the driver: destroying the key later only
   * forgets the returned reference.
   */
  attachKey?(attributes: DriverKeyAttributes, label: Uint8Array): AttachedKey;
  /** A built-in key by id (vendor range), or undefined when the driver has no such key. */
  getBuiltinKey?(keyId: number): (KeyBuffer & { attributes: DriverKeyAttributes }) | undefined;
}

/**
 * What an opaque driver answers to `psa_attach_key`: its reference to the
 * key, the key's type and size, and the policy the implementation imposes
 * (absent: none; the application's policy applies alone).
 */
export interface AttachedKey extends KeyBuffer {
  readonly type: number;
  readonly policy?: { readonly usage: number; readonly alg: number; readonly alg2: number };
}

/** Either kind. */
export type Driver = TransparentDriver | OpaqueDriver;
