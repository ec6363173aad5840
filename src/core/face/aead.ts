/**
 * AEAD methods of `Psa` (`psa_aead_encrypt`, `psa_aead_decrypt`, the
 * multipart `psa_aead_operation_t`): thin wrappers that check the instance
 * and call `aead/index.ts` (which checks the arguments). The rest of
 * `psa_aead_*` are methods of the returned `AeadOperation`.
 * @module
 */
import { AeadOperation, aeadDecrypt, aeadEncrypt } from '../aead/index.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(AeadOperation);

/** The AEAD methods of `Psa`. */
export interface AeadMethods {
  /**
   * `psa_aead_encrypt`: returns ciphertext ‖ tag. `ciphertextSize`
   * (optional) is the C caller's buffer size.
   * @param key a key whose policy has `PSA_KEY_USAGE_ENCRYPT` and permits `alg`
   * @param alg an AEAD algorithm (`PSA_ALG_GCM`, `PSA_ALG_CCM`, `PSA_ALG_CHACHA20_POLY1305`, a shortened-tag form …)
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks ENCRYPT or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a specific AEAD algorithm, a tag or nonce length it refuses, lengths beyond the mode's limits
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key type
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `ciphertextSize` below plaintext + tag
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const sealed = psa.aeadEncrypt(key, PSA_ALG_GCM, nonce12, header, plaintext);
   */
  aeadEncrypt(key: number, alg: number, nonce: Uint8Array, additionalData: Uint8Array,
    plaintext: Uint8Array, ciphertextSize?: number): Uint8Array;

  /**
   * `psa_aead_decrypt` of ciphertext ‖ tag: returns the plaintext, or throws
   * INVALID_SIGNATURE (releasing nothing) when the tag does not verify.
   * @param key a key whose policy has `PSA_KEY_USAGE_DECRYPT` and permits `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the tag does not verify
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `ciphertext` shorter than the tag
   * @throws {PsaError} as `aeadEncrypt` otherwise (DECRYPT in place of ENCRYPT, `plaintextSize` for the buffer)
   */
  aeadDecrypt(key: number, alg: number, nonce: Uint8Array, additionalData: Uint8Array,
    ciphertext: Uint8Array, plaintextSize?: number): Uint8Array;

  /**
   * A new, inactive AEAD operation (`psa_aead_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  aeadOperation(): AeadOperation;

  /**
   * `psa_aead_encrypt_setup`: an active encryption operation.
   * @throws {PsaError} the key and algorithm statuses of `aeadEncrypt`
   */
  aeadEncryptSetup(key: number, alg: number): AeadOperation;

  /**
   * `psa_aead_decrypt_setup`: an active decryption operation.
   * @throws {PsaError} the key and algorithm statuses of `aeadDecrypt`
   */
  aeadDecryptSetup(key: number, alg: number): AeadOperation;
}

/** The bodies of `AeadMethods`, assigned to `Psa.prototype`. */
export const aeadMethods: AeadMethods & ThisType<AeadMethods> = guardMethods({
  aeadEncrypt(key, alg, nonce, additionalData, plaintext, ciphertextSize) {
    const fn = 'psa_aead_encrypt';
    return api(fn, () => aeadEncrypt(coreOf(this, fn), key, alg, nonce, additionalData, plaintext, ciphertextSize));
  },

  aeadDecrypt(key, alg, nonce, additionalData, ciphertext, plaintextSize) {
    const fn = 'psa_aead_decrypt';
    return api(fn, () => aeadDecrypt(coreOf(this, fn), key, alg, nonce, additionalData, ciphertext, plaintextSize));
  },

  aeadOperation() {
    const fn = 'psa_aead_operation_init';
    return api(fn, () => (coreOf(this, fn), new AeadOperation((f) => coreOf(this, f))));
  },

  aeadEncryptSetup(key, alg) {
    const op = this.aeadOperation();
    api('psa_aead_encrypt_setup', () => op.encryptSetup(key, alg));
    return op;
  },

  aeadDecryptSetup(key, alg) {
    const op = this.aeadOperation();
    api('psa_aead_decrypt_setup', () => op.decryptSetup(key, alg));
    return op;
  },
});
