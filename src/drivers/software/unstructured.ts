/**
 * Unstructured keys (raw bytes: RAW_DATA, HMAC, DERIVE, passwords, block
 * and stream cipher keys): size rules on import and generation, exactly
 * those of Mbed TLS's `psa_validate_unstructured_key_bit_size`, extended to
 * the key types this package adds (PEPPER, XCHACHA20, BLAKE2, ASCON, SM4).
 * As in Mbed TLS, an imported DES key's parity bits are not checked, and a
 * generated one gets odd parity in every byte (`psa_des_set_key_parity`).
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_ASCON,
  PSA_KEY_TYPE_BLAKE2,
  PSA_KEY_TYPE_CAMELLIA,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_DES,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_PASSWORD_HASH,
  PSA_KEY_TYPE_PEPPER,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_TYPE_SM4,
  PSA_KEY_TYPE_XCHACHA20,
  describe,
} from '../../values/index.js';
import type { KeyBuffer } from '../driver.js';
import { desSetOddParity } from './cipher/des.js';
import { copyBytes } from '../../bytes.js';

/** Allowed sizes in bits per key type; `undefined` = any non-zero multiple of 8. */
const SIZES: ReadonlyMap<number, readonly number[] | undefined> = new Map([
  [PSA_KEY_TYPE_RAW_DATA, undefined],
  [PSA_KEY_TYPE_HMAC, undefined],
  [PSA_KEY_TYPE_DERIVE, undefined],
  [PSA_KEY_TYPE_PASSWORD, undefined],
  [PSA_KEY_TYPE_PASSWORD_HASH, undefined],
  [PSA_KEY_TYPE_PEPPER, undefined],
  [PSA_KEY_TYPE_AES, [128, 192, 256]],
  [PSA_KEY_TYPE_ARIA, [128, 192, 256]],
  [PSA_KEY_TYPE_CAMELLIA, [128, 192, 256]],
  // Single DES, two-key and three-key Triple-DES.
  [PSA_KEY_TYPE_DES, [64, 128, 192]],
  [PSA_KEY_TYPE_CHACHA20, [256]],
  [PSA_KEY_TYPE_XCHACHA20, [256]],
  // GB/T 32907-2016: 128-bit keys only (Mbed TLS 3.6 has no SM4).
  [PSA_KEY_TYPE_SM4, [128]],
  // PSA 1.5: 128 bits (Ascon-AEAD128), 256 bits (its nonce-masking variant, SP 800-232 §4.2.2).
  [PSA_KEY_TYPE_ASCON, [128, 256]],
  // PSA 1.5: 8 to 512 bits (BLAKE2s MAC uses at most 256 of them, BLAKE2b MAC 512).
  [PSA_KEY_TYPE_BLAKE2, Array.from({ length: 64 }, (_, i) => 8 * (i + 1))],
]);

/** The unstructured key types this driver stores. */
export const UNSTRUCTURED_KEY_TYPES: readonly number[] = [...SIZES.keys()];

/** Whether `type` is an unstructured type this driver handles. */
export function isSupportedUnstructured(type: number): boolean {
  return SIZES.has(type);
}

/** NOT_SUPPORTED for unknown types, INVALID_ARGUMENT for a size the type does not allow. */
export function checkUnstructuredSize(type: number, bits: number): void {
  if (!SIZES.has(type)) fail(PSA_ERROR_NOT_SUPPORTED, `${describe(type, 'keyType')} is not supported`);
  const allowed = SIZES.get(type);
  if ((allowed && !allowed.includes(bits)) || bits % 8 !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${bits} bits is not a valid size for ${describe(type, 'keyType')}`);
  }
}

/** Import: the material is the key; its size is its length in bits. */
export function importUnstructured(type: number, data: Uint8Array): KeyBuffer {
  const bits = data.length * 8;
  checkUnstructuredSize(type, bits);
  return { keyBuffer: copyBytes(data), bits };
}

/** Generate: `bits / 8` random bytes (DES: with odd parity in every byte). */
export function generateUnstructured(type: number, bits: number, random: (length: number) => Uint8Array): KeyBuffer {
  checkUnstructuredSize(type, bits);
  const keyBuffer = random(bits / 8);
  if (type === PSA_KEY_TYPE_DES) desSetOddParity(keyBuffer);
  return { keyBuffer, bits };
}
