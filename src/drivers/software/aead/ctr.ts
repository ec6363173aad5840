/**
 * Streaming AES counter mode for the block-cipher AEADs (GCM, CCM): the
 * counter block is incremented in its last 32 bits (GCM's inc32; CCM's
 * counter field never carries beyond them for any message this package can
 * hold), and a partly used keystream block is kept between calls so that
 * fragments of any length can follow each other. Memory is O(fragment).
 * @module
 */
import { unsafe } from '@noble/ciphers/aes.js';

const BLOCK = 16;

/** An expanded AES encryption key (the output of noble's `expandKeyLE`). */
export type AesKey = Uint32Array;

/** Expand a 16-, 24- or 32-byte AES key for block encryption. */
export function expandAesKey(key: Uint8Array): AesKey {
  return unsafe.expandKeyLE(key);
}

/** Encrypt one 16-byte block in place (the block must start on a 4-byte boundary). */
export function encryptBlockInPlace(xk: AesKey, block: Uint8Array): Uint8Array {
  return unsafe.encryptBlock(xk, block);
}

/** A fresh, 4-byte aligned copy of `bytes` (16 bytes for a block). */
export function alignedCopy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/** Increment the last 32 bits of a counter block, big-endian, wrapping. */
export function increment32(counter: Uint8Array): void {
  for (let i = BLOCK - 1; i >= BLOCK - 4; i--) {
    counter[i] = (counter[i]! + 1) & 0xff;
    if (counter[i] !== 0) break;
  }
}

/** AES-CTR keystream over fragments of any length. */
export class CtrStream {
  readonly #xk: AesKey;
  readonly #counter: Uint8Array;
  readonly #keystream = new Uint8Array(BLOCK);
  #used = BLOCK;

  /** Start at counter block `initial` (copied). */
  constructor(xk: AesKey, initial: Uint8Array) {
    this.#xk = xk;
    this.#counter = alignedCopy(initial);
  }

  /** XOR the next `input.length` keystream bytes into a new array. */
  xor(input: Uint8Array): Uint8Array {
    const n = input.length;
    const out = new Uint8Array(n);
    let i = 0;
    while (i < n && this.#used < BLOCK) out[i] = input[i++]! ^ this.#keystream[this.#used++]!;
    const whole = (n - i) & ~(BLOCK - 1);
    if (whole > 0) {
      if (i === 0 && input.byteOffset % 4 === 0) {
        unsafe.ctr32(this.#xk, false, this.#counter, input.subarray(0, whole), out.subarray(0, whole));
      } else {
        const tmp = alignedCopy(input.subarray(i, i + whole));
        unsafe.ctr32(this.#xk, false, this.#counter, tmp, tmp);
        out.set(tmp, i);
        tmp.fill(0);
      }
      i += whole;
    }
    if (i < n) {
      this.#keystream.set(this.#counter);
      encryptBlockInPlace(this.#xk, this.#keystream);
      increment32(this.#counter);
      this.#used = 0;
      while (i < n) out[i] = input[i++]! ^ this.#keystream[this.#used++]!;
    }
    return out;
  }

  /** Wipe the counter and keystream (the key belongs to the caller). */
  destroy(): void {
    this.#counter.fill(0);
    this.#keystream.fill(0);
    this.#used = BLOCK;
  }
}
