/**
 * The Zigbee hash PSA_ALG_AES_MMO_ZIGBEE (Zigbee specification §B.6): a
 * Merkle–Damgård hash over the Matyas–Meyer–Oseas compression function
 * H_j = E(H_{j-1}, M_j) ⊕ M_j with AES-128, H_0 = 0, 16-byte digest. The
 * padding is a 1 bit, zeros, and the message length in bits: as 16 bits
 * when it is below 2^16 bits, else as 32 bits followed by 16 zero bits.
 * Inputs are limited to 2^29 − 1 bytes. Shaped like a noble hash so the
 * software hash driver can list it with the others.
 * @module
 */
import { unsafe } from '@noble/ciphers/aes.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import { copyBytes } from '../../../bytes.js';

const BLOCK = 16;
/** Largest input in bytes (the spec's 2^29 − 1: the bit length must fit in 32 bits). */
const MAX_INPUT = 2 ** 29 - 1;
/** Below this many bytes the bit length is padded as 16 bits. */
const SHORT_FORM_LIMIT = 2 ** 13;

/** A running AES-MMO computation with the method shape of a @noble/hashes hash. */
export class AesMmo {
  /** Input block length in bytes. */
  readonly blockLen = BLOCK;
  /** Digest length in bytes. */
  readonly outputLen = BLOCK;
  /** Not an extendable-output function. */
  readonly canXOF = false;
  #state = new Uint8Array(BLOCK);
  #buffer = new Uint8Array(BLOCK);
  #pos = 0;
  #length = 0;
  #done = false;

  #compress(block: Uint8Array): void {
    const xk = unsafe.expandKeyLE(this.#state);
    const work = copyBytes(block);
    unsafe.encryptBlock(xk, work);
    for (let i = 0; i < BLOCK; i++) this.#state[i] = work[i]! ^ block[i]!;
    work.fill(0);
    xk.fill(0);
  }

  #live(): void {
    if (this.#done) fail(PSA_ERROR_BAD_STATE, 'AES-MMO computation already finished');
  }

  /** Absorb `data`; INVALID_ARGUMENT beyond 2^29 − 1 bytes in total. */
  update(data: Uint8Array): this {
    this.#live();
    if (this.#length + data.length > MAX_INPUT) fail(PSA_ERROR_INVALID_ARGUMENT, 'AES-MMO input beyond 2^29 - 1 bytes');
    this.#length += data.length;
    let offset = 0;
    while (offset < data.length) {
      const take = Math.min(BLOCK - this.#pos, data.length - offset);
      this.#buffer.set(data.subarray(offset, offset + take), this.#pos);
      this.#pos += take;
      offset += take;
      if (this.#pos === BLOCK) {
        this.#compress(this.#buffer);
        this.#pos = 0;
      }
    }
    return this;
  }

  /** Write the digest into `out` (at least 16 bytes) and finish. */
  digestInto(out: Uint8Array): void {
    this.#live();
    if (out.length < BLOCK) fail(PSA_ERROR_INVALID_ARGUMENT, 'AES-MMO digest buffer too small');
    const bits = this.#length * 8;
    const short = this.#length < SHORT_FORM_LIMIT;
    // Bytes the length field takes at the end of the last block: 2, or 4 + 2 zero bytes.
    const tail = short ? 2 : 6;
    const buf = this.#buffer;
    buf.fill(0, this.#pos);
    buf[this.#pos] = 0x80;
    if (this.#pos + 1 > BLOCK - tail) {
      this.#compress(buf);
      buf.fill(0);
    }
    const view = new DataView(buf.buffer, buf.byteOffset, BLOCK);
    if (short) view.setUint16(BLOCK - 2, bits);
    else view.setUint32(BLOCK - 6, bits);
    this.#compress(buf);
    out.set(this.#state);
    this.destroy();
  }

  /** The digest; the computation is finished afterwards. */
  digest(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(BLOCK);
    this.digestInto(out);
    return out;
  }

  /** Wipe the state; the object is unusable afterwards. */
  destroy(): void {
    this.#state.fill(0);
    this.#buffer.fill(0);
    this.#pos = 0;
    this.#length = 0;
    this.#done = true;
  }

  /** Copy this computation into `to` (or a new object). */
  _cloneInto(to?: AesMmo): AesMmo {
    this.#live();
    const target = to ?? new AesMmo();
    target.#state.set(this.#state);
    target.#buffer.set(this.#buffer);
    target.#pos = this.#pos;
    target.#length = this.#length;
    target.#done = false;
    return target;
  }

  /** An independent copy of this computation. */
  clone(): AesMmo {
    return this._cloneInto();
  }
}

/** AES-MMO as a hash factory: `aesMmo.create()` starts a computation. */
export const aesMmo = {
  create: (): AesMmo => new AesMmo(),
};
