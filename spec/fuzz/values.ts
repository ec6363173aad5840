/**
 * The values the API fuzzer (`harness.ts`) draws from: a deterministic
 * generator, the pools of algorithm, key type and size numbers, the hostile
 * values of every type, and the helpers that read a function's parameter
 * names and keep slow calls out.
 */
import * as c from '../../src/c/index.js';

/** A deterministic generator (mulberry32). */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  /** A 32-bit unsigned value. */
  u32(): number {
    this.#s = (this.#s + 0x6d2b79f5) >>> 0;
    let t = this.#s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return this.u32() % n;
  }
  /** An element of `xs`. */
  pick<T>(xs: readonly T[]): T {
    return xs[this.below(xs.length)]!;
  }
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }
  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = this.below(256);
    return b;
  }
}

export const GENERIC = c.PSA_ERROR_GENERIC_ERROR;
export const H = c.PSA_ALG_SHA_256;

export const ALGS = [
  0, H, c.PSA_ALG_SHA_512, c.PSA_ALG_SHA3_256, c.PSA_ALG_HMAC(H), c.PSA_ALG_CMAC, c.PSA_ALG_CTR, c.PSA_ALG_CBC_NO_PADDING,
  c.PSA_ALG_CBC_PKCS7, c.PSA_ALG_ECB_NO_PADDING, c.PSA_ALG_GCM, c.PSA_ALG_CCM, c.PSA_ALG_CHACHA20_POLY1305,
  c.PSA_ALG_STREAM_CIPHER, c.PSA_ALG_ECDSA(H), c.PSA_ALG_DETERMINISTIC_ECDSA(H), c.PSA_ALG_ECDSA_ANY, c.PSA_ALG_PURE_EDDSA,
  c.PSA_ALG_HKDF(H), c.PSA_ALG_TLS12_PRF(H), c.PSA_ALG_PBKDF2_HMAC(H), c.PSA_ALG_ECDH, c.PSA_ALG_SHAKE256,
  c.PSA_ALG_KEY_AGREEMENT(c.PSA_ALG_ECDH, c.PSA_ALG_HKDF(H)), c.PSA_ALG_JPAKE(H), c.PSA_ALG_AEAD_WITH_SHORTENED_TAG(c.PSA_ALG_GCM, 8),
  c.PSA_ALG_TRUNCATED_MAC(c.PSA_ALG_HMAC(H), 10), c.PSA_ALG_ANY_HASH, 0x7fffffff, 0xffffffff,
];
export const TYPES = [
  0, c.PSA_KEY_TYPE_AES, c.PSA_KEY_TYPE_HMAC, c.PSA_KEY_TYPE_DERIVE, c.PSA_KEY_TYPE_RAW_DATA, c.PSA_KEY_TYPE_CHACHA20,
  c.PSA_KEY_TYPE_ECC_KEY_PAIR(c.PSA_ECC_FAMILY_SECP_R1), c.PSA_KEY_TYPE_ECC_PUBLIC_KEY(c.PSA_ECC_FAMILY_SECP_R1),
  c.PSA_KEY_TYPE_ECC_KEY_PAIR(c.PSA_ECC_FAMILY_TWISTED_EDWARDS), c.PSA_KEY_TYPE_ECC_KEY_PAIR(c.PSA_ECC_FAMILY_MONTGOMERY),
  c.PSA_KEY_TYPE_PASSWORD, c.PSA_KEY_TYPE_PASSWORD_HASH, c.PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0xffff,
];
export const BITS = [0, 8, 128, 192, 255, 256, 384, 448, 521, 1024, 0xffff, -1];
export const USAGES = [0, c.PSA_KEY_USAGE_EXPORT, 0x3f01, 0xffffffff, c.PSA_KEY_USAGE_DERIVE, c.PSA_KEY_USAGE_SIGN_HASH];
export const STEPS = [0x0101, 0x0102, 0x0201, 0x0202, 0x0203, 0x0204, 0x0205, 0x0206, 0x0207, 0x0208, 0];
export const SMALL = [0, 1, 2, 12, 16, 32, 64, 65, 100, 255, 256];

/** Values of every type where something else is due. */
export function hostile(r: Rng): unknown {
  switch (r.below(22)) {
    case 0: return 'x';
    case 1: return null;
    case 2: return undefined;
    case 3: return NaN;
    case 4: return -1;
    case 5: return 2 ** 53;
    case 6: return 1n;
    case 7: return Symbol('s');
    case 8: {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 9: return Object.freeze({ value: 0 });
    case 10: return { get value() { return 0; } };
    case 11: {
      const u = new Uint8Array(32);
      structuredClone(u.buffer, { transfer: [u.buffer] });
      return u;
    }
    case 12: return new Uint8Array(new SharedArrayBuffer(32));
    case 13: return new Proxy(new Uint8Array(32), {});
    case 14: return [1, 2, 3];
    case 15: return () => 0;
    case 16: return new Uint16Array(4);
    case 17: return new ArrayBuffer(8);
    case 18: return 2 ** 31;
    case 19: return 1.5;
    case 20: return Infinity;
    default: return {};
  }
}

/** Random bytes, sometimes at an odd offset of a larger buffer. */
export function bytes(r: Rng): Uint8Array {
  const n = r.pick([0, 1, 12, 16, 32, 33, 64, 65, 80]);
  if (r.chance(0.2)) return r.bytes(n + 3).subarray(1, n + 1);
  return r.bytes(n);
}

/** The keys a sequence starts with: type, bits, bytes and policy. */
export const SEED_KEYS = [
  { type: c.PSA_KEY_TYPE_AES, bits: 128, len: 16, alg: c.PSA_ALG_GCM },
  { type: c.PSA_KEY_TYPE_AES, bits: 256, len: 32, alg: c.PSA_ALG_CTR },
  { type: c.PSA_KEY_TYPE_HMAC, bits: 256, len: 32, alg: c.PSA_ALG_HMAC(H) },
  { type: c.PSA_KEY_TYPE_DERIVE, bits: 256, len: 32, alg: c.PSA_ALG_HKDF(H) },
  { type: c.PSA_KEY_TYPE_CHACHA20, bits: 256, len: 32, alg: c.PSA_ALG_CHACHA20_POLY1305 },
];
export const P256_PRIVATE = Uint8Array.from(Buffer.from('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721', 'hex'));

/** A key the sequence imported, with its bytes (to check they never appear in a message). */
export interface SeedKey {
  id: number;
  material: Uint8Array;
  /** The face that holds it (both faces number their volatile keys alike). */
  face: 'c' | 'ts';
}

/** The forms in which key bytes could leak into a message. */
export function leakForms(material: Uint8Array): string[] {
  const hex = Buffer.from(material).toString('hex');
  return [hex.slice(0, 16), hex.slice(0, 16).toUpperCase(), Array.from(material.subarray(0, 6)).join(',')];
}

/** The parameter names of a function, from its source. */
export function paramNames(f: (...args: never[]) => unknown): string[] {
  const src = f.toString();
  const m = /^[^(]*\(([^)]*)\)/.exec(src);
  if (!m) return [];
  return m[1]!.split(',').map((p) => p.trim().replace(/[=\s].*$/, '').replace(/^\.\.\./, '')).filter((p) => p.length > 0);
}

/** Whether a call would start work this fuzzer keeps out for time (RSA and DH generation, large PBKDF2 costs). */
export function tooSlow(name: string, args: unknown[]): boolean {
  if (/generate/i.test(name)) {
    for (const a of args) {
      if (typeof a !== 'object' || a === null) continue;
      let t: unknown;
      try {
        t = (a as { type?: unknown }).type;
      } catch {
        continue;
      }
      if (typeof t === 'number' && ((t & 0xff00) === 0x7000 || (t & 0xff00) === 0x7200 || (t & 0xff00) === 0x4000)) return true;
    }
  }
  if (/input_?integer/i.test(name)) return args.some((a) => (typeof a === 'number' && a > 1000) || typeof a === 'bigint');
  return false;
}

/**
 * The TypeScript-`protected` hooks of the operation classes (the
 * interruptible and multipart sign bases): not part of the API, so not
 * called (`start` is protected only in the multipart sign base).
 */
export const PROTECTED = ['begin', 'createJob', 'env', 'finishJob', 'runJob', 'setContextOf', 'updateWith'];

/** The methods of an operation object: its class's and its base classes'. */
export function methodNames(proto: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (n !== 'constructor' && typeof Object.getOwnPropertyDescriptor(p, n)?.value === 'function') names.add(n);
    }
  }
  return [...names];
}
