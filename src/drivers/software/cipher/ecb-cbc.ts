/**
 * Streaming ECB and CBC (without padding, or with PKCS#7 padding) over a
 * block cipher of 16-byte (AES, SM4, ARIA, Camellia) or 8-byte (DES,
 * Triple-DES) blocks, `block.ts`. Output per update is what Mbed TLS
 * produces: every complete block is processed at once, a partial block is
 * buffered, and CBC-PKCS#7 decryption holds back the last complete block (it
 * may carry the padding). So at most one block is ever buffered.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_PADDING } from '../../../values/status.js';
import type { CipherContext } from '../../cipher.js';
import { xorInto } from './aes.js';
import type { BlockCipher } from './block.js';
import { copyRange } from '../../../bytes.js';

/** From this many bytes of whole blocks on, an update goes through the cipher's one-shot mode (AES: noble's) when it has one. */
const BULK_THRESHOLD = 256;

/** Which of the block-aligned modes. */
export type EcbCbcMode = 'ecb' | 'cbc' | 'cbc-pkcs7';

/**
 * Length of the PKCS#7 padding at the end of `block` (one whole cipher
 * block: 8 or 16 bytes), or -1 when it is invalid. Every byte is examined
 * whatever the padding byte is, and every kind of bad padding takes the
 * same path.
 */
export function pkcs7PaddingLength(block: Uint8Array): number {
  const n = block.length;
  const pad = block[n - 1]!;
  // bad = pad == 0 || pad > n, computed without branches.
  let bad = ((pad - 1) >>> 31) | ((n - pad) >>> 31);
  for (let i = 0; i < n; i++) {
    const inPadding = ((n - pad - 1 - i) >>> 31) & 1; // i >= n - pad
    const differs = (((block[i]! ^ pad) - 1) >>> 31) ^ 1; // block[i] != pad
    bad |= inPadding & differs;
  }
  // -1 when bad, else pad.
  const mask = -(bad & 1);
  return (mask & -1) | (~mask & pad);
}

/** A multipart ECB or CBC computation. */
export class EcbCbcContext implements CipherContext {
  readonly #cipher: BlockCipher;
  readonly #mode: EcbCbcMode;
  readonly #encrypt: boolean;
  /** The cipher's block length. */
  readonly #n: number;
  /** CBC chaining value (the IV, then the last ciphertext block). */
  readonly #chain: Uint8Array;
  readonly #buffer: Uint8Array;
  readonly #scratch: Uint8Array;
  #buffered = 0;

  /** The context owns `cipher` and wipes it on `destroy`. */
  constructor(cipher: BlockCipher, mode: EcbCbcMode, encrypt: boolean) {
    this.#cipher = cipher;
    this.#mode = mode;
    this.#encrypt = encrypt;
    this.#n = cipher.blockLength;
    this.#chain = new Uint8Array(this.#n);
    this.#buffer = new Uint8Array(this.#n);
    this.#scratch = new Uint8Array(this.#n);
  }

  /** Bytes buffered and not yet output. */
  get pending(): number {
    return this.#buffered;
  }

  /** The CBC IV: exactly one block. ECB takes no IV (the core never calls this for ECB). */
  setIv(iv: Uint8Array): void {
    if (this.#mode === 'ecb') fail(PSA_ERROR_BAD_STATE, 'ECB takes no IV');
    if (iv.length !== this.#n) fail(PSA_ERROR_INVALID_ARGUMENT, `CBC takes a ${this.#n}-byte IV, not ${iv.length} bytes`);
    this.#chain.set(iv);
  }

  /** Process one complete block from `src` at `offset` into `dst` at `at`. */
  #block(src: Uint8Array, offset: number, dst: Uint8Array, at: number): void {
    const s = this.#scratch;
    const n = this.#n;
    for (let i = 0; i < n; i++) s[i] = src[offset + i]!;
    if (this.#mode === 'ecb') {
      if (this.#encrypt) this.#cipher.encrypt(s);
      else this.#cipher.decrypt(s);
    } else if (this.#encrypt) {
      xorInto(s, s, this.#chain, n);
      this.#cipher.encrypt(s);
      this.#chain.set(s);
    } else {
      this.#cipher.decrypt(s);
      xorInto(s, s, this.#chain, n);
      for (let i = 0; i < n; i++) this.#chain[i] = src[offset + i]!;
    }
    dst.set(s, at);
  }

  /** Process every complete block of buffer + `input`, keeping what the mode must hold back. */
  update(input: Uint8Array): Uint8Array {
    const n = this.#n;
    const available = this.#buffered + input.length;
    let keep = available % n;
    // CBC-PKCS#7 decryption keeps the last complete block until finish.
    if (!this.#encrypt && this.#mode === 'cbc-pkcs7' && keep === 0 && available > 0) keep = n;
    const produce = available - keep;
    const out = new Uint8Array(produce);
    let consumed = 0;
    let written = 0;
    if (produce > 0 && this.#buffered > 0) {
      consumed = n - this.#buffered;
      this.#buffer.set(input.subarray(0, consumed), this.#buffered);
      this.#block(this.#buffer, 0, out, 0);
      this.#buffered = 0;
      written = n;
    }
    const bulk = produce - written;
    if (bulk >= BULK_THRESHOLD && this.#cipher.bulk) {
      const segment = input.subarray(consumed, consumed + bulk);
      const ecbMode = this.#mode === 'ecb';
      const result = this.#cipher.bulk(ecbMode ? 'ecb' : 'cbc', this.#encrypt, segment, this.#chain);
      if (!ecbMode) this.#chain.set((this.#encrypt ? result : segment).subarray(bulk - n));
      out.set(result, written);
      result.fill(0);
      consumed += bulk;
      written += bulk;
    }
    while (written < produce) {
      this.#block(input, consumed, out, written);
      consumed += n;
      written += n;
    }
    const rest = input.subarray(consumed);
    this.#buffer.set(rest, this.#buffered);
    this.#buffered += rest.length;
    return out;
  }

  /** The last block: nothing (no padding), the padding block, or the unpadded last plaintext block. */
  finish(): Uint8Array {
    const n = this.#n;
    if (this.#mode !== 'cbc-pkcs7') {
      if (this.#buffered !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'input is not a whole number of blocks');
      return new Uint8Array(0);
    }
    const out = new Uint8Array(n);
    if (this.#encrypt) {
      this.#buffer.fill(n - this.#buffered, this.#buffered);
      this.#block(this.#buffer, 0, out, 0);
      this.#buffered = 0;
      return out;
    }
    if (this.#buffered !== n) fail(PSA_ERROR_INVALID_ARGUMENT, 'ciphertext is not a whole number of blocks');
    this.#block(this.#buffer, 0, out, 0);
    this.#buffered = 0;
    const pad = pkcs7PaddingLength(out);
    if (pad < 0) {
      out.fill(0);
      fail(PSA_ERROR_INVALID_PADDING, 'invalid padding');
    }
    const plain = copyRange(out, 0, n - pad);
    out.fill(0);
    return plain;
  }

  /** Wipe the key, the chaining value and the buffer. */
  destroy(): void {
    this.#cipher.wipe();
    this.#chain.fill(0);
    this.#buffer.fill(0);
    this.#scratch.fill(0);
    this.#buffered = 0;
  }
}
