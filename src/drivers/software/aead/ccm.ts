/**
 * Streaming CCM (NIST SP 800-38C, RFC 3610) over a 16-byte block cipher
 * (AES, ARIA, Camellia; `BlockCipher16`): CBC-MAC over B0, the
 * length-prefixed additional data and the plaintext, composed with counter
 * mode. CCM needs both lengths before any data (they are part of B0); the
 * nonce and the lengths may come in either order, as in Mbed TLS. Nonces of
 * 7 to 13 bytes (q = 15 − nonce length bytes of length field), tags of 4,
 * 6, …, 16 bytes; additional data below 0xFF00 bytes (the two-byte length
 * encoding Mbed TLS implements). Memory is O(fragment).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../values/status.js';
import type { AeadContext, AeadFinishResult } from '../../aead.js';
import type { BlockCipher16 } from '../cipher/block.js';
import { CtrStream, alignedCopy } from './ctr.js';
import { constantTimeEqual } from './util.js';

/** Largest additional data length of this implementation (exclusive). */
const MAX_AD = 0xff00;

/** One CCM encryption or decryption. */
export class CcmContext implements AeadContext {
  readonly #cipher: BlockCipher16;
  readonly #tagLength: number;
  readonly #encrypt: boolean;
  #nonce: Uint8Array | undefined;
  #adLength = -1;
  #textLength = -1n;
  /** The CBC-MAC state and how many bytes of its current block are absorbed. */
  readonly #y = new Uint8Array(16);
  #pos = 0;
  #started = false;
  #adDone = 0;
  #textDone = 0;
  #ctr: CtrStream | undefined;
  #finished = false;

  /** The context owns `cipher` (a keyed block cipher) and wipes it on `destroy`. */
  constructor(cipher: BlockCipher16, tagLength: number, encrypt: boolean) {
    if (tagLength < 4 || tagLength > 16 || tagLength % 2 !== 0) {
      cipher.wipe();
      fail(PSA_ERROR_INVALID_ARGUMENT, `CCM tag length ${tagLength}`);
    }
    this.#cipher = cipher;
    this.#tagLength = tagLength;
    this.#encrypt = encrypt;
  }

  /** Declare the lengths (INVALID_ARGUMENT for additional data of 0xFF00 bytes or more). */
  setLengths(adLength: bigint, plaintextLength: bigint): void {
    if (this.#adLength >= 0) fail(PSA_ERROR_BAD_STATE, 'CCM lengths already set');
    if (adLength < 0n || adLength >= BigInt(MAX_AD)) fail(PSA_ERROR_INVALID_ARGUMENT, 'CCM additional data too long');
    if (plaintextLength < 0n) fail(PSA_ERROR_INVALID_ARGUMENT, 'negative CCM plaintext length');
    this.#adLength = Number(adLength);
    this.#textLength = plaintextLength;
    this.#startIfReady();
  }

  /** Set the 7- to 13-byte nonce. */
  setNonce(nonce: Uint8Array): void {
    if (nonce.length < 7 || nonce.length > 13) fail(PSA_ERROR_INVALID_ARGUMENT, `CCM nonce of ${nonce.length} bytes`);
    if (this.#nonce) fail(PSA_ERROR_BAD_STATE, 'CCM nonce already set');
    this.#nonce = alignedCopy(nonce);
    const a1 = this.#counterBlock();
    a1[15] = 1;
    // The counter field is the last q = 15 − nonce length bytes; the length check keeps it from wrapping.
    this.#ctr = new CtrStream(this.#cipher, a1, 15 - nonce.length);
    a1.fill(0);
    this.#startIfReady();
  }

  /** A0: flags q − 1, the nonce, a zero counter. */
  #counterBlock(): Uint8Array {
    const nonce = this.#nonce!;
    const block = new Uint8Array(16);
    block[0] = 15 - nonce.length - 1;
    block.set(nonce, 1);
    return block;
  }

  /** Once nonce and lengths are known: encrypt B0 and open the additional data. */
  #startIfReady(): void {
    const nonce = this.#nonce;
    if (!nonce || this.#adLength < 0) return;
    const q = 15 - nonce.length;
    if (this.#textLength >= 1n << BigInt(8 * q)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `a CCM plaintext of ${this.#textLength} bytes needs a shorter nonce`);
    }
    const y = this.#y;
    y[0] = (this.#adLength > 0 ? 0x40 : 0) | (((this.#tagLength - 2) / 2) << 3) | (q - 1);
    y.set(nonce, 1);
    let len = this.#textLength;
    for (let i = 0; i < q; i++) {
      y[15 - i] = Number(len & 0xffn);
      len >>= 8n;
    }
    this.#cipher.encrypt(y);
    if (this.#adLength > 0) {
      y[0]! ^= this.#adLength >>> 8;
      y[1]! ^= this.#adLength & 0xff;
      this.#pos = 2;
    }
    this.#started = true;
  }

  /** CBC-MAC: absorb `data` after what was absorbed so far. */
  #absorb(data: Uint8Array): void {
    const y = this.#y;
    for (let i = 0; i < data.length; i++) {
      y[this.#pos++]! ^= data[i]!;
      if (this.#pos === 16) {
        this.#cipher.encrypt(y);
        this.#pos = 0;
      }
    }
  }

  /** CBC-MAC: end a section by encrypting a partial block (its zero padding is implicit). */
  #closeBlock(): void {
    if (this.#pos === 0) return;
    this.#cipher.encrypt(this.#y);
    this.#pos = 0;
  }

  #requireStarted(): CtrStream {
    if (!this.#started || this.#finished) fail(PSA_ERROR_BAD_STATE, 'CCM needs the nonce and the lengths first');
    return this.#ctr!;
  }

  /** Absorb additional data (at most the declared length). */
  updateAd(data: Uint8Array): void {
    this.#requireStarted();
    if (data.length === 0) return;
    if (this.#textDone > 0) fail(PSA_ERROR_BAD_STATE, 'CCM additional data after the message');
    if (this.#adDone + data.length > this.#adLength) fail(PSA_ERROR_INVALID_ARGUMENT, 'more CCM additional data than declared');
    this.#absorb(data);
    this.#adDone += data.length;
    if (this.#adDone === this.#adLength) this.#closeBlock();
  }

  /** Encrypt or decrypt a fragment (at most the declared length). */
  update(input: Uint8Array): Uint8Array {
    const ctr = this.#requireStarted();
    if (this.#adDone !== this.#adLength) fail(PSA_ERROR_INVALID_ARGUMENT, 'CCM additional data incomplete');
    if (BigInt(this.#textDone + input.length) > this.#textLength) {
      fail(PSA_ERROR_INVALID_ARGUMENT, 'more CCM plaintext than declared');
    }
    const output = ctr.xor(input);
    this.#absorb(this.#encrypt ? input : output);
    this.#textDone += input.length;
    if (BigInt(this.#textDone) === this.#textLength) this.#closeBlock();
    return output;
  }

  /** The full CBC-MAC value masked with S0, truncated to the tag length. */
  #tag(): Uint8Array {
    if (!this.#nonce || this.#finished) fail(PSA_ERROR_BAD_STATE, 'CCM context not started');
    let mac: Uint8Array;
    if (this.#started) {
      if (this.#adDone !== this.#adLength || BigInt(this.#textDone) !== this.#textLength) {
        fail(PSA_ERROR_INVALID_ARGUMENT, 'CCM input shorter than declared');
      }
      mac = this.#y;
    } else {
      // Lengths never declared: Mbed TLS masks its unprocessed state (0 ‖ nonce ‖ 0…), never
      // authenticating anything. Reproduced so that such a call sequence behaves the same.
      mac = new Uint8Array(16);
      mac.set(this.#nonce, 1);
    }
    this.#finished = true;
    const s0 = this.#counterBlock();
    this.#cipher.encrypt(s0);
    const tag = new Uint8Array(this.#tagLength);
    for (let i = 0; i < tag.length; i++) tag[i] = mac[i]! ^ s0[i]!;
    s0.fill(0);
    mac.fill(0);
    return tag;
  }

  /** The tag of the message. */
  finish(): AeadFinishResult {
    if (!this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'finish on a CCM decryption');
    return { output: new Uint8Array(0), tag: this.#tag() };
  }

  /** Compare `tag` with the computed tag in constant time. */
  verify(tag: Uint8Array): Uint8Array {
    if (this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'verify on a CCM encryption');
    const expected = this.#tag();
    const ok = constantTimeEqual(expected, tag);
    expected.fill(0);
    if (!ok) fail(PSA_ERROR_INVALID_SIGNATURE, 'CCM tag mismatch');
    return new Uint8Array(0);
  }

  /** Wipe the key schedule and state. */
  destroy(): void {
    this.#finished = true;
    this.#cipher.wipe();
    this.#y.fill(0);
    this.#nonce?.fill(0);
    this.#ctr?.destroy();
  }
}
