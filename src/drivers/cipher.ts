/**
 * Driver entry points for unauthenticated ciphers (`psa_cipher_*`); see
 * `driver.ts` for the general contract. The core does the PSA checks (the
 * algorithm is a cipher, the key policy allows it, the state machine, the
 * caller's buffer sizes); a driver checks that it supports the key type,
 * key size and algorithm (NOT_SUPPORTED otherwise, or INVALID_ARGUMENT for
 * a key size the algorithm can never take) and computes.
 * @module
 */
import type { DriverKeyAttributes } from './types.js';

/**
 * A multipart cipher computation inside a driver: one key, one direction,
 * one algorithm. The context keeps its own copy of the key material and
 * wipes it in `destroy`.
 */
export interface CipherContext {
  /**
   * Bytes of input consumed but not yet returned as output (Mbed TLS's
   * `unprocessed_len`): the core derives the output size an update needs from it.
   */
  readonly pending: number;
  /**
   * Set the IV (called at most once, before any update, and only for
   * algorithms that take one). INVALID_ARGUMENT for a length the algorithm
   * does not accept.
   */
  setIv(iv: Uint8Array): void;
  /** Process `input`; returns the output that became available (possibly empty). */
  update(input: Uint8Array): Uint8Array;
  /**
   * Process the end of the message and return the last output.
   * INVALID_ARGUMENT when the input length does not suit the mode (a partial
   * block without padding, XTS shorter than a block); INVALID_PADDING for
   * bad PKCS#7 padding, whatever is wrong with it.
   */
  finish(): Uint8Array;
  /** Wipe the key material and any buffered data. */
  destroy(): void;
}

/** The cipher entry points a driver may provide. */
export interface CipherEntryPoints {
  /** Start a multipart encryption (`encrypt` true) or decryption with the key in `keyBuffer`. */
  cipherSetup?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, encrypt: boolean): CipherContext;
  /**
   * Single-part encryption with the given IV (empty when the algorithm takes
   * none): returns the ciphertext without the IV. Optional: without it the
   * core uses `cipherSetup`.
   */
  cipherEncrypt?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, iv: Uint8Array, input: Uint8Array): Uint8Array;
  /**
   * Single-part decryption of `input` = IV ‖ ciphertext (the IV being
   * `PSA_CIPHER_IV_LENGTH` bytes): returns the plaintext. Optional as `cipherEncrypt`.
   */
  cipherDecrypt?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, input: Uint8Array): Uint8Array;
}
