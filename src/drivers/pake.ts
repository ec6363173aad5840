/**
 * Driver entry points for password-authenticated key exchange (see
 * `driver.ts` for the contract). The core checks the operation's state
 * machine up to the first `psa_pake_output`/`psa_pake_input` (setup, role,
 * user, peer, context); then it calls `pakeSetup` once with everything
 * collected, and the driver's context owns the algorithm's step sequence.
 * This mirrors the PSA driver interface, where the driver's setup entry
 * point runs at the start of the computation stage.
 * @module
 */
import type { DriverKeyAttributes } from './types.js';
import type { RandomSource } from './types.js';

/** What the application gave `psa_pake_setup` and the `psa_pake_set_*` functions. */
export interface PakeInputs {
  /** The PAKE algorithm of the cipher suite (`PSA_ALG_JPAKE(h)`, `PSA_ALG_SPAKE2P_HMAC(h)`, …). */
  readonly alg: number;
  /** The cipher suite's primitive (`PSA_PAKE_PRIMITIVE(type, family, bits)`). */
  readonly primitive: number;
  /** `PSA_PAKE_CONFIRMED_KEY` or `PSA_PAKE_UNCONFIRMED_KEY`. */
  readonly keyConfirmation: number;
  /** `PSA_PAKE_ROLE_*` (NONE when the algorithm takes no role). */
  readonly role: number;
  /** `psa_pake_set_user` identity, empty when not set. */
  readonly user: Uint8Array;
  /** `psa_pake_set_peer` identity, empty when not set. */
  readonly peer: Uint8Array;
  /** `psa_pake_set_context` data, empty when not set. */
  readonly context: Uint8Array;
  /**
   * Whether `psa_pake_set_context` was called (even with empty data): SPAKE2+
   * puts len(Context) ‖ Context in its transcript only then. When absent,
   * drivers take a non-empty `context` as set.
   */
  readonly hasContext?: boolean;
  /** Random bytes for the exchange (the instance's generator). */
  readonly random: RandomSource;
}

/**
 * One party's running exchange. Every method throws a `PsaError`: BAD_STATE
 * for a step out of sequence, INVALID_ARGUMENT for a malformed or invalid
 * peer value, INVALID_SIGNATURE for a failed proof or confirmation. The core
 * moves the operation to its error state on any throw.
 */
export interface PakeContext {
  /** The value to send for `step` (`PSA_PAKE_STEP_*`). */
  output(step: number): Uint8Array;
  /** Take the peer's value for `step`. The caller keeps ownership of `data`. */
  input(step: number, data: Uint8Array): void;
  /**
   * The shared secret, once the exchange has reached the point where the
   * cipher suite's key confirmation allows it (BAD_STATE before). The caller
   * wipes the result when done.
   */
  sharedSecret(): Uint8Array;
  /** Wipe every secret held. */
  destroy(): void;
}

/** The PAKE entry points a driver may provide. */
export interface PakeEntryPoints {
  /**
   * Start the exchange for the password key (`attributes`, `keyBuffer`:
   * PASSWORD, PASSWORD_HASH, SPAKE2P_*, WPA3_SAE_* …) with `inputs`.
   * NOT_SUPPORTED when the driver does not implement the cipher suite;
   * INVALID_ARGUMENT or BAD_STATE when the inputs do not fit the algorithm
   * (missing identities, wrong role), as the spec and Mbed TLS say.
   */
  pakeSetup?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, inputs: PakeInputs): PakeContext;
}
