/**
 * The interface of a key derivation algorithm's state: the inputs of one
 * `psa_key_derivation_operation_t` after the core has checked the operation
 * state, the key types and the capacity, and the output stream; and the
 * entry points through which the core reaches a driver's KDFs.
 * @module
 */
import type { DriverKeyAttributes } from './types.js';

/** One running key derivation function (HKDF, TLS 1.2 PRF, PBKDF2, …). */
export interface KdfState {
  /**
   * Accept input `step` (`PSA_KEY_DERIVATION_INPUT_*`) with `data`. Throws
   * BAD_STATE for a step out of order, INVALID_ARGUMENT for a step the
   * algorithm does not take or bad data. The caller keeps ownership of `data`.
   */
  input(step: number, data: Uint8Array): void;
  /** Accept an integer input (PBKDF2 cost); INVALID_ARGUMENT when the algorithm takes none. */
  inputInteger(step: number, value: bigint): void;
  /**
   * Called before every output request with the capacity before it is
   * consumed, for algorithms whose output depends on it (SP 800-108's L);
   * BAD_STATE while inputs are missing.
   */
  startOutput?(capacity: number): void;
  /** Whether `psa_key_derivation_set_capacity` is no longer permitted (SP 800-108 after the first output). */
  capacityFixed?(): boolean;
  /** The next `length` bytes of output; BAD_STATE while inputs are missing. */
  read(length: number): Uint8Array;
  /**
   * For algorithms whose output is a key value rather than a byte stream
   * (WPA3-SAE H2E): the key data of a new key of `type` and `bits`, used by
   * `psa_key_derivation_output_key` instead of reading bytes.
   */
  deriveKey?(type: number, bits: number, fn: string): Uint8Array;
  /** Wipe every secret held. */
  destroy(): void;
}

/**
 * Key derivation entry points (the PSA driver interface's `key_derivation_setup`
 * family and `derive_key`). The core owns the operation: its state machine,
 * the capacity, which key types each input step takes, and the key-agreement
 * part; a driver runs the KDF itself and turns derived bytes into structured keys.
 */
export interface KeyDerivationEntryPoints {
  /**
   * `key_derivation_setup`: a fresh state for the KDF `kdf` (never a key
   * agreement: the core computes the shared secret and gives it as an input).
   * Throws NOT_SUPPORTED when this driver does not implement `kdf` (for
   * example its hash), which passes the call to the next driver.
   */
  keyDerivationSetup?(kdf: number): KdfState;
  /**
   * `derive_key`: the key data, in the PSA import format, of a structured key
   * (an ECC or SPAKE2+ key pair, …) of `attributes.type` and `attributes.bits`
   * made from derivation output that `read` supplies (each call consumes
   * capacity and may throw, e.g. INSUFFICIENT_DATA). Throws NOT_SUPPORTED,
   * before reading anything, for a type this driver cannot derive. The core
   * imports the result and wipes it.
   */
  deriveKey?(attributes: DriverKeyAttributes, read: (length: number) => Uint8Array, fn: string): Uint8Array;
}
