/**
 * Cipher methods of `Psa` (`psa_cipher_encrypt`, `psa_cipher_decrypt`, the
 * multipart `psa_cipher_operation_t`): thin wrappers that check the
 * instance and call `cipher.ts` (which checks the arguments). The rest of
 * `psa_cipher_*` are methods of the returned `CipherOperation`.
 * @module
 */
import { cipherDecrypt, cipherEncrypt, CipherOperation } from '../cipher.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(CipherOperation);

/** The cipher methods of `Psa`. */
export interface CipherMethods {
  /**
   * `psa_cipher_encrypt`: returns IV ‖ ciphertext, the IV generated at
   * random. `outputSize` (optional) is the C caller's buffer size.
   * @param key a key whose policy has `PSA_KEY_USAGE_ENCRYPT` and permits `alg`
   * @param alg a cipher algorithm (`PSA_ALG_CTR`, `PSA_ALG_CBC_PKCS7`, …)
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks ENCRYPT or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a cipher algorithm, does not fit the key, or an input length the mode refuses
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below IV ‖ ciphertext
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: no IV could be generated
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const ivAndCiphertext = psa.cipherEncrypt(key, PSA_ALG_CBC_PKCS7, plaintext);
   */
  cipherEncrypt(key: number, alg: number, input: Uint8Array, outputSize?: number): Uint8Array;

  /**
   * `psa_cipher_decrypt`: `input` is IV ‖ ciphertext; returns the plaintext.
   * @param key a key whose policy has `PSA_KEY_USAGE_DECRYPT` and permits `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `input` shorter than the IV, or a length the mode refuses
   * @throws {PsaError} `PSA_ERROR_INVALID_PADDING`: bad PKCS#7 padding
   * @throws {PsaError} as `cipherEncrypt` otherwise (DECRYPT in place of ENCRYPT)
   */
  cipherDecrypt(key: number, alg: number, input: Uint8Array, outputSize?: number): Uint8Array;

  /**
   * A new, inactive cipher operation (`psa_cipher_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  cipherOperation(): CipherOperation;

  /**
   * `psa_cipher_encrypt_setup`: an active encryption operation.
   * @throws {PsaError} the key and algorithm statuses of `cipherEncrypt`
   */
  cipherEncryptSetup(key: number, alg: number): CipherOperation;

  /**
   * `psa_cipher_decrypt_setup`: an active decryption operation.
   * @throws {PsaError} the key and algorithm statuses of `cipherDecrypt`
   */
  cipherDecryptSetup(key: number, alg: number): CipherOperation;
}

/** The bodies of `CipherMethods`, assigned to `Psa.prototype`. */
export const cipherMethods: CipherMethods & ThisType<CipherMethods> = guardMethods({
  cipherEncrypt(key, alg, input, outputSize) {
    const fn = 'psa_cipher_encrypt';
    return api(fn, () => cipherEncrypt(coreOf(this, fn), key, alg, input, outputSize));
  },

  cipherDecrypt(key, alg, input, outputSize) {
    const fn = 'psa_cipher_decrypt';
    return api(fn, () => cipherDecrypt(coreOf(this, fn), key, alg, input, outputSize));
  },

  cipherOperation() {
    const fn = 'psa_cipher_operation_init';
    return api(fn, () => new CipherOperation(coreOf(this, fn)));
  },

  cipherEncryptSetup(key, alg) {
    const op = this.cipherOperation();
    api('psa_cipher_encrypt_setup', () => op.encryptSetup(key, alg));
    return op;
  },

  cipherDecryptSetup(key, alg) {
    const op = this.cipherOperation();
    api('psa_cipher_decrypt_setup', () => op.decryptSetup(key, alg));
    return op;
  },
});
