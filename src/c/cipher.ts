/**
 * The unauthenticated cipher functions in C shape. `psa_cipher_operation_t`
 * is a holder whose implementation is created on setup, so an operation
 * object can be initialised (`PSA_CIPHER_OPERATION_INIT`) before
 * `psa_crypto_init`, as C code does with static initialisers. Output
 * buffers are caller-allocated; their length is the C `output_size`.
 * @module
 */
import type { CipherOperation } from '../core/cipher.js';
import { checkBytes } from '../core/validate.js';
import { abortImpl, activeImpl, emptyHolder, operationKind, setupImpl, type Holder } from './holder.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';

/** `psa_cipher_operation_t` (treat as opaque). */
export type psa_cipher_operation_t = Holder<CipherOperation>;

/** `psa_cipher_operation_init` / `PSA_CIPHER_OPERATION_INIT`: an inactive operation. */
export function psa_cipher_operation_init(): psa_cipher_operation_t {
  return emptyHolder(kind);
}

/** A fresh implementation from the current instance. */
const kind = operationKind<CipherOperation>('psa_cipher_operation_t', () => instance().cipherOperation());

/** `psa_cipher_encrypt`: writes IV ‖ ciphertext. */
export function psa_cipher_encrypt(key: number, alg: number, input: Uint8Array, output: Uint8Array, outputLength: Out): number {
  resetOut(outputLength, 0);
  return status(() => {
    const out = checkBytes(output, 'psa_cipher_encrypt', 'output');
    const result = instance().cipherEncrypt(key, alg, input, out.length);
    copyOut(result, out);
    setOut(outputLength, result.length);
    result.fill(0);
  });
}

/** `psa_cipher_decrypt`: `input` is IV ‖ ciphertext. */
export function psa_cipher_decrypt(key: number, alg: number, input: Uint8Array, output: Uint8Array, outputLength: Out): number {
  resetOut(outputLength, 0);
  return status(() => {
    const out = checkBytes(output, 'psa_cipher_decrypt', 'output');
    const result = instance().cipherDecrypt(key, alg, input, out.length);
    copyOut(result, out);
    setOut(outputLength, result.length);
    result.fill(0);
  });
}

/** `psa_cipher_encrypt_setup`. */
export function psa_cipher_encrypt_setup(operation: psa_cipher_operation_t, key: number, alg: number): number {
  const fn = 'psa_cipher_encrypt_setup';
  return status(() => setupImpl(operation, fn, kind).encryptSetup(key, alg));
}

/** `psa_cipher_decrypt_setup`. */
export function psa_cipher_decrypt_setup(operation: psa_cipher_operation_t, key: number, alg: number): number {
  const fn = 'psa_cipher_decrypt_setup';
  return status(() => setupImpl(operation, fn, kind).decryptSetup(key, alg));
}

/** `psa_cipher_generate_iv`: writes a random IV of the algorithm's default length. */
export function psa_cipher_generate_iv(operation: psa_cipher_operation_t, iv: Uint8Array, ivLength: Out): number {
  resetOut(ivLength, 0);
  return status(() => {
    const op = activeImpl(operation, 'psa_cipher_generate_iv', kind);
    const out = checkBytes(iv, 'psa_cipher_generate_iv', 'iv');
    const generated = op.generateIv(out.length);
    copyOut(generated, out);
    setOut(ivLength, generated.length);
  });
}

/** `psa_cipher_set_iv`. */
export function psa_cipher_set_iv(operation: psa_cipher_operation_t, iv: Uint8Array): number {
  return status(() => activeImpl(operation, 'psa_cipher_set_iv', kind).setIv(iv));
}

/** `psa_cipher_update`. */
export function psa_cipher_update(operation: psa_cipher_operation_t, input: Uint8Array, output: Uint8Array, outputLength: Out): number {
  resetOut(outputLength, 0);
  return status(() => {
    const op = activeImpl(operation, 'psa_cipher_update', kind);
    const out = checkBytes(output, 'psa_cipher_update', 'output');
    const result = op.update(input, out.length);
    out.set(result);
    setOut(outputLength, result.length);
    result.fill(0);
  });
}

/** `psa_cipher_finish`: the operation becomes inactive whatever the outcome. */
export function psa_cipher_finish(operation: psa_cipher_operation_t, output: Uint8Array, outputLength: Out): number {
  resetOut(outputLength, 0);
  return status(() => {
    const op = activeImpl(operation, 'psa_cipher_finish', kind);
    let out: Uint8Array;
    try {
      out = checkBytes(output, 'psa_cipher_finish', 'output');
    } catch (err) {
      op.abort();
      throw err;
    }
    const result = op.finish(out.length);
    out.set(result);
    setOut(outputLength, result.length);
    result.fill(0);
  });
}

/** `psa_cipher_abort`: valid in any state. */
export function psa_cipher_abort(operation: psa_cipher_operation_t): number {
  return status(() => abortImpl(operation, 'psa_cipher_abort', kind));
}
