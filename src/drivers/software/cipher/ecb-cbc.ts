/**
 * Streaming ECB and CBC (without padding, or with PKCS#7 padding) over a
 * 16-byte block cipher (AES or SM4, `block.ts`). Output per update is what Mbed TLS produces: every complete
 * block is processed at once, a partial block is buffered, and CBC-PKCS#7
 * decryption holds back the last complete block (it may carry the padding).
 * So at most one block is ever buffered.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_PADDING } from '../../../values/status.js';
import type { CipherContext } from '../../cipher.js';
import { AES_BLOCK, xorInto } from './aes.js';
import type { BlockCipher16 } from './block.js';
import { copyRange } from '../../../bytes.js';

/** From this many bytes of whole blocks on, an update goes through the cipher's one-shot mode (AES: noble's) when it has one. */
const BULK_THRESHOLD = 256;

/** Which of the block-aligned modes. */
export type EcbCbcMode = 'ecb' | 'cbc' | 'cbc-pkcs7';

/**
 * Length of the PKCS#7 padding at the end of the 16-byte `block`, or -1 when
 * it is invalid. Every byte is examined whatever the padding byte is, and
 * every kind of bad padding takes the same path.
 */
export function pkcs7PaddingLength(block: Uint8Array): number {
  const pad = block[AES_BLOCK - 1]!;
  // bad = pad == 0 || pad > 16, computed without branches.
  let bad = ((pad - 1) >>> 31) | ((AES_BLOCK - pad) >>> 31);
  for (let i = 0; i < AES_BLOCK; i++) {
    const inPadding = ((AES_BLOCK - pad - 1 - i) >>> 31) & 1; // i >= 16 - pad
    const differs = (((block[i]! ^ pad) - 1) >>> 31) ^ 1; // block[i] != pad
    bad |= inPadding & differs;
  }
  // -1 when bad, else pad.
  const mask = -(bad & 1);
  return (mask & -1) | (~mask & pad);
}

/** A multipart ECB or CBC computation. */
export class EcbCbcContext implements CipherContext {
  readonly #aes: BlockCipher16;
  readonly #mode: EcbCbcMode;
  readonly #encrypt: boolean;
  /** CBC chaining value (the IV, then the last ciphertext block). */
  readonly #chain = new Uint8Array(AES_BLOCK);
  readonly #buffer = new Uint8Array(AES_BLOCK);
  readonly #scratch = new Uint8Array(AES_BLOCK);
  #buffered = 0;

  /** The context owns `cipher` and wipes it on `destroy`. */
  constructor(cipher: BlockCipher16, mode: EcbCbcMode, encrypt: boolean) {
    this.#aes = cipher;
    this.#mode = mode;
    this.#encrypt = encrypt;
  }

  /** Bytes buffered and not yet output. */
  get pending(): number {
    return this.#buffered;
  }

  /** The CBC IV: exactly one block. ECB takes no IV (the core never calls this for ECB). */
  setIv(iv: Uint8Array): void {
    if (this.#mode === 'ecb') fail(PSA_ERROR_BAD_STATE, 'ECB takes no IV');
    if (iv.length !== AES_BLOCK) fail(PSA_ERROR_INVALID_ARGUMENT, `CBC takes a ${AES_BLOCK}-byte IV, not ${iv.length} bytes`);
    this.#chain.set(iv);
  }

  /** Process one complete block from `src` at `offset` into `dst` at `at`. */
  #block(src: Uint8Array, offset: number, dst: Uint8Array, at: number): void {
    const s = this.#scratch;
    for (let i = 0; i < AES_BLOCK; i++) s[i] = src[offset + i]!;
    if (this.#mode === 'ecb') {
      if (this.#encrypt) this.#aes.encrypt(s);
      else this.#aes.decrypt(s);
    } else if (this.#encrypt) {
      xorInto(s, s, this.#chain);
      this.#aes.encrypt(s);
      this.#chain.set(s);
    } else {
      this.#aes.decrypt(s);
      xorInto(s, s, this.#chain);
      for (let i = 0; i < AES_BLOCK; i++) this.#chain[i] = src[offset + i]!;
    }
    dst.set(s, at);
  }

  /** Process every complete block of buffer + `input`, keeping what the mode must hold back. */
  update(input: Uint8Array): Uint8Array {
    const available = this.#buffered + input.length;
    let keep = available % AES_BLOCK;
    // CBC-PKCS#7 decryption keeps the last complete block until finish.
    if (!this.#encrypt && this.#mode === 'cbc-pkcs7' && keep === 0 && available > 0) keep = AES_BLOCK;
    const produce = available - keep;
    const out = new Uint8Array(produce);
    let consumed = 0;
    let written = 0;
    if (produce > 0 && this.#buffered > 0) {
      consumed = AES_BLOCK - this.#buffered;
      this.#buffer.set(input.subarray(0, consumed), this.#buffered);
      this.#block(this.#buffer, 0, out, 0);
      this.#buffered = 0;
      written = AES_BLOCK;
    }
    const bulk = produce - written;
    if (bulk >= BULK_THRESHOLD && this.#aes.bulk) {
      const segment = input.subarray(consumed, consumed + bulk);
      const ecbMode = this.#mode === 'ecb';
      const result = this.#aes.bulk(ecbMode ? 'ecb' : 'cbc', this.#encrypt, segment, this.#chain);
      if (!ecbMode) this.#chain.set((this.#encrypt ? result : segment).subarray(bulk - AES_BLOCK));
      out.set(result, written);
      result.fill(0);
      consumed += bulk;
      written += bulk;
    }
    while (written < produce) {
      this.#block(input, consumed, out, written);
      consumed += AES_BLOCK;
      written += AES_BLOCK;
    }
    const rest = input.subarray(consumed);
    this.#buffer.set(rest, this.#buffered);
    this.#buffered += rest.length;
    return out;
  }

  /** The last block: nothing (no padding), the padding block, or the unpadded last plaintext block. */
  finish(): Uint8Array {
    if (this.#mode !== 'cbc-pkcs7') {
      if (this.#buffered !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'input is not a whole number of blocks');
      return new Uint8Array(0);
    }
    const out = new Uint8Array(AES_BLOCK);
    if (this.#encrypt) {
      this.#buffer.fill(AES_BLOCK - this.#buffered, this.#buffered);
      this.#block(this.#buffer, 0, out, 0);
      this.#buffered = 0;
      return out;
    }
    if (this.#buffered !== AES_BLOCK) fail(PSA_ERROR_INVALID_ARGUMENT, 'ciphertext is not a whole number of blocks');
    this.#block(this.#buffer, 0, out, 0);
    this.#buffered = 0;
    const pad = pkcs7PaddingLength(out);
    if (pad < 0) {
      out.fill(0);
      fail(PSA_ERROR_INVALID_PADDING, 'invalid padding');
    }
    const plain = copyRange(out, 0, AES_BLOCK - pad);
    out.fill(0);
    return plain;
  }

  /** Wipe the key, the chaining value and the buffer. */
  destroy(): void {
    this.#aes.wipe();
    this.#chain.fill(0);
    this.#buffer.fill(0);
    this.#scratch.fill(0);
    this.#buffered = 0;
  }
}
