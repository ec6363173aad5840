/**
 * AEAD methods of `Psa` (`psa_aead_*`): thin wrappers that check the
 * instance and call `aead.ts`.
 * @module
 */
import { AeadOperation, aeadDecrypt, aeadEncrypt } from './aead/index.js';
import { api } from './psa-base.js';
import { PsaCipher } from './psa-cipher.js';

/** `PsaCipher` plus the AEAD functions. */
export class PsaAead extends PsaCipher {
  /**
   * `psa_aead_encrypt`: returns ciphertext ‖ tag. `ciphertextSize`
   * (optional) is the C caller's buffer size.
   */
  aeadEncrypt(key: number, alg: number, nonce: Uint8Array, additionalData: Uint8Array,
    plaintext: Uint8Array, ciphertextSize?: number): Uint8Array {
    const fn = 'psa_aead_encrypt';
    return api(fn, () => aeadEncrypt(this.core(fn), key, alg, nonce, additionalData, plaintext, ciphertextSize));
  }

  /**
   * `psa_aead_decrypt` of ciphertext ‖ tag: returns the plaintext, or throws
   * INVALID_SIGNATURE (releasing nothing) when the tag does not verify.
   */
  aeadDecrypt(key: number, alg: number, nonce: Uint8Array, additionalData: Uint8Array,
    ciphertext: Uint8Array, plaintextSize?: number): Uint8Array {
    const fn = 'psa_aead_decrypt';
    return api(fn, () => aeadDecrypt(this.core(fn), key, alg, nonce, additionalData, ciphertext, plaintextSize));
  }

  /** A new, inactive AEAD operation (`psa_aead_operation_init`). */
  aeadOperation(): AeadOperation {
    const fn = 'psa_aead_operation_init';
    return api(fn, () => (this.core(fn), new AeadOperation((f) => this.core(f))));
  }

  /** `psa_aead_encrypt_setup`: an active encryption operation. */
  aeadEncryptSetup(key: number, alg: number): AeadOperation {
    const op = this.aeadOperation();
    api('psa_aead_encrypt_setup', () => op.encryptSetup(key, alg));
    return op;
  }

  /** `psa_aead_decrypt_setup`: an active decryption operation. */
  aeadDecryptSetup(key: number, alg: number): AeadOperation {
    const op = this.aeadOperation();
    api('psa_aead_decrypt_setup', () => op.decryptSetup(key, alg));
    return op;
  }
}
