/**
 * Incremental GHASH for streaming GCM. noble's `GHASH` pads every `update`
 * call to a 16-byte boundary; GCM pads only at the end of the additional
 * data and at the end of the ciphertext. This wrapper keeps the partial
 * block between fragments and pads only when asked, so fragments of any
 * length give the GHASH of their concatenation. Memory is O(fragment).
 * @module
 */
import { GHASH } from '@noble/ciphers/_polyval.js';

const BLOCK = 16;

/** GHASH over a stream of byte fragments, with explicit section padding. */
export class GhashStream {
  readonly #ghash: GHASH;
  readonly #pending = new Uint8Array(BLOCK);
  #pendingLength = 0;

  /**
   * `hashKey` is H = E(K, 0^128); `expectedLength` (bytes) only sizes the
   * multiplication table (larger tables for longer messages).
   */
  constructor(hashKey: Uint8Array, expectedLength = 4096) {
    this.#ghash = new GHASH(hashKey, Math.max(expectedLength, 1));
  }

  /** Absorb `data` (no padding between fragments). */
  update(data: Uint8Array): void {
    let i = 0;
    const n = data.length;
    if (this.#pendingLength > 0) {
      const take = Math.min(BLOCK - this.#pendingLength, n);
      this.#pending.set(data.subarray(0, take), this.#pendingLength);
      this.#pendingLength += take;
      i = take;
      if (this.#pendingLength < BLOCK) return;
      this.#ghash.update(this.#pending);
      this.#pendingLength = 0;
    }
    const whole = (n - i) & ~(BLOCK - 1);
    if (whole > 0) {
      this.#ghash.update(data.subarray(i, i + whole));
      i += whole;
    }
    if (i < n) {
      this.#pending.set(data.subarray(i));
      this.#pendingLength = n - i;
    }
  }

  /** End a section: zero-pad a partial block and absorb it. */
  pad(): void {
    if (this.#pendingLength === 0) return;
    this.#pending.fill(0, this.#pendingLength);
    this.#ghash.update(this.#pending);
    this.#pendingLength = 0;
  }

  /** Pad, then return the 16-byte GHASH value; the stream is finished afterwards. */
  digest(): Uint8Array {
    this.pad();
    return this.#ghash.digest();
  }

  /** Wipe the table and the partial block. */
  destroy(): void {
    this.#pending.fill(0);
    this.#pendingLength = 0;
    this.#ghash.destroy();
  }
}
