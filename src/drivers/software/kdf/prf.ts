/**
 * The pseudo-random functions of the software key derivation functions:
 * one-shot HMAC and AES-CMAC over the software MAC contexts.
 * @module
 */
import { PSA_KEY_TYPE_AES } from '../../../values/index.js';
import { hmacSetup } from '../mac/hmac.js';
import { cmacSetup } from '../mac/block-cipher.js';
import type { MacContext } from '../../mac.js';
import { hmac } from '@noble/hashes/hmac.js';
import { NOBLE_HMAC_HASHES } from '../hash/noble.js';

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
  // One part (HKDF-Extract, PBKDF2's first block): noble's one-shot HMAC, without a MAC context.
  const hash = parts.length === 1 ? NOBLE_HMAC_HASHES.get(hashAlg >>> 0) : undefined;
  if (hash !== undefined) return hmac(hash, key, parts[0]!);
  return run(hmacSetup(hashAlg, key), parts);
}

/** AES-CMAC of the concatenation of `parts` under a 16-, 24- or 32-byte `key`. */
export function cmacOf(key: Uint8Array, ...parts: readonly Uint8Array[]): Uint8Array {
  return run(cmacSetup(PSA_KEY_TYPE_AES, key), parts);
}

/** The midstate interface of a noble hash that `KeyedHmac` relies on. */
interface Midstate {
  update(data: Uint8Array): Midstate;
  digestInto(out: Uint8Array): void;
  _cloneInto(to?: Midstate): Midstate;
  destroy(): void;
}

/** The keyed noble HMAC whose inner and outer midstates `KeyedHmac` copies. */
interface NobleKeyed {
  iHash: Midstate;
  oHash: Midstate;
  outputLen: number;
  destroy(): void;
}

/**
 * HMAC keyed once, for KDFs that compute many MACs under one key. The
 * inner and outer hash states after the key block (RFC 2104's K ⊕ ipad and
 * K ⊕ opad) are computed once and copied into one reused working state for
 * every MAC, which makes PBKDF2's iterations and the KDFs' block loops
 * cheap. Hashes without a noble midstate go through `hmacOf`.
 */
export class KeyedHmac {
  readonly #hashAlg: number;
  readonly #key: Uint8Array;
  readonly #length: number;
  readonly #keyed: NobleKeyed | undefined;
  #work: Midstate | undefined;
  /** The HMAC output length (the hash length). */
  readonly outputLength: number;

  /** HMAC with hash `hashAlg` keyed with `key`; `mac` returns `length` bytes. `key` is kept (not copied) only for hashes without a midstate. */
  constructor(hashAlg: number, key: Uint8Array, length: number) {
    this.#hashAlg = hashAlg;
    this.#length = length;
    const hash = NOBLE_HMAC_HASHES.get(hashAlg);
    this.#keyed = hash === undefined ? undefined : hmac.create(hash, key) as unknown as NobleKeyed;
    this.#key = this.#keyed === undefined ? key : new Uint8Array(0);
    this.outputLength = this.#keyed?.outputLen ?? hmacOf(hashAlg, key).length;
  }

  /** The first `length` bytes of HMAC over the concatenation of `parts`, in a new array. */
  mac(...parts: Uint8Array[]): Uint8Array {
    const out = new Uint8Array(this.outputLength);
    this.#into(out, parts);
    return this.#length === this.outputLength ? out : out.subarray(0, this.#length);
  }

  /**
   * The full HMAC over the concatenation of `parts`, written to `out` (one
   * hash long). `out` may be one of the parts: it is read before it is written.
   */
  macInto(out: Uint8Array, ...parts: Uint8Array[]): void {
    this.#into(out, parts);
  }

  /**
   * PBKDF2's inner loop (RFC 8018 §5.2 step 3): `rounds` times
   * u ← HMAC(u), t ← t ⊕ u, in place (both one hash long).
   */
  chain(u: Uint8Array, t: Uint8Array, rounds: number): void {
    const keyed = this.#keyed;
    if (keyed === undefined) {
      for (let i = 0; i < rounds; i++) {
        this.#into(u, [u]);
        for (let j = 0; j < t.length; j++) t[j]! ^= u[j]!;
      }
      return;
    }
    const { iHash, oHash, outputLen } = keyed;
    let work = this.#work ?? iHash._cloneInto();
    const inner = u.subarray(0, outputLen);
    for (let i = 0; i < rounds; i++) {
      work = iHash._cloneInto(work);
      work.update(inner).digestInto(u);
      work = oHash._cloneInto(work);
      work.update(inner).digestInto(u);
      for (let j = 0; j < outputLen; j++) t[j]! ^= u[j]!;
    }
    this.#work = work;
  }

  #into(out: Uint8Array, parts: readonly Uint8Array[]): void {
    const keyed = this.#keyed;
    if (keyed === undefined) {
      const tag = hmacOf(this.#hashAlg, this.#key, ...parts);
      out.set(tag);
      tag.fill(0);
      return;
    }
    let work = keyed.iHash._cloneInto(this.#work);
    for (const p of parts) work.update(p);
    work.digestInto(out);
    work = keyed.oHash._cloneInto(work);
    work.update(out.subarray(0, keyed.outputLen)).digestInto(out);
    this.#work = work;
  }

  /** Wipe the keyed and working states. */
  destroy(): void {
    this.#work?.destroy();
    this.#keyed?.destroy();
  }
}

/** `new KeyedHmac(hashAlg, key, length)`. */
export function keyedHmac(hashAlg: number, key: Uint8Array, length: number): KeyedHmac {
  return new KeyedHmac(hashAlg, key, length);
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

  /** The next `length` bytes. If `next` throws, the bytes already copied are wiped and the error passes on. */
  read(length: number): Uint8Array {
    const out = new Uint8Array(length);
    let at = 0;
    try {
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
    } catch (err) {
      out.fill(0);
      throw err;
    }
    return out;
  }

  /** Wipe the current block. */
  destroy(): void {
    this.#block.fill(0);
  }
}
