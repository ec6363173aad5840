/**
 * Asymmetric encryption methods of `Psa` (`psa_asymmetric_encrypt/decrypt`):
 * thin wrappers that check JavaScript arguments and call
 * `asymmetric-encryption.ts`.
 * @module
 */
import { asymmetricDecrypt, asymmetricEncrypt } from '../asymmetric-encryption.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { api, guardMethods } from './api.js';
import { coreOf } from './instance.js';

/** The asymmetric encryption methods of `Psa`. */
export interface AsymmetricEncryptionMethods {
  /**
   * `psa_asymmetric_encrypt`: the ciphertext of `input`. `salt` is the OAEP
   * label (must be empty for `PSA_ALG_RSA_PKCS1V15_CRYPT`). `outputSize`
   * (optional) is the C caller's buffer size.
   * @param key an RSA key pair or public key whose policy has `PSA_KEY_USAGE_ENCRYPT` and permits `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks ENCRYPT or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: not an asymmetric key, a salt for an algorithm that takes none, `input` too long for the key
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below the ciphertext length
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: no random bytes for the padding
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  asymmetricEncrypt(key: number, alg: number, input: Uint8Array, salt?: Uint8Array, outputSize?: number): Uint8Array;

  /**
   * `psa_asymmetric_decrypt`: the plaintext inside `input`. Bad padding is
   * `PSA_ERROR_INVALID_PADDING`. `outputSize` (optional) is the C caller's buffer size.
   * @param key an RSA key pair whose policy has `PSA_KEY_USAGE_DECRYPT` and permits `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_PADDING`: the decrypted block is not well padded
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: not a key pair, a salt for an algorithm that takes none, `input` of the wrong length
   * @throws {PsaError} as `asymmetricEncrypt` otherwise (DECRYPT in place of ENCRYPT)
   */
  asymmetricDecrypt(key: number, alg: number, input: Uint8Array, salt?: Uint8Array, outputSize?: number): Uint8Array;
}

/** The bodies of `AsymmetricEncryptionMethods`, assigned to `Psa.prototype`. */
export const asymmetricEncryptionMethods: AsymmetricEncryptionMethods & ThisType<AsymmetricEncryptionMethods> = guardMethods({
  asymmetricEncrypt(key, alg, input, salt = new Uint8Array(0), outputSize) {
    const fn = 'psa_asymmetric_encrypt';
    return api(fn, () => asymmetricEncrypt(coreOf(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(salt, fn, 'salt'),
      outputSize === undefined ? undefined : checkLength(outputSize, fn, 'output_size')));
  },

  asymmetricDecrypt(key, alg, input, salt = new Uint8Array(0), outputSize) {
    const fn = 'psa_asymmetric_decrypt';
    return api(fn, () => asymmetricDecrypt(coreOf(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(salt, fn, 'salt'),
      outputSize === undefined ? undefined : checkLength(outputSize, fn, 'output_size')));
  },
});
