/**
 * The SM4 block cipher (GB/T 32907-2016; also GM/T 0002-2012 and
 * draft-ribose-cfrg-sm4): 128-bit key, 128-bit block, 32 rounds of the
 * round function F with the mixer T = L∘τ, and the key schedule with the
 * system parameter FK, the fixed parameters CK and T' = L'∘τ. Written from
 * the standard's description; it plugs into the 16-byte-block modes through
 * `BlockCipher16`.
 *
 * NOT constant-time: the S-box τ is a table lookup indexed by secret bytes,
 * so the memory access pattern depends on the key and the data (a cache
 * timing side channel). Accepted for this legacy cipher; use AES where
 * that matters.
 * @module
 */
import type { BlockCipher16 } from './block.js';

/** SM4 block and key length in bytes. */
export const SM4_BLOCK = 16;

/** The S-box of GB/T 32907-2016 §6.2 (row-major, input byte = row ‖ column). */
const SBOX = Uint8Array.from([
  0xd6, 0x90, 0xe9, 0xfe, 0xcc, 0xe1, 0x3d, 0xb7, 0x16, 0xb6, 0x14, 0xc2, 0x28, 0xfb, 0x2c, 0x05,
  0x2b, 0x67, 0x9a, 0x76, 0x2a, 0xbe, 0x04, 0xc3, 0xaa, 0x44, 0x13, 0x26, 0x49, 0x86, 0x06, 0x99,
  0x9c, 0x42, 0x50, 0xf4, 0x91, 0xef, 0x98, 0x7a, 0x33, 0x54, 0x0b, 0x43, 0xed, 0xcf, 0xac, 0x62,
  0xe4, 0xb3, 0x1c, 0xa9, 0xc9, 0x08, 0xe8, 0x95, 0x80, 0xdf, 0x94, 0xfa, 0x75, 0x8f, 0x3f, 0xa6,
  0x47, 0x07, 0xa7, 0xfc, 0xf3, 0x73, 0x17, 0xba, 0x83, 0x59, 0x3c, 0x19, 0xe6, 0x85, 0x4f, 0xa8,
  0x68, 0x6b, 0x81, 0xb2, 0x71, 0x64, 0xda, 0x8b, 0xf8, 0xeb, 0x0f, 0x4b, 0x70, 0x56, 0x9d, 0x35,
  0x1e, 0x24, 0x0e, 0x5e, 0x63, 0x58, 0xd1, 0xa2, 0x25, 0x22, 0x7c, 0x3b, 0x01, 0x21, 0x78, 0x87,
  0xd4, 0x00, 0x46, 0x57, 0x9f, 0xd3, 0x27, 0x52, 0x4c, 0x36, 0x02, 0xe7, 0xa0, 0xc4, 0xc8, 0x9e,
  0xea, 0xbf, 0x8a, 0xd2, 0x40, 0xc7, 0x38, 0xb5, 0xa3, 0xf7, 0xf2, 0xce, 0xf9, 0x61, 0x15, 0xa1,
  0xe0, 0xae, 0x5d, 0xa4, 0x9b, 0x34, 0x1a, 0x55, 0xad, 0x93, 0x32, 0x30, 0xf5, 0x8c, 0xb1, 0xe3,
  0x1d, 0xf6, 0xe2, 0x2e, 0x82, 0x66, 0xca, 0x60, 0xc0, 0x29, 0x23, 0xab, 0x0d, 0x53, 0x4e, 0x6f,
  0xd5, 0xdb, 0x37, 0x45, 0xde, 0xfd, 0x8e, 0x2f, 0x03, 0xff, 0x6a, 0x72, 0x6d, 0x6c, 0x5b, 0x51,
  0x8d, 0x1b, 0xaf, 0x92, 0xbb, 0xdd, 0xbc, 0x7f, 0x11, 0xd9, 0x5c, 0x41, 0x1f, 0x10, 0x5a, 0xd8,
  0x0a, 0xc1, 0x31, 0x88, 0xa5, 0xcd, 0x7b, 0xbd, 0x2d, 0x74, 0xd0, 0x12, 0xb8, 0xe5, 0xb4, 0xb0,
  0x89, 0x69, 0x97, 0x4a, 0x0c, 0x96, 0x77, 0x7e, 0x65, 0xb9, 0xf1, 0x09, 0xc5, 0x6e, 0xc6, 0x84,
  0x18, 0xf0, 0x7d, 0xec, 0x3a, 0xdc, 0x4d, 0x20, 0x79, 0xee, 0x5f, 0x3e, 0xd7, 0xcb, 0x39, 0x48,
]);

/** The system parameter FK (§7.3). */
const FK = [0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc];

/** The fixed parameters CK_i: byte j of CK_i is (4i + j) · 7 mod 256 (§7.3). */
const CK = Uint32Array.from({ length: 32 }, (_, i) => {
  let word = 0;
  for (let j = 0; j < 4; j++) word = (word << 8) | (((4 * i + j) * 7) & 0xff);
  return word >>> 0;
});

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** τ: the S-box on each byte of the word. */
function tau(x: number): number {
  return (SBOX[x >>> 24]! << 24) | (SBOX[(x >>> 16) & 0xff]! << 16) | (SBOX[(x >>> 8) & 0xff]! << 8) | SBOX[x & 0xff]!;
}

/** T = L∘τ, with L(B) = B ⊕ (B <<< 2) ⊕ (B <<< 10) ⊕ (B <<< 18) ⊕ (B <<< 24) (§6.2). */
function t(x: number): number {
  const b = tau(x);
  return b ^ rotl(b, 2) ^ rotl(b, 10) ^ rotl(b, 18) ^ rotl(b, 24);
}

/** T' = L'∘τ, with L'(B) = B ⊕ (B <<< 13) ⊕ (B <<< 23) (§7.3). */
function tPrime(x: number): number {
  const b = tau(x);
  return b ^ rotl(b, 13) ^ rotl(b, 23);
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

/** One SM4 key, ready to encrypt and decrypt single blocks in place. */
export class Sm4Block implements BlockCipher16 {
  /** 16-byte blocks. */
  readonly blockLength = 16 as const;
  /** The round keys rk_0 … rk_31. */
  readonly #rk = new Uint32Array(32);
  readonly #x = new Uint32Array(4);

  /** `key` is 16 bytes; only the round keys are kept. */
  constructor(key: Uint8Array) {
    if (key.length !== SM4_BLOCK) throw new RangeError('SM4 takes a 16-byte key');
    const k = this.#x;
    for (let i = 0; i < 4; i++) k[i] = readWord(key, 4 * i) ^ FK[i]!;
    for (let i = 0; i < 32; i++) {
      // K_{i+4} = K_i ⊕ T'(K_{i+1} ⊕ K_{i+2} ⊕ K_{i+3} ⊕ CK_i); rk_i = K_{i+4}.
      const next = k[i & 3]! ^ tPrime(k[(i + 1) & 3]! ^ k[(i + 2) & 3]! ^ k[(i + 3) & 3]! ^ CK[i]!);
      k[i & 3] = next;
      this.#rk[i] = next;
    }
    k.fill(0);
  }

  /** The 32 rounds with the round keys in order (`step` 1) or reversed (`step` -1), then the reverse transform R. */
  #crypt(block: Uint8Array, first: number, step: number): void {
    const x = this.#x;
    for (let i = 0; i < 4; i++) x[i] = readWord(block, 4 * i);
    for (let i = 0, r = first; i < 32; i++, r += step) {
      // X_{i+4} = X_i ⊕ T(X_{i+1} ⊕ X_{i+2} ⊕ X_{i+3} ⊕ rk_i).
      x[i & 3] = x[i & 3]! ^ t(x[(i + 1) & 3]! ^ x[(i + 2) & 3]! ^ x[(i + 3) & 3]! ^ this.#rk[r]!);
    }
    // (Y_0, Y_1, Y_2, Y_3) = (X_35, X_34, X_33, X_32).
    for (let i = 0; i < 4; i++) writeWord(block, 4 * i, x[3 - i]!);
    x.fill(0);
  }

  /** Encrypt the 16-byte `block` in place. */
  encrypt(block: Uint8Array): void {
    this.#crypt(block, 0, 1);
  }

  /** Decrypt the 16-byte `block` in place: the same rounds with the round keys reversed. */
  decrypt(block: Uint8Array): void {
    this.#crypt(block, 31, -1);
  }

  /** Zero the round keys. */
  wipe(): void {
    this.#rk.fill(0);
    this.#x.fill(0);
  }
}
