/**
 * Driver entry points for signatures. Keys arrive as the key buffer (export
 * format for transparent drivers). Verification failures throw
 * `PSA_ERROR_INVALID_SIGNATURE`; an unsupported algorithm or key throws
 * `PSA_ERROR_NOT_SUPPORTED` so the next driver can take it.
 * @module
 */
import type { DriverKeyAttributes, RandomSource } from './types.js';

export type { RandomSource } from './types.js';


/**
 * A computation split into small units of work (Mbed TLS's restartable
 * ECDSA), for the interruptible sign/verify hash functions.
 */
export interface InterruptibleJob<T> {
  /**
   * Run units of work until about `maxOps` ops are spent in this call (at
   * least one unit; `PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED`: to the end). The
   * result when the computation is finished, otherwise `undefined`.
   */
  step(maxOps: number): T | undefined;
  /** Ops spent since the job was created. */
  readonly numOps: number;
}

/** The signature entry points a driver may provide. */
export interface SignEntryPoints {
  /** Sign a hash (or, for `PSA_ALG_RSA_PKCS1V15_SIGN_RAW` / `PSA_ALG_ECDSA_ANY`, raw data). `context` is the 1.4 signature context (empty when none). */
  signHash?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, random: RandomSource, context: Uint8Array): Uint8Array;
  /** Verify a signature over a hash. */
  verifyHash?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array, context: Uint8Array): void;
  /** Sign a message (algorithms that need the message itself, e.g. PureEdDSA; for hash-and-sign algorithms the core may hash and call `signHash`). */
  signMessage?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, message: Uint8Array, random: RandomSource, context: Uint8Array): Uint8Array;
  /** Verify a signature over a message. */
  verifyMessage?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, message: Uint8Array, signature: Uint8Array, context: Uint8Array): void;
  /** Start an interruptible signature of a hash (the job keeps its own copy of the key). */
  signHashStart?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, random: RandomSource): InterruptibleJob<Uint8Array>;
  /** Start an interruptible verification; the job's result is `true`, a bad signature throws INVALID_SIGNATURE. */
  verifyHashStart?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array): InterruptibleJob<true>;
}
