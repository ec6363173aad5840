/**
 * `psa_algorithm_t` values, part 2: signatures, asymmetric encryption, key
 * derivation, key agreement, key encapsulation and PAKE. Hash-parameterised
 * constructors keep only the hash byte of their argument, as C does.
 * @module
 */

/** Unsigned 32-bit view of a bit-operation result. */
const u32 = (x: number): number => x >>> 0;
/** `base | (h & 0xff)` as an unsigned 32-bit number. */
const withHash = (base: number, h: number): number => u32(base | (h & 0xff));

// ---- Asymmetric signature ----

/** Mbed TLS: base of RSA PKCS#1 v1.5 signatures (= the raw variant). */
export const PSA_ALG_RSA_PKCS1V15_SIGN_BASE = 0x06000200;
/** RSA PKCS#1 v1.5 signature without hash encoding (signs the input as is). */
export const PSA_ALG_RSA_PKCS1V15_SIGN_RAW = 0x06000200;
/** Mbed TLS: base of RSA-PSS with the standard salt length. */
export const PSA_ALG_RSA_PSS_BASE = 0x06000300;
/** Mbed TLS: base of RSA-PSS accepting any salt length. */
export const PSA_ALG_RSA_PSS_ANY_SALT_BASE = 0x06001300;
/** Mbed TLS: base of randomized ECDSA (= ECDSA_ANY). */
export const PSA_ALG_ECDSA_BASE = 0x06000600;
/** ECDSA without hashing: signs a pre-computed hash of any length. */
export const PSA_ALG_ECDSA_ANY = 0x06000600;
/** Mbed TLS: base of deterministic ECDSA. */
export const PSA_ALG_DETERMINISTIC_ECDSA_BASE = 0x06000700;
/** Mbed TLS: the bit that makes (EC)DSA deterministic. */
export const PSA_ALG_ECDSA_DETERMINISTIC_FLAG = 0x00000100;
/** Mbed TLS: base of randomized DSA. */
export const PSA_ALG_DSA_BASE = 0x06000400;
/** Mbed TLS: base of deterministic DSA. */
export const PSA_ALG_DETERMINISTIC_DSA_BASE = 0x06000500;
/** PureEdDSA (Ed25519, Ed448 without pre-hash; 1.1). */
export const PSA_ALG_PURE_EDDSA = 0x06000800;
/** Mbed TLS: base of HashEdDSA. */
export const PSA_ALG_HASH_EDDSA_BASE = 0x06000900;
/** Ed25519ph: HashEdDSA on Edwards25519 with SHA-512. */
export const PSA_ALG_ED25519PH = 0x0600090b;
/** Ed448ph: HashEdDSA on Edwards448 with SHAKE256/512. */
export const PSA_ALG_ED448PH = 0x06000915;
/** EdDSA with a context (Ed25519ctx, Ed448; 1.4). */
export const PSA_ALG_EDDSA_CTX = 0x06000a00;
/** Hedged SLH-DSA (FIPS 205, pure). */
export const PSA_ALG_SLH_DSA = 0x06004000;
/** Deterministic SLH-DSA (pure). */
export const PSA_ALG_DETERMINISTIC_SLH_DSA = 0x06004100;
/** Hedged ML-DSA (FIPS 204, pure). */
export const PSA_ALG_ML_DSA = 0x06004400;
/** Deterministic ML-DSA (pure). */
export const PSA_ALG_DETERMINISTIC_ML_DSA = 0x06004500;
/** Leighton-Micali signatures (verification only). */
export const PSA_ALG_LMS = 0x06004800;
/** Hierarchical signature system over LMS (verification only). */
export const PSA_ALG_HSS = 0x06004900;
/** XMSS (verification only). */
export const PSA_ALG_XMSS = 0x06004a00;
/** XMSS^MT (verification only). */
export const PSA_ALG_XMSS_MT = 0x06004b00;

/** RSA PKCS#1 v1.5 signature with hash `h`. */
export function PSA_ALG_RSA_PKCS1V15_SIGN(h: number): number {
  return withHash(0x06000200, h);
}
/** RSA-PSS with hash `h`, salt length = hash length. */
export function PSA_ALG_RSA_PSS(h: number): number {
  return withHash(0x06000300, h);
}
/** RSA-PSS with hash `h`, verifying any salt length (1.1). */
export function PSA_ALG_RSA_PSS_ANY_SALT(h: number): number {
  return withHash(0x06001300, h);
}
/** Randomized ECDSA with hash `h`. */
export function PSA_ALG_ECDSA(h: number): number {
  return withHash(0x06000600, h);
}
/** Deterministic ECDSA (RFC 6979) with hash `h`. */
export function PSA_ALG_DETERMINISTIC_ECDSA(h: number): number {
  return withHash(0x06000700, h);
}
/** Mbed TLS: randomized DSA with hash `h` (no key type is defined for it here). */
export function PSA_ALG_DSA(h: number): number {
  return withHash(0x06000400, h);
}
/** Mbed TLS: deterministic DSA with hash `h`. */
export function PSA_ALG_DETERMINISTIC_DSA(h: number): number {
  return withHash(0x06000500, h);
}
/** Hedged HashSLH-DSA with pre-hash `h`. */
export function PSA_ALG_HASH_SLH_DSA(h: number): number {
  return withHash(0x06004200, h);
}
/** Deterministic HashSLH-DSA with pre-hash `h`. */
export function PSA_ALG_DETERMINISTIC_HASH_SLH_DSA(h: number): number {
  return withHash(0x06004300, h);
}
/** Hedged HashML-DSA with pre-hash `h`. */
export function PSA_ALG_HASH_ML_DSA(h: number): number {
  return withHash(0x06004600, h);
}
/** Deterministic HashML-DSA with pre-hash `h`. */
export function PSA_ALG_DETERMINISTIC_HASH_ML_DSA(h: number): number {
  return withHash(0x06004700, h);
}

// ---- Asymmetric encryption ----

/** RSA PKCS#1 v1.5 encryption. */
export const PSA_ALG_RSA_PKCS1V15_CRYPT = 0x07000200;
/** Mbed TLS: base of RSA-OAEP. */
export const PSA_ALG_RSA_OAEP_BASE = 0x07000300;

/** RSA-OAEP with hash `h` (for both the label hash and MGF1). */
export function PSA_ALG_RSA_OAEP(h: number): number {
  return withHash(0x07000300, h);
}

// ---- Key derivation ----

/** Mbed TLS: the key-stretching flag of key derivation algorithms (bit 23). */
export const PSA_ALG_KEY_DERIVATION_STRETCHING_FLAG = 0x00800000;
/** Mbed TLS: base of HKDF. */
export const PSA_ALG_HKDF_BASE = 0x08000100;
/** Mbed TLS: base of the TLS 1.2 PRF. */
export const PSA_ALG_TLS12_PRF_BASE = 0x08000200;
/** Mbed TLS: base of TLS 1.2 PSK-to-master-secret. */
export const PSA_ALG_TLS12_PSK_TO_MS_BASE = 0x08000300;
/** Mbed TLS: base of HKDF-Extract. */
export const PSA_ALG_HKDF_EXTRACT_BASE = 0x08000400;
/** Mbed TLS: base of HKDF-Expand. */
export const PSA_ALG_HKDF_EXPAND_BASE = 0x08000500;
/** Mbed TLS: base of PBKDF2-HMAC. */
export const PSA_ALG_PBKDF2_HMAC_BASE = 0x08800100;
/** EC J-PAKE premaster secret for TLS 1.2 (SHA-256 of the shared x coordinate). */
export const PSA_ALG_TLS12_ECJPAKE_TO_PMS = 0x08000609;
/** NIST SP 800-108 counter-mode KDF with CMAC as PRF (1.2). */
export const PSA_ALG_SP800_108_COUNTER_CMAC = 0x08000800;
/** PBKDF2 with AES-CMAC-PRF-128 (RFC 4615). */
export const PSA_ALG_PBKDF2_AES_CMAC_PRF_128 = 0x08800200;
/** Mbed TLS: the KDF part of a combined key agreement id (pre-1.2.1 mask). */
export const PSA_ALG_KEY_DERIVATION_MASK = 0xfe00ffff;
/** Mbed TLS: the key agreement part of a combined id (pre-1.2.1 mask). */
export const PSA_ALG_KEY_AGREEMENT_MASK = 0xffff0000;

/** HKDF (RFC 5869) with hash `h`. */
export function PSA_ALG_HKDF(h: number): number {
  return withHash(0x08000100, h);
}
/** HKDF-Extract step only, with hash `h` (1.1). */
export function PSA_ALG_HKDF_EXTRACT(h: number): number {
  return withHash(0x08000400, h);
}
/** HKDF-Expand step only, with hash `h` (1.1). */
export function PSA_ALG_HKDF_EXPAND(h: number): number {
  return withHash(0x08000500, h);
}
/** TLS 1.2 PRF with hash `h`. */
export function PSA_ALG_TLS12_PRF(h: number): number {
  return withHash(0x08000200, h);
}
/** TLS 1.2 PSK to master secret with hash `h`. */
export function PSA_ALG_TLS12_PSK_TO_MS(h: number): number {
  return withHash(0x08000300, h);
}
/** NIST SP 800-108 counter-mode KDF with HMAC-`h` as PRF (1.2). */
export function PSA_ALG_SP800_108_COUNTER_HMAC(h: number): number {
  return withHash(0x08000700, h);
}
/** PBKDF2 with HMAC-`h` as PRF (1.1). */
export function PSA_ALG_PBKDF2_HMAC(h: number): number {
  return withHash(0x08800100, h);
}
/** WPA3-SAE hash-to-element password token derivation with hash `h` (1.4). */
export function PSA_ALG_WPA3_SAE_H2E(h: number): number {
  return withHash(0x08800400, h);
}

// ---- Key agreement ----

/** Finite-field Diffie-Hellman (standalone). */
export const PSA_ALG_FFDH = 0x09010000;
/** Elliptic-curve Diffie-Hellman (standalone). */
export const PSA_ALG_ECDH = 0x09020000;

/** A key agreement `ka` followed by the key derivation `kdf`: `ka | kdf`. */
export function PSA_ALG_KEY_AGREEMENT(ka: number, kdf: number): number {
  return u32(ka | kdf);
}
/** The key agreement part of a (combined) key agreement algorithm (1.5 mask 0xff7f0000). */
export function PSA_ALG_KEY_AGREEMENT_GET_BASE(alg: number): number {
  return u32(alg & 0xff7f0000);
}
/** The key derivation part of a combined key agreement algorithm (1.5 mask 0xfe80ffff). */
export function PSA_ALG_KEY_AGREEMENT_GET_KDF(alg: number): number {
  return u32(alg & 0xfe80ffff);
}

// ---- Key encapsulation (1.3) ----

/** ECIES key encapsulation as in SEC 1 (shared secret = ECDH x coordinate). */
export const PSA_ALG_ECIES_SEC1 = 0x0c000100;
/** ML-KEM (FIPS 203). */
export const PSA_ALG_ML_KEM = 0x0c000200;

// ---- PAKE ----

/** Mbed TLS: base of J-PAKE. */
export const PSA_ALG_JPAKE_BASE = 0x0a000100;
/** Mbed TLS 3.x: J-PAKE without a hash (the 1.1-beta API id); legacy. */
export const PSA_ALG_JPAKE_BETA = 0x0a000100;
/** SPAKE2+ as used by Matter (SHA-256, HMAC-SHA-256). */
export const PSA_ALG_SPAKE2P_MATTER = 0x0a000609;
/** Wildcard policy: any WPA3-SAE algorithm (1.4). */
export const PSA_ALG_WPA3_SAE_ANY = 0x0a0088ff;

/** J-PAKE with hash `h` (EC J-PAKE in TLS uses SHA-256). */
export function PSA_ALG_JPAKE(h: number): number {
  return withHash(0x0a000100, h);
}
/** SPAKE2+ with hash `h` and HMAC key confirmation. */
export function PSA_ALG_SPAKE2P_HMAC(h: number): number {
  return withHash(0x0a000400, h);
}
/** SPAKE2+ with hash `h` and CMAC-AES-128 key confirmation. */
export function PSA_ALG_SPAKE2P_CMAC(h: number): number {
  return withHash(0x0a000500, h);
}
/** WPA3-SAE with a fixed group and hash `h` (1.4). */
export function PSA_ALG_WPA3_SAE_FIXED(h: number): number {
  return withHash(0x0a000800, h);
}
/** WPA3-SAE with group-dependent hash `h` (1.4). */
export function PSA_ALG_WPA3_SAE_GDH(h: number): number {
  return withHash(0x0a000900, h);
}
