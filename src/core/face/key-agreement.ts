/**
 * Key agreement methods of `Psa` (`psa_raw_key_agreement`, `psa_key_agreement`):
 * thin wrappers that check JavaScript arguments and call `key-agreement.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from './keys/attributes.js';
import { keyAgreement, rawKeyAgreement } from './key-agreement.js';
import { api } from './psa-base.js';
import { PsaAsymmetricEncryption } from './psa-asymmetric-encryption.js';
import { checkBytes, checkLength, checkUint } from './validate.js';

/** `PsaAsymmetricEncryption` plus key agreement. */
export class PsaKeyAgreement extends PsaAsymmetricEncryption {
  /**
   * `psa_raw_key_agreement`: the shared secret of `privateKey` (usage DERIVE)
   * and the peer's public key. `outputSize` (optional) is the C caller's buffer size.
   */
  rawKeyAgreement(alg: number, privateKey: number, peerKey: Uint8Array, outputSize?: number): Uint8Array {
    const fn = 'psa_raw_key_agreement';
    return api(fn, () => rawKeyAgreement(this.core(fn), checkUint(alg, fn, 'alg'), checkUint(privateKey, fn, 'private_key'),
      checkBytes(peerKey, fn, 'peer_key'), outputSize === undefined ? undefined : checkLength(outputSize, fn, 'output_size')));
  }

  /**
   * `psa_key_agreement` (same argument order as C): the shared secret of
   * `privateKey` and `peerKey` as a new key with `attributes`; returns its id.
   */
  keyAgreement(privateKey: number, peerKey: Uint8Array, alg: number, attributes: KeyAttributes): number {
    const fn = 'psa_key_agreement';
    return api(fn, () => keyAgreement(this.core(fn), checkUint(privateKey, fn, 'private_key'), checkBytes(peerKey, fn, 'peer_key'),
      checkUint(alg, fn, 'alg'), resolveAttributes(attributes, fn)));
  }
}
