/**
 * Asymmetric encryption methods of `Psa` (`psa_asymmetric_encrypt/decrypt`):
 * thin wrappers that check JavaScript arguments and call
 * `asymmetric-encryption.ts`.
 * @module
 */
import { asymmetricDecrypt, asymmetricEncrypt } from './asymmetric-encryption.js';
import { api } from './psa-base.js';
import { PsaSign } from './psa-sign.js';
import { checkBytes, checkLength, checkUint } from './validate.js';

/** `PsaSign` plus asymmetric encryption. */
export class PsaAsymmetricEncryption extends PsaSign {
  /**
   * `psa_asymmetric_encrypt`: the ciphertext of `input`. `salt` is the OAEP
   * label (must be empty for `PSA_ALG_RSA_PKCS1V15_CRYPT`). `outputSize`
   * (optional) is the C caller's buffer size.
   */
  asymmetricEncrypt(key: number, alg: number, input: Uint8Array, salt: Uint8Array = new Uint8Array(0), outputSize?: number): Uint8Array {
    const fn = 'psa_asymmetric_encrypt';
    return api(fn, () => asymmetricEncrypt(this.core(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(salt, fn, 'salt'),
      outputSize === undefined ? undefined : checkLength(outputSize, fn, 'output_size')));
  }

  /**
   * `psa_asymmetric_decrypt`: the plaintext inside `input`. Bad padding is
   * `PSA_ERROR_INVALID_PADDING`. `outputSize` (optional) is the C caller's buffer size.
   */
  asymmetricDecrypt(key: number, alg: number, input: Uint8Array, salt: Uint8Array = new Uint8Array(0), outputSize?: number): Uint8Array {
    const fn = 'psa_asymmetric_decrypt';
    return api(fn, () => asymmetricDecrypt(this.core(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(salt, fn, 'salt'),
      outputSize === undefined ? undefined : checkLength(outputSize, fn, 'output_size')));
  }
}
