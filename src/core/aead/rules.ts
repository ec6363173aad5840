/**
 * The algorithm rules the PSA core applies to AEAD requests before any
 * driver sees them, with Mbed TLS's statuses (`psa_crypto.c`:
 * `psa_aead_check_algorithm`, `psa_aead_check_nonce_length`,
 * `psa_validate_tag_length`, the `psa_aead_set_lengths` limits) and the
 * key-type compatibility of its built-in driver. XChaCha20-Poly1305, which
 * Mbed TLS does not implement, follows ChaCha20-Poly1305's rules with a
 * 24-byte nonce; Ascon-AEAD128 (also absent from Mbed TLS) follows the
 * PSA spec: a 16-byte nonce, tags of 4 to 16 bytes, ASCON keys.
 * @module
 */
import { isRequestWildcard } from '../keys/policy.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED, PSA_SUCCESS } from '../../values/status.js';
import {
  PSA_ALG_AEAD_GET_TAG_LENGTH,
  PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG,
  PSA_ALG_ASCON_AEAD128,
  PSA_ALG_CCM,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_GCM,
  PSA_ALG_IS_AEAD,
  PSA_ALG_XCHACHA20_POLY1305,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_ASCON,
  PSA_KEY_TYPE_CAMELLIA,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
  describe,
} from '../../values/index.js';

import { checkLength } from '../validate.js';

/** `PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG`: the algorithm a multipart operation reports. */
export function aeadBaseAlgorithm(alg: number): number {
  return PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
}

/**
 * `psa_aead_check_algorithm`: INVALID_ARGUMENT unless `alg` is a specific
 * AEAD algorithm, a wildcard being one with the at-least-this-length flag
 * (Mbed TLS's `PSA_ALG_IS_WILDCARD`, `isRequestWildcard`).
 */
export function checkAeadAlgorithm(alg: number, fn: string): void {
  if (!PSA_ALG_IS_AEAD(alg) || isRequestWildcard(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a specific AEAD algorithm`);
  }
}

/**
 * `psa_aead_check_nonce_length`: PSA_SUCCESS, INVALID_ARGUMENT, or
 * NOT_SUPPORTED (an 8-byte ChaCha20-Poly1305 nonce, an unknown algorithm).
 */
export function nonceLengthStatus(alg: number, nonceLength: number): number {
  switch (aeadBaseAlgorithm(alg)) {
    case PSA_ALG_GCM:
      return nonceLength !== 0 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    case PSA_ALG_CCM:
      return nonceLength >= 7 && nonceLength <= 13 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    case PSA_ALG_CHACHA20_POLY1305:
      if (nonceLength === 12) return PSA_SUCCESS;
      return nonceLength === 8 ? PSA_ERROR_NOT_SUPPORTED : PSA_ERROR_INVALID_ARGUMENT;
    case PSA_ALG_XCHACHA20_POLY1305:
      return nonceLength === 24 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    case PSA_ALG_ASCON_AEAD128:
      return nonceLength === 16 ? PSA_SUCCESS : PSA_ERROR_INVALID_ARGUMENT;
    default:
      return PSA_ERROR_NOT_SUPPORTED;
  }
}

/** Throw the status of `nonceLengthStatus` unless it is success. */
export function checkNonceLength(alg: number, nonceLength: number, fn: string): void {
  const status = nonceLengthStatus(alg, nonceLength);
  if (status !== PSA_SUCCESS) fail(status, `${fn}: a nonce of ${nonceLength} bytes is not valid for ${describe(alg, 'alg')}`);
}

/**
 * `psa_validate_tag_length` (multipart setup): CCM 4, 6, …, 16; GCM 4, 8,
 * 12–16; (X)ChaCha20-Poly1305 16; Ascon-AEAD128 4–16 (PSA 1.5: "truncated
 * tags of at least 4 bytes are permitted"); INVALID_ARGUMENT otherwise,
 * NOT_SUPPORTED for other AEAD algorithms.
 */
export function checkMultipartTagLength(alg: number, fn: string): void {
  const t = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  let ok: boolean;
  switch (aeadBaseAlgorithm(alg)) {
    case PSA_ALG_CCM:
      ok = t >= 4 && t <= 16 && t % 2 === 0;
      break;
    case PSA_ALG_GCM:
      ok = t === 4 || t === 8 || (t >= 12 && t <= 16);
      break;
    case PSA_ALG_CHACHA20_POLY1305:
    case PSA_ALG_XCHACHA20_POLY1305:
      ok = t === 16;
      break;
    case PSA_ALG_ASCON_AEAD128:
      ok = t >= 4 && t <= 16;
      break;
    default:
      return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
  }
  if (!ok) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${t}-byte tag is not valid for ${describe(alg, 'alg')}`);
}

/**
 * Single-part tag lengths, as the block-cipher modes check them once the
 * buffers are known to be large enough: CCM 4, 6, …, 16, GCM 4–16 and
 * Ascon-AEAD128 4–16
 * (Mbed TLS's single-part GCM accepts every length its GCM module does;
 * only multipart setup narrows that to the lengths of the spec).
 */
export function checkSinglePartTagLength(alg: number, fn: string): void {
  const t = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  const base = aeadBaseAlgorithm(alg);
  const bad = (base === PSA_ALG_CCM && (t < 4 || t > 16 || t % 2 !== 0)) ||
    ((base === PSA_ALG_GCM || base === PSA_ALG_ASCON_AEAD128) && (t < 4 || t > 16));
  if (bad) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${t}-byte tag is not valid for ${describe(alg, 'alg')}`);
}

/**
 * The key type check of Mbed TLS's built-in AEAD setup: CCM and GCM need a
 * 16-byte block cipher (AES, ARIA, Camellia), ChaCha20-Poly1305 a CHACHA20
 * key and only its full 16-byte tag, XChaCha20-Poly1305 likewise with an
 * XCHACHA20 key; Ascon-AEAD128 an ASCON key. NOT_SUPPORTED otherwise.
 */
export function checkAeadKeyType(keyType: number, alg: number, fn: string): void {
  const base = aeadBaseAlgorithm(alg);
  const t = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  const blockCipher = keyType === PSA_KEY_TYPE_AES || keyType === PSA_KEY_TYPE_ARIA || keyType === PSA_KEY_TYPE_CAMELLIA;
  const ok = ((base === PSA_ALG_CCM || base === PSA_ALG_GCM) && blockCipher) ||
    (base === PSA_ALG_CHACHA20_POLY1305 && keyType === PSA_KEY_TYPE_CHACHA20 && t === 16) ||
    (base === PSA_ALG_XCHACHA20_POLY1305 && keyType === PSA_KEY_TYPE_XCHACHA20 && t === 16) ||
    (base === PSA_ALG_ASCON_AEAD128 && keyType === PSA_KEY_TYPE_ASCON);
  if (!ok) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} with ${describe(keyType, 'keyType')} is not supported`);
  }
}

/**
 * Largest GCM plaintext: 2^36 − 32 bytes (2^39 − 256 bits, NIST SP 800-38D
 * §5.2.1.1; Mbed TLS's `0xFFFFFFFE0`): 2^32 − 2 blocks, the counter values
 * inc32(J0) onwards before the 32-bit counter would come back to J0.
 */
export const GCM_MAX_PLAINTEXT = 0xfffffffe0n;

/** Largest `size_t` (the C type of AEAD lengths). */
export const SIZE_MAX = (1n << 64n) - 1n;

/**
 * The length limits `psa_aead_set_lengths` applies before the driver: GCM
 * additional data below 2^61 bytes and plaintext at most 2^36 − 32 bytes;
 * CCM additional data at most 0xFF00 bytes. INVALID_ARGUMENT beyond them.
 */
export function checkDeclaredLengths(alg: number, adLength: bigint, plaintextLength: bigint, fn: string): void {
  const base = aeadBaseAlgorithm(alg);
  if (base === PSA_ALG_GCM && (adLength >> 61n !== 0n || plaintextLength > GCM_MAX_PLAINTEXT)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: lengths beyond the GCM limits`);
  }
  if (base === PSA_ALG_CCM && adLength > 0xff00n) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: CCM additional data of ${adLength} bytes is too long`);
  }
}

// ---- Arguments of the JavaScript faces ----

/** An algorithm argument: a 32-bit integer (C `int` or `psa_algorithm_t`), as unsigned. */
export function algorithmArgument(alg: unknown, fn: string): number {
  if (typeof alg !== 'number' || !Number.isInteger(alg) || alg < -0x80000000 || alg > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: alg must be an algorithm identifier`);
  }
  return alg >>> 0;
}

/** A `size_t` length argument (a non-negative safe integer or a bigint up to 2^64 − 1). */
export function sizeArgument(value: unknown, fn: string, param: string): bigint {
  if (typeof value === 'bigint' && value >= 0n && value <= SIZE_MAX) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be a non-negative integer below 2^64`);
}

/** An optional C buffer size. */
export function optionalSize(value: unknown, fn: string, param: string): number | undefined {
  return value === undefined ? undefined : checkLength(value, fn, param);
}

