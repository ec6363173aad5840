/**
 * Key encapsulation methods of `Psa` (`psa_encapsulate`, `psa_decapsulate`):
 * thin wrappers that check JavaScript arguments and call `encapsulation.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from './keys/attributes.js';
import { decapsulate, encapsulate, type EncapsulateResult } from './encapsulation.js';
import { api } from './psa-base.js';
import { PsaKeyAgreement } from './psa-key-agreement.js';
import { checkBytes, checkLength, checkUint } from './validate.js';

/** `PsaKeyAgreement` plus key encapsulation. */
export class PsaEncapsulation extends PsaKeyAgreement {
  /**
   * `psa_encapsulate`: a new shared-secret key (with `attributes`) for the
   * holder of `key` and the ciphertext to send. `ciphertextSize` (optional)
   * is the C caller's buffer size.
   */
  encapsulate(key: number, alg: number, attributes: KeyAttributes, ciphertextSize?: number): EncapsulateResult {
    const fn = 'psa_encapsulate';
    return api(fn, () => encapsulate(this.core(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'), resolveAttributes(attributes, fn),
      ciphertextSize === undefined ? undefined : checkLength(ciphertextSize, fn, 'ciphertext_size')));
  }

  /** `psa_decapsulate`: the shared secret in `ciphertext` as a new key with `attributes`; returns its id. */
  decapsulate(key: number, alg: number, ciphertext: Uint8Array, attributes: KeyAttributes): number {
    const fn = 'psa_decapsulate';
    return api(fn, () => decapsulate(this.core(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(ciphertext, fn, 'ciphertext'), resolveAttributes(attributes, fn)));
  }
}
