/**
 * Key-wrapping methods of `Psa` (`psa_wrap_key`, `psa_unwrap_key`): thin
 * wrappers that check JavaScript arguments and call `wrap.ts`. What
 * `psa_check_key_usage` answers for the WRAP and UNWRAP usages (KW and KWP
 * with an AES key) is asked of `wrap.ts` by `keys.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from '../keys/attributes.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { unwrapKey, wrapKey } from '../wrap.js';
import { api, guardMethods } from './api.js';
import { coreOf } from './instance.js';

/** The key-wrapping methods of `Psa`. */
export interface WrapMethods {
  /**
   * `psa_wrap_key`: `key` (which needs EXPORT usage) wrapped with
   * `wrappingKey` (WRAP usage) under `alg`. `dataSize` (optional) is the C
   * caller's buffer size: below the output length, BUFFER_TOO_SMALL.
   * @param alg `PSA_ALG_KW` or `PSA_ALG_KWP`
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: `wrappingKey` lacks WRAP or does not permit `alg`, or `key` lacks EXPORT
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a key-wrapping algorithm, a wrapping-key type it cannot use, key data of a length KW cannot wrap
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg`
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `dataSize` below the output length
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  wrapKey(wrappingKey: number, alg: number, key: number, dataSize?: number): Uint8Array;

  /**
   * `psa_unwrap_key`: unwrap `data` with `wrappingKey` (UNWRAP usage) under
   * `alg` and create a key with `attributes`; returns the new key's id.
   * INVALID_SIGNATURE when the wrapped data fails its integrity check.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the wrapped data fails its integrity check
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: empty `data`, an empty or size-less unwrapped key, bad attributes
   * @throws {PsaError} as `wrapKey` otherwise (UNWRAP in place of WRAP), and the key-creation statuses of `importKey`
   */
  unwrapKey(attributes: KeyAttributes, wrappingKey: number, alg: number, data: Uint8Array): number;
}

/** The bodies of `WrapMethods`, assigned to `Psa.prototype`. */
export const wrapMethods: WrapMethods & ThisType<WrapMethods> = guardMethods({
  wrapKey(wrappingKey, alg, key, dataSize) {
    const fn = 'psa_wrap_key';
    return api(fn, () => wrapKey(coreOf(this, fn), checkUint(wrappingKey, fn, 'wrapping_key'), checkUint(alg, fn, 'alg'),
      checkUint(key, fn, 'key'), dataSize === undefined ? undefined : checkLength(dataSize, fn, 'data_size')));
  },

  unwrapKey(attributes, wrappingKey, alg, data) {
    const fn = 'psa_unwrap_key';
    return api(fn, () => unwrapKey(coreOf(this, fn), resolveAttributes(attributes, fn), checkUint(wrappingKey, fn, 'wrapping_key'),
      checkUint(alg, fn, 'alg'), checkBytes(data, fn, 'data')));
  },
});
