/**
 * The key encapsulation functions in C shape: `psa_encapsulate` and
 * `psa_decapsulate`. On failure the output key is 0 and the ciphertext
 * length 0.
 * @module
 */
import { checkBytes } from '../core/validate.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';

/** `psa_encapsulate`. */
export function psa_encapsulate(
  key: number,
  alg: number,
  attributes: psa_key_attributes_t,
  outputKey: Out,
  ciphertext: Uint8Array,
  ciphertextLength: Out,
): number {
  const fn = 'psa_encapsulate';
  resetOut(outputKey, 0);
  resetOut(ciphertextLength, 0);
  return status(() => {
    const out = checkBytes(ciphertext, fn, 'ciphertext');
    const result = instance().encapsulate(key, alg, toKeyAttributes(attributes, fn), out.length);
    copyOut(result.ciphertext, out);
    setOut(outputKey, result.key);
    setOut(ciphertextLength, result.ciphertext.length);
  });
}

/** `psa_decapsulate`. */
export function psa_decapsulate(
  key: number,
  alg: number,
  ciphertext: Uint8Array,
  attributes: psa_key_attributes_t,
  outputKey: Out,
): number {
  resetOut(outputKey, 0);
  return status(() => setOut(outputKey, instance().decapsulate(key, alg, ciphertext, toKeyAttributes(attributes, 'psa_decapsulate'))));
}
