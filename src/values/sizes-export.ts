/**
 * Key export and key wrapping size macros. RSA, Weierstrass ECC and FFDH
 * follow TF-PSA-Crypto's formulas (RSA sizes are DER upper bounds); the
 * Montgomery, Edwards and 1.5 post-quantum formats get their exact sizes.
 * Maxima assume a build with RSA-4096, P-521, Ed448 and FFDH-8192.
 * @module
 */
import {
  PSA_KEY_TYPE_IS_ASYMMETRIC,
  PSA_KEY_TYPE_IS_DH,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_ML_DSA,
  PSA_KEY_TYPE_IS_ML_KEM,
  PSA_KEY_TYPE_IS_SLH_DSA,
  PSA_KEY_TYPE_IS_SPAKE2P,
  PSA_KEY_TYPE_IS_UNSTRUCTURED,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_BLOCK_CIPHER_BLOCK_LENGTH,
} from './key-type-predicates.js';
import { PSA_BITS_TO_BYTES, PSA_ROUND_UP_TO_MULTIPLE } from './sizes.js';

/** Mbed TLS: DER bound for an INTEGER of `bits` bits: floor(bits / 8) + 5. */
export function PSA_KEY_EXPORT_ASN1_INTEGER_MAX_SIZE(bits: number): number {
  return Math.floor(bits / 8) + 5;
}
/** Mbed TLS: DER bound for an RSAPublicKey with a `bits`-bit modulus. */
export function PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(bits: number): number {
  return PSA_KEY_EXPORT_ASN1_INTEGER_MAX_SIZE(bits) + 11;
}
/** Mbed TLS: DER bound for an RSAPrivateKey with a `bits`-bit modulus. */
export function PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(bits: number): number {
  return 9 * PSA_KEY_EXPORT_ASN1_INTEGER_MAX_SIZE(Math.floor(bits / 2) + 1) + 14;
}
/** Mbed TLS: uncompressed Weierstrass point size for a `bits`-bit curve. */
export function PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(bits: number): number {
  return 2 * PSA_BITS_TO_BYTES(bits) + 1;
}
/** Mbed TLS: private scalar size for a `bits`-bit curve. */
export function PSA_KEY_EXPORT_ECC_KEY_PAIR_MAX_SIZE(bits: number): number {
  return PSA_BITS_TO_BYTES(bits);
}
/** Mbed TLS: FFDH private key size for a `bits`-bit group. */
export function PSA_KEY_EXPORT_FFDH_KEY_PAIR_MAX_SIZE(bits: number): number {
  return PSA_BITS_TO_BYTES(bits);
}
/** Mbed TLS: FFDH public key size for a `bits`-bit group. */
export function PSA_KEY_EXPORT_FFDH_PUBLIC_KEY_MAX_SIZE(bits: number): number {
  return PSA_BITS_TO_BYTES(bits);
}

/** Export size of an ECC private key of family `family` (Edwards keys carry one more bit). */
function eccPrivateSize(family: number, bits: number): number {
  return family === 0x42 ? PSA_BITS_TO_BYTES(bits + 1) : PSA_BITS_TO_BYTES(bits);
}
/** Export size of an ECC public key of family `family`. */
function eccPublicSize(family: number, bits: number): number {
  if (family === 0x41) return PSA_BITS_TO_BYTES(bits); // Montgomery u-coordinate
  if (family === 0x42) return PSA_BITS_TO_BYTES(bits + 1); // Edwards encoding
  return PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE(bits);
}
/** [key_bits, public key size] of ML-DSA-44/65/87 and ML-KEM-512/768/1024. */
const ML_DSA_PUBLIC = new Map([[128, 1312], [192, 1952], [256, 2592]]);
const ML_KEM_PUBLIC = new Map([[512, 800], [768, 1184], [1024, 1568]]);
/** Hash output size n for LMS/HSS/XMSS keys (key_bits 192 or 256), else 0. */
const hbsN = (bits: number): number => (bits === 192 || bits === 256 ? bits / 8 : 0);
/** SLH-DSA n (16, 24 or 32) for key_bits 128/192/256, else 0. */
const slhN = (bits: number): number => (bits === 128 || bits === 192 || bits === 256 ? bits / 8 : 0);

/** Export size of a key of type `keyType` and `keyBits` bits; 0 if unknown. */
export function PSA_EXPORT_KEY_OUTPUT_SIZE(keyType: number, keyBits: number): number {
  const family = keyType & 0x7f;
  if (PSA_KEY_TYPE_IS_UNSTRUCTURED(keyType) || PSA_KEY_TYPE_IS_DH(keyType)) return PSA_BITS_TO_BYTES(keyBits);
  if (keyType === 0x7001) return PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(keyBits);
  if (keyType === 0x4001) return PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE(keyBits);
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(keyType)) return eccPrivateSize(family, keyBits);
  if (PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(keyType)) return eccPublicSize(family, keyBits);
  if (PSA_KEY_TYPE_IS_SPAKE2P(keyType)) {
    const w0 = eccPrivateSize(family, keyBits);
    return keyType & 0x3000 ? 2 * w0 : w0 + eccPublicSize(family, keyBits);
  }
  if (PSA_KEY_TYPE_IS_WPA3_SAE_ECC(keyType)) return 2 * PSA_BITS_TO_BYTES(keyBits);
  if (PSA_KEY_TYPE_IS_WPA3_SAE_DH(keyType)) return PSA_BITS_TO_BYTES(keyBits);
  if (PSA_KEY_TYPE_IS_ML_DSA(keyType)) {
    if (!ML_DSA_PUBLIC.has(keyBits)) return 0;
    return keyType === 0x7002 ? 32 : (ML_DSA_PUBLIC.get(keyBits) ?? 0);
  }
  if (PSA_KEY_TYPE_IS_ML_KEM(keyType)) {
    if (!ML_KEM_PUBLIC.has(keyBits)) return 0;
    return keyType === 0x7004 ? 64 : (ML_KEM_PUBLIC.get(keyBits) ?? 0);
  }
  if (PSA_KEY_TYPE_IS_SLH_DSA(keyType)) return (keyType & 0x3000 ? 4 : 2) * slhN(keyBits);
  const n = hbsN(keyBits);
  if (n === 0) return 0;
  if (keyType === 0x4007) return 24 + n; // lms_public_key
  if (keyType === 0x4008) return 28 + n; // hss_public_key
  if (keyType === 0x400b || keyType === 0x400d) return 4 + 2 * n; // xmss(mt)_public_key
  return 0;
}
/** Export size of the public part of a key of type `keyType`; 0 if not asymmetric. */
export function PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(keyType: number, keyBits: number): number {
  if (!PSA_KEY_TYPE_IS_ASYMMETRIC(keyType)) return 0;
  return PSA_EXPORT_KEY_OUTPUT_SIZE(keyType & ~0x3000, keyBits);
}
/** Largest export of a supported key pair (RSA-4096: 2363). */
export const PSA_EXPORT_KEY_PAIR_MAX_SIZE = PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE(4096);
/** Largest export of a supported public key (FFDH-8192: 1024). */
export const PSA_EXPORT_PUBLIC_KEY_MAX_SIZE = PSA_KEY_EXPORT_FFDH_PUBLIC_KEY_MAX_SIZE(8192);
/** Largest export of any supported asymmetric key, pair or public. */
export const PSA_EXPORT_ASYMMETRIC_KEY_MAX_SIZE = Math.max(PSA_EXPORT_KEY_PAIR_MAX_SIZE, PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
/** Mbed TLS name of PSA_EXPORT_ASYMMETRIC_KEY_MAX_SIZE. */
export const PSA_EXPORT_KEY_PAIR_OR_PUBLIC_MAX_SIZE = PSA_EXPORT_ASYMMETRIC_KEY_MAX_SIZE;

/**
 * Output size of `psa_wrap_key` wrapping a `keyType`/`keyBits` key with a
 * `wrapKeyType` key and `alg` (KW or KWP): the export size rounded up to
 * 8 bytes plus the 8-byte integrity block; 0 if unknown.
 */
export function PSA_WRAP_KEY_OUTPUT_SIZE(wrapKeyType: number, alg: number, keyType: number, keyBits: number): number {
  const a = alg >>> 0;
  if (a !== 0x0b400100 && a !== 0x0bc00200) return 0;
  if (PSA_BLOCK_CIPHER_BLOCK_LENGTH(wrapKeyType) !== 16) return 0;
  const size = PSA_EXPORT_KEY_OUTPUT_SIZE(keyType, keyBits);
  return size === 0 ? 0 : PSA_ROUND_UP_TO_MULTIPLE(8, size) + 8;
}
/** Output size of `psa_wrap_key` for any supported key pair. */
export const PSA_WRAP_KEY_PAIR_MAX_SIZE = PSA_ROUND_UP_TO_MULTIPLE(8, PSA_EXPORT_KEY_PAIR_MAX_SIZE) + 8;
