/**
 * `psa_key_type_t` values (16-bit), the ECC / DH / SLH-DSA family ids, and
 * the key-type constructors. Family constructors use the 1.5 masks (family
 * = 7 bits), so SLH-DSA types are never mistaken for ECC types.
 * Mbed TLS's DSA key types are deliberately absent: their values
 * (0x4002/0x7002) are the 1.5 ML-DSA key types.
 * @module
 */

/** `psa_key_type_t` is a `uint16_t`. */
export type psa_key_type_t = number;

/** 16-bit view of a bit-operation result. */
const u16 = (x: number): number => x & 0xffff;
/** Family bits of an asymmetric key type (1.5: 7 bits). */
const fam = (f: number): number => f & 0x7f;

/** No key type: an invalid value. */
export const PSA_KEY_TYPE_NONE = 0x0000;

// ---- Categories (Mbed TLS names) ----

/** Bit 15: set for implementation-defined key types. */
export const PSA_KEY_TYPE_VENDOR_FLAG = 0x8000;
/** Mask of the category bits (A and CAT fields). */
export const PSA_KEY_TYPE_CATEGORY_MASK = 0x7000;
/** Category of raw (non-cipher) unstructured keys. */
export const PSA_KEY_TYPE_CATEGORY_RAW = 0x1000;
/** Category of symmetric cipher keys. */
export const PSA_KEY_TYPE_CATEGORY_SYMMETRIC = 0x2000;
/** Category of asymmetric public keys. */
export const PSA_KEY_TYPE_CATEGORY_PUBLIC_KEY = 0x4000;
/** Category of asymmetric key pairs. */
export const PSA_KEY_TYPE_CATEGORY_KEY_PAIR = 0x7000;
/** The bits that turn a public-key type into its key-pair type. */
export const PSA_KEY_TYPE_CATEGORY_FLAG_PAIR = 0x3000;

// ---- Unstructured keys ----

/** Raw data: any bytes, for HMAC-less uses such as KDF inputs. */
export const PSA_KEY_TYPE_RAW_DATA = 0x1001;
/** HMAC key. */
export const PSA_KEY_TYPE_HMAC = 0x1100;
/** BLAKE2 MAC key (1.5). */
export const PSA_KEY_TYPE_BLAKE2 = 0x1103;
/** Secret for key derivation. */
export const PSA_KEY_TYPE_DERIVE = 0x1200;
/** Low-entropy password for password hashing or key stretching (1.1). */
export const PSA_KEY_TYPE_PASSWORD = 0x1203;
/** Password hash, for verification with key-stretching KDFs (1.1). */
export const PSA_KEY_TYPE_PASSWORD_HASH = 0x1205;
/** Secret pepper for password hashing (1.1). */
export const PSA_KEY_TYPE_PEPPER = 0x1206;
/** ARC4 stream cipher key (weak). */
export const PSA_KEY_TYPE_ARC4 = 0x2002;
/** ChaCha20 key. */
export const PSA_KEY_TYPE_CHACHA20 = 0x2004;
/** XChaCha20 key (1.2). */
export const PSA_KEY_TYPE_XCHACHA20 = 0x2007;
/** Ascon key (1.4). */
export const PSA_KEY_TYPE_ASCON = 0x2008;
/** DES / 3DES key (weak). */
export const PSA_KEY_TYPE_DES = 0x2301;
/** AES key. */
export const PSA_KEY_TYPE_AES = 0x2400;
/** Camellia key. */
export const PSA_KEY_TYPE_CAMELLIA = 0x2403;
/** SM4 key. */
export const PSA_KEY_TYPE_SM4 = 0x2405;
/** ARIA key. */
export const PSA_KEY_TYPE_ARIA = 0x2406;

// ---- Non-parameterised asymmetric keys ----

/** RSA public key. */
export const PSA_KEY_TYPE_RSA_PUBLIC_KEY = 0x4001;
/** RSA key pair. */
export const PSA_KEY_TYPE_RSA_KEY_PAIR = 0x7001;
/** ML-DSA public key (FIPS 204). */
export const PSA_KEY_TYPE_ML_DSA_PUBLIC_KEY = 0x4002;
/** ML-DSA key pair. */
export const PSA_KEY_TYPE_ML_DSA_KEY_PAIR = 0x7002;
/** ML-KEM public key (FIPS 203). */
export const PSA_KEY_TYPE_ML_KEM_PUBLIC_KEY = 0x4004;
/** ML-KEM key pair. */
export const PSA_KEY_TYPE_ML_KEM_KEY_PAIR = 0x7004;
/** LMS public key (RFC 8554). */
export const PSA_KEY_TYPE_LMS_PUBLIC_KEY = 0x4007;
/** HSS public key (RFC 8554). */
export const PSA_KEY_TYPE_HSS_PUBLIC_KEY = 0x4008;
/** XMSS public key (RFC 8391). */
export const PSA_KEY_TYPE_XMSS_PUBLIC_KEY = 0x400b;
/** XMSS^MT public key (RFC 8391). */
export const PSA_KEY_TYPE_XMSS_MT_PUBLIC_KEY = 0x400d;

// ---- Families ----

/** SEC Koblitz curves over prime fields (secp192k1, secp224k1, secp256k1). */
export const PSA_ECC_FAMILY_SECP_K1 = 0x17;
/** SEC random curves over prime fields (P-192 … P-521). */
export const PSA_ECC_FAMILY_SECP_R1 = 0x12;
/** secp160r2 (weak, deprecated). */
export const PSA_ECC_FAMILY_SECP_R2 = 0x1b;
/** SEC Koblitz curves over binary fields. */
export const PSA_ECC_FAMILY_SECT_K1 = 0x27;
/** SEC random curves over binary fields. */
export const PSA_ECC_FAMILY_SECT_R1 = 0x22;
/** SEC additional random curve over a binary field (sect163r2). */
export const PSA_ECC_FAMILY_SECT_R2 = 0x2b;
/** Brainpool P random curves. */
export const PSA_ECC_FAMILY_BRAINPOOL_P_R1 = 0x30;
/** FRP256v1. */
export const PSA_ECC_FAMILY_FRP = 0x33;
/** Montgomery curves (Curve25519, Curve448). */
export const PSA_ECC_FAMILY_MONTGOMERY = 0x41;
/** Twisted Edwards curves (Edwards25519, Edwards448). */
export const PSA_ECC_FAMILY_TWISTED_EDWARDS = 0x42;
/** RFC 7919 finite-field Diffie-Hellman groups (TLS). */
export const PSA_DH_FAMILY_RFC7919 = 0x03;
/** RFC 3526 finite-field Diffie-Hellman groups (IKE; 1.4). */
export const PSA_DH_FAMILY_RFC3526 = 0x05;
/** SLH-DSA SHA2-NNNs parameter sets. */
export const PSA_SLH_DSA_FAMILY_SHA2_S = 0x02;
/** SLH-DSA SHA2-NNNf parameter sets. */
export const PSA_SLH_DSA_FAMILY_SHA2_F = 0x04;
/** SLH-DSA SHAKE-NNNs parameter sets. */
export const PSA_SLH_DSA_FAMILY_SHAKE_S = 0x0b;
/** SLH-DSA SHAKE-NNNf parameter sets. */
export const PSA_SLH_DSA_FAMILY_SHAKE_F = 0x0d;

/** Mbed TLS: whether an ECC family is a short Weierstrass one. */
export function PSA_ECC_FAMILY_IS_WEIERSTRASS(family: number): boolean {
  return (family & 0xc0) === 0;
}

// ---- Family-parameterised constructors ----

/** Elliptic-curve key pair of `curve` family. */
export function PSA_KEY_TYPE_ECC_KEY_PAIR(curve: number): number {
  return u16(0x7100 | fam(curve));
}
/** Elliptic-curve public key of `curve` family. */
export function PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve: number): number {
  return u16(0x4100 | fam(curve));
}
/** Finite-field Diffie-Hellman key pair of `group` family. */
export function PSA_KEY_TYPE_DH_KEY_PAIR(group: number): number {
  return u16(0x7200 | fam(group));
}
/** Finite-field Diffie-Hellman public key of `group` family. */
export function PSA_KEY_TYPE_DH_PUBLIC_KEY(group: number): number {
  return u16(0x4200 | fam(group));
}
/** SLH-DSA key pair of parameter-set family `set`. */
export function PSA_KEY_TYPE_SLH_DSA_KEY_PAIR(set: number): number {
  return u16(0x7180 | fam(set));
}
/** SLH-DSA public key of parameter-set family `set`. */
export function PSA_KEY_TYPE_SLH_DSA_PUBLIC_KEY(set: number): number {
  return u16(0x4180 | fam(set));
}
/** SPAKE2+ key pair (w0, w1) over `curve` family (1.2). */
export function PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(curve: number): number {
  return u16(0x7400 | fam(curve));
}
/** SPAKE2+ public key (w0, L) over `curve` family (1.2). */
export function PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(curve: number): number {
  return u16(0x4400 | fam(curve));
}
/** WPA3-SAE password token over elliptic `curve` family (1.4). */
export function PSA_KEY_TYPE_WPA3_SAE_ECC(curve: number): number {
  return u16(0x3280 | fam(curve));
}
/** WPA3-SAE password token over finite-field `group` family (1.4). */
export function PSA_KEY_TYPE_WPA3_SAE_DH(group: number): number {
  return u16(0x3300 | fam(group));
}
/** The key-pair type of a public-key type. */
export function PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY(type: number): number {
  return u16(type | 0x3000);
}
/** The public-key type of a key-pair type. */
export function PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type: number): number {
  return u16(type & ~0x3000);
}
