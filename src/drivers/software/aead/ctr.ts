/**
 * Streaming counter mode for the block-cipher AEADs (GCM, CCM) over any
 * 16-byte block cipher (`BlockCipher16`: AES, ARIA, Camellia): the counter
 * block is incremented big-endian in its last `counterBytes` bytes, wrapping
 * within them (GCM's inc32: 4 bytes; CCM: the q-byte counter field, whose
 * size bounds the message length so that it never wraps), and a partly used
 * keystream block is kept between calls so that fragments of any length can
 * follow each other. Whole blocks go through the cipher's `ctr32` fast path
 * when it has one (AES: noble's) and the low 32 bits do not wrap within the
 * run (so a carry into a wider CCM counter is never lost). Memory is
 * O(fragment).
 * @module
 */
import type { BlockCipher16 } from '../cipher/block.js';

const BLOCK = 16;

/** A fresh, 4-byte aligned copy of `bytes` (16 bytes for a block). */
export function alignedCopy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/** Increment the last `bytes` bytes (default 4: inc32) of a counter block, big-endian, wrapping within them. */
export function increment32(counter: Uint8Array, bytes = 4): void {
  for (let i = BLOCK - 1; i >= BLOCK - bytes; i--) {
    counter[i] = (counter[i]! + 1) & 0xff;
    if (counter[i] !== 0) break;
  }
}

/** Encrypt a copy of the 16-byte `block` and return it (the argument is left as it was). */
export function encryptCopy(cipher: BlockCipher16, block: Uint8Array): Uint8Array {
  const out = alignedCopy(block);
  cipher.encrypt(out);
  return out;
}

/** Counter-mode keystream over fragments of any length. */
export class CtrStream {
  readonly #cipher: BlockCipher16;
  readonly #counter: Uint8Array;
  readonly #keystream = new Uint8Array(BLOCK);
  readonly #counterBytes: number;
  #used = BLOCK;

  /**
   * Start at counter block `initial` (copied), incrementing its last
   * `counterBytes` bytes (2 to 8 for CCM's q, 4 for GCM); the cipher belongs to the caller.
   */
  constructor(cipher: BlockCipher16, initial: Uint8Array, counterBytes = 4) {
    this.#cipher = cipher;
    this.#counter = alignedCopy(initial);
    this.#counterBytes = counterBytes;
  }

  /** The next keystream block into `#keystream`, advancing the counter. */
  #refill(): void {
    this.#keystream.set(this.#counter);
    this.#cipher.encrypt(this.#keystream);
    increment32(this.#counter, this.#counterBytes);
    this.#used = 0;
  }

  /**
   * Whether the 32-bit `ctr32` gives the same counter blocks as this
   * stream for the next `blocks`: always for a 4-byte counter (inc32 is the
   * rule); otherwise when the low min(counterBytes, 4) bytes do not wrap.
   */
  #fastPathSafe(blocks: number): boolean {
    if (this.#counterBytes === 4) return true;
    const width = Math.min(this.#counterBytes, 4);
    let low = 0;
    for (let i = BLOCK - width; i < BLOCK; i++) low = low * 256 + this.#counter[i]!;
    return low + blocks <= 2 ** (8 * width);
  }

  /** XOR whole blocks `src[from, from + length)` into `out` at `from`. */
  #wholeBlocks(src: Uint8Array, out: Uint8Array, from: number, length: number): void {
    const fast = this.#fastPathSafe(length / BLOCK) ? this.#cipher.ctr32?.bind(this.#cipher) : undefined;
    if (!fast) {
      for (let i = from; i < from + length; i += BLOCK) {
        this.#refill();
        for (let j = 0; j < BLOCK; j++) out[i + j] = src[i + j]! ^ this.#keystream[j]!;
      }
      this.#used = BLOCK;
      return;
    }
    if (from === 0 && src.byteOffset % 4 === 0) {
      fast(this.#counter, src.subarray(0, length), out.subarray(0, length));
      return;
    }
    const tmp = alignedCopy(src.subarray(from, from + length));
    fast(this.#counter, tmp, tmp);
    out.set(tmp, from);
    tmp.fill(0);
  }

  /** XOR the next `input.length` keystream bytes into a new array. */
  xor(input: Uint8Array): Uint8Array {
    const n = input.length;
    const out = new Uint8Array(n);
    let i = 0;
    while (i < n && this.#used < BLOCK) out[i] = input[i++]! ^ this.#keystream[this.#used++]!;
    const whole = (n - i) & ~(BLOCK - 1);
    if (whole > 0) {
      this.#wholeBlocks(input, out, i, whole);
      i += whole;
    }
    if (i < n) {
      this.#refill();
      while (i < n) out[i] = input[i++]! ^ this.#keystream[this.#used++]!;
    }
    return out;
  }

  /** Wipe the counter and keystream (the cipher belongs to the caller). */
  destroy(): void {
    this.#counter.fill(0);
    this.#keystream.fill(0);
    this.#used = BLOCK;
  }
}
