/**
 * The ARIA block cipher (RFC 5794; KISA / NSRI, Korean standard KS X 1213):
 * 128-bit block, 128-, 192- or 256-bit key, 12, 14 or 16 rounds. Each
 * round adds a round key, applies a substitution layer (SL1 in odd rounds,
 * SL2 in even ones, built from the S-boxes S1, S2 and their inverses) and
 * the involutive 16 × 16 binary diffusion layer A; the last round replaces
 * A by a final round-key addition (RFC 5794 §2.4). The key schedule splits
 * the key into KL ‖ KR, derives W0 … W3 with the round functions FO and FE
 * keyed by CK1 … CK3 (the constants C1, C2, C3 rotated by key size), and
 * forms every encryption round key as W_i ⊕ (W_j rotated by 19, 31, 61 or
 * 97 bits) (§2.2). Decryption is the same process with the decryption
 * round keys: the encryption keys in reverse order, the inner ones passed
 * through A (§2.3). Written from the RFC's description; it plugs into the
 * 16-byte-block modes through `BlockCipher16`.
 *
 * S1 is the AES S-box (it equals the RFC's S1 table), generated at load
 * from its definition in GF(2^8); S2 is the RFC's table; S1⁻¹ and S2⁻¹ are
 * computed as the inverse permutations.
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

/** ARIA block length in bytes. */
export const ARIA_BLOCK = 16;

/** S2 of RFC 5794 §2.4.2 (row-major, input byte = row ‖ column). */
const S2 = Uint8Array.from([
  0xe2, 0x4e, 0x54, 0xfc, 0x94, 0xc2, 0x4a, 0xcc, 0x62, 0x0d, 0x6a, 0x46, 0x3c, 0x4d, 0x8b, 0xd1,
  0x5e, 0xfa, 0x64, 0xcb, 0xb4, 0x97, 0xbe, 0x2b, 0xbc, 0x77, 0x2e, 0x03, 0xd3, 0x19, 0x59, 0xc1,
  0x1d, 0x06, 0x41, 0x6b, 0x55, 0xf0, 0x99, 0x69, 0xea, 0x9c, 0x18, 0xae, 0x63, 0xdf, 0xe7, 0xbb,
  0x00, 0x73, 0x66, 0xfb, 0x96, 0x4c, 0x85, 0xe4, 0x3a, 0x09, 0x45, 0xaa, 0x0f, 0xee, 0x10, 0xeb,
  0x2d, 0x7f, 0xf4, 0x29, 0xac, 0xcf, 0xad, 0x91, 0x8d, 0x78, 0xc8, 0x95, 0xf9, 0x2f, 0xce, 0xcd,
  0x08, 0x7a, 0x88, 0x38, 0x5c, 0x83, 0x2a, 0x28, 0x47, 0xdb, 0xb8, 0xc7, 0x93, 0xa4, 0x12, 0x53,
  0xff, 0x87, 0x0e, 0x31, 0x36, 0x21, 0x58, 0x48, 0x01, 0x8e, 0x37, 0x74, 0x32, 0xca, 0xe9, 0xb1,
  0xb7, 0xab, 0x0c, 0xd7, 0xc4, 0x56, 0x42, 0x26, 0x07, 0x98, 0x60, 0xd9, 0xb6, 0xb9, 0x11, 0x40,
  0xec, 0x20, 0x8c, 0xbd, 0xa0, 0xc9, 0x84, 0x04, 0x49, 0x23, 0xf1, 0x4f, 0x50, 0x1f, 0x13, 0xdc,
  0xd8, 0xc0, 0x9e, 0x57, 0xe3, 0xc3, 0x7b, 0x65, 0x3b, 0x02, 0x8f, 0x3e, 0xe8, 0x25, 0x92, 0xe5,
  0x15, 0xdd, 0xfd, 0x17, 0xa9, 0xbf, 0xd4, 0x9a, 0x7e, 0xc5, 0x39, 0x67, 0xfe, 0x76, 0x9d, 0x43,
  0xa7, 0xe1, 0xd0, 0xf5, 0x68, 0xf2, 0x1b, 0x34, 0x70, 0x05, 0xa3, 0x8a, 0xd5, 0x79, 0x86, 0xa8,
  0x30, 0xc6, 0x51, 0x4b, 0x1e, 0xa6, 0x27, 0xf6, 0x35, 0xd2, 0x6e, 0x24, 0x16, 0x82, 0x5f, 0xda,
  0xe6, 0x75, 0xa2, 0xef, 0x2c, 0xb2, 0x1c, 0x9f, 0x5d, 0x6f, 0x80, 0x0a, 0x72, 0x44, 0x9b, 0x6c,
  0x90, 0x0b, 0x5b, 0x33, 0x7d, 0x5a, 0x52, 0xf3, 0x61, 0xa1, 0xf7, 0xb0, 0xd6, 0x3f, 0x7c, 0x6d,
  0xed, 0x14, 0xe0, 0xa5, 0x3d, 0x22, 0xb3, 0xf8, 0x89, 0xde, 0x71, 0x1a, 0xaf, 0xba, 0xb5, 0x81,
]);

const rotl8 = (x: number, n: number): number => ((x << n) | (x >>> (8 - n))) & 0xff;

/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
function gmul(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) product ^= a;
    a = (a << 1) ^ (a & 0x80 ? 0x11b : 0);
    b >>>= 1;
  }
  return product;
}

/** S1(x) = M · x^-1 ⊕ 0x63 with x^-1 = x^254 (0 maps to 0): the AES S-box (FIPS 197 §5.1.1). */
const S1 = Uint8Array.from({ length: 256 }, (_, x) => {
  let inverse = 1;
  for (let i = 0; i < 254; i++) inverse = gmul(inverse, x);
  if (x === 0) inverse = 0;
  return inverse ^ rotl8(inverse, 1) ^ rotl8(inverse, 2) ^ rotl8(inverse, 3) ^ rotl8(inverse, 4) ^ 0x63;
});

function invert(box: Uint8Array): Uint8Array {
  const inverse = new Uint8Array(256);
  for (let x = 0; x < 256; x++) inverse[box[x]!] = x;
  return inverse;
}
const S1_INV = invert(S1);
const S2_INV = invert(S2);

/** SL1 applies S1, S2, S1⁻¹, S2⁻¹ to bytes 4k, 4k+1, 4k+2, 4k+3; SL2 applies S1⁻¹, S2⁻¹, S1, S2 (§2.4.2). */
const SL1 = [S1, S2, S1_INV, S2_INV] as const;
const SL2 = [S1_INV, S2_INV, S1, S2] as const;

/**
 * The diffusion layer A (§2.4.3): output byte y_i is the XOR of the seven
 * input bytes listed in row i.
 */
const A_ROWS: readonly (readonly number[])[] = [
  [3, 4, 6, 8, 9, 13, 14],
  [2, 5, 7, 8, 9, 12, 15],
  [1, 4, 6, 10, 11, 12, 15],
  [0, 5, 7, 10, 11, 13, 14],
  [0, 2, 5, 8, 11, 14, 15],
  [1, 3, 4, 9, 10, 14, 15],
  [0, 2, 7, 9, 10, 12, 13],
  [1, 3, 6, 8, 11, 12, 13],
  [0, 1, 4, 7, 10, 13, 15],
  [0, 1, 5, 6, 11, 12, 14],
  [2, 3, 5, 6, 8, 13, 15],
  [2, 3, 4, 7, 9, 12, 14],
  [1, 2, 6, 7, 9, 11, 12],
  [0, 3, 6, 7, 8, 10, 13],
  [0, 3, 4, 5, 9, 11, 14],
  [1, 2, 4, 5, 8, 10, 15],
];
const A_INDEX = Uint8Array.from(A_ROWS.flat());

/** The constants C1, C2, C3 of §2.2, as bytes. */
const C = [
  '517cc1b727220a94fe13abe8fa9a6ee0',
  '6db14acc9e21c820ff28b1d5ef5de2b0',
  'db92371d2126e9700324977504e8c90e',
].map((h) => Uint8Array.from({ length: 16 }, (_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16)));

/** The order of C1 … C3 as CK1 … CK3 for 128-, 192- and 256-bit keys (§2.2). */
const CK_ORDER: Record<number, readonly [number, number, number]> = { 16: [0, 1, 2], 24: [1, 2, 0], 32: [2, 0, 1] };

/** Number of rounds for 128-, 192- and 256-bit keys. */
const ROUNDS: Record<number, number> = { 16: 12, 24: 14, 32: 16 };

/**
 * The encryption round keys ek_1 … ek_17 (§2.2): ek_i = W_x ⊕ (W_y ⋙ r),
 * as [x, y, right rotation in bits]; a left rotation by n is a right
 * rotation by 128 − n.
 */
const EK_RECIPE: readonly (readonly [number, number, number])[] = [
  [0, 1, 19], [1, 2, 19], [2, 3, 19], [3, 0, 19],
  [0, 1, 31], [1, 2, 31], [2, 3, 31], [3, 0, 31],
  [0, 1, 128 - 61], [1, 2, 128 - 61], [2, 3, 128 - 61], [3, 0, 128 - 61],
  [0, 1, 128 - 31], [1, 2, 128 - 31], [2, 3, 128 - 31], [3, 0, 128 - 31],
  [0, 1, 128 - 19],
];

/** `out` ← A(`x`); `out` and `x` must be distinct 16-byte arrays. */
function diffuse(x: Uint8Array, out: Uint8Array): void {
  for (let i = 0, k = 0; i < 16; i++, k += 7) {
    out[i] =
      x[A_INDEX[k]!]! ^ x[A_INDEX[k + 1]!]! ^ x[A_INDEX[k + 2]!]! ^ x[A_INDEX[k + 3]!]! ^
      x[A_INDEX[k + 4]!]! ^ x[A_INDEX[k + 5]!]! ^ x[A_INDEX[k + 6]!]!;
  }
}

/** `x` ← SL(`x`) in place, SL being SL1 or SL2. */
function substitute(x: Uint8Array, layer: typeof SL1 | typeof SL2): void {
  for (let i = 0; i < 16; i++) x[i] = layer[i & 3][x[i]!]!;
}

/**
 * `out` ← `x` ⋙ `n` (128-bit big-endian right rotation, 0 ≤ n < 128) ⊕ `xor`.
 * The three arrays are 16 bytes; `out` must differ from `x`.
 */
function rotateXor(x: Uint8Array, n: number, xor: Uint8Array, out: Uint8Array): void {
  const q = n >>> 3;
  const r = n & 7;
  for (let i = 0; i < 16; i++) {
    const high = x[(i - q + 16) & 15]!;
    const low = x[(i - q + 15) & 15]!;
    out[i] = (((high >>> r) | (low << (8 - r))) & 0xff) ^ xor[i]!;
  }
}

/** One ARIA key, ready to encrypt and decrypt single blocks in place. */
export class AriaBlock implements BlockCipher16 {
  /** 16-byte blocks. */
  readonly blockLength = 16 as const;
  /** 12, 14 or 16. */
  readonly #rounds: number;
  /** ek_1 … ek_{n+1}, 16 bytes each. */
  readonly #ek: Uint8Array;
  /** dk_1 … dk_{n+1}, 16 bytes each. */
  readonly #dk: Uint8Array;
  /** Working state and the scratch block A writes into. */
  readonly #x = new Uint8Array(16);
  readonly #y = new Uint8Array(16);

  /**
   * @param key 16, 24 or 32 bytes (ARIA-128, -192, -256); it is not retained,
   *   only the round keys derived from it are kept.
   * @throws PsaError PSA_ERROR_INVALID_ARGUMENT for any other key length.
   */
  constructor(key: Uint8Array) {
    const length = key.length;
    const rounds = ROUNDS[length];
    if (rounds === undefined) fail(PSA_ERROR_INVALID_ARGUMENT, `ARIA takes a 16-, 24- or 32-byte key, not ${length} bytes`);
    this.#rounds = rounds;
    this.#ek = new Uint8Array(16 * (rounds + 1));
    this.#dk = new Uint8Array(16 * (rounds + 1));

    // KL = the first 128 bits; KR = the rest, zero-padded to 128 bits.
    const w = [new Uint8Array(16), new Uint8Array(16), new Uint8Array(16), new Uint8Array(16)] as const;
    const kr = new Uint8Array(16);
    for (let i = 0; i < 16; i++) w[0][i] = key[i]!;
    for (let i = 16; i < length; i++) kr[i - 16] = key[i]!;
    const [ck1, ck2, ck3] = CK_ORDER[length]!.map((i) => C[i]!) as [Uint8Array, Uint8Array, Uint8Array];
    // W1 = FO(W0, CK1) ⊕ KR, W2 = FE(W1, CK2) ⊕ W0, W3 = FO(W2, CK3) ⊕ W1.
    this.#roundFunction(w[0], ck1, SL1, kr, w[1]);
    this.#roundFunction(w[1], ck2, SL2, w[0], w[2]);
    this.#roundFunction(w[2], ck3, SL1, w[1], w[3]);

    for (let i = 0; i <= rounds; i++) {
      const [x, y, n] = EK_RECIPE[i]!;
      rotateXor(w[y], n, w[x], this.#ek.subarray(16 * i, 16 * i + 16));
    }
    // dk_1 = ek_{n+1}, dk_i = A(ek_{n+2-i}) for 1 < i ≤ n, dk_{n+1} = ek_1 (§2.3).
    this.#dk.set(this.#ek.subarray(16 * rounds, 16 * rounds + 16), 0);
    for (let i = 1; i < rounds; i++) {
      diffuse(this.#ek.subarray(16 * (rounds - i), 16 * (rounds - i) + 16), this.#dk.subarray(16 * i, 16 * i + 16));
    }
    this.#dk.set(this.#ek.subarray(0, 16), 16 * rounds);

    for (const word of w) word.fill(0);
    kr.fill(0);
    this.#x.fill(0);
    this.#y.fill(0);
  }

  /** `out` ← A(SL(`d` ⊕ `rk`)) ⊕ `xor`: FO with SL1, FE with SL2 (§2.4.1), then the XOR. */
  #roundFunction(d: Uint8Array, rk: Uint8Array, layer: typeof SL1 | typeof SL2, xor: Uint8Array, out: Uint8Array): void {
    const x = this.#x;
    for (let i = 0; i < 16; i++) x[i] = d[i]! ^ rk[i]!;
    substitute(x, layer);
    diffuse(x, this.#y);
    for (let i = 0; i < 16; i++) out[i] = this.#y[i]! ^ xor[i]!;
  }

  /** The rounds of §2.3 on `block` with the round keys `rk` (encryption or decryption keys). */
  #crypt(block: Uint8Array, rk: Uint8Array): void {
    const x = this.#x;
    const y = this.#y;
    const last = this.#rounds - 1;
    for (let i = 0; i < 16; i++) x[i] = block[i]!;
    for (let r = 0; r < last; r++) {
      // Round r + 1: odd rounds FO (SL1), even rounds FE (SL2).
      const at = 16 * r;
      for (let i = 0; i < 16; i++) x[i] = x[i]! ^ rk[at + i]!;
      substitute(x, (r & 1) === 0 ? SL1 : SL2);
      diffuse(x, y);
      x.set(y);
    }
    // Final round: C = SL2(P_{n-1} ⊕ ek_n) ⊕ ek_{n+1}.
    const at = 16 * last;
    for (let i = 0; i < 16; i++) x[i] = x[i]! ^ rk[at + i]!;
    substitute(x, SL2);
    for (let i = 0; i < 16; i++) block[i] = x[i]! ^ rk[at + 16 + i]!;
    x.fill(0);
    y.fill(0);
  }

  /** Encrypt the 16-byte `block` in place (it may be a view at any offset). */
  encrypt(block: Uint8Array): void {
    this.#crypt(block, this.#ek);
  }

  /** Decrypt the 16-byte `block` in place: the same rounds with the decryption round keys. */
  decrypt(block: Uint8Array): void {
    this.#crypt(block, this.#dk);
  }

  /** Zero the encryption and decryption round keys and the working state. */
  wipe(): void {
    this.#ek.fill(0);
    this.#dk.fill(0);
    this.#x.fill(0);
    this.#y.fill(0);
  }
}
