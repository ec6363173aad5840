/**
 * Size helpers and the hash / MAC size macros. Where the spec leaves a size
 * implementation defined, the result matches TF-PSA-Crypto's
 * `crypto_sizes.h` for everything Mbed TLS supports and gives the true size
 * for the 1.5 additions. Unknown parameters give 0, as in C.
 * Maxima assume a build with SHA-512 and SHA-3.
 * @module
 */
import { PSA_ALG_IS_BLAKE2_MAC, PSA_ALG_IS_BLOCK_CIPHER_MAC, PSA_ALG_IS_HMAC, PSA_ALG_IS_MAC } from './alg-predicates.js';
import { PSA_BLOCK_CIPHER_BLOCK_LENGTH } from './key-type-predicates.js';

/** Bytes needed for `bits` bits: ceil(bits / 8). */
export function PSA_BITS_TO_BYTES(bits: number): number {
  return Math.floor((bits + 7) / 8);
}
/** Bits in `bytes` bytes. */
export function PSA_BYTES_TO_BITS(bytes: number): number {
  return bytes * 8;
}
/** `length` rounded up to a multiple of `blockSize` (0 when `blockSize` is 0). */
export function PSA_ROUND_UP_TO_MULTIPLE(blockSize: number, length: number): number {
  if (blockSize <= 0) return 0;
  return Math.floor((length + blockSize - 1) / blockSize) * blockSize;
}

/** Digest and input-block sizes by hash byte: [digest, block]. */
const HASHES: ReadonlyMap<number, readonly [number, number]> = new Map([
  [0x01, [16, 16]], // MD2
  [0x02, [16, 64]], // MD4
  [0x03, [16, 64]], // MD5
  [0x04, [20, 64]], // RIPEMD-160
  [0x05, [20, 64]], // SHA-1
  [0x07, [16, 16]], // AES-MMO (Zigbee)
  [0x08, [28, 64]], // SHA-224
  [0x09, [32, 64]], // SHA-256
  [0x0a, [48, 128]], // SHA-384
  [0x0b, [64, 128]], // SHA-512
  [0x0c, [28, 128]], // SHA-512/224
  [0x0d, [32, 128]], // SHA-512/256
  [0x0e, [24, 64]], // SHA-256/192
  [0x10, [28, 144]], // SHA3-224
  [0x11, [32, 136]], // SHA3-256
  [0x12, [48, 104]], // SHA3-384
  [0x13, [64, 72]], // SHA3-512
  [0x14, [32, 64]], // SM3
  [0x15, [64, 136]], // SHAKE256/512
  [0x16, [32, 168]], // SHAKE128/256
  [0x17, [24, 136]], // SHAKE256/192
  [0x18, [32, 136]], // SHAKE256/256
  [0x19, [32, 8]], // Ascon-Hash256
  [0x1c, [32, 64]], // BLAKE2s-256
  [0x1d, [32, 64]], // BLAKE2sp-256
  [0x1e, [64, 128]], // BLAKE2b-512
  [0x1f, [64, 128]], // BLAKE2bp-512
]);

/**
 * Digest size of a hash algorithm, or of the hash encoded in `alg` (e.g. an
 * HMAC), in bytes; 0 if unknown. Like Mbed TLS, only the hash byte is read.
 */
export function PSA_HASH_LENGTH(alg: number): number {
  return HASHES.get(alg & 0xff)?.[0] ?? 0;
}
/** Input block size of a hash algorithm (the HMAC block size), in bytes; 0 if unknown. */
export function PSA_HASH_BLOCK_LENGTH(alg: number): number {
  return HASHES.get(alg & 0xff)?.[1] ?? 0;
}
/** Largest digest of a supported hash (SHA-512, SHA3-512). */
export const PSA_HASH_MAX_SIZE = 64;
/** Mbed TLS: largest HMAC block size of a supported hash (SHA3-224). */
export const PSA_HMAC_MAX_HASH_BLOCK_SIZE = 144;

/** Size of the algorithm field of a hash suspend state. */
export const PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH = 4;

/** Size of the input-length field of a hash suspend state (spec-defined). */
export function PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg: number): number {
  switch (alg >>> 0) {
    case 0x02000001:
      return 1;
    case 0x02000002:
    case 0x02000003:
    case 0x02000004:
    case 0x02000005:
    case 0x02000008:
    case 0x02000009:
      return 8;
    case 0x0200000a:
    case 0x0200000b:
    case 0x0200000c:
    case 0x0200000d:
      return 16;
    default:
      return 0;
  }
}
/** Size of the hash-state field of a hash suspend state (spec-defined). */
export function PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg: number): number {
  switch (alg >>> 0) {
    case 0x02000001:
      return 64;
    case 0x02000002:
    case 0x02000003:
      return 16;
    case 0x02000004:
    case 0x02000005:
      return 20;
    case 0x02000008:
    case 0x02000009:
      return 32;
    case 0x0200000a:
    case 0x0200000b:
    case 0x0200000c:
    case 0x0200000d:
      return 64;
    default:
      return 0;
  }
}
/** Buffer size for `psa_hash_suspend` with `alg` (spec-defined formula); 0 if not suspendable. */
export function PSA_HASH_SUSPEND_OUTPUT_SIZE(alg: number): number {
  const state = PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg);
  if (state === 0) return 0;
  return (
    PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH +
    PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg) +
    state +
    PSA_HASH_BLOCK_LENGTH(alg) -
    1
  );
}
/** Buffer size for `psa_hash_suspend` with any suspendable hash (SHA-512 family: 4 + 16 + 64 + 127). */
export const PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE = 211;

/**
 * Output size of MAC `alg` with a key of type `keyType` and `keyBits` bits:
 * the truncated length if one is encoded, else the hash length (HMAC,
 * BLAKE2 MAC) or the cipher block length (CBC-MAC, CMAC); 0 otherwise.
 */
export function PSA_MAC_LENGTH(keyType: number, keyBits: number, alg: number): number {
  if (!PSA_ALG_IS_MAC(alg)) return 0;
  const truncated = (alg & 0x003f0000) >>> 16;
  if (truncated !== 0) return truncated;
  if (PSA_ALG_IS_HMAC(alg) || PSA_ALG_IS_BLAKE2_MAC(alg)) return PSA_HASH_LENGTH(alg);
  if (PSA_ALG_IS_BLOCK_CIPHER_MAC(alg)) return PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType);
  return 0;
}
/** Largest MAC of a supported algorithm (= PSA_HASH_MAX_SIZE, as in Mbed TLS). */
export const PSA_MAC_MAX_SIZE = PSA_HASH_MAX_SIZE;
