/**
 * The Camellia block cipher (RFC 3713; also ISO/IEC 18033-3 and the
 * CRYPTREC list): 128-bit block, 128-, 192- or 256-bit key. A Feistel
 * network of 18 rounds (128-bit keys) or 24 rounds (192- and 256-bit keys)
 * of the F-function (key XOR, the S-boxes s1 … s4, the byte mixing P), in
 * groups of six rounds separated by the FL / FL⁻¹ layer, with whitening
 * before the first and after the last round. The key schedule derives KA
 * (and for the long keys KB) from KL and KR with the six Σ constants, then
 * cuts every subkey out of a rotation of KL, KR, KA or KB (RFC 3713 §2.2;
 * the rounds §2.3, the F-function, FL, FL⁻¹ and S-boxes §2.4). Decryption
 * is the same structure with the subkeys in reverse order (§2.3.3).
 * Written from the RFC's description; it plugs into the
 * 16-byte-block modes through `BlockCipher16`.
 *
 * NOT constant-time: the S-boxes are table lookups indexed by secret bytes,
 * so the memory access pattern depends on the key and the data (a cache
 * timing side channel). Accepted for this legacy cipher; use AES where
 * that matters.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import type { BlockCipher16 } from './block.js';

/** Camellia block length in bytes. */
export const CAMELLIA_BLOCK = 16;

/** SBOX1 of RFC 3713 §2.4.3 (row-major, input byte = row ‖ column). */
const SBOX1 = Uint8Array.from([
  112, 130, 44, 236, 179, 39, 192, 229, 228, 133, 87, 53, 234, 12, 174, 65,
  35, 239, 107, 147, 69, 25, 165, 33, 237, 14, 79, 78, 29, 101, 146, 189,
  134, 184, 175, 143, 124, 235, 31, 206, 62, 48, 220, 95, 94, 197, 11, 26,
  166, 225, 57, 202, 213, 71, 93, 61, 217, 1, 90, 214, 81, 86, 108, 77,
  139, 13, 154, 102, 251, 204, 176, 45, 116, 18, 43, 32, 240, 177, 132, 153,
  223, 76, 203, 194, 52, 126, 118, 5, 109, 183, 169, 49, 209, 23, 4, 215,
  20, 88, 58, 97, 222, 27, 17, 28, 50, 15, 156, 22, 83, 24, 242, 34,
  254, 68, 207, 178, 195, 181, 122, 145, 36, 8, 232, 168, 96, 252, 105, 80,
  170, 208, 160, 125, 161, 137, 98, 151, 84, 91, 30, 149, 224, 255, 100, 210,
  16, 196, 0, 72, 163, 247, 117, 219, 138, 3, 230, 218, 9, 63, 221, 148,
  135, 92, 131, 2, 205, 74, 144, 51, 115, 103, 246, 243, 157, 127, 191, 226,
  82, 155, 216, 38, 200, 55, 198, 59, 129, 150, 111, 75, 19, 190, 99, 46,
  233, 121, 167, 140, 159, 110, 188, 142, 41, 245, 249, 182, 47, 253, 180, 89,
  120, 152, 6, 106, 231, 70, 113, 186, 212, 37, 171, 66, 136, 162, 141, 250,
  114, 7, 185, 85, 248, 238, 172, 10, 54, 73, 42, 104, 60, 56, 241, 164,
  64, 40, 211, 123, 187, 201, 67, 193, 21, 227, 173, 244, 119, 199, 128, 158,
]);

const rotl8 = (x: number, n: number): number => ((x << n) | (x >>> (8 - n))) & 0xff;

/** SBOX2[x] = SBOX1[x] <<< 1, SBOX3[x] = SBOX1[x] <<< 7, SBOX4[x] = SBOX1[x <<< 1] (§2.4.3). */
const SBOX2 = SBOX1.map((v) => rotl8(v, 1));
const SBOX3 = SBOX1.map((v) => rotl8(v, 7));
const SBOX4 = Uint8Array.from({ length: 256 }, (_, x) => SBOX1[rotl8(x, 1)]!);

/** Σ1 … Σ6 (§2.2), each as its upper and lower 32 bits. */
const SIGMA = Uint32Array.from([
  0xa09e667f, 0x3bcc908b, 0xb67ae858, 0x4caa73b2, 0xc6ef372f, 0xe94f82be,
  0x54ff53a5, 0xf1d36f1c, 0x10e527fa, 0xde682d1d, 0xb05688c2, 0xb3e6c1fd,
]);

/**
 * The 64-bit subkeys in the order encryption uses them (§2.2): each entry
 * names the 128-bit variable (KL, KR, KA or KB) and its left rotation; an
 * entry at an even position takes the left 64 bits of that rotation, one at
 * an odd position the right 64 bits. The 128-bit-key order is kw1 kw2,
 * k1 … k6, ke1 ke2, k7 … k12, ke3 ke4, k13 … k18, kw3 kw4; the long keys add
 * ke5 ke6 and k19 … k24 before kw3 kw4.
 */
const ORDER_128 = [
  'L0', 'L0', // kw1 kw2
  'A0', 'A0', 'L15', 'L15', 'A15', 'A15', // k1 … k6
  'A30', 'A30', // ke1 ke2
  'L45', 'L45', 'A45', 'L60', 'A60', 'A60', // k7 … k12 (k9 from KA, k10 from KL)
  'L77', 'L77', // ke3 ke4
  'L94', 'L94', 'A94', 'A94', 'L111', 'L111', // k13 … k18
  'A111', 'A111', // kw3 kw4
];
const ORDER_LONG = [
  'L0', 'L0', // kw1 kw2
  'B0', 'B0', 'R15', 'R15', 'A15', 'A15', // k1 … k6
  'R30', 'R30', // ke1 ke2
  'B30', 'B30', 'L45', 'L45', 'A45', 'A45', // k7 … k12
  'L60', 'L60', // ke3 ke4
  'R60', 'R60', 'B60', 'B60', 'L77', 'L77', // k13 … k18
  'A77', 'A77', // ke5 ke6
  'R94', 'R94', 'A94', 'A94', 'L111', 'L111', // k19 … k24
  'B111', 'B111', // kw3 kw4
];

/** Each order as [offset of the variable in the 16-word key buffer, rotation] per subkey. */
function parseOrder(order: readonly string[]): readonly (readonly [number, number])[] {
  return order.map((entry) => [4 * 'LRAB'.indexOf(entry[0]!), Number(entry.slice(1))] as const);
}
const SUBKEYS_128 = parseOrder(ORDER_128);
const SUBKEYS_LONG = parseOrder(ORDER_LONG);

const rotl32 = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** Word `i` (0 = most significant) of the 128-bit value `v[at … at+3]` rotated left by `n` bits. */
function rotatedWord(v: Uint32Array, at: number, n: number, i: number): number {
  const q = n >>> 5;
  const r = n & 31;
  const hi = v[at + ((i + q) & 3)]!;
  if (r === 0) return hi;
  return (hi << r) | (v[at + ((i + q + 1) & 3)]! >>> (32 - r));
}

/**
 * The F-function (§2.4.1) of the 64-bit input (xh ‖ xl) and subkey (kh ‖ kl):
 * S-function then P-function. The upper 32 bits of the result go to
 * `out[0]`, the lower to `out[1]`.
 */
function f(xh: number, xl: number, kh: number, kl: number, out: Uint32Array): void {
  const x = xh ^ kh;
  const y = xl ^ kl;
  const t1 = SBOX1[x >>> 24]!;
  const t2 = SBOX2[(x >>> 16) & 0xff]!;
  const t3 = SBOX3[(x >>> 8) & 0xff]!;
  const t4 = SBOX4[x & 0xff]!;
  const t5 = SBOX2[y >>> 24]!;
  const t6 = SBOX3[(y >>> 16) & 0xff]!;
  const t7 = SBOX4[(y >>> 8) & 0xff]!;
  const t8 = SBOX1[y & 0xff]!;
  const y1 = t1 ^ t3 ^ t4 ^ t6 ^ t7 ^ t8;
  const y2 = t1 ^ t2 ^ t4 ^ t5 ^ t7 ^ t8;
  const y3 = t1 ^ t2 ^ t3 ^ t5 ^ t6 ^ t8;
  const y4 = t2 ^ t3 ^ t4 ^ t5 ^ t6 ^ t7;
  const y5 = t1 ^ t2 ^ t6 ^ t7 ^ t8;
  const y6 = t2 ^ t3 ^ t5 ^ t7 ^ t8;
  const y7 = t3 ^ t4 ^ t5 ^ t6 ^ t8;
  const y8 = t1 ^ t4 ^ t5 ^ t6 ^ t7;
  out[0] = (y1 << 24) | (y2 << 16) | (y3 << 8) | y4;
  out[1] = (y5 << 24) | (y6 << 16) | (y7 << 8) | y8;
}

function readWord(block: Uint8Array, at: number): number {
  return ((block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!) >>> 0;
}

function writeWord(block: Uint8Array, at: number, word: number): void {
  block[at] = word >>> 24;
  block[at + 1] = word >>> 16;
  block[at + 2] = word >>> 8;
  block[at + 3] = word;
}

/** One Camellia key, ready to encrypt and decrypt single blocks in place. */
export class CamelliaBlock implements BlockCipher16 {
  /** 16-byte blocks. */
  readonly blockLength = 16 as const;
  /** Groups of six rounds: 3 (18 rounds, 128-bit keys) or 4 (24 rounds). */
  readonly #groups: 3 | 4;
  /** The subkeys in encryption order, two 32-bit words (upper, lower) each. */
  readonly #enc: Uint32Array;
  /** The same subkeys in decryption order. */
  readonly #dec: Uint32Array;
  /** Scratch for the F-function output. */
  readonly #f = new Uint32Array(2);

  /**
   * @param key 16, 24 or 32 bytes (Camellia-128, -192, -256). Only the
   *   subkeys are kept, never `key` itself.
   * @throws PsaError PSA_ERROR_INVALID_ARGUMENT for any other key length
   */
  constructor(key: Uint8Array) {
    const length = key.length;
    if (length !== 16 && length !== 24 && length !== 32) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `Camellia takes a 16-, 24- or 32-byte key, not ${length} bytes`);
    }
    const long = length !== 16;
    this.#groups = long ? 4 : 3;
    const order = long ? SUBKEYS_LONG : SUBKEYS_128;
    // KL at words 0-3, KR at 4-7, KA at 8-11, KB at 12-15 (§2.2).
    const k = new Uint32Array(16);
    for (let i = 0; i < length / 4; i++) k[i] = readWord(key, 4 * i);
    if (length === 24) {
      // KR = (the right 64 bits of K) ‖ their complement.
      k[6] = ~k[4]!;
      k[7] = ~k[5]!;
    }
    const out = this.#f;
    const d = new Uint32Array(4);
    // D1 = d[0..1], D2 = d[2..3]: the two Feistel rounds with Σ on (KL ⊕ KR).
    const twoRounds = (sigma: number): void => {
      f(d[0]!, d[1]!, SIGMA[sigma]!, SIGMA[sigma + 1]!, out);
      d[2] = d[2]! ^ out[0]!;
      d[3] = d[3]! ^ out[1]!;
      f(d[2]!, d[3]!, SIGMA[sigma + 2]!, SIGMA[sigma + 3]!, out);
      d[0] = d[0]! ^ out[0]!;
      d[1] = d[1]! ^ out[1]!;
    };
    for (let i = 0; i < 4; i++) d[i] = k[i]! ^ k[4 + i]!;
    twoRounds(0);
    for (let i = 0; i < 4; i++) d[i] = d[i]! ^ k[i]!;
    twoRounds(4);
    k.set(d, 8);
    if (long) {
      for (let i = 0; i < 4; i++) d[i] = k[8 + i]! ^ k[4 + i]!;
      twoRounds(8);
      k.set(d, 12);
    }
    const n = order.length;
    this.#enc = new Uint32Array(2 * n);
    for (let s = 0; s < n; s++) {
      const [at, rotation] = order[s]!;
      const half = 2 * (s & 1);
      this.#enc[2 * s] = rotatedWord(k, at, rotation, half);
      this.#enc[2 * s + 1] = rotatedWord(k, at, rotation, half + 1);
    }
    // Decryption order (§2.3.3): the subkeys reversed, kw1 ↔ kw3 and kw2 ↔ kw4
    // keeping their roles, so the whitening pairs at both ends are swapped back.
    this.#dec = new Uint32Array(2 * n);
    for (let s = 0; s < n; s++) this.#dec.set(this.#enc.subarray(2 * (n - 1 - s), 2 * (n - s)), 2 * s);
    for (const s of [0, n - 2]) {
      const first = this.#dec.slice(2 * s, 2 * s + 2);
      this.#dec.copyWithin(2 * s, 2 * s + 2, 2 * s + 4);
      this.#dec.set(first, 2 * s + 2);
      first.fill(0);
    }
    k.fill(0);
    d.fill(0);
    out.fill(0);
  }

  /** Whitening, the rounds in groups of six with FL / FL⁻¹ between groups, whitening (§2.3.1, §2.3.2). */
  #crypt(block: Uint8Array, ks: Uint32Array): void {
    const out = this.#f;
    let d1h = readWord(block, 0) ^ ks[0]!;
    let d1l = readWord(block, 4) ^ ks[1]!;
    let d2h = readWord(block, 8) ^ ks[2]!;
    let d2l = readWord(block, 12) ^ ks[3]!;
    let at = 4;
    for (let g = 0; g < this.#groups; g++) {
      if (g > 0) {
        // D1 = FL(D1, ke), D2 = FL⁻¹(D2, ke') (§2.4.2).
        d1l ^= rotl32(d1h & ks[at]!, 1);
        d1h ^= d1l | ks[at + 1]!;
        d2h ^= d2l | ks[at + 3]!;
        d2l ^= rotl32(d2h & ks[at + 2]!, 1);
        at += 4;
      }
      for (let r = 0; r < 3; r++, at += 4) {
        f(d1h, d1l, ks[at]!, ks[at + 1]!, out);
        d2h ^= out[0]!;
        d2l ^= out[1]!;
        f(d2h, d2l, ks[at + 2]!, ks[at + 3]!, out);
        d1h ^= out[0]!;
        d1l ^= out[1]!;
      }
    }
    // C = (D2 ⊕ kw3) ‖ (D1 ⊕ kw4).
    writeWord(block, 0, d2h ^ ks[at]!);
    writeWord(block, 4, d2l ^ ks[at + 1]!);
    writeWord(block, 8, d1h ^ ks[at + 2]!);
    writeWord(block, 12, d1l ^ ks[at + 3]!);
    out.fill(0);
  }

  /**
   * Encrypt the 16-byte `block` in place (any view: bytes are read one by one).
   * @param block exactly 16 bytes
   */
  encrypt(block: Uint8Array): void {
    this.#crypt(block, this.#enc);
  }

  /**
   * Decrypt the 16-byte `block` in place: the encryption structure with the
   * subkeys in reverse order.
   * @param block exactly 16 bytes
   */
  decrypt(block: Uint8Array): void {
    this.#crypt(block, this.#dec);
  }

  /** Zero every subkey (both orders) and the scratch. */
  wipe(): void {
    this.#enc.fill(0);
    this.#dec.fill(0);
    this.#f.fill(0);
  }
}
