/**
 * Cipher methods of `Psa` (`psa_cipher_*`): thin wrappers that check the
 * instance and call `cipher.ts`.
 * @module
 */
import { cipherDecrypt, cipherEncrypt, CipherOperation } from './cipher.js';
import { api } from './psa-base.js';
import { PsaMac } from './psa-mac.js';

/** `PsaMac` plus the cipher functions. */
export class PsaCipher extends PsaMac {
  /**
   * `psa_cipher_encrypt`: returns IV ‖ ciphertext, the IV generated at
   * random. `outputSize` (optional) is the C caller's buffer size.
   */
  cipherEncrypt(key: number, alg: number, input: Uint8Array, outputSize?: number): Uint8Array {
    const fn = 'psa_cipher_encrypt';
    return api(fn, () => cipherEncrypt(this.core(fn), key, alg, input, outputSize));
  }

  /** `psa_cipher_decrypt`: `input` is IV ‖ ciphertext; returns the plaintext. */
  cipherDecrypt(key: number, alg: number, input: Uint8Array, outputSize?: number): Uint8Array {
    const fn = 'psa_cipher_decrypt';
    return api(fn, () => cipherDecrypt(this.core(fn), key, alg, input, outputSize));
  }

  /** A new, inactive cipher operation (`psa_cipher_operation_init`). */
  cipherOperation(): CipherOperation {
    const fn = 'psa_cipher_operation_init';
    return api(fn, () => new CipherOperation(this.core(fn)));
  }

  /** `psa_cipher_encrypt_setup`: an active encryption operation. */
  cipherEncryptSetup(key: number, alg: number): CipherOperation {
    const op = this.cipherOperation();
    api('psa_cipher_encrypt_setup', () => op.encryptSetup(key, alg));
    return op;
  }

  /** `psa_cipher_decrypt_setup`: an active decryption operation. */
  cipherDecryptSetup(key: number, alg: number): CipherOperation {
    const op = this.cipherOperation();
    api('psa_cipher_decrypt_setup', () => op.decryptSetup(key, alg));
    return op;
  }
}
