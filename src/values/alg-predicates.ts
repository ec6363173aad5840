/**
 * Algorithm predicates and decoders (`PSA_ALG_IS_*`, `PSA_ALG_GET_HASH` and
 * the Mbed TLS `*_GET_HASH` helpers). Formulas follow the 1.5 reference
 * header; the two deliberate departures are documented where they occur
 * (`PSA_ALG_IS_HASH_AND_SIGN`, `PSA_ALG_IS_ECDH` / `PSA_ALG_IS_FFDH`).
 * @module
 */

/** Category field of an algorithm id. */
const cat = (alg: number): number => alg & 0x7f000000;
/** The algorithm without its hash byte, as an unsigned 32-bit number. */
const noHash = (alg: number): number => (alg & ~0xff) >>> 0;
/** The hash byte of an algorithm id. */
const hashByte = (alg: number): number => alg & 0xff;

/** Mbed TLS: whether an algorithm is implementation-defined (bit 31 set). */
export function PSA_ALG_IS_VENDOR_DEFINED(alg: number): boolean {
  return (alg & 0x80000000) !== 0;
}
/** Whether `alg` is a hash algorithm. */
export function PSA_ALG_IS_HASH(alg: number): boolean {
  return cat(alg) === 0x02000000;
}
/** Whether `alg` is a MAC algorithm. */
export function PSA_ALG_IS_MAC(alg: number): boolean {
  return cat(alg) === 0x03000000;
}
/** Whether `alg` is an unauthenticated cipher algorithm. */
export function PSA_ALG_IS_CIPHER(alg: number): boolean {
  return cat(alg) === 0x04000000;
}
/** Whether `alg` is an AEAD algorithm. */
export function PSA_ALG_IS_AEAD(alg: number): boolean {
  return cat(alg) === 0x05000000;
}
/** Whether `alg` is an asymmetric signature algorithm. */
export function PSA_ALG_IS_SIGN(alg: number): boolean {
  return cat(alg) === 0x06000000;
}
/** Whether `alg` is an asymmetric encryption algorithm. */
export function PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(alg: number): boolean {
  return cat(alg) === 0x07000000;
}
/** Whether `alg` is a key derivation algorithm. */
export function PSA_ALG_IS_KEY_DERIVATION(alg: number): boolean {
  return cat(alg) === 0x08000000;
}
/** Whether `alg` is a key agreement algorithm (standalone or combined with a KDF). */
export function PSA_ALG_IS_KEY_AGREEMENT(alg: number): boolean {
  return cat(alg) === 0x09000000;
}
/** Whether `alg` is a PAKE algorithm. */
export function PSA_ALG_IS_PAKE(alg: number): boolean {
  return cat(alg) === 0x0a000000;
}
/** Whether `alg` is a key wrapping algorithm. */
export function PSA_ALG_IS_KEY_WRAP(alg: number): boolean {
  return cat(alg) === 0x0b000000;
}
/** Whether `alg` is a key encapsulation algorithm. */
export function PSA_ALG_IS_KEY_ENCAPSULATION(alg: number): boolean {
  return cat(alg) === 0x0c000000;
}
/** Whether `alg` is an extendable-output function. */
export function PSA_ALG_IS_XOF(alg: number): boolean {
  return cat(alg) === 0x0d000000;
}
/** Whether an XOF takes a context (customisation string). */
export function PSA_ALG_XOF_HAS_CONTEXT(alg: number): boolean {
  return (alg & 0x00008000) !== 0;
}
/** Whether `alg` is a BLAKE2 hash. */
export function PSA_ALG_IS_BLAKE2_HASH(alg: number): boolean {
  return (alg & 0x7ffffffc) === 0x0200001c;
}
/** Whether `alg` is an HMAC algorithm (any length). */
export function PSA_ALG_IS_HMAC(alg: number): boolean {
  // The 1.5 reference formula masks 0x7fc0ff00, which makes an
  // at-least-this-length HMAC policy (bit 15 set) "not HMAC"; Mbed TLS and its
  // test vectors classify it as HMAC, so bit 15 is left out of the mask.
  return (alg & 0x7fc07f00) === 0x03800000;
}
/** Whether `alg` is a BLAKE2 MAC algorithm. */
export function PSA_ALG_IS_BLAKE2_MAC(alg: number): boolean {
  return (alg & 0x7fc07f00) === 0x03800300; // bit 15 ignored, as in PSA_ALG_IS_HMAC
}
/** Whether `alg` is a MAC built on a block cipher (CBC-MAC, CMAC). */
export function PSA_ALG_IS_BLOCK_CIPHER_MAC(alg: number): boolean {
  return (alg & 0x7fc00000) === 0x03c00000;
}
/** Whether `alg` is a stream cipher (including block-cipher stream modes). */
export function PSA_ALG_IS_STREAM_CIPHER(alg: number): boolean {
  return (alg & 0x7f800000) === 0x04800000;
}
/** Whether `alg` is an AEAD mode on a block cipher (CCM, GCM). */
export function PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg: number): boolean {
  return (alg & 0x7f400000) === 0x05400000;
}
/** Whether `alg` is a key-stretching / password-hashing KDF. */
export function PSA_ALG_IS_KEY_DERIVATION_STRETCHING(alg: number): boolean {
  return (alg & 0x7f800000) === 0x08800000;
}
/** Whether `alg` is HKDF. */
export function PSA_ALG_IS_HKDF(alg: number): boolean {
  return noHash(alg) === 0x08000100;
}
/** Whether `alg` is HKDF-Extract. */
export function PSA_ALG_IS_HKDF_EXTRACT(alg: number): boolean {
  return noHash(alg) === 0x08000400;
}
/** Whether `alg` is HKDF-Expand. */
export function PSA_ALG_IS_HKDF_EXPAND(alg: number): boolean {
  return noHash(alg) === 0x08000500;
}
/** Mbed TLS: whether `alg` is HKDF, HKDF-Extract or HKDF-Expand. */
export function PSA_ALG_IS_ANY_HKDF(alg: number): boolean {
  return PSA_ALG_IS_HKDF(alg) || PSA_ALG_IS_HKDF_EXTRACT(alg) || PSA_ALG_IS_HKDF_EXPAND(alg);
}
/** Whether `alg` is the TLS 1.2 PRF. */
export function PSA_ALG_IS_TLS12_PRF(alg: number): boolean {
  return noHash(alg) === 0x08000200;
}
/** Whether `alg` is TLS 1.2 PSK-to-MS. */
export function PSA_ALG_IS_TLS12_PSK_TO_MS(alg: number): boolean {
  return noHash(alg) === 0x08000300;
}
/** Whether `alg` is SP 800-108 counter mode with HMAC. */
export function PSA_ALG_IS_SP800_108_COUNTER_HMAC(alg: number): boolean {
  return noHash(alg) === 0x08000700;
}
/** Whether `alg` is PBKDF2-HMAC. */
export function PSA_ALG_IS_PBKDF2_HMAC(alg: number): boolean {
  return noHash(alg) === 0x08800100;
}
/** Mbed TLS: whether `alg` is PBKDF2 with any PRF. */
export function PSA_ALG_IS_PBKDF2(alg: number): boolean {
  return PSA_ALG_IS_PBKDF2_HMAC(alg) || alg >>> 0 === 0x08800200;
}
/** Whether `alg` is WPA3-SAE hash-to-element. */
export function PSA_ALG_IS_WPA3_SAE_H2E(alg: number): boolean {
  return noHash(alg) === 0x08800400;
}
/** Whether `alg` is a standalone (raw) key agreement, without a KDF. */
export function PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg: number): boolean {
  return (alg & 0x7f00ffff) === 0x09000000;
}
/** Older name of `PSA_ALG_IS_STANDALONE_KEY_AGREEMENT`. */
export function PSA_ALG_IS_RAW_KEY_AGREEMENT(alg: number): boolean {
  return PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(alg);
}
/**
 * Whether `alg` is FFDH, standalone or combined with any KDF. The reference
 * formula masks with 0x7fff0000, which misses FFDH combined with a
 * key-stretching KDF (bit 23); the spec text includes every KDF, so the
 * key-stretching bit is ignored here, consistently with KEY_AGREEMENT_GET_BASE.
 */
export function PSA_ALG_IS_FFDH(alg: number): boolean {
  return (alg & 0x7f7f0000) === 0x09010000;
}
/** Whether `alg` is ECDH, standalone or combined with any KDF (see `PSA_ALG_IS_FFDH`). */
export function PSA_ALG_IS_ECDH(alg: number): boolean {
  return (alg & 0x7f7f0000) === 0x09020000;
}
/** Whether `alg` is RSA PKCS#1 v1.5 signature (with a hash or raw). */
export function PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg: number): boolean {
  return noHash(alg) === 0x06000200;
}
/** Whether `alg` is RSA-PSS, with either salt rule. */
export function PSA_ALG_IS_RSA_PSS(alg: number): boolean {
  return (alg & ~0x10ff) >>> 0 === 0x06000300;
}
/** Whether `alg` is RSA-PSS accepting any salt length. */
export function PSA_ALG_IS_RSA_PSS_ANY_SALT(alg: number): boolean {
  return noHash(alg) === 0x06001300;
}
/** Whether `alg` is RSA-PSS with the standard salt length. */
export function PSA_ALG_IS_RSA_PSS_STANDARD_SALT(alg: number): boolean {
  return noHash(alg) === 0x06000300;
}
/** Whether `alg` is ECDSA (randomized or deterministic). */
export function PSA_ALG_IS_ECDSA(alg: number): boolean {
  return (alg & ~0x1ff) >>> 0 === 0x06000600;
}
/** Whether `alg` is deterministic ECDSA. */
export function PSA_ALG_IS_DETERMINISTIC_ECDSA(alg: number): boolean {
  return noHash(alg) === 0x06000700;
}
/** Whether `alg` is randomized ECDSA. */
export function PSA_ALG_IS_RANDOMIZED_ECDSA(alg: number): boolean {
  return noHash(alg) === 0x06000600;
}
/** Mbed TLS: whether an ECDSA `alg` has the deterministic bit. */
export function PSA_ALG_ECDSA_IS_DETERMINISTIC(alg: number): boolean {
  return (alg & 0x100) !== 0;
}
/** Mbed TLS: whether `alg` is DSA (randomized or deterministic). */
export function PSA_ALG_IS_DSA(alg: number): boolean {
  return (alg & ~0x1ff) >>> 0 === 0x06000400;
}
/** Mbed TLS: whether `alg` is deterministic DSA. */
export function PSA_ALG_IS_DETERMINISTIC_DSA(alg: number): boolean {
  return noHash(alg) === 0x06000500;
}
/** Mbed TLS: whether `alg` is randomized DSA. */
export function PSA_ALG_IS_RANDOMIZED_DSA(alg: number): boolean {
  return noHash(alg) === 0x06000400;
}
/** Mbed TLS: whether a DSA `alg` has the deterministic bit. */
export function PSA_ALG_DSA_IS_DETERMINISTIC(alg: number): boolean {
  return (alg & 0x100) !== 0;
}
/** Whether `alg` is HashEdDSA. */
export function PSA_ALG_IS_HASH_EDDSA(alg: number): boolean {
  return noHash(alg) === 0x06000900;
}
/** Whether `alg` is pure SLH-DSA (hedged or deterministic). */
export function PSA_ALG_IS_SLH_DSA(alg: number): boolean {
  return (alg & ~0x100) >>> 0 === 0x06004000;
}
/** Whether `alg` is HashSLH-DSA (hedged or deterministic). */
export function PSA_ALG_IS_HASH_SLH_DSA(alg: number): boolean {
  return (alg & ~0x1ff) >>> 0 === 0x06004200;
}
/** Whether `alg` is hedged HashSLH-DSA. */
export function PSA_ALG_IS_HEDGED_HASH_SLH_DSA(alg: number): boolean {
  return noHash(alg) === 0x06004200;
}
/** Whether `alg` is deterministic HashSLH-DSA. */
export function PSA_ALG_IS_DETERMINISTIC_HASH_SLH_DSA(alg: number): boolean {
  return noHash(alg) === 0x06004300;
}
/** Whether `alg` is pure ML-DSA (hedged or deterministic). */
export function PSA_ALG_IS_ML_DSA(alg: number): boolean {
  return (alg & ~0x100) >>> 0 === 0x06004400;
}
/** Whether `alg` is HashML-DSA (hedged or deterministic). */
export function PSA_ALG_IS_HASH_ML_DSA(alg: number): boolean {
  return (alg & ~0x1ff) >>> 0 === 0x06004600;
}
/** Whether `alg` is hedged HashML-DSA. */
export function PSA_ALG_IS_HEDGED_HASH_ML_DSA(alg: number): boolean {
  return noHash(alg) === 0x06004600;
}
/** Whether `alg` is deterministic HashML-DSA. */
export function PSA_ALG_IS_DETERMINISTIC_HASH_ML_DSA(alg: number): boolean {
  return noHash(alg) === 0x06004700;
}
/**
 * Whether `alg` is a hash-and-sign algorithm: it signs a hash computed with
 * the hash encoded in the algorithm id. This follows Mbed TLS rather than
 * the 1.5 reference formula: the hash byte must be non-zero, so
 * `PSA_ALG_RSA_PKCS1V15_SIGN_RAW` and `PSA_ALG_ECDSA_ANY` (which sign no
 * particular hash) are not hash-and-sign. The Mbed TLS test suites, which
 * this project runs, depend on that choice. Mbed TLS's DSA is included.
 */
export function PSA_ALG_IS_HASH_AND_SIGN(alg: number): boolean {
  const family =
    PSA_ALG_IS_RSA_PSS(alg) ||
    PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) ||
    PSA_ALG_IS_ECDSA(alg) ||
    PSA_ALG_IS_HASH_EDDSA(alg) ||
    PSA_ALG_IS_HASH_ML_DSA(alg) ||
    PSA_ALG_IS_HASH_SLH_DSA(alg) ||
    PSA_ALG_IS_DSA(alg);
  return family && hashByte(alg) !== 0;
}
/** Whether `alg` can be used with `psa_sign_hash` / `psa_verify_hash`. */
export function PSA_ALG_IS_SIGN_HASH(alg: number): boolean {
  const a = alg >>> 0;
  return PSA_ALG_IS_HASH_AND_SIGN(a) || a === 0x06000200 || a === 0x06000600;
}
/** Whether `alg` can be used with `psa_sign_message` / `psa_verify_message`. */
export function PSA_ALG_IS_SIGN_MESSAGE(alg: number): boolean {
  const a = alg >>> 0;
  return PSA_ALG_IS_SIGN(a) && a !== 0x06000600 && a !== 0x06000200;
}
/**
 * Whether a signature algorithm accepts a context string. Implementation
 * defined: true for EdDSA with context, HashEdDSA, and every ML-DSA and
 * SLH-DSA variant; false otherwise.
 */
export function PSA_ALG_SIGN_SUPPORTS_CONTEXT(alg: number): boolean {
  const a = alg >>> 0;
  return (
    a === 0x06000a00 ||
    PSA_ALG_IS_HASH_EDDSA(a) ||
    PSA_ALG_IS_ML_DSA(a) ||
    PSA_ALG_IS_HASH_ML_DSA(a) ||
    PSA_ALG_IS_SLH_DSA(a) ||
    PSA_ALG_IS_HASH_SLH_DSA(a)
  );
}
/** Whether `alg` is RSA-OAEP. */
export function PSA_ALG_IS_RSA_OAEP(alg: number): boolean {
  return noHash(alg) === 0x07000300;
}
/** Whether `alg` is J-PAKE. */
export function PSA_ALG_IS_JPAKE(alg: number): boolean {
  return noHash(alg) === 0x0a000100;
}
/** Whether `alg` is any SPAKE2+ algorithm. */
export function PSA_ALG_IS_SPAKE2P(alg: number): boolean {
  return (alg & ~0x3ff) >>> 0 === 0x0a000400;
}
/** Whether `alg` is SPAKE2+ with HMAC confirmation. */
export function PSA_ALG_IS_SPAKE2P_HMAC(alg: number): boolean {
  return noHash(alg) === 0x0a000400;
}
/** Whether `alg` is SPAKE2+ with CMAC confirmation. */
export function PSA_ALG_IS_SPAKE2P_CMAC(alg: number): boolean {
  return noHash(alg) === 0x0a000500;
}
/** Whether `alg` is any WPA3-SAE PAKE algorithm. */
export function PSA_ALG_IS_WPA3_SAE(alg: number): boolean {
  return (alg & ~0x1ff) >>> 0 === 0x0a000800;
}
/** Whether `alg` is WPA3-SAE with a fixed group hash. */
export function PSA_ALG_IS_WPA3_SAE_FIXED(alg: number): boolean {
  return noHash(alg) === 0x0a000800;
}
/** Whether `alg` is WPA3-SAE with a group-dependent hash. */
export function PSA_ALG_IS_WPA3_SAE_GDH(alg: number): boolean {
  return noHash(alg) === 0x0a000900;
}

/** The hash encoded in `alg`, or `PSA_ALG_NONE` if its hash byte is 0. */
export function PSA_ALG_GET_HASH(alg: number): number {
  const h = hashByte(alg);
  return h === 0 ? 0 : (0x02000000 | h) >>> 0;
}
/** Whether `alg` is a wildcard, usable only in policies. */
export function PSA_ALG_IS_WILDCARD(alg: number): boolean {
  const a = alg >>> 0;
  return (
    PSA_ALG_GET_HASH(a) === 0x020000ff ||
    (a & 0x7f008000) === 0x03008000 ||
    (a & 0x7f008000) === 0x05008000 ||
    a === 0x04c09300
  );
}
/** Mbed TLS: the hash of a hash-and-sign algorithm, else 0. */
export function PSA_ALG_SIGN_GET_HASH(alg: number): number {
  return PSA_ALG_IS_HASH_AND_SIGN(alg) ? (0x02000000 | hashByte(alg)) >>> 0 : 0;
}
/** Mbed TLS: the hash of an HMAC algorithm (no check on the category). */
export function PSA_ALG_HMAC_GET_HASH(alg: number): number {
  return (0x02000000 | hashByte(alg)) >>> 0;
}
/** Mbed TLS: the hash of an RSA-OAEP algorithm, else 0. */
export function PSA_ALG_RSA_OAEP_GET_HASH(alg: number): number {
  return PSA_ALG_IS_RSA_OAEP(alg) ? (0x02000000 | hashByte(alg)) >>> 0 : 0;
}
/** Mbed TLS: the hash of an HKDF algorithm (no check on the category). */
export function PSA_ALG_HKDF_GET_HASH(alg: number): number {
  return (0x02000000 | hashByte(alg)) >>> 0;
}
/** Mbed TLS: the hash of a TLS 1.2 PRF algorithm (no check on the category). */
export function PSA_ALG_TLS12_PRF_GET_HASH(alg: number): number {
  return (0x02000000 | hashByte(alg)) >>> 0;
}
/** Mbed TLS: the hash of a TLS 1.2 PSK-to-MS algorithm (no check on the category). */
export function PSA_ALG_TLS12_PSK_TO_MS_GET_HASH(alg: number): number {
  return (0x02000000 | hashByte(alg)) >>> 0;
}
/** Mbed TLS: the hash of a PBKDF2-HMAC algorithm (no check on the category). */
export function PSA_ALG_PBKDF2_HMAC_GET_HASH(alg: number): number {
  return (0x02000000 | hashByte(alg)) >>> 0;
}
