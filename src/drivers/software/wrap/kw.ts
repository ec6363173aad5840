/**
 * AES Key Wrap (KW, NIST SP 800-38F §6.2 / RFC 3394) and Key Wrap with
 * Padding (KWP, SP 800-38F §6.3 / RFC 5649), over the AES block function of
 * @noble/ciphers. Unwrapping computes the whole inverse before it looks at
 * the integrity value, checks every condition without an early exit, and
 * wipes the recovered data when a check fails. Intermediate blocks and the
 * expanded key are wiped after use.
 * @module
 */
import { unsafe } from '@noble/ciphers/aes.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../values/status.js';
import { copyBytes, copyRange } from '../../../bytes.js';

/** Semiblock length: half the AES block. */
const SEMIBLOCK = 8;
/** ICV1 of SP 800-38F (KW): A6A6A6A6A6A6A6A6. */
const ICV1 = 0xa6;
/** ICV2 of SP 800-38F (KWP), the first half of the alternative initial value. */
const ICV2: readonly number[] = [0xa6, 0x59, 0x59, 0xa6];

function checkKek(kek: Uint8Array): void {
  if (kek.length !== 16 && kek.length !== 24 && kek.length !== 32) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `an AES key has 16, 24 or 32 bytes, not ${kek.length}`);
  }
}

/** XOR the 64-bit big-endian encoding of `t` into the 8 bytes of `a`. */
function xorCounter(a: Uint8Array, t: number): void {
  let v = t;
  for (let k = SEMIBLOCK - 1; k >= 0 && v > 0; k--) {
    a[k]! ^= v & 0xff;
    v = Math.floor(v / 256);
  }
}

/**
 * The wrapping function W of SP 800-38F (Algorithm 1), in place: `s` holds
 * the initial value followed by n ≥ 2 semiblocks of data; on return it holds
 * the ciphertext. With exactly one data semiblock (KWP only) it is a single
 * AES encryption, as SP 800-38F Algorithm 5 prescribes.
 */
function wrapInPlace(kek: Uint8Array, s: Uint8Array): void {
  const xk = unsafe.expandKeyLE(kek);
  const block = new Uint8Array(16);
  try {
    const n = s.length / SEMIBLOCK - 1;
    if (n === 1) {
      block.set(s);
      unsafe.encryptBlock(xk, block);
      s.set(block);
      return;
    }
    const a = block.subarray(0, SEMIBLOCK);
    a.set(s.subarray(0, SEMIBLOCK));
    for (let j = 0; j < 6; j++) {
      for (let i = 1; i <= n; i++) {
        block.set(s.subarray(i * SEMIBLOCK, (i + 1) * SEMIBLOCK), SEMIBLOCK);
        unsafe.encryptBlock(xk, block);
        xorCounter(a, n * j + i);
        s.set(block.subarray(SEMIBLOCK), i * SEMIBLOCK);
      }
    }
    s.set(a, 0);
  } finally {
    block.fill(0);
    xk.fill(0);
  }
}

/** The unwrapping function W⁻¹ of SP 800-38F (Algorithm 2), in place (one AES decryption for n = 1). */
function unwrapInPlace(kek: Uint8Array, c: Uint8Array): void {
  const xk = unsafe.expandKeyDecLE(kek);
  const block = new Uint8Array(16);
  try {
    const n = c.length / SEMIBLOCK - 1;
    if (n === 1) {
      block.set(c);
      unsafe.decryptBlock(xk, block);
      c.set(block);
      return;
    }
    const a = block.subarray(0, SEMIBLOCK);
    a.set(c.subarray(0, SEMIBLOCK));
    for (let j = 5; j >= 0; j--) {
      for (let i = n; i >= 1; i--) {
        xorCounter(a, n * j + i);
        block.set(c.subarray(i * SEMIBLOCK, (i + 1) * SEMIBLOCK), SEMIBLOCK);
        unsafe.decryptBlock(xk, block);
        c.set(block.subarray(SEMIBLOCK), i * SEMIBLOCK);
      }
    }
    c.set(a, 0);
  } finally {
    block.fill(0);
    xk.fill(0);
  }
}

/** Ciphertext length of KW for `length` bytes of data; INVALID_ARGUMENT unless a multiple of 8 and at least 16. */
export function kwWrappedLength(length: number): number {
  if (length < 2 * SEMIBLOCK || length % SEMIBLOCK !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `KW wraps a multiple of 8 bytes, at least 16, not ${length}`);
  }
  return length + SEMIBLOCK;
}

/** Ciphertext length of KWP for `length` bytes of data; INVALID_ARGUMENT when empty or beyond 2^32 − 1. */
export function kwpWrappedLength(length: number): number {
  if (length < 1 || length > 0xffffffff) fail(PSA_ERROR_INVALID_ARGUMENT, `KWP wraps 1 to 2^32 - 1 bytes, not ${length}`);
  return Math.ceil(length / SEMIBLOCK) * SEMIBLOCK + SEMIBLOCK;
}

/** KW-AE (SP 800-38F Algorithm 3): wrap `data` with the AES key `kek`. */
export function kwWrap(kek: Uint8Array, data: Uint8Array): Uint8Array {
  checkKek(kek);
  const out = new Uint8Array(kwWrappedLength(data.length));
  out.fill(ICV1, 0, SEMIBLOCK);
  out.set(data, SEMIBLOCK);
  wrapInPlace(kek, out);
  return out;
}

/**
 * KW-AD (SP 800-38F Algorithm 4): the data wrapped in `wrapped`.
 * INVALID_ARGUMENT when the length is not a multiple of 8 of at least 24
 * bytes (no wrap output has it); INVALID_SIGNATURE when the integrity value
 * does not match.
 */
export function kwUnwrap(kek: Uint8Array, wrapped: Uint8Array): Uint8Array {
  checkKek(kek);
  if (wrapped.length < 3 * SEMIBLOCK || wrapped.length % SEMIBLOCK !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `a KW ciphertext is a multiple of 8 bytes, at least 24, not ${wrapped.length}`);
  }
  const s = copyBytes(wrapped);
  unwrapInPlace(kek, s);
  let diff = 0;
  for (let k = 0; k < SEMIBLOCK; k++) diff |= s[k]! ^ ICV1;
  const data = copyRange(s, SEMIBLOCK);
  s.fill(0);
  if (diff !== 0) {
    data.fill(0);
    fail(PSA_ERROR_INVALID_SIGNATURE, 'KW integrity check failed');
  }
  return data;
}

/** KWP-AE (SP 800-38F Algorithm 5): wrap `data` (any length from 1 byte) with the AES key `kek`. */
export function kwpWrap(kek: Uint8Array, data: Uint8Array): Uint8Array {
  checkKek(kek);
  const out = new Uint8Array(kwpWrappedLength(data.length));
  out.set(ICV2, 0);
  new DataView(out.buffer).setUint32(4, data.length);
  out.set(data, SEMIBLOCK);
  wrapInPlace(kek, out);
  return out;
}

/**
 * KWP-AD (SP 800-38F Algorithm 6): the data wrapped in `wrapped`.
 * INVALID_ARGUMENT when the length is not a multiple of 8 of at least 16
 * bytes; INVALID_SIGNATURE when ICV2, the message length indicator or the
 * zero padding does not check out (all three are checked, whatever fails).
 */
export function kwpUnwrap(kek: Uint8Array, wrapped: Uint8Array): Uint8Array {
  checkKek(kek);
  if (wrapped.length < 2 * SEMIBLOCK || wrapped.length % SEMIBLOCK !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `a KWP ciphertext is a multiple of 8 bytes, at least 16, not ${wrapped.length}`);
  }
  const s = copyBytes(wrapped);
  unwrapInPlace(kek, s);
  const padded = s.length - SEMIBLOCK;
  let bad = 0;
  for (let k = 0; k < ICV2.length; k++) bad |= s[k]! ^ ICV2[k]!;
  const mli = new DataView(s.buffer).getUint32(4);
  // The length indicator must fall in the last semiblock: padded - 8 < mli <= padded.
  bad |= Number(mli <= padded - SEMIBLOCK) | Number(mli > padded);
  // Every byte of the last semiblock at or beyond mli must be zero.
  for (let i = padded - SEMIBLOCK; i < padded; i++) bad |= s[SEMIBLOCK + i]! & -Number(i >= mli);
  const data = copyRange(s, SEMIBLOCK, SEMIBLOCK + Math.min(mli, padded));
  s.fill(0);
  if (bad !== 0) {
    data.fill(0);
    fail(PSA_ERROR_INVALID_SIGNATURE, 'KWP integrity check failed');
  }
  return data;
}
