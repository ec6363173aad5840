/**
 * Streaming GCM (NIST SP 800-38D) over a 16-byte block cipher (AES, ARIA,
 * Camellia; `BlockCipher16`): counter mode composed with an
 * incremental GHASH, so a message of any size passes through in fragments
 * with memory proportional to the fragment. Nonces of any non-zero length
 * (12 bytes: J0 = IV ‖ 0^31 ‖ 1; otherwise J0 = GHASH of the padded IV and
 * its bit length), tags of 4 to 16 bytes (truncations of the full tag).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../values/status.js';
import type { AeadContext, AeadFinishResult } from '../../aead.js';
import type { BlockCipher16 } from '../cipher/block.js';
import { CtrStream, alignedCopy, encryptCopy, increment32 } from './ctr.js';
import { GhashStream } from './ghash.js';
import { constantTimeEqual } from './util.js';
import { copyRange } from '../../../bytes.js';

/**
 * Largest GCM plaintext: 2^39 − 256 bits = 2^36 − 32 bytes (NIST SP 800-38D
 * §5.2.1.1, Mbed TLS `0xFFFFFFFE0`): 2^32 − 2 blocks, so the 32-bit counter
 * never comes back to J0 (whose encryption masks the tag).
 */
export const GCM_MAX_TEXT = 0xfffffffe0;

/** Whether `more` bytes may follow `done` bytes of one GCM message. */
export function gcmTextFits(done: number, more: number): boolean {
  return done + more <= GCM_MAX_TEXT;
}

/** One GCM encryption or decryption. */
export class GcmContext implements AeadContext {
  readonly #cipher: BlockCipher16;
  readonly #hashKey: Uint8Array;
  readonly #tagLength: number;
  readonly #encrypt: boolean;
  readonly #expectedLength: number;
  #ghash: GhashStream | undefined;
  #ctr: CtrStream | undefined;
  #tagMask: Uint8Array | undefined;
  #adLength = 0;
  #textLength = 0;
  #finished = false;

  /**
   * The context owns `cipher` (a keyed block cipher) and wipes it on
   * `destroy`. `expectedLength`, when known, sizes the GHASH table.
   */
  constructor(cipher: BlockCipher16, tagLength: number, encrypt: boolean, expectedLength = 4096) {
    if (tagLength < 4 || tagLength > 16) {
      cipher.wipe();
      fail(PSA_ERROR_INVALID_ARGUMENT, `GCM tag length ${tagLength}`);
    }
    this.#cipher = cipher;
    this.#hashKey = encryptCopy(cipher, new Uint8Array(16));
    this.#tagLength = tagLength;
    this.#encrypt = encrypt;
    this.#expectedLength = expectedLength;
  }

  /** GCM needs no lengths up front. */
  setLengths(): void {}

  /** Derive J0 and start the counter at inc32(J0). */
  setNonce(nonce: Uint8Array): void {
    if (nonce.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'GCM nonce must not be empty');
    if (this.#ghash) fail(PSA_ERROR_BAD_STATE, 'GCM nonce already set');
    let j0: Uint8Array;
    if (nonce.length === 12) {
      j0 = new Uint8Array(16);
      j0.set(nonce);
      j0[15] = 1;
    } else {
      const g = new GhashStream(this.#hashKey, nonce.length + 16);
      g.update(nonce);
      g.pad();
      const lengths = new Uint8Array(16);
      new DataView(lengths.buffer).setBigUint64(8, BigInt(nonce.length) * 8n);
      g.update(lengths);
      j0 = alignedCopy(g.digest());
      g.destroy();
    }
    this.#tagMask = encryptCopy(this.#cipher, j0);
    increment32(j0);
    this.#ctr = new CtrStream(this.#cipher, j0);
    j0.fill(0);
    this.#ghash = new GhashStream(this.#hashKey, this.#expectedLength);
  }

  #stream(): { ghash: GhashStream; ctr: CtrStream } {
    if (!this.#ghash || !this.#ctr || this.#finished) fail(PSA_ERROR_BAD_STATE, 'GCM context not started');
    return { ghash: this.#ghash, ctr: this.#ctr };
  }

  /** Absorb additional data. */
  updateAd(data: Uint8Array): void {
    const { ghash } = this.#stream();
    if (this.#textLength > 0) fail(PSA_ERROR_BAD_STATE, 'GCM additional data after the message');
    ghash.update(data);
    this.#adLength += data.length;
  }

  /** Encrypt or decrypt a fragment. */
  update(input: Uint8Array): Uint8Array {
    const { ghash, ctr } = this.#stream();
    if (input.length === 0) return new Uint8Array(0);
    if (!gcmTextFits(this.#textLength, input.length)) fail(PSA_ERROR_INVALID_ARGUMENT, 'GCM message longer than 2^36 - 32 bytes');
    if (this.#textLength === 0) ghash.pad();
    const output = ctr.xor(input);
    ghash.update(this.#encrypt ? output : input);
    this.#textLength += input.length;
    return output;
  }

  #fullTag(): Uint8Array {
    const { ghash } = this.#stream();
    this.#finished = true;
    ghash.pad();
    const lengths = new Uint8Array(16);
    const view = new DataView(lengths.buffer);
    view.setBigUint64(0, BigInt(this.#adLength) * 8n);
    view.setBigUint64(8, BigInt(this.#textLength) * 8n);
    ghash.update(lengths);
    const s = ghash.digest();
    for (let i = 0; i < 16; i++) s[i]! ^= this.#tagMask![i]!;
    return s;
  }

  /** The tag (the first `tagLength` bytes of the full tag). */
  finish(): AeadFinishResult {
    if (!this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'finish on a GCM decryption');
    const full = this.#fullTag();
    const tag = copyRange(full, 0, this.#tagLength);
    full.fill(0);
    return { output: new Uint8Array(0), tag };
  }

  /** Compare `tag` with the computed tag in constant time. */
  verify(tag: Uint8Array): Uint8Array {
    if (this.#encrypt) fail(PSA_ERROR_BAD_STATE, 'verify on a GCM encryption');
    const full = this.#fullTag();
    const ok = constantTimeEqual(full.subarray(0, this.#tagLength), tag);
    full.fill(0);
    if (!ok) fail(PSA_ERROR_INVALID_SIGNATURE, 'GCM tag mismatch');
    return new Uint8Array(0);
  }

  /** Wipe the key schedule, hash key and streams. */
  destroy(): void {
    this.#finished = true;
    this.#cipher.wipe();
    this.#hashKey.fill(0);
    this.#tagMask?.fill(0);
    this.#ghash?.destroy();
    this.#ctr?.destroy();
  }
}
