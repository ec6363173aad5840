/**
 * ChaCha20 and XChaCha20 as PSA stream ciphers (`PSA_ALG_STREAM_CIPHER`),
 * streaming byte by byte. The IVs:
 * - ChaCha20, 12 bytes only: the RFC 8439 nonce, 32-bit block counter from 0.
 *   The spec lets an implementation also take 8 bytes (the original
 *   ChaCha20) or 16 (counter ‖ nonce); Mbed TLS 3.6 takes exactly
 *   `PSA_CIPHER_IV_LENGTH` = 12 (`mbedtls_psa_cipher_set_iv`), and so does
 *   this driver: any other length is INVALID_ARGUMENT;
 * - XChaCha20 (absent from Mbed TLS, so the spec's forms), 24 bytes: nonce,
 *   64-bit counter from 0; 32 bytes: 8-byte little-endian counter ‖ 24-byte nonce.
 * The key stream ends where the counter would wrap (RFC 8439's 32-bit
 * counter after 2^32 blocks, 256 GiB; the 64-bit counter of the XChaCha20
 * forms at 2^64): the block that would repeat a counter value is
 * INVALID_ARGUMENT instead (Mbed TLS lets the 32-bit counter wrap, reusing
 * key stream). The block function is written here so that every counter
 * value works; single-part calls use noble's one-shot functions.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import type { CipherContext } from '../../cipher.js';
import { copyBytes } from '../../../bytes.js';

const BLOCK = 64;
const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574] as const;

function readLe32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function rotl(v: number, c: number): number {
  return (v << c) | (v >>> (32 - c));
}

/** The 20 ChaCha rounds over `x` in place. */
function rounds(x: Uint32Array): void {
  const q = (a: number, b: number, c: number, d: number): void => {
    x[a] = (x[a]! + x[b]!) | 0; x[d] = rotl(x[d]! ^ x[a]!, 16);
    x[c] = (x[c]! + x[d]!) | 0; x[b] = rotl(x[b]! ^ x[c]!, 12);
    x[a] = (x[a]! + x[b]!) | 0; x[d] = rotl(x[d]! ^ x[a]!, 8);
    x[c] = (x[c]! + x[d]!) | 0; x[b] = rotl(x[b]! ^ x[c]!, 7);
  };
  for (let i = 0; i < 10; i++) {
    q(0, 4, 8, 12); q(1, 5, 9, 13); q(2, 6, 10, 14); q(3, 7, 11, 15);
    q(0, 5, 10, 15); q(1, 6, 11, 12); q(2, 7, 8, 13); q(3, 4, 9, 14);
  }
}

/** The initial state for `key` (32 bytes) with words 12–15 zero. */
function initialState(key: Uint8Array): Uint32Array {
  const s = new Uint32Array(16);
  s.set(SIGMA);
  for (let i = 0; i < 8; i++) s[4 + i] = readLe32(key, 4 * i);
  return s;
}

/** HChaCha20 (draft-irtf-cfrg-xchacha §2.2): the XChaCha20 subkey from the key and the first 16 nonce bytes. */
export function hchacha20(key: Uint8Array, nonce16: Uint8Array): Uint8Array {
  const x = initialState(key);
  for (let i = 0; i < 4; i++) x[12 + i] = readLe32(nonce16, 4 * i);
  rounds(x);
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) {
    view.setUint32(4 * i, x[i]!, true);
    view.setUint32(16 + 4 * i, x[12 + i]!, true);
  }
  x.fill(0);
  return out;
}

/**
 * Advance the block counter of `state` (word 12, and word 13 too when
 * `wide`); false when it wrapped to 0, i.e. the key stream of this IV is
 * used up.
 */
export function advanceCounter(state: Uint32Array, wide: boolean): boolean {
  state[12] = (state[12]! + 1) >>> 0;
  if (state[12] !== 0) return true;
  if (!wide) return false;
  state[13] = (state[13]! + 1) >>> 0;
  return state[13] !== 0;
}

/** A multipart ChaCha20 / XChaCha20 computation (the same in both directions). */
export class ChaChaContext implements CipherContext {
  readonly #key: Uint8Array;
  readonly #extended: boolean;
  #state: Uint32Array | undefined;
  readonly #work = new Uint32Array(16);
  readonly #stream = new Uint8Array(BLOCK);
  #position = BLOCK;
  /** The counter wrapped: no block is left for this IV. */
  #exhausted = false;

  /** `key` (32 bytes) is copied; `extended` selects XChaCha20. */
  constructor(key: Uint8Array, extended: boolean) {
    this.#key = copyBytes(key);
    this.#extended = extended;
  }

  /** Nothing is ever held back. */
  get pending(): number {
    return 0;
  }

  /** One of the IV forms listed in the module description; INVALID_ARGUMENT for any other length. */
  setIv(iv: Uint8Array): void {
    let key = this.#key;
    let counterLow = 0;
    let counterHigh = 0;
    let nonce: Uint8Array;
    if (this.#extended) {
      if (iv.length !== 24 && iv.length !== 32) fail(PSA_ERROR_INVALID_ARGUMENT, `XChaCha20 takes a 24- or 32-byte IV, not ${iv.length} bytes`);
      const n = iv.length === 32 ? iv.subarray(8) : iv;
      if (iv.length === 32) [counterLow, counterHigh] = [readLe32(iv, 0), readLe32(iv, 4)];
      key = hchacha20(this.#key, n.subarray(0, 16));
      nonce = n.subarray(16);
    } else {
      if (iv.length !== 12) fail(PSA_ERROR_INVALID_ARGUMENT, `ChaCha20 takes a 12-byte IV, not ${iv.length} bytes`);
      nonce = iv;
    }
    const s = initialState(key);
    if (key !== this.#key) key.fill(0);
    s[12] = counterLow;
    s[13] = counterHigh;
    for (let i = 0; i < nonce.length / 4; i++) s[16 - nonce.length / 4 + i] = readLe32(nonce, 4 * i);
    this.#state = s;
  }

  /** Compute the key-stream block for the current counter, then advance the counter. */
  #nextBlock(): void {
    const s = this.#state ?? fail(PSA_ERROR_INVALID_ARGUMENT, 'ChaCha20 IV not set');
    if (this.#exhausted) fail(PSA_ERROR_INVALID_ARGUMENT, 'ChaCha20 key stream used up: the block counter would wrap');
    const x = this.#work;
    x.set(s);
    rounds(x);
    const view = new DataView(this.#stream.buffer);
    for (let i = 0; i < 16; i++) view.setUint32(4 * i, (x[i]! + s[i]!) >>> 0, true);
    this.#exhausted = !advanceCounter(s, this.#extended);
    this.#position = 0;
  }

  /** XOR `input` with the key stream. */
  update(input: Uint8Array): Uint8Array {
    const out = new Uint8Array(input.length);
    for (let i = 0; i < input.length; i++) {
      if (this.#position === BLOCK) this.#nextBlock();
      out[i] = input[i]! ^ this.#stream[this.#position++]!;
    }
    return out;
  }

  /** Nothing is left: every input byte was already output. */
  finish(): Uint8Array {
    return new Uint8Array(0);
  }

  /** Wipe the key, the state and the key stream. */
  destroy(): void {
    this.#key.fill(0);
    this.#state?.fill(0);
    this.#work.fill(0);
    this.#stream.fill(0);
    this.#position = BLOCK;
  }
}
