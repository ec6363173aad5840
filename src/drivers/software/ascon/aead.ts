/**
 * Streaming Ascon-AEAD128 (NIST SP 800-232 §4): the 128-bit-key standard
 * variant (§4.1) and the nonce-masking variant with a 256-bit key K1 ‖ K2
 * (§4.2.2: the nonce is masked as N ⊕ K2, K1 is the key of §4.1). The rate
 * is 16 bytes (lanes S0, S1). Every input byte is combined with the state
 * as it arrives, so `update` returns as many bytes as it is given and the
 * only buffer is the state itself; a full rate block is permuted at once.
 * Tags are the first `tagLength` bytes (4–16) of the 128-bit tag
 * (§4.2.1). Memory is O(fragment).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../values/status.js';
import type { AeadContext, AeadFinishResult } from '../../aead.js';
import { constantTimeEqual } from '../aead/util.js';
import {
  type AsconState,
  asconPermute,
  asconState,
  loadWord,
  setStateByte,
  stateByte,
  storeWord,
  xorStateByte,
} from './sponge.js';

/** Rate in bytes. */
const RATE = 16;
/** Nonce length in bytes (both variants). */
export const ASCON_AEAD_NONCE_LENGTH = 16;
/** SP 800-232 Table 12: IV of Ascon-AEAD128, 0x00001000808c0001, as high and low halves. */
const IV_HI = 0x00001000;
const IV_LO = 0x808c0001;

/** One Ascon-AEAD128 encryption or decryption (direction fixed at construction). */
export class AsconAeadContext implements AeadContext {
  /** K1 as four little-endian words. */
  readonly #key = new Uint32Array(4);
  /** K2 (nonce mask) as four words, or undefined for the 128-bit variant. */
  readonly #mask: Uint32Array | undefined;
  readonly #tagLength: number;
  readonly #encrypt: boolean;
  readonly #s: AsconState = asconState();
  /** Bytes of the current rate block already absorbed. */
  #pos = 0;
  #started = false;
  #adLength = 0;
  #bodyStarted = false;
  #finished = false;

  /**
   * `key`: 16 bytes (standard variant) or 32 bytes (nonce masking); its
   * words are copied, the caller's buffer is not kept. `tagLength`: 4–16.
   */
  constructor(key: Uint8Array, tagLength: number, encrypt: boolean) {
    if (key.length !== 16 && key.length !== 32) fail(PSA_ERROR_INVALID_ARGUMENT, 'Ascon-AEAD128 keys are 16 or 32 bytes');
    if (!Number.isInteger(tagLength) || tagLength < 4 || tagLength > 16) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `Ascon-AEAD128 tag of ${tagLength} bytes`);
    }
    for (let i = 0; i < 4; i++) this.#key[i] = loadWord(key, 4 * i);
    if (key.length === 32) {
      const mask = new Uint32Array(4);
      for (let i = 0; i < 4; i++) mask[i] = loadWord(key, 16 + 4 * i);
      this.#mask = mask;
    }
    this.#tagLength = tagLength;
    this.#encrypt = encrypt;
  }

  /** No lengths needed up front. */
  setLengths(): void {}

  /** Initialization: S = Ascon-p[12](IV ‖ K ‖ N) ⊕ (0^192 ‖ K). */
  setNonce(nonce: Uint8Array): void {
    if (nonce.length !== ASCON_AEAD_NONCE_LENGTH) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `nonce of ${nonce.length} bytes, ${ASCON_AEAD_NONCE_LENGTH} needed`);
    }
    if (this.#started || this.#finished) fail(PSA_ERROR_BAD_STATE, 'nonce already set');
    const s = this.#s;
    const k = this.#key;
    s[0] = IV_LO;
    s[1] = IV_HI;
    for (let i = 0; i < 4; i++) {
      s[2 + i] = k[i]!;
      s[6 + i] = loadWord(nonce, 4 * i) ^ (this.#mask ? this.#mask[i]! : 0);
    }
    asconPermute(s, 12);
    for (let i = 0; i < 4; i++) s[6 + i] = s[6 + i]! ^ k[i]!;
    this.#pos = 0;
    this.#started = true;
  }

  #requireStarted(): AsconState {
    if (!this.#started || this.#finished) fail(PSA_ERROR_BAD_STATE, 'Ascon-AEAD128 context not started');
    return this.#s;
  }

  /** Absorb additional data (before the first `update`). */
  updateAd(data: Uint8Array): void {
    const s = this.#requireStarted();
    if (this.#bodyStarted) fail(PSA_ERROR_BAD_STATE, 'additional data after the message');
    for (let i = 0; i < data.length; i++) {
      xorStateByte(s, this.#pos++, data[i]!);
      if (this.#pos === RATE) {
        asconPermute(s, 8);
        this.#pos = 0;
      }
    }
    this.#adLength += data.length;
  }

  /** End the additional data: pad it (if any) and apply the domain separation bit. */
  #startBody(s: AsconState): void {
    if (this.#bodyStarted) return;
    if (this.#adLength > 0) {
      xorStateByte(s, this.#pos, 0x01);
      asconPermute(s, 8);
    }
    s[9] = s[9]! ^ 0x80000000;
    this.#pos = 0;
    this.#bodyStarted = true;
  }

  /** Encrypt or decrypt a fragment; returns as many bytes as given. */
  update(input: Uint8Array): Uint8Array {
    const s = this.#requireStarted();
    this.#startBody(s);
    const n = input.length;
    const out = new Uint8Array(n);
    let i = 0;
    while (i < n) {
      if (this.#pos === 0 && n - i >= RATE) {
        // A whole rate block at once.
        for (let w = 0; w < 4; w++) {
          const x = loadWord(input, i + 4 * w);
          const y = s[w]! ^ x;
          storeWord(out, i + 4 * w, y);
          s[w] = this.#encrypt ? y : x;
        }
        asconPermute(s, 8);
        i += RATE;
        continue;
      }
      const x = input[i]!;
      out[i] = stateByte(s, this.#pos) ^ x;
      if (this.#encrypt) xorStateByte(s, this.#pos, x);
      else setStateByte(s, this.#pos, x);
      i++;
      if (++this.#pos === RATE) {
        asconPermute(s, 8);
        this.#pos = 0;
      }
    }
    return out;
  }

  /** Finalization: pad the message, S ⊕= 0^128 ‖ K ‖ 0^64, Ascon-p[12], T = S[192:319] ⊕ K. */
  #tag(): Uint8Array {
    const s = this.#requireStarted();
    this.#startBody(s);
    this.#finished = true;
    xorStateByte(s, this.#pos, 0x01);
    const k = this.#key;
    for (let i = 0; i < 4; i++) s[4 + i] = s[4 + i]! ^ k[i]!;
    asconPermute(s, 12);
    const full = new Uint8Array(16);
    for (let i = 0; i < 4; i++) storeWord(full, 4 * i, s[6 + i]! ^ k[i]!);
    s.fill(0);
    if (this.#tagLength === 16) return full;
    const tag = full.slice(0, this.#tagLength);
    full.fill(0);
    return tag;
  }

  /** The tag (encryption). */
  finish(): AeadFinishResult {
    if (!this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'finish on a decryption');
    return { output: new Uint8Array(0), tag: this.#tag() };
  }

  /** Compare `tag` with the computed tag in constant time (decryption). */
  verify(tag: Uint8Array): Uint8Array {
    if (this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'verify on an encryption');
    const expected = this.#tag();
    const ok = constantTimeEqual(expected, tag);
    expected.fill(0);
    if (!ok) fail(PSA_ERROR_INVALID_SIGNATURE, 'Ascon-AEAD128 tag mismatch');
    return new Uint8Array(0);
  }

  /** Wipe the key words and the state. */
  destroy(): void {
    this.#finished = true;
    this.#key.fill(0);
    this.#mask?.fill(0);
    this.#s.fill(0);
    this.#pos = 0;
  }
}
