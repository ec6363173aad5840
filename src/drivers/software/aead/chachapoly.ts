/**
 * Streaming ChaCha20-Poly1305 (RFC 8439 §2.8) and XChaCha20-Poly1305
 * (draft-irtf-cfrg-xchacha: HChaCha20 subkey, then ChaCha20-Poly1305):
 * the ChaCha20 keystream and an incremental Poly1305 over additional data,
 * padding, ciphertext, padding and the two lengths. A partly used keystream
 * block is kept between fragments. 16-byte tag only. Memory is O(fragment).
 * @module
 */
import { Poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20, xchacha20 } from '@noble/ciphers/chacha.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../values/status.js';
import type { AeadContext, AeadFinishResult } from '../../aead.js';
import { constantTimeEqual, copyOf } from './util.js';

const BLOCK = 64;
const ZEROS = new Uint8Array(16);

/** Largest ChaCha20-Poly1305 plaintext: 2^38 − 64 bytes (RFC 8439 §2.8). */
export const CHACHAPOLY_MAX_TEXT = 2 ** 38 - 64;

/** One ChaCha20-Poly1305 or XChaCha20-Poly1305 encryption or decryption. */
export class ChaChaPolyContext implements AeadContext {
  readonly #key: Uint8Array;
  readonly #extended: boolean;
  readonly #encrypt: boolean;
  #nonce: Uint8Array | undefined;
  #mac: Poly1305 | undefined;
  /** Next ChaCha20 block counter and the unused tail of the last keystream block. */
  #counter = 1;
  readonly #keystream = new Uint8Array(BLOCK);
  #used = BLOCK;
  #adLength = 0;
  #textLength = 0;
  #finished = false;

  /** `key`: 32 bytes (copied). `extended`: XChaCha20-Poly1305 (24-byte nonce) instead of 12-byte. */
  constructor(key: Uint8Array, extended: boolean, encrypt: boolean) {
    if (key.length !== 32) fail(PSA_ERROR_INVALID_ARGUMENT, 'ChaCha20 keys are 32 bytes');
    this.#key = copyOf(key);
    this.#extended = extended;
    this.#encrypt = encrypt;
  }

  /** No lengths needed up front. */
  setLengths(): void {}

  #xor(data: Uint8Array, output: Uint8Array, counter: number): void {
    (this.#extended ? xchacha20 : chacha20)(this.#key, this.#nonce!, data, output, counter);
  }

  /** Derive the one-time Poly1305 key from keystream block 0. */
  setNonce(nonce: Uint8Array): void {
    const expected = this.#extended ? 24 : 12;
    if (nonce.length !== expected) fail(PSA_ERROR_INVALID_ARGUMENT, `nonce of ${nonce.length} bytes, ${expected} needed`);
    if (this.#nonce) fail(PSA_ERROR_BAD_STATE, 'nonce already set');
    this.#nonce = copyOf(nonce);
    const polyKey = new Uint8Array(32);
    this.#xor(new Uint8Array(32), polyKey, 0);
    this.#mac = new Poly1305(polyKey);
    polyKey.fill(0);
  }

  #requireMac(): Poly1305 {
    if (!this.#mac || this.#finished) fail(PSA_ERROR_BAD_STATE, 'ChaCha20-Poly1305 context not started');
    return this.#mac;
  }

  /** Absorb additional data. */
  updateAd(data: Uint8Array): void {
    const mac = this.#requireMac();
    if (this.#textLength > 0) fail(PSA_ERROR_BAD_STATE, 'additional data after the message');
    mac.update(data);
    this.#adLength += data.length;
  }

  #padTo16(mac: Poly1305, length: number): void {
    const rest = length % 16;
    if (rest !== 0) mac.update(ZEROS.subarray(0, 16 - rest));
  }

  /** The keystream XOR of `input`, continuing where the last fragment stopped. */
  #stream(input: Uint8Array): Uint8Array {
    const n = input.length;
    const out = new Uint8Array(n);
    let i = 0;
    while (i < n && this.#used < BLOCK) out[i] = input[i++]! ^ this.#keystream[this.#used++]!;
    const whole = Math.floor((n - i) / BLOCK) * BLOCK;
    if (whole > 0) {
      this.#xor(input.subarray(i, i + whole), out.subarray(i, i + whole), this.#counter);
      this.#counter += whole / BLOCK;
      i += whole;
    }
    if (i < n) {
      this.#keystream.fill(0);
      this.#xor(this.#keystream, this.#keystream, this.#counter);
      this.#counter += 1;
      this.#used = 0;
      while (i < n) out[i] = input[i++]! ^ this.#keystream[this.#used++]!;
    }
    return out;
  }

  /**
   * Encrypt or decrypt a fragment. At most 2^38 − 64 bytes per message (RFC
   * 8439 §2.8: block 0 keys Poly1305, so 2^32 − 1 blocks remain before the
   * 32-bit counter would wrap); INVALID_ARGUMENT beyond.
   */
  update(input: Uint8Array): Uint8Array {
    const mac = this.#requireMac();
    if (input.length === 0) return new Uint8Array(0);
    if (this.#textLength + input.length > CHACHAPOLY_MAX_TEXT) fail(PSA_ERROR_INVALID_ARGUMENT, 'ChaCha20-Poly1305 message longer than 2^38 - 64 bytes');
    if (this.#textLength === 0) this.#padTo16(mac, this.#adLength);
    const output = this.#stream(input);
    mac.update(this.#encrypt ? output : input);
    this.#textLength += input.length;
    return output;
  }

  #tag(): Uint8Array {
    const mac = this.#requireMac();
    this.#finished = true;
    if (this.#textLength === 0) this.#padTo16(mac, this.#adLength);
    this.#padTo16(mac, this.#textLength);
    const lengths = new Uint8Array(16);
    const view = new DataView(lengths.buffer);
    view.setBigUint64(0, BigInt(this.#adLength), true);
    view.setBigUint64(8, BigInt(this.#textLength), true);
    mac.update(lengths);
    return mac.digest();
  }

  /** The 16-byte tag. */
  finish(): AeadFinishResult {
    if (!this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'finish on a decryption');
    return { output: new Uint8Array(0), tag: this.#tag() };
  }

  /** Compare `tag` with the computed tag in constant time. */
  verify(tag: Uint8Array): Uint8Array {
    if (this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'verify on an encryption');
    const expected = this.#tag();
    const ok = constantTimeEqual(expected, tag);
    expected.fill(0);
    if (!ok) fail(PSA_ERROR_INVALID_SIGNATURE, 'ChaCha20-Poly1305 tag mismatch');
    return new Uint8Array(0);
  }

  /** Wipe the key, nonce, keystream and MAC state. */
  destroy(): void {
    this.#finished = true;
    this.#key.fill(0);
    this.#nonce?.fill(0);
    this.#keystream.fill(0);
    this.#used = BLOCK;
    this.#mac?.destroy();
  }
}
