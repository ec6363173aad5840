/**
 * `psa_algorithm_t` values, part 1: categories, hashes, XOFs, MACs, ciphers,
 * AEADs and key wrapping. Every value is an unsigned 32-bit number, exactly
 * as the C headers define it; constructors mask their arguments as C does.
 * @module
 */

/** `psa_algorithm_t` is a `uint32_t`. */
export type psa_algorithm_t = number;

/** Unsigned 32-bit view of a bit-operation result (JS bit ops are signed). */
const u32 = (x: number): number => x >>> 0;
/** The hash byte (bits 7–0) of an algorithm or hash id. */
const hashByte = (h: number): number => h & 0xff;

/** No algorithm: permits nothing in a policy. */
export const PSA_ALG_NONE = 0;

// ---- Categories (Mbed TLS names for the CAT field, bits 30–24) ----

/** Bit 31: set for implementation-defined (vendor) algorithms. */
export const PSA_ALG_VENDOR_FLAG = 0x80000000;
/** Mask of the category field of an algorithm id. */
export const PSA_ALG_CATEGORY_MASK = 0x7f000000;
/** Category of hash algorithms. */
export const PSA_ALG_CATEGORY_HASH = 0x02000000;
/** Category of MAC algorithms. */
export const PSA_ALG_CATEGORY_MAC = 0x03000000;
/** Category of unauthenticated cipher algorithms. */
export const PSA_ALG_CATEGORY_CIPHER = 0x04000000;
/** Category of AEAD algorithms. */
export const PSA_ALG_CATEGORY_AEAD = 0x05000000;
/** Category of asymmetric signature algorithms. */
export const PSA_ALG_CATEGORY_SIGN = 0x06000000;
/** Category of asymmetric encryption algorithms. */
export const PSA_ALG_CATEGORY_ASYMMETRIC_ENCRYPTION = 0x07000000;
/** Category of key derivation algorithms. */
export const PSA_ALG_CATEGORY_KEY_DERIVATION = 0x08000000;
/** Category of key agreement algorithms. */
export const PSA_ALG_CATEGORY_KEY_AGREEMENT = 0x09000000;
/** Category of PAKE algorithms. */
export const PSA_ALG_CATEGORY_PAKE = 0x0a000000;
/** Category of key wrapping algorithms. */
export const PSA_ALG_CATEGORY_KEY_WRAP = 0x0b000000;
/** Category of key encapsulation algorithms. */
export const PSA_ALG_CATEGORY_KEY_ENCAPSULATION = 0x0c000000;
/** Category of extendable-output functions. */
export const PSA_ALG_CATEGORY_XOF = 0x0d000000;
/** Mask of the hash byte in hash-parameterised algorithms (Mbed TLS name). */
export const PSA_ALG_HASH_MASK = 0x000000ff;

// ---- Hash algorithms ----

/** MD2 (weak; defined for completeness). */
export const PSA_ALG_MD2 = 0x02000001;
/** MD4 (weak; defined for completeness). */
export const PSA_ALG_MD4 = 0x02000002;
/** MD5 (weak; legacy protocols only). */
export const PSA_ALG_MD5 = 0x02000003;
/** RIPEMD-160. */
export const PSA_ALG_RIPEMD160 = 0x02000004;
/** SHA-1 (weak for signatures; legacy protocols). */
export const PSA_ALG_SHA_1 = 0x02000005;
/** Zigbee 1.0 AES-MMO hash (1.2). */
export const PSA_ALG_AES_MMO_ZIGBEE = 0x02000007;
/** SHA-224. */
export const PSA_ALG_SHA_224 = 0x02000008;
/** SHA-256. */
export const PSA_ALG_SHA_256 = 0x02000009;
/** SHA-384. */
export const PSA_ALG_SHA_384 = 0x0200000a;
/** SHA-512. */
export const PSA_ALG_SHA_512 = 0x0200000b;
/** SHA-512/224. */
export const PSA_ALG_SHA_512_224 = 0x0200000c;
/** SHA-512/256. */
export const PSA_ALG_SHA_512_256 = 0x0200000d;
/** SHA-256/192: SHA-256 truncated to 192 bits (for LMS/XMSS). */
export const PSA_ALG_SHA_256_192 = 0x0200000e;
/** SHA3-224. */
export const PSA_ALG_SHA3_224 = 0x02000010;
/** SHA3-256. */
export const PSA_ALG_SHA3_256 = 0x02000011;
/** SHA3-384. */
export const PSA_ALG_SHA3_384 = 0x02000012;
/** SHA3-512. */
export const PSA_ALG_SHA3_512 = 0x02000013;
/** SM3. */
export const PSA_ALG_SM3 = 0x02000014;
/** First 512 bits of SHAKE256 (the pre-hash of Ed448ph). */
export const PSA_ALG_SHAKE256_512 = 0x02000015;
/** First 256 bits of SHAKE128. */
export const PSA_ALG_SHAKE128_256 = 0x02000016;
/** First 192 bits of SHAKE256. */
export const PSA_ALG_SHAKE256_192 = 0x02000017;
/** First 256 bits of SHAKE256. */
export const PSA_ALG_SHAKE256_256 = 0x02000018;
/** Ascon-Hash256 (1.4). */
export const PSA_ALG_ASCON_HASH256 = 0x02000019;
/** BLAKE2s with a 256-bit output (1.5). */
export const PSA_ALG_BLAKE2S_HASH256 = 0x0200001c;
/** BLAKE2sp with a 256-bit output (1.5). */
export const PSA_ALG_BLAKE2SP_HASH256 = 0x0200001d;
/** BLAKE2b with a 512-bit output (1.5). */
export const PSA_ALG_BLAKE2B_HASH512 = 0x0200001e;
/** BLAKE2bp with a 512-bit output (1.5). */
export const PSA_ALG_BLAKE2BP_HASH512 = 0x0200001f;
/** Wildcard hash: in a policy, "any hash" for hash-parameterised algorithms. */
export const PSA_ALG_ANY_HASH = 0x020000ff;

// ---- XOF (1.4) ----

/** SHAKE128 extendable-output function. */
export const PSA_ALG_SHAKE128 = 0x0d000100;
/** SHAKE256 extendable-output function. */
export const PSA_ALG_SHAKE256 = 0x0d000200;
/** Ascon-XOF128. */
export const PSA_ALG_ASCON_XOF128 = 0x0d000300;
/** Ascon-CXOF128 (customised XOF; takes a context). */
export const PSA_ALG_ASCON_CXOF128 = 0x0d008300;

// ---- MAC ----

/** Mbed TLS: mask of the MAC sub-category bits (HMAC vs block-cipher MAC). */
export const PSA_ALG_MAC_SUBCATEGORY_MASK = 0x00c00000;
/** Mbed TLS: base value of HMAC algorithms. */
export const PSA_ALG_HMAC_BASE = 0x03800000;
/** Mbed TLS: base value of block-cipher MACs. */
export const PSA_ALG_CIPHER_MAC_BASE = 0x03c00000;
/** Mbed TLS: mask of the MAC length field (bits 21–16). */
export const PSA_ALG_MAC_TRUNCATION_MASK = 0x003f0000;
/** Mbed TLS: bit position of the MAC length field. */
export const PSA_MAC_TRUNCATION_OFFSET = 16;
/** Mbed TLS: the "at least this length" wildcard flag of MAC algorithms. */
export const PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG = 0x00008000;
/** CBC-MAC over a block cipher (insecure in many cases). */
export const PSA_ALG_CBC_MAC = 0x03c00100;
/** CMAC over a block cipher. */
export const PSA_ALG_CMAC = 0x03c00200;

/** HMAC with hash `h`: 0x03800000 | (h & 0xff). */
export function PSA_ALG_HMAC(h: number): number {
  return u32(PSA_ALG_HMAC_BASE | hashByte(h));
}
/** BLAKE2 keyed MAC with BLAKE2 hash `h` (1.5): 0x03800300 | (h & 0xff). */
export function PSA_ALG_BLAKE2_MAC(h: number): number {
  return u32(0x03800300 | hashByte(h));
}
/** MAC `alg` truncated to `len` bytes (0 = default length); clears the wildcard flag. */
export function PSA_ALG_TRUNCATED_MAC(alg: number, len: number): number {
  return u32((alg & ~0x003f8000) | ((len & 0x3f) << 16));
}
/** The full-length MAC of a possibly truncated or wildcard MAC `alg`. */
export function PSA_ALG_FULL_LENGTH_MAC(alg: number): number {
  return u32(alg & ~0x003f8000);
}
/** Wildcard MAC policy: `alg` with any length ≥ `minLen` bytes. */
export function PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(alg: number, minLen: number): number {
  return u32(PSA_ALG_TRUNCATED_MAC(alg, minLen) | PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG);
}
/** Mbed TLS: the length field of a MAC algorithm (0 = untruncated). */
export function PSA_MAC_TRUNCATED_LENGTH(alg: number): number {
  return (alg & PSA_ALG_MAC_TRUNCATION_MASK) >>> PSA_MAC_TRUNCATION_OFFSET;
}

// ---- Unauthenticated ciphers ----

/** Mbed TLS: the stream-cipher flag of cipher algorithms (bit 23). */
export const PSA_ALG_CIPHER_STREAM_FLAG = 0x00800000;
/** Mbed TLS: the "built on a block cipher" flag (bit 22). */
export const PSA_ALG_CIPHER_FROM_BLOCK_FLAG = 0x00400000;
/** The stream cipher of a stream key type (ChaCha20, XChaCha20, ARC4). */
export const PSA_ALG_STREAM_CIPHER = 0x04800100;
/** CTR mode over a block cipher. */
export const PSA_ALG_CTR = 0x04c01000;
/** CFB mode over a block cipher. */
export const PSA_ALG_CFB = 0x04c01100;
/** OFB mode over a block cipher. */
export const PSA_ALG_OFB = 0x04c01200;
/** CCM* with no tag (encryption only; 1.2). */
export const PSA_ALG_CCM_STAR_NO_TAG = 0x04c01300;
/** Wildcard policy: CCM* with no tag, or CCM with tag 4, 8 or 16 (1.2). */
export const PSA_ALG_CCM_STAR_ANY_TAG = 0x04c09300;
/** XTS mode over a block cipher. */
export const PSA_ALG_XTS = 0x0440ff00;
/** ECB mode without padding (whole blocks only). */
export const PSA_ALG_ECB_NO_PADDING = 0x04404400;
/** CBC mode without padding (whole blocks only). */
export const PSA_ALG_CBC_NO_PADDING = 0x04404000;
/** CBC mode with PKCS#7 padding. */
export const PSA_ALG_CBC_PKCS7 = 0x04404100;

// ---- AEAD ----

/** Mbed TLS: the "built on a block cipher" flag of AEAD algorithms. */
export const PSA_ALG_AEAD_FROM_BLOCK_FLAG = 0x00400000;
/** Mbed TLS: mask of the AEAD tag length field (bits 21–16). */
export const PSA_ALG_AEAD_TAG_LENGTH_MASK = 0x003f0000;
/** Mbed TLS: bit position of the AEAD tag length field. */
export const PSA_AEAD_TAG_LENGTH_OFFSET = 16;
/** Mbed TLS: the "at least this length" wildcard flag of AEAD algorithms. */
export const PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG = 0x00008000;
/** CCM with the default 16-byte tag. */
export const PSA_ALG_CCM = 0x05500100;
/** GCM with the default 16-byte tag. */
export const PSA_ALG_GCM = 0x05500200;
/** ChaCha20-Poly1305 (RFC 8439). */
export const PSA_ALG_CHACHA20_POLY1305 = 0x05100500;
/** XChaCha20-Poly1305 (1.2). */
export const PSA_ALG_XCHACHA20_POLY1305 = 0x05100600;
/** Ascon-AEAD128 (1.4). */
export const PSA_ALG_ASCON_AEAD128 = 0x05100700;

/** AEAD `alg` with a `len`-byte tag; clears the wildcard flag. */
export function PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg: number, len: number): number {
  return u32((alg & ~0x003f8000) | ((len & 0x3f) << 16));
}
/** Wildcard AEAD policy: `alg` with any tag length ≥ `minLen` bytes. */
export function PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(alg: number, minLen: number): number {
  return u32(PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, minLen) | PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG);
}
/** Mbed TLS: the tag length field of an AEAD algorithm, in bytes. */
export function PSA_ALG_AEAD_GET_TAG_LENGTH(alg: number): number {
  return (alg & PSA_ALG_AEAD_TAG_LENGTH_MASK) >>> PSA_AEAD_TAG_LENGTH_OFFSET;
}
/**
 * The default-tag AEAD of a shortened-tag or wildcard AEAD `alg`, or
 * `PSA_ALG_NONE` if unknown. The spec example maps CCM, GCM and
 * ChaCha20-Poly1305; XChaCha20-Poly1305 and Ascon-AEAD128 are added here.
 */
export function PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg: number): number {
  const base = u32(alg & ~0x003f8000);
  for (const known of AEAD_DEFAULTS) {
    if (base === u32(known & ~0x003f8000)) return known;
  }
  return PSA_ALG_NONE;
}
const AEAD_DEFAULTS = [
  PSA_ALG_CCM,
  PSA_ALG_GCM,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_XCHACHA20_POLY1305,
  PSA_ALG_ASCON_AEAD128,
];

// ---- Key wrapping (1.4) ----

/** AES key wrap (NIST SP 800-38F KW). */
export const PSA_ALG_KW = 0x0b400100;
/** AES key wrap with padding (NIST SP 800-38F KWP). */
export const PSA_ALG_KWP = 0x0bc00200;
