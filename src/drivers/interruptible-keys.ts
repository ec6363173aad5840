/**
 * Driver entry points for Mbed TLS's interruptible key operations
 * (`psa_export_public_key_iop_*`, `psa_key_agreement_iop_*`; see
 * `driver.ts` for the contract). Each starts a job that the core runs within
 * the caller's op budget (`InterruptibleJob`, as for interruptible signatures).
 * @module
 */
import type { DriverKeyAttributes } from './types.js';
import type { InterruptibleJob } from './sign.js';

/** The interruptible key entry points a driver may provide. */
export interface InterruptibleKeyEntryPoints {
  /**
   * Start computing the public key of an ECC key (for a public key the job
   * just returns it, spending no ops). NOT_SUPPORTED for other key types.
   */
  exportPublicKeyStart?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): InterruptibleJob<Uint8Array>;
  /**
   * Start an ECDH shared-secret computation with an ECC key pair. The peer
   * key is checked here (INVALID_ARGUMENT when it is not a valid public key of
   * the curve); that check is the job's first `numOps`. The caller wipes the
   * result when done.
   */
  keyAgreementStart?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, peerKey: Uint8Array): InterruptibleJob<Uint8Array>;
}
