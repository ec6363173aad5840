/**
 * Shared pieces of the AEAD tests: key import, the multipart API driven
 * over arbitrary fragment boundaries, and node:crypto (OpenSSL) as the
 * second implementation.
 */
import { createCipheriv } from 'node:crypto';
import type { Psa } from '../../src/core/psa.js';
import {
  PSA_ALG_AEAD_GET_TAG_LENGTH,
  PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG,
  PSA_ALG_CCM,
  PSA_ALG_GCM,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../src/values/index.js';
import { concatBytes } from '../../src/bytes.js';

/** Import `key` for encryption and decryption with `alg`. */
export function importKey(psa: Psa, type: number, key: Uint8Array, alg: number): number {
  return psa.importKey({ type, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, key);
}

/** `data` cut at the given offsets (taken modulo its length + 1, sorted). */
export function split(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(data.subarray(last, p));
    last = p;
  }
  parts.push(data.subarray(last));
  return parts;
}

/** The concatenation of byte strings. */
export const concat = concatBytes;

/** Fragments of a multipart run. */
export interface Chunking {
  readonly ad: readonly number[];
  readonly text: readonly number[];
  /** Declare the lengths before the nonce (CCM always declares them). */
  readonly declareLengths: boolean;
}

/** Multipart encryption: ciphertext ‖ tag. */
export function multipartEncrypt(psa: Psa, key: number, alg: number, nonce: Uint8Array, ad: Uint8Array,
  plaintext: Uint8Array, chunking: Chunking): Uint8Array {
  const op = psa.aeadEncryptSetup(key, alg);
  const ccm = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) === PSA_ALG_CCM;
  if (chunking.declareLengths || ccm) op.setLengths(ad.length, plaintext.length);
  op.setNonce(nonce);
  for (const part of split(ad, chunking.ad)) op.updateAd(part);
  const out = split(plaintext, chunking.text).map((part) => op.update(part));
  const { ciphertext, tag } = op.finish();
  return concat(...out, ciphertext, tag);
}

/** Multipart decryption of ciphertext ‖ tag. */
export function multipartDecrypt(psa: Psa, key: number, alg: number, nonce: Uint8Array, ad: Uint8Array,
  sealed: Uint8Array, chunking: Chunking): Uint8Array {
  const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  const body = sealed.subarray(0, sealed.length - tagLength);
  const op = psa.aeadDecryptSetup(key, alg);
  const ccm = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) === PSA_ALG_CCM;
  if (chunking.declareLengths || ccm) op.setLengths(ad.length, body.length);
  op.setNonce(nonce);
  for (const part of split(ad, chunking.ad)) op.updateAd(part);
  const out = split(body, chunking.text).map((part) => op.update(part));
  const rest = op.verify(sealed.subarray(body.length));
  return concat(...out, rest);
}

/**
 * node:crypto's ciphertext ‖ tag for GCM or CCM (`alg` decides) over AES or
 * `blockCipher` (OpenSSL's name prefix, e.g. 'aria'), or ChaCha20-Poly1305 (`chacha`).
 */
export function nodeEncrypt(alg: number, key: Uint8Array, nonce: Uint8Array, ad: Uint8Array, plaintext: Uint8Array,
  chacha = false, blockCipher = 'aes'): Uint8Array {
  const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  const base = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg);
  const name = chacha ? 'chacha20-poly1305' : `${blockCipher}-${key.length * 8}-${base === PSA_ALG_GCM ? 'gcm' : 'ccm'}`;
  // The options type of createCipheriv differs per mode; these three all take authTagLength.
  const cipher = createCipheriv(name as 'aes-128-gcm', key, nonce, { authTagLength: tagLength });
  if (base === PSA_ALG_CCM) {
    (cipher as unknown as { setAAD(b: Uint8Array, o: { plaintextLength: number }): void }).setAAD(ad, { plaintextLength: plaintext.length });
  } else {
    cipher.setAAD(ad);
  }
  return concat(cipher.update(plaintext), cipher.final(), cipher.getAuthTag());
}
