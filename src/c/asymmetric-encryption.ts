/**
 * The asymmetric encryption functions in C shape:
 * `psa_asymmetric_encrypt(key, alg, input, salt, output, output_length)` and
 * `psa_asymmetric_decrypt(…)` (the C lengths are the arrays' lengths; a NULL
 * salt is `null` or an empty array).
 * @module
 */
import { checkBytes } from '../core/validate.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';

const EMPTY = new Uint8Array(0);

/** `psa_asymmetric_encrypt`: `salt` is the OAEP label (empty or `null` for PKCS#1 v1.5). */
export function psa_asymmetric_encrypt(key: number, alg: number, input: Uint8Array, salt: Uint8Array | null,
  output: Uint8Array, outputLength: Out): number {
  resetOut(outputLength, 0);
  return status(() => {
    const out = checkBytes(output, 'psa_asymmetric_encrypt', 'output');
    const result = instance().asymmetricEncrypt(key, alg, input, salt ?? EMPTY, out.length);
    copyOut(result, out);
    setOut(outputLength, result.length);
  });
}

/** `psa_asymmetric_decrypt`: PSA_ERROR_INVALID_PADDING for a ciphertext with bad padding. */
export function psa_asymmetric_decrypt(key: number, alg: number, input: Uint8Array, salt: Uint8Array | null,
  output: Uint8Array, outputLength: Out): number {
  resetOut(outputLength, 0);
  return status(() => {
    const out = checkBytes(output, 'psa_asymmetric_decrypt', 'output');
    const result = instance().asymmetricDecrypt(key, alg, input, salt ?? EMPTY, out.length);
    copyOut(result, out);
    setOut(outputLength, result.length);
    result.fill(0);
  });
}
