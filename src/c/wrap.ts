/**
 * Key wrapping in C shape: `psa_wrap_key` and `psa_unwrap_key` (PSA 1.4),
 * with the spec's parameter order. The output buffer is the caller's: too
 * small gives `PSA_ERROR_BUFFER_TOO_SMALL`, and the written length is 0 on
 * every failure; the new key's id is `PSA_KEY_ID_NULL` on failure.
 * @module
 */
import { checkBytes } from '../core/validate.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';

/**
 * `psa_wrap_key(wrapping_key, alg, key, data, data_size, data_length)`:
 * `data` is the output buffer (its length is `data_size`).
 */
export function psa_wrap_key(wrappingKey: number, alg: number, key: number, data: Uint8Array, dataLength: Out): number {
  resetOut(dataLength, 0);
  return status(() => {
    const out = checkBytes(data, 'psa_wrap_key', 'data');
    const wrapped = instance().wrapKey(wrappingKey, alg, key, out.length);
    copyOut(wrapped, out);
    setOut(dataLength, wrapped.length);
  });
}

/** `psa_unwrap_key(attributes, wrapping_key, alg, data, data_length, key)`: `key` receives the new key's id. */
export function psa_unwrap_key(
  attributes: psa_key_attributes_t,
  wrappingKey: number,
  alg: number,
  data: Uint8Array,
  key: Out,
): number {
  resetOut(key, 0);
  return status(() =>
    setOut(key, instance().unwrapKey(toKeyAttributes(attributes, 'psa_unwrap_key'), wrappingKey, alg, data)));
}
