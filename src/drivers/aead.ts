/**
 * Driver entry points for AEAD operations (see `driver.ts` for the contract).
 *
 * The core enforces the PSA state machine and the declared lengths
 * (`psa_aead_set_lengths`) before it calls a context; a context only
 * computes, and fails with the statuses of its own algorithm's limits
 * (for example INVALID_ARGUMENT when a CCM plaintext length does not fit the
 * nonce's length field).
 * @module
 */
import type { DriverKeyAttributes } from './types.js';

/** What `AeadContext.finish` produces. */
export interface AeadFinishResult {
  /** Output still held back by the context (empty for every AEAD this package knows). */
  readonly output: Uint8Array;
  /** The authentication tag, exactly the algorithm's tag length. */
  readonly tag: Uint8Array;
}

/** A multipart AEAD computation inside a driver (one direction, fixed at setup). */
export interface AeadContext {
  /**
   * Declare the total additional-data and plaintext lengths (`size_t` values,
   * hence bigints). Called at most once, before any additional data or input,
   * either before or after `setNonce`.
   */
  setLengths(adLength: bigint, plaintextLength: bigint): void;
  /** Set the nonce (the core has checked its length against the algorithm). Called once. */
  setNonce(nonce: Uint8Array): void;
  /** Absorb additional data (only before the first `update`). */
  updateAd(data: Uint8Array): void;
  /** Encrypt or decrypt a fragment; returns exactly as many bytes as were given. */
  update(input: Uint8Array): Uint8Array;
  /** Encryption only: finish and return the tag. The context is finished afterwards. */
  finish(): AeadFinishResult;
  /**
   * Decryption only: finish and compare `tag` in constant time; throw
   * `PSA_ERROR_INVALID_SIGNATURE` on mismatch (a length mismatch included).
   * Returns output still held back (empty for every AEAD this package knows).
   */
  verify(tag: Uint8Array): Uint8Array;
  /** Wipe the key material and state. */
  destroy(): void;
}

/** The AEAD entry points a driver may provide. */
export interface AeadEntryPoints {
  /**
   * Start a multipart AEAD computation with key `keyBuffer` (export format for
   * transparent drivers, the driver's context for opaque ones). `alg` is the
   * specific algorithm (shortened tag included, never a wildcard). NOT_SUPPORTED
   * when the driver cannot do this key type and algorithm.
   */
  aeadSetup?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, encrypt: boolean): AeadContext;
  /** Single-part encryption: the ciphertext followed by the tag. */
  aeadEncrypt?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number,
    nonce: Uint8Array, additionalData: Uint8Array, plaintext: Uint8Array): Uint8Array;
  /**
   * Single-part decryption of ciphertext-then-tag. Throws INVALID_SIGNATURE when
   * the tag does not verify, and then releases no plaintext at all.
   */
  aeadDecrypt?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number,
    nonce: Uint8Array, additionalData: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}
