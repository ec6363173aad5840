/**
 * The block-cipher modes that behave as stream ciphers — CTR, CFB-128, OFB
 * and CCM* without tag — over a 16-byte block cipher (`block.ts`; which
 * cipher gets which mode is in `families.ts`), streaming byte by byte: each update returns exactly
 * as many bytes as it was given (as Mbed TLS does), nothing is buffered
 * except the unused part of the current key-stream block.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import type { CipherContext } from '../../cipher.js';
import { AES_BLOCK } from './aes.js';
import type { BlockCipher16 } from './block.js';

/** Which key-stream mode. */
export type KeystreamMode = 'ctr' | 'cfb' | 'ofb' | 'ccm-star';

/** CCM* nonce length this implementation takes (the PSA default; shorter nonces are optional). */
export const CCM_STAR_NONCE_LENGTH = 13;

/** A multipart CTR, CFB, OFB or CCM*-no-tag computation. */
export class KeystreamContext implements CipherContext {
  readonly #aes: BlockCipher16;
  readonly #mode: KeystreamMode;
  readonly #encrypt: boolean;
  /** CTR/CCM*: the counter block; CFB/OFB: the feedback register. */
  readonly #register = new Uint8Array(AES_BLOCK);
  readonly #stream = new Uint8Array(AES_BLOCK);
  /** Bytes of the counter that are incremented (CTR: all 16; CCM*: the last L = 2). */
  #counterBytes = AES_BLOCK;
  /** Position in the current key-stream block; 16 = a new block is needed. */
  #position = AES_BLOCK;
  /**
   * Key-stream blocks left before a counter value would repeat: CCM*'s
   * 2-byte counter runs from 1 to 65,535 (RFC 3610 / IEEE 802.15.4: the
   * counter field must not wrap; INVALID_ARGUMENT at the block that would);
   * CTR's 128-bit counter, CFB and OFB have no such bound here.
   */
  #blocksLeft = Infinity;

  /** The context owns `cipher` and wipes it on `destroy`. */
  constructor(cipher: BlockCipher16, mode: KeystreamMode, encrypt: boolean) {
    this.#aes = cipher;
    this.#mode = mode;
    this.#encrypt = encrypt;
  }

  /** Nothing is ever held back. */
  get pending(): number {
    return 0;
  }

  /**
   * Exactly `PSA_CIPHER_IV_LENGTH` bytes, as Mbed TLS 3.6's
   * `mbedtls_psa_cipher_set_iv` requires (INVALID_ARGUMENT otherwise). CTR,
   * CFB, OFB: 16 bytes, the initial counter block or feedback register (the
   * spec also lets CTR take 1 to 15 bytes, zero-padded; Mbed TLS does not,
   * so neither does this driver). CCM*: the 13-byte nonce; the first counter
   * block is `flags = L - 1 = 1 ‖ nonce ‖ 0x0001`, as in CCM (block 0 would
   * encrypt the absent tag).
   */
  setIv(iv: Uint8Array): void {
    const r = this.#register;
    switch (this.#mode) {
      case 'ccm-star': {
        if (iv.length !== CCM_STAR_NONCE_LENGTH) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `CCM* takes a ${CCM_STAR_NONCE_LENGTH}-byte nonce, not ${iv.length} bytes`);
        }
        const l = AES_BLOCK - 1 - CCM_STAR_NONCE_LENGTH;
        r.fill(0);
        r[0] = l - 1;
        r.set(iv, 1);
        r[AES_BLOCK - 1] = 1;
        this.#counterBytes = l;
        this.#blocksLeft = 2 ** (8 * l) - 1;
        return;
      }
      default:
        if (iv.length !== AES_BLOCK) fail(PSA_ERROR_INVALID_ARGUMENT, `${this.#mode.toUpperCase()} takes a 16-byte IV, not ${iv.length} bytes`);
        r.set(iv);
    }
  }

  /** Start a new key-stream block. */
  #nextBlock(): void {
    if (this.#blocksLeft <= 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'CCM* message too long: its counter would wrap');
    this.#blocksLeft--;
    const r = this.#register;
    const s = this.#stream;
    if (this.#mode === 'ofb') {
      this.#aes.encrypt(r);
      s.set(r);
    } else {
      s.set(r);
      this.#aes.encrypt(s);
      if (this.#mode !== 'cfb') {
        // Big-endian increment of the counter's low bytes, wrapping within them.
        for (let i = AES_BLOCK - 1, carry = 1; i >= AES_BLOCK - this.#counterBytes && carry; i--) {
          const v = r[i]! + carry;
          r[i] = v & 0xff;
          carry = v >>> 8;
        }
      }
    }
    this.#position = 0;
  }

  /** XOR `input` with the key stream (CFB feeds the ciphertext back into the register). */
  update(input: Uint8Array): Uint8Array {
    const out = new Uint8Array(input.length);
    const cfb = this.#mode === 'cfb';
    for (let i = 0; i < input.length; i++) {
      if (this.#position === AES_BLOCK) this.#nextBlock();
      const p = this.#position++;
      const x = input[i]!;
      const y = x ^ this.#stream[p]!;
      out[i] = y;
      if (cfb) this.#register[p] = this.#encrypt ? y : x;
    }
    return out;
  }

  /** Nothing is left: every input byte was already output. */
  finish(): Uint8Array {
    return new Uint8Array(0);
  }

  /** Wipe the key, the register and the key stream. */
  destroy(): void {
    this.#aes.wipe();
    this.#register.fill(0);
    this.#stream.fill(0);
    this.#position = AES_BLOCK;
  }
}
