/**
 * Key wrapping (PSA 1.4): `psa_wrap_key` and `psa_unwrap_key` with
 * PSA_ALG_KW and PSA_ALG_KWP. What is wrapped is the key's export
 * representation (as if by `psa_export_key`, so the key needs EXPORT usage);
 * unwrapping creates the key through the common key-creation path with the
 * caller's attributes, so every import rule applies to the unwrapped data.
 * Mbed TLS has no key wrapping; the order of checks is the one its cipher
 * and AEAD functions follow (`psa_cipher_encrypt`, `psa_aead_encrypt`): the
 * algorithm's category, then the wrapping key's usage and policy
 * (`acquireKey`, as `psa_get_and_lock_key_slot_with_policy`), then its
 * type and the algorithm's support, then the data (the key being wrapped,
 * or the wrapped data and the new key's attributes), then the buffer.
 * @module
 */
import { fail } from '../values/error.js';
import {
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
} from '../values/status.js';
import {
  PSA_ALG_IS_KEY_WRAP,
  PSA_ALG_KW,
  PSA_ALG_KWP,
  PSA_BLOCK_CIPHER_BLOCK_LENGTH,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CATEGORY_MASK,
  PSA_KEY_TYPE_CATEGORY_SYMMETRIC,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_UNWRAP,
  PSA_KEY_USAGE_WRAP,
  describe,
} from '../values/index.js';
import type { DriverEntryPoints } from '../drivers/driver.js';
import type { ResolvedKeyAttributes } from './keys/attributes.js';
import type { CoreContext } from './context.js';
import { createKey } from './keys/creation.js';
import { exportKey, withKey } from './keys/management.js';

import type { KeySlot } from './keys/slot.js';
import { copyBytes } from '../bytes.js';

/** The block length, in bytes, of the ciphers KW and KWP are defined for. */
const WRAP_BLOCK_LENGTH = 16;
const SEMIBLOCK = 8;

/** INVALID_ARGUMENT unless `alg` is a key-wrapping algorithm. */
function checkWrapAlgorithm(alg: number, fn: string): void {
  if (!PSA_ALG_IS_KEY_WRAP(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a key-wrapping algorithm`);
}

/**
 * Whether a wrapping key of `keyType` suits `alg`: INVALID_ARGUMENT for a
 * key that is not a block cipher with 128-bit blocks, NOT_SUPPORTED for a
 * key-wrapping algorithm other than KW and KWP.
 */
function checkWrappingKey(keyType: number, alg: number, fn: string): void {
  if (alg !== PSA_ALG_KW && alg !== PSA_ALG_KWP) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
  }
  const symmetric = (keyType & PSA_KEY_TYPE_CATEGORY_MASK) === PSA_KEY_TYPE_CATEGORY_SYMMETRIC;
  if (!symmetric || PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType) !== WRAP_BLOCK_LENGTH) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(keyType, 'keyType')} keys cannot be used with ${describe(alg, 'alg')}`);
  }
}

/**
 * Length of the output of `alg` (KW or KWP) for `length` bytes of key data:
 * KW needs a multiple of 8 bytes, at least 16, and adds 8; KWP pads to a
 * multiple of 8 and adds 8. INVALID_ARGUMENT for a length `alg` cannot wrap.
 */
export function wrappedLength(alg: number, length: number, fn: string): number {
  if (alg === PSA_ALG_KW) {
    if (length < 2 * SEMIBLOCK || length % SEMIBLOCK !== 0) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: KW cannot wrap ${length} bytes of key data (a multiple of 8, at least 16)`);
    }
    return length + SEMIBLOCK;
  }
  if (length < 1 || length > 0xffffffff) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: KWP cannot wrap ${length} bytes of key data`);
  return Math.ceil(length / SEMIBLOCK) * SEMIBLOCK + SEMIBLOCK;
}

const hasWrap = (d: DriverEntryPoints): boolean => d.wrapKey !== undefined;
const hasUnwrap = (d: DriverEntryPoints): boolean => d.unwrapKey !== undefined;

/** The export representation of `key` for wrapping: EXPORT usage is required whatever the key type. */
function keyDataToWrap(ctx: CoreContext, key: number, fn: string): Uint8Array {
  return withKey(ctx, key, 0, 0, fn, (slot) => {
    if ((slot.attributes.usage & PSA_KEY_USAGE_EXPORT) === 0) {
      fail(PSA_ERROR_NOT_PERMITTED, `${fn}: the key to wrap lacks PSA_KEY_USAGE_EXPORT`);
    }
    return exportKey(ctx, key);
  });
}

/**
 * `psa_wrap_key`: the key `key` wrapped with `wrappingKey` under `alg`.
 * `dataSize` (optional) is the C caller's buffer size: below the output
 * length it gives BUFFER_TOO_SMALL, before any encryption.
 */
export function wrapKey(ctx: CoreContext, wrappingKey: number, alg: number, key: number, dataSize?: number): Uint8Array {
  const fn = 'psa_wrap_key';
  checkWrapAlgorithm(alg, fn);
  return withKey(ctx, wrappingKey, PSA_KEY_USAGE_WRAP, alg, fn, (wrapping: KeySlot) => {
    const w = wrapping.attributes;
    checkWrappingKey(w.type, alg, fn);
    const data = keyDataToWrap(ctx, key, fn);
    try {
      const needed = wrappedLength(alg, data.length, fn);
      if (dataSize !== undefined && dataSize < needed) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ${needed} bytes needed, buffer has ${dataSize}`);
      }
      const out = ctx.dispatch.keyCall(w.lifetime, fn, hasWrap, (d) => d.wrapKey!(w, wrapping.keyBuffer, alg, data));
      if (out.length !== needed) {
        out.fill(0);
        fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the driver returned ${out.length} bytes, not ${needed}`);
      }
      return out;
    } finally {
      data.fill(0);
    }
  });
}

/**
 * `psa_unwrap_key`: unwrap `data` with `wrappingKey` under `alg` and create
 * a key with `attributes` from the result, as `psa_import_key` would. A
 * failed integrity check is INVALID_SIGNATURE; the recovered data is wiped
 * whatever happens. Returns the new key's id.
 */
export function unwrapKey(
  ctx: CoreContext,
  attributes: ResolvedKeyAttributes,
  wrappingKey: number,
  alg: number,
  data: Uint8Array,
): number {
  const fn = 'psa_unwrap_key';
  checkWrapAlgorithm(alg, fn);
  return withKey(ctx, wrappingKey, PSA_KEY_USAGE_UNWRAP, alg, fn, (wrapping: KeySlot) => {
    const w = wrapping.attributes;
    checkWrappingKey(w.type, alg, fn);
    if (data.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: empty wrapped data`);
    return createKey(ctx, attributes, fn, (a) => {
      const material = ctx.dispatch.keyCall(w.lifetime, fn, hasUnwrap, (d) => d.unwrapKey!(w, wrapping.keyBuffer, alg, data));
      try {
        if (material.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the wrapped key is empty`);
        const produced = ctx.dispatch.importKey(a, material, fn);
        if (produced.bits === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the unwrapped key has no size`);
        // A driver may keep the buffer it was given; never wipe what becomes the stored key.
        if (produced.keyBuffer.buffer === material.buffer) return { keyBuffer: copyBytes(material), bits: produced.bits };
        return produced;
      } finally {
        material.fill(0);
      }
    });
  });
}

/**
 * Whether this build can wrap or unwrap with a key of `keyType` under `alg`
 * (for `psa_check_key_usage`): KW or KWP with an AES wrapping key (the only
 * wrapping-key type any driver of this package implements), and some
 * transparent driver with the entry point.
 */
export function wrapSupported(ctx: CoreContext, keyType: number, alg: number, usage: number): boolean {
  if (alg !== PSA_ALG_KW && alg !== PSA_ALG_KWP) return false;
  if (keyType !== PSA_KEY_TYPE_AES) return false;
  const has = usage === PSA_KEY_USAGE_WRAP ? hasWrap : hasUnwrap;
  return ctx.dispatch.transparent.some(has);
}
