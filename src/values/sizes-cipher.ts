/**
 * Cipher and AEAD size macros. The formulas are TF-PSA-Crypto's
 * `crypto_sizes.h` ones, extended with XChaCha20 (24-byte IV / nonce) and
 * Ascon-AEAD128 (16-byte nonce). Unknown combinations give 0.
 * @module
 */
import { PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER, PSA_ALG_IS_CIPHER } from './alg-predicates.js';
import { PSA_BLOCK_CIPHER_BLOCK_LENGTH } from './key-type-predicates.js';
import { PSA_ROUND_UP_TO_MULTIPLE } from './sizes.js';

const KT_CHACHA20 = 0x2004;
const KT_XCHACHA20 = 0x2007;
const KT_ASCON = 0x2008;

/** Largest block of a supported block cipher, in bytes. */
export const PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE = 16;
/** Mbed TLS: largest symmetric cipher key, in bytes. */
export const PSA_CIPHER_MAX_KEY_LENGTH = 32;

/** Default IV length of cipher `alg` with key type `keyType`; 0 if it takes no IV or is unknown. */
export function PSA_CIPHER_IV_LENGTH(keyType: number, alg: number): number {
  const a = alg >>> 0;
  const block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType);
  const blockModes = [0x04c01000, 0x04c01100, 0x04c01200, 0x0440ff00, 0x04404000, 0x04404100];
  if (block > 1 && blockModes.includes(a)) return block;
  if (keyType === KT_CHACHA20 && a === 0x04800100) return 12;
  if (keyType === KT_XCHACHA20 && a === 0x04800100) return 24;
  if (a === 0x04c01300) return 13; // CCM* without tag
  return 0;
}
/** Largest default IV of a supported cipher (XChaCha20: 24). */
export const PSA_CIPHER_IV_MAX_SIZE = 24;

/** Output size of `psa_cipher_encrypt` (IV included) for `inputLength` bytes. */
export function PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType: number, alg: number, inputLength: number): number {
  if (alg >>> 0 === 0x04404100) {
    const block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType);
    if (block === 0) return 0;
    return PSA_ROUND_UP_TO_MULTIPLE(block, inputLength + 1) + PSA_CIPHER_IV_LENGTH(keyType, alg);
  }
  return PSA_ALG_IS_CIPHER(alg) ? inputLength + PSA_CIPHER_IV_LENGTH(keyType, alg) : 0;
}
/** Output size of `psa_cipher_encrypt` for any supported cipher. */
export function PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(inputLength: number): number {
  return PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, inputLength + 1) + PSA_CIPHER_IV_MAX_SIZE;
}
/** Output size of `psa_cipher_decrypt` for `inputLength` bytes (IV included in the input). */
export function PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType: number, alg: number, inputLength: number): number {
  return PSA_ALG_IS_CIPHER(alg) && (keyType & 0x7000) === 0x2000 ? inputLength : 0;
}
/** Output size of `psa_cipher_decrypt` for any supported cipher. */
export function PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(inputLength: number): number {
  return inputLength;
}
/** Output size of `psa_cipher_update` for `inputLength` bytes. */
export function PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType: number, alg: number, inputLength: number): number {
  if (!PSA_ALG_IS_CIPHER(alg)) return 0;
  const block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType);
  if (block === 0) return 0;
  const a = alg >>> 0;
  const blockAligned = a === 0x04404100 || a === 0x04404000 || a === 0x04404400;
  return blockAligned ? PSA_ROUND_UP_TO_MULTIPLE(block, inputLength) : inputLength;
}
/** Output size of `psa_cipher_update` for any supported cipher. */
export function PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(inputLength: number): number {
  return PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, inputLength);
}
/** Output size of `psa_cipher_finish` (a block for CBC-PKCS#7, else 0). */
export function PSA_CIPHER_FINISH_OUTPUT_SIZE(keyType: number, alg: number): number {
  if (!PSA_ALG_IS_CIPHER(alg)) return 0;
  return alg >>> 0 === 0x04404100 ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType) : 0;
}
/** Output size of `psa_cipher_finish` for any supported cipher. */
export const PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE = PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE;

/** Whether two AEAD ids are the same AEAD, ignoring tag length and wildcard flag. */
function aeadEqual(a: number, b: number): boolean {
  return ((a ^ b) & ~0x003f8000) === 0;
}

/** Default nonce length of AEAD `alg` with key type `keyType`; 0 if the pair is unknown. */
export function PSA_AEAD_NONCE_LENGTH(keyType: number, alg: number): number {
  if (PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType) === 16) {
    if (aeadEqual(alg, 0x05500100)) return 13;
    if (aeadEqual(alg, 0x05500200)) return 12;
    return 0;
  }
  if (keyType === KT_CHACHA20 && aeadEqual(alg, 0x05100500)) return 12;
  if (keyType === KT_XCHACHA20 && aeadEqual(alg, 0x05100600)) return 24;
  if (keyType === KT_ASCON && aeadEqual(alg, 0x05100700)) return 16;
  return 0;
}
/** Largest default nonce of a supported AEAD (XChaCha20-Poly1305: 24). */
export const PSA_AEAD_NONCE_MAX_SIZE = 24;

/** Tag length of AEAD `alg` (its length field) for a valid key type, else 0. */
export function PSA_AEAD_TAG_LENGTH(keyType: number, keyBits: number, alg: number): number {
  return PSA_AEAD_NONCE_LENGTH(keyType, alg) !== 0 ? (alg & 0x003f0000) >>> 16 : 0;
}
/** Largest tag of a supported AEAD. */
export const PSA_AEAD_TAG_MAX_SIZE = 16;

/** Output size of `psa_aead_encrypt`: plaintext plus tag. */
export function PSA_AEAD_ENCRYPT_OUTPUT_SIZE(keyType: number, alg: number, plaintextLength: number): number {
  return PSA_AEAD_NONCE_LENGTH(keyType, alg) !== 0 ? plaintextLength + ((alg & 0x003f0000) >>> 16) : 0;
}
/** Output size of `psa_aead_encrypt` for any supported AEAD. */
export function PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(plaintextLength: number): number {
  return plaintextLength + PSA_AEAD_TAG_MAX_SIZE;
}
/** Output size of `psa_aead_decrypt`: ciphertext minus tag (0 if shorter than a tag). */
export function PSA_AEAD_DECRYPT_OUTPUT_SIZE(keyType: number, alg: number, ciphertextLength: number): number {
  const tag = (alg & 0x003f0000) >>> 16;
  return PSA_AEAD_NONCE_LENGTH(keyType, alg) !== 0 && ciphertextLength > tag ? ciphertextLength - tag : 0;
}
/** Output size of `psa_aead_decrypt` for any supported AEAD. */
export function PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(ciphertextLength: number): number {
  return ciphertextLength;
}
/** Output size of `psa_aead_update` for `inputLength` bytes. */
export function PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType: number, alg: number, inputLength: number): number {
  if (PSA_AEAD_NONCE_LENGTH(keyType, alg) === 0) return 0;
  return PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg)
    ? PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType), inputLength)
    : inputLength;
}
/** Output size of `psa_aead_update` for any supported AEAD. */
export function PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(inputLength: number): number {
  return PSA_ROUND_UP_TO_MULTIPLE(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, inputLength);
}
/** Ciphertext output size of `psa_aead_finish` (a block for block-cipher AEADs, else 0). */
export function PSA_AEAD_FINISH_OUTPUT_SIZE(keyType: number, alg: number): number {
  return PSA_AEAD_NONCE_LENGTH(keyType, alg) !== 0 && PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER(alg)
    ? PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType)
    : 0;
}
/** Ciphertext output size of `psa_aead_finish` for any supported AEAD. */
export const PSA_AEAD_FINISH_OUTPUT_MAX_SIZE = PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE;
/** Plaintext output size of `psa_aead_verify` (same rule as finish). */
export function PSA_AEAD_VERIFY_OUTPUT_SIZE(keyType: number, alg: number): number {
  return PSA_AEAD_FINISH_OUTPUT_SIZE(keyType, alg);
}
/** Plaintext output size of `psa_aead_verify` for any supported AEAD. */
export const PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE = PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE;
