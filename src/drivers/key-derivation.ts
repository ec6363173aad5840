/**
 * The interface of a key derivation algorithm's state: the inputs of one
 * `psa_key_derivation_operation_t` after the core has checked the operation
 * state, the key types and the capacity, and the output stream.
 * @module
 */

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
