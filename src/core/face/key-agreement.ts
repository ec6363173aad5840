/**
 * Key agreement methods of `Psa` (`psa_raw_key_agreement`, `psa_key_agreement`):
 * thin wrappers that check JavaScript arguments and call `key-agreement.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from '../keys/attributes.js';
import { keyAgreement, rawKeyAgreement } from '../key-agreement.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { api, guardMethods } from './api.js';
import { coreOf } from './instance.js';

/** The key agreement methods of `Psa`. */
export interface KeyAgreementMethods {
  /**
   * `psa_raw_key_agreement`: the shared secret of `privateKey` (usage DERIVE)
   * and the peer's public key. `outputSize` (optional) is the C caller's buffer size.
   * @param alg `PSA_ALG_ECDH` or `PSA_ALG_FFDH`
   * @param peerKey the peer's public key in its PSA export format
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DERIVE or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a key agreement, the key does not fit it, a malformed or off-curve `peerKey`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: `alg` is not a raw key agreement, or no driver implements it with this key
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below the shared secret's length
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const secret = psa.rawKeyAgreement(PSA_ALG_ECDH, myKey, psa.exportPublicKey(peerKeyId));
   */
  rawKeyAgreement(alg: number, privateKey: number, peerKey: Uint8Array, outputSize?: number): Uint8Array;

  /**
   * `psa_key_agreement` (same argument order as C): the shared secret of
   * `privateKey` and `peerKey` as a new key with `attributes`; returns its id.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: attributes of a type a shared secret cannot become
   * @throws {PsaError} as `rawKeyAgreement` otherwise, and the key-creation statuses of `importKey`
   */
  keyAgreement(privateKey: number, peerKey: Uint8Array, alg: number, attributes: KeyAttributes): number;
}

/** The bodies of `KeyAgreementMethods`, assigned to `Psa.prototype`. */
export const keyAgreementMethods: KeyAgreementMethods & ThisType<KeyAgreementMethods> = guardMethods({
  rawKeyAgreement(alg, privateKey, peerKey, outputSize) {
    const fn = 'psa_raw_key_agreement';
    return api(fn, () => rawKeyAgreement(coreOf(this, fn), checkUint(alg, fn, 'alg'), checkUint(privateKey, fn, 'private_key'),
      checkBytes(peerKey, fn, 'peer_key'), outputSize === undefined ? undefined : checkLength(outputSize, fn, 'output_size')));
  },

  keyAgreement(privateKey, peerKey, alg, attributes) {
    const fn = 'psa_key_agreement';
    return api(fn, () => keyAgreement(coreOf(this, fn), checkUint(privateKey, fn, 'private_key'), checkBytes(peerKey, fn, 'peer_key'),
      checkUint(alg, fn, 'alg'), resolveAttributes(attributes, fn)));
  },
});
