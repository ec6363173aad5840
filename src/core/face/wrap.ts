/**
 * Key-wrapping methods of `Psa` (`psa_wrap_key`, `psa_unwrap_key`): thin
 * wrappers that check JavaScript arguments and call `wrap.ts`. Also teaches
 * `psa_check_key_usage` that KW and KWP with an AES key are supported.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from './keys/attributes.js';
import { checkKeyUsage } from './keys/usage.js';
import { PSA_KEY_USAGE_UNWRAP, PSA_KEY_USAGE_WRAP } from '../values/usage.js';
import { PsaAead } from './psa-aead.js';
import { api } from './psa-base.js';
import { checkBytes, checkLength, checkUint } from './validate.js';
import { unwrapKey, wrapKey, wrapSupported } from './wrap.js';

/** `PsaAead` plus the key-wrapping functions. */
export class PsaWrap extends PsaAead {
  /**
   * `psa_wrap_key`: `key` (which needs EXPORT usage) wrapped with
   * `wrappingKey` (WRAP usage) under `alg`. `dataSize` (optional) is the C
   * caller's buffer size: below the output length, BUFFER_TOO_SMALL.
   */
  wrapKey(wrappingKey: number, alg: number, key: number, dataSize?: number): Uint8Array {
    const fn = 'psa_wrap_key';
    return api(fn, () => wrapKey(this.core(fn), checkUint(wrappingKey, fn, 'wrapping_key'), checkUint(alg, fn, 'alg'),
      checkUint(key, fn, 'key'), dataSize === undefined ? undefined : checkLength(dataSize, fn, 'data_size')));
  }

  /**
   * `psa_unwrap_key`: unwrap `data` with `wrappingKey` (UNWRAP usage) under
   * `alg` and create a key with `attributes`; returns the new key's id.
   * INVALID_SIGNATURE when the wrapped data fails its integrity check.
   */
  unwrapKey(attributes: KeyAttributes, wrappingKey: number, alg: number, data: Uint8Array): number {
    const fn = 'psa_unwrap_key';
    return api(fn, () => unwrapKey(this.core(fn), resolveAttributes(attributes, fn), checkUint(wrappingKey, fn, 'wrapping_key'),
      checkUint(alg, fn, 'alg'), checkBytes(data, fn, 'data')));
  }

  /** `psa_check_key_usage`, answering for the WRAP and UNWRAP usages here and deferring the others. */
  override checkKeyUsage(id: number, alg: number, usage: number): void {
    if (usage !== PSA_KEY_USAGE_WRAP && usage !== PSA_KEY_USAGE_UNWRAP) {
      super.checkKeyUsage(id, alg, usage);
      return;
    }
    const fn = 'psa_check_key_usage';
    api(fn, () => {
      const ctx = this.core(fn);
      checkKeyUsage(ctx, checkUint(id, fn, 'key'), checkUint(alg, fn, 'alg'), usage,
        (keyType, _bits, a, u) => wrapSupported(ctx, keyType, a, u));
    });
  }
}
