/**
 * The DES block cipher (FIPS 46-3, the Data Encryption Algorithm) and the
 * Triple Data Encryption Algorithm built on it (NIST SP 800-67 Rev. 2):
 * 64-bit block, 16 Feistel rounds between the initial permutation IP and
 * its inverse, the round function f(R, K) = P(S(E(R) ⊕ K)) with the eight
 * S-boxes, and the key schedule PC-1, the left shifts and PC-2. An 8-byte
 * key is single DES; a 16-byte key is two-key TDEA (K1 ‖ K2, K3 = K1); a
 * 24-byte key is three-key TDEA (K1 ‖ K2 ‖ K3). TDEA encryption is
 * E_K3(D_K2(E_K1(x))) and decryption its inverse D_K1(E_K2(D_K3(y))).
 * The parity bit of each key byte (its least significant bit) is ignored,
 * as the algorithm itself ignores it; `desSetOddParity` sets it where a key
 * is generated or derived. It plugs into the 8-byte-block modes (ECB, CBC,
 * CMAC) through `BlockCipher`.
 *
 * The permutations and S-boxes are the tables of FIPS 46-3; at module load
 * they are folded into lookup tables: IP and IP⁻¹ per input byte, and S-box
 * i followed by P per 6-bit input ("SP boxes"). The expansion E is not a
 * table: its eight 6-bit groups are bits 4i … 4i+5 of R (cyclically, bit 0
 * meaning bit 32), which a rotation of R brings to the low six bits.
 *
 * NOT constant-time: every S-box and permutation lookup is indexed by bits
 * of the key and the data, so the memory access pattern depends on them (a
 * cache timing side channel). Accepted for this legacy cipher; use AES
 * where that matters.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import type { BlockCipher } from './block.js';

/** DES and TDEA block length in bytes. */
export const DES_BLOCK = 8;

/** The initial permutation IP (FIPS 46-3): output bit j is input bit IP[j - 1], bits numbered 1 … 64 from the left. */
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
  62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
  61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];

/** The permutation P of the round function (FIPS 46-3), on bits 1 … 32. */
const P = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
  2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
];

/** Permuted choice 1 (FIPS 46-3): the 28 bits of C0, then the 28 bits of D0, from key bits 1 … 64. */
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
  10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
  14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];

/** Permuted choice 2 (FIPS 46-3): the 48 bits of K_n from bits 1 … 56 of C_n ‖ D_n. */
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
  23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
  44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];

/** Left shifts of C and D before rounds 1 … 16 (FIPS 46-3). */
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];

/** The S-boxes S1 … S8 (FIPS 46-3), each 4 rows of 16 columns, row-major. */
const SBOXES = [
  [
    14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
    0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
    15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
  ],
  [
    15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
    3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
    13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
  ],
  [
    10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
    13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
    1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
  ],
  [
    7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
    13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
    3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
  ],
  [
    2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
    14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
    11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
  ],
  [
    12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
    10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
    4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
  ],
  [
    4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
    13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
    6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
  ],
  [
    13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
    1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
    2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
  ],
];

/**
 * SP[64 i + v]: S-box i + 1 applied to the 6-bit group v (b1 … b6 from the
 * most significant bit: row b1 b6, column b2 b3 b4 b5), its 4 output bits
 * placed at bits 4i + 1 … 4i + 4 of the 32-bit word, then P.
 */
const SP = new Int32Array(512);
for (let i = 0; i < 8; i++) {
  for (let v = 0; v < 64; v++) {
    const row = ((v >>> 4) & 2) | (v & 1);
    const s = SBOXES[i]![16 * row + ((v >>> 1) & 15)]! << (28 - 4 * i);
    let out = 0;
    for (let j = 0; j < 32; j++) out |= ((s >>> (32 - P[j]!)) & 1) << (31 - j);
    SP[64 * i + v] = out;
  }
}

/**
 * Byte-indexed tables of a 64-bit permutation where input bit m (1 … 64)
 * lands at output bit `to(m)`: entry 256 b + x is the image of input byte b
 * (0 … 7) holding x, as the high and low 32-bit halves.
 */
function byteTables(to: (m: number) => number): { hi: Int32Array; lo: Int32Array } {
  const hi = new Int32Array(2048);
  const lo = new Int32Array(2048);
  for (let b = 0; b < 8; b++) {
    for (let x = 0; x < 256; x++) {
      for (let k = 0; k < 8; k++) {
        if (((x >>> (7 - k)) & 1) === 0) continue;
        const p = to(8 * b + k + 1);
        if (p <= 32) hi[256 * b + x]! |= 1 << (32 - p);
        else lo[256 * b + x]! |= 1 << (64 - p);
      }
    }
  }
  return { hi, lo };
}

/** IP: input bit IP[j - 1] goes to output bit j. */
const IP_TABLES = byteTables((m) => IP.indexOf(m) + 1);
/** IP⁻¹ (the final permutation): input bit j goes back to output bit IP[j - 1]. */
const FP_TABLES = byteTables((m) => IP[m - 1]!);

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** f(R, K_n) with the 8 six-bit groups of K_n at ks[at … at + 7]: group i of E(R) is rotl(R, 4i + 5) & 63. */
function f(r: number, ks: Uint8Array, at: number): number {
  return (
    SP[(rotl(r, 5) & 63) ^ ks[at]!]! ^
    SP[64 + ((rotl(r, 9) & 63) ^ ks[at + 1]!)]! ^
    SP[128 + ((rotl(r, 13) & 63) ^ ks[at + 2]!)]! ^
    SP[192 + ((rotl(r, 17) & 63) ^ ks[at + 3]!)]! ^
    SP[256 + ((rotl(r, 21) & 63) ^ ks[at + 4]!)]! ^
    SP[320 + ((rotl(r, 25) & 63) ^ ks[at + 5]!)]! ^
    SP[384 + ((rotl(r, 29) & 63) ^ ks[at + 6]!)]! ^
    SP[448 + ((rotl(r, 1) & 63) ^ ks[at + 7]!)]!
  );
}

/**
 * The key schedule of the 8-byte DES key at key[from …]: the 16 round keys
 * K_1 … K_16, each as eight 6-bit groups, into out[at … at + 127].
 */
function schedule(key: Uint8Array, from: number, out: Uint8Array, at: number): void {
  const bit = (m: number): number => (key[from + ((m - 1) >>> 3)]! >>> (7 - ((m - 1) & 7))) & 1;
  let c = 0;
  let d = 0;
  for (let i = 0; i < 28; i++) {
    c = (c << 1) | bit(PC1[i]!);
    d = (d << 1) | bit(PC1[28 + i]!);
  }
  for (let n = 0; n < 16; n++) {
    const s = SHIFTS[n]!;
    c = ((c << s) | (c >>> (28 - s))) & 0xfffffff;
    d = ((d << s) | (d >>> (28 - s))) & 0xfffffff;
    for (let g = 0; g < 8; g++) {
      let v = 0;
      for (let j = 0; j < 6; j++) {
        const p = PC2[6 * g + j]!;
        v = (v << 1) | (p <= 28 ? (c >>> (28 - p)) & 1 : (d >>> (56 - p)) & 1);
      }
      out[at + 8 * n + g] = v;
    }
  }
}

/**
 * Set the parity bit (bit 0) of every byte of `key` so that each byte has
 * an odd number of set bits, in place, as FIPS 46-3 lays out a DES key and
 * Mbed TLS's `mbedtls_des_key_set_parity` does; the other bits are kept.
 * @param key a DES or TDEA key of any length
 */
export function desSetOddParity(key: Uint8Array): void {
  for (let i = 0; i < key.length; i++) {
    let high = key[i]! >>> 1;
    high ^= high >>> 4;
    high ^= high >>> 2;
    high ^= high >>> 1;
    key[i] = (key[i]! & 0xfe) | (~high & 1);
  }
}

/** Encryption: E_K1, D_K2, E_K3 (D is E with the round keys reversed). */
const ENCRYPT_KEYS = [0, 1, 2];
const ENCRYPT_REVERSED = [false, true, false];
/** Decryption: D_K3, E_K2, D_K1 (single DES: D_K1). */
const DECRYPT_KEYS = [2, 1, 0];
const DECRYPT_REVERSED = [true, false, true];

/** One DES or TDEA key, ready to encrypt and decrypt single 8-byte blocks in place. */
export class DesBlock implements BlockCipher {
  /** 8-byte blocks. */
  readonly blockLength = 8 as const;
  /** 1 (single DES) or 3 (TDEA) DES passes per block. */
  readonly #passes: 1 | 3;
  /** The round keys of K1, K2, K3 (128 bytes each; only K1 for single DES). */
  readonly #ks: Uint8Array;

  /**
   * @param key 8 bytes (single DES), 16 bytes (two-key TDEA, K3 = K1) or 24
   *   bytes (three-key TDEA); parity bits are ignored. Only the round keys
   *   are kept, never `key` itself.
   * @throws PsaError PSA_ERROR_INVALID_ARGUMENT for any other key length
   */
  constructor(key: Uint8Array) {
    const length = key.length;
    if (length !== 8 && length !== 16 && length !== 24) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `DES takes an 8-, 16- or 24-byte key, not ${length} bytes`);
    }
    this.#passes = length === 8 ? 1 : 3;
    this.#ks = new Uint8Array(128 * this.#passes);
    schedule(key, 0, this.#ks, 0);
    if (length === 8) return;
    schedule(key, 8, this.#ks, 128);
    if (length === 24) schedule(key, 16, this.#ks, 256);
    else this.#ks.copyWithin(256, 0, 128);
  }

  /**
   * IP, the DES passes, IP⁻¹. Between two passes IP⁻¹ and the next IP
   * cancel, so the swapped halves go straight into the next pass. Pass p
   * uses key `keys[p]`, its round keys in order or reversed per `reversed[p]`.
   */
  #crypt(block: Uint8Array, keys: readonly number[], reversed: readonly boolean[]): void {
    const { hi: ih, lo: il } = IP_TABLES;
    let l = 0;
    let r = 0;
    for (let b = 0; b < 8; b++) {
      const x = 256 * b + block[b]!;
      l ^= ih[x]!;
      r ^= il[x]!;
    }
    const ks = this.#ks;
    for (let p = 0; p < this.#passes; p++) {
      const base = 128 * keys[p]!;
      const first = reversed[p] ? base + 120 : base;
      const step = reversed[p] ? -8 : 8;
      for (let n = 0, at = first; n < 16; n += 2, at += 2 * step) {
        // L_n = R_{n-1}, R_n = L_{n-1} ⊕ f(R_{n-1}, K_n), two rounds without the swap.
        l ^= f(r, ks, at);
        r ^= f(l, ks, at + step);
      }
      // The pre-output R_16 ‖ L_16.
      const t = l;
      l = r;
      r = t;
    }
    const { hi: fh, lo: fl } = FP_TABLES;
    let hi = 0;
    let lo = 0;
    for (let b = 0; b < 4; b++) {
      const xl = 256 * b + ((l >>> (24 - 8 * b)) & 255);
      const xr = 256 * (b + 4) + ((r >>> (24 - 8 * b)) & 255);
      hi ^= fh[xl]! ^ fh[xr]!;
      lo ^= fl[xl]! ^ fl[xr]!;
    }
    for (let b = 0; b < 4; b++) {
      block[b] = hi >>> (24 - 8 * b);
      block[b + 4] = lo >>> (24 - 8 * b);
    }
  }

  /** Encrypt the 8-byte `block` in place: E_K1 for single DES, E_K3(D_K2(E_K1(x))) for TDEA. */
  encrypt(block: Uint8Array): void {
    this.#crypt(block, ENCRYPT_KEYS, ENCRYPT_REVERSED);
  }

  /** Decrypt the 8-byte `block` in place: D_K1 for single DES, D_K1(E_K2(D_K3(y))) for TDEA. */
  decrypt(block: Uint8Array): void {
    this.#crypt(block, this.#passes === 1 ? ENCRYPT_KEYS : DECRYPT_KEYS, DECRYPT_REVERSED);
  }

  /** Zero the round keys of every pass. */
  wipe(): void {
    this.#ks.fill(0);
  }
}
