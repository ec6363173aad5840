/**
 * RSA encryption paddings (RFC 8017): EME-OAEP with MGF1 and EME-PKCS1-v1_5,
 * encoding and decoding. Decoding runs in a fixed shape: every check is
 * evaluated over the whole encoded message with branch-free arithmetic, and
 * any bad padding — whatever the cause — gives the single status
 * `PSA_ERROR_INVALID_PADDING` after the full computation.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_PADDING } from '../../../values/status.js';
import { PSA_HASH_LENGTH } from '../../../values/index.js';
import { softwareHashCompute } from '../hash/index.js';
import type { RandomBytes } from './math.js';

/** MGF1 (RFC 8017 B.2.1) with hash `hashAlg`: `length` bytes of mask from `seed`. */
export function mgf1(hashAlg: number, seed: Uint8Array, length: number): Uint8Array {
  const hLen = PSA_HASH_LENGTH(hashAlg);
  const out = new Uint8Array(length);
  const input = new Uint8Array(seed.length + 4);
  input.set(seed, 0);
  for (let counter = 0, pos = 0; pos < length; counter++, pos += hLen) {
    input[seed.length] = counter >>> 24;
    input[seed.length + 1] = (counter >>> 16) & 0xff;
    input[seed.length + 2] = (counter >>> 8) & 0xff;
    input[seed.length + 3] = counter & 0xff;
    const block = softwareHashCompute(hashAlg, input);
    out.set(block.subarray(0, Math.min(hLen, length - pos)), pos);
  }
  input.fill(0);
  return out;
}

function xorInto(target: Uint8Array, mask: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i]! ^= mask[i]!;
}

/** 1 if `x` (a byte) is zero, else 0, without branching. */
function isZero(x: number): number {
  return ((x | -x) >>> 31) ^ 1;
}

/** EME-OAEP encoding of `message` for a `k`-byte modulus. INVALID_ARGUMENT when the message is too long. */
export function oaepEncode(hashAlg: number, k: number, message: Uint8Array, label: Uint8Array, random: RandomBytes): Uint8Array {
  const hLen = PSA_HASH_LENGTH(hashAlg);
  if (k < 2 * hLen + 2 || message.length > k - 2 * hLen - 2) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `RSA-OAEP: at most ${Math.max(0, k - 2 * hLen - 2)} bytes fit in one block`);
  }
  const em = new Uint8Array(k);
  const seed = random(hLen);
  const db = em.subarray(1 + hLen);
  db.set(softwareHashCompute(hashAlg, label), 0);
  db[db.length - message.length - 1] = 0x01;
  db.set(message, db.length - message.length);
  xorInto(db, mgf1(hashAlg, seed, db.length));
  const maskedSeed = em.subarray(1, 1 + hLen);
  maskedSeed.set(seed);
  xorInto(maskedSeed, mgf1(hashAlg, db, hLen));
  seed.fill(0);
  return em;
}

/** EME-OAEP decoding of a `k`-byte encoded message; INVALID_PADDING for any defect. */
export function oaepDecode(hashAlg: number, em: Uint8Array, label: Uint8Array): Uint8Array {
  const hLen = PSA_HASH_LENGTH(hashAlg);
  const k = em.length;
  if (k < 2 * hLen + 2) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA-OAEP: the key is too short for this hash');
  const lHash = softwareHashCompute(hashAlg, label);
  const seed = em.slice(1, 1 + hLen);
  const db = em.slice(1 + hLen);
  xorInto(seed, mgf1(hashAlg, db, hLen));
  xorInto(db, mgf1(hashAlg, seed, db.length));
  let bad = em[0]!;
  for (let i = 0; i < hLen; i++) bad |= db[i]! ^ lHash[i]!;
  // Find the 0x01 separator: count the zero bytes before the first non-zero one.
  let padDone = 0;
  let padLength = 0;
  for (let i = hLen; i < db.length; i++) {
    padDone |= db[i]!;
    padLength += isZero(padDone);
  }
  const sepIndex = hLen + padLength;
  // Read the separator at a secret index by scanning every position.
  let separator = 0;
  for (let i = hLen; i < db.length; i++) separator |= db[i]! & -isZero(i ^ sepIndex);
  bad |= (separator ^ 0x01) | isZero(padDone);
  seed.fill(0);
  const result = db.slice(sepIndex + 1);
  db.fill(0);
  if (bad !== 0) {
    result.fill(0);
    fail(PSA_ERROR_INVALID_PADDING, 'RSA-OAEP: invalid padding');
  }
  return result;
}

/** EME-PKCS1-v1_5 encoding for a `k`-byte modulus (random non-zero padding string). */
export function pkcs1v15EncryptEncode(k: number, message: Uint8Array, random: RandomBytes): Uint8Array {
  if (k < 11 || message.length > k - 11) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `RSA PKCS#1 v1.5: at most ${Math.max(0, k - 11)} bytes fit in one block`);
  }
  const em = new Uint8Array(k);
  em[1] = 0x02;
  const psEnd = k - message.length - 1;
  for (let i = 2; i < psEnd; i++) {
    let b = 0;
    while (b === 0) b = random(1)[0]!;
    em[i] = b;
  }
  em.set(message, psEnd + 1);
  return em;
}

/** EME-PKCS1-v1_5 decoding of a `k`-byte encoded message; INVALID_PADDING for any defect. */
export function pkcs1v15EncryptDecode(em: Uint8Array): Uint8Array {
  const k = em.length;
  let bad = em[0]! | (em[1]! ^ 0x02);
  // Index of the first zero byte after the padding string (k if none).
  let found = 0;
  let zeroIndex = k;
  for (let i = 2; i < k; i++) {
    const hit = isZero(em[i]!) & (found ^ 1);
    zeroIndex = (zeroIndex & (hit - 1)) | (i & -hit);
    found |= hit;
  }
  bad |= found ^ 1;
  // The padding string must be at least 8 bytes: the separator is at index ≥ 10.
  bad |= (zeroIndex - 10) >>> 31;
  const result = em.slice(Math.min(zeroIndex + 1, k));
  if (bad !== 0) {
    result.fill(0);
    fail(PSA_ERROR_INVALID_PADDING, 'RSA PKCS#1 v1.5: invalid padding');
  }
  return result;
}
