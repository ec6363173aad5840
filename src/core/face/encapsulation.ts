/**
 * Key encapsulation methods of `Psa` (`psa_encapsulate`, `psa_decapsulate`):
 * thin wrappers that check JavaScript arguments and call `encapsulation.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from '../keys/attributes.js';
import { decapsulate, encapsulate, type EncapsulateResult } from '../encapsulation.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { api, guardMethods } from './api.js';
import { coreOf } from './instance.js';

/** The key encapsulation methods of `Psa`. */
export interface EncapsulationMethods {
  /**
   * `psa_encapsulate`: a new shared-secret key (with `attributes`) for the
   * holder of `key` and the ciphertext to send. `ciphertextSize` (optional)
   * is the C caller's buffer size.
   * @param key the recipient's public key (or key pair), usage ENCRYPT
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks ENCRYPT or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a key-encapsulation algorithm, not an asymmetric key, attributes a shared secret cannot have
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `ciphertextSize` below the ciphertext length
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  encapsulate(key: number, alg: number, attributes: KeyAttributes, ciphertextSize?: number): EncapsulateResult;

  /**
   * `psa_decapsulate`: the shared secret in `ciphertext` as a new key with `attributes`; returns its id.
   * @param key the recipient's key pair, usage DECRYPT
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: not a key pair, a ciphertext of the wrong length
   * @throws {PsaError} as `encapsulate` otherwise (DECRYPT in place of ENCRYPT), and the key-creation statuses of `importKey`
   */
  decapsulate(key: number, alg: number, ciphertext: Uint8Array, attributes: KeyAttributes): number;
}

/** The bodies of `EncapsulationMethods`, assigned to `Psa.prototype`. */
export const encapsulationMethods: EncapsulationMethods & ThisType<EncapsulationMethods> = guardMethods({
  encapsulate(key, alg, attributes, ciphertextSize) {
    const fn = 'psa_encapsulate';
    return api(fn, () => encapsulate(coreOf(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'), resolveAttributes(attributes, fn),
      ciphertextSize === undefined ? undefined : checkLength(ciphertextSize, fn, 'ciphertext_size')));
  },

  decapsulate(key, alg, ciphertext, attributes) {
    const fn = 'psa_decapsulate';
    return api(fn, () => decapsulate(coreOf(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(ciphertext, fn, 'ciphertext'), resolveAttributes(attributes, fn)));
  },
});
