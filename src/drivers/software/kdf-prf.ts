/**
 * The pseudo-random functions of the software key derivation functions:
 * one-shot HMAC and AES-CMAC over the software MAC contexts.
 * @module
 */
import { PSA_KEY_TYPE_AES } from '../../values/index.js';
import { hmacSetup } from './mac-hmac.js';
import { cmacSetup } from './mac-block-cipher.js';
import type { MacContext } from '../mac.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512 } from '../../values/index.js';

/** The hashes whose HMAC key schedule `keyedHmac` reuses (others go through `hmacOf`). */
const NOBLE_HASHES: ReadonlyMap<number, CHash> = new Map<number, CHash>([
  [PSA_ALG_SHA_1, sha1], [PSA_ALG_SHA_224, sha224], [PSA_ALG_SHA_256, sha256], [PSA_ALG_SHA_384, sha384], [PSA_ALG_SHA_512, sha512],
]);

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

/**
 * HMAC keyed once with `key` (the key schedule is reused for every call,
 * which makes PBKDF2's many iterations cheap): `mac(...parts)` is the first
 * `length` bytes of HMAC over the parts; `destroy()` wipes the keyed state.
 */
export function keyedHmac(hashAlg: number, key: Uint8Array, length: number): { mac: (...parts: Uint8Array[]) => Uint8Array; destroy: () => void } {
  const hash = NOBLE_HASHES.get(hashAlg);
  if (hash === undefined) {
    return { mac: (...parts) => hmacOf(hashAlg, key, ...parts).subarray(0, length), destroy: () => undefined };
  }
  const keyed = hmac.create(hash, key);
  return {
    mac: (...parts) => {
      const h = keyed._cloneInto();
      for (const p of parts) h.update(p);
      return h.digest().subarray(0, length);
    },
    destroy: () => keyed.destroy(),
  };
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
  #block: Uint8Array = new Uint8Array(0);
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
