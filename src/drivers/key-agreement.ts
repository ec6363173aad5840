/**
 * Driver entry points for key agreement (see `driver.ts` for the contract).
 * @module
 */
import type { DriverKeyAttributes } from './types.js';

/** The key agreement entry points a driver may provide. */
export interface KeyAgreementEntryPoints {
  /**
   * The raw shared secret of our private key and the peer's public key (in
   * the PSA public-key format of our key's type), `alg` being a raw key
   * agreement algorithm (`PSA_ALG_ECDH`, `PSA_ALG_FFDH`). An invalid peer key
   * is INVALID_ARGUMENT; an algorithm or key the driver does not implement is
   * NOT_SUPPORTED. The caller wipes the result when done.
   */
  keyAgreement?(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, peerKey: Uint8Array): Uint8Array;
}
