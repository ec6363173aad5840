/**
 * The pseudo-random functions of the software key derivation functions:
 * one-shot HMAC and AES-CMAC over the software MAC contexts.
 * @module
 */
import { PSA_KEY_TYPE_AES } from '../../values/index.js';
import { hmacSetup } from './mac-hmac.js';
import { cmacSetup } from './mac-block-cipher.js';
import type { MacContext } from '../mac.js';

function run(mac: MacContext, parts: readonly Uint8Array[]): Uint8Array {
  try {
    for (const p of parts) if (p.length > 0) mac.update(p);
    return mac.finish();
  } finally {
    mac.destroy();
  }
}

/** HMAC with hash `hashAlg` of the concatenation of `parts` under `key`. */
export function hmacOf(hashAlg: number, key: Uint8Array, ...parts: readonly Uint8Array[]): Uint8Array {
  return run(hmacSetup(hashAlg, key), parts);
}

/** AES-CMAC of the concatenation of `parts` under a 16-, 24- or 32-byte `key`. */
export function cmacOf(key: Uint8Array, ...parts: readonly Uint8Array[]): Uint8Array {
  return run(cmacSetup(PSA_KEY_TYPE_AES, key), parts);
}

/** `a` followed by `b` in a new array. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A byte stream cut from successive blocks: `next()` produces block 1, 2, …
 * and `read(n)` hands out bytes across block boundaries.
 */
export class BlockStream {
  #block = new Uint8Array(0);
  #used = 0;
  readonly #next: () => Uint8Array;

  /** `next` returns the following block each time it is called. */
  constructor(next: () => Uint8Array) {
    this.#next = next;
  }

  /** The next `length` bytes. */
  read(length: number): Uint8Array {
    const out = new Uint8Array(length);
    let at = 0;
    while (at < length) {
      if (this.#used === this.#block.length) {
        this.#block.fill(0);
        this.#block = this.#next();
        this.#used = 0;
      }
      const n = Math.min(length - at, this.#block.length - this.#used);
      out.set(this.#block.subarray(this.#used, this.#used + n), at);
      at += n;
      this.#used += n;
    }
    return out;
  }

  /** Wipe the current block. */
  destroy(): void {
    this.#block.fill(0);
  }
}
