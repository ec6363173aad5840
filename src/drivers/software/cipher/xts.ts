/**
 * XTS-AES (IEEE 1619-2018, NIST SP 800-38E) with ciphertext stealing, as a
 * streaming operation over one data unit: the key is two AES keys (data
 * key ‖ tweak key), the 16-byte IV is the tweak value encrypted with the
 * tweak key. A block can be output once a further complete block has
 * arrived (only the last complete block takes part in ciphertext stealing),
 * so at most one complete block plus a partial one is buffered, and finish
 * outputs up to 31 bytes.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import type { CipherContext } from '../../cipher.js';
import { AES_BLOCK, AesBlock, xorInto } from './aes.js';
import { copyBytes, copyRange } from '../../../bytes.js';

/** Multiply the tweak by x in GF(2^128), little-endian bit order (IEEE 1619 §5.2). */
function multiplyByAlpha(t: Uint8Array): void {
  let carry = 0;
  for (let i = 0; i < AES_BLOCK; i++) {
    const v = t[i]!;
    t[i] = ((v << 1) | carry) & 0xff;
    carry = v >>> 7;
  }
  t[0]! ^= 0x87 & -carry;
}

/** Largest XTS data unit: 2^20 blocks of 16 bytes (SP 800-38E). */
export const XTS_MAX_DATA_UNIT = 2 ** 20 * 16;

/** A multipart XTS computation. */
export class XtsContext implements CipherContext {
  readonly #data: AesBlock;
  readonly #tweakKey: AesBlock;
  readonly #encrypt: boolean;
  /** The tweak of the next block to process. */
  readonly #tweak = new Uint8Array(AES_BLOCK);
  readonly #buffer = new Uint8Array(2 * AES_BLOCK);
  readonly #scratch = new Uint8Array(AES_BLOCK);
  #buffered = 0;
  /** Bytes of the data unit given so far. */
  #length = 0;

  /** `key` is 32, 48 or 64 bytes (two AES keys); INVALID_ARGUMENT otherwise. It is copied. */
  constructor(key: Uint8Array, encrypt: boolean) {
    const half = key.length / 2;
    if (![16, 24, 32].includes(half)) fail(PSA_ERROR_INVALID_ARGUMENT, `XTS needs a 256-, 384- or 512-bit key, not ${key.length * 8} bits`);
    this.#data = new AesBlock(key.subarray(0, half));
    this.#tweakKey = new AesBlock(key.subarray(half));
    this.#encrypt = encrypt;
  }

  /** Bytes buffered and not yet output (up to 31). */
  get pending(): number {
    return this.#buffered;
  }

  /** The 16-byte tweak value (typically the data unit number). */
  setIv(iv: Uint8Array): void {
    if (iv.length !== AES_BLOCK) fail(PSA_ERROR_INVALID_ARGUMENT, `XTS takes a 16-byte IV, not ${iv.length} bytes`);
    this.#tweak.set(iv);
    this.#tweakKey.encrypt(this.#tweak);
  }

  /** XEX one block in place with tweak `t`, in the operation's direction or the one given. */
  #xex(block: Uint8Array, t: Uint8Array): void {
    xorInto(block, block, t);
    if (this.#encrypt) this.#data.encrypt(block);
    else this.#data.decrypt(block);
    xorInto(block, block, t);
  }

  /** Process the first buffered block with the current tweak into `out` at `at`, then advance. */
  #processFirst(out: Uint8Array, at: number): void {
    const s = this.#scratch;
    s.set(this.#buffer.subarray(0, AES_BLOCK));
    this.#xex(s, this.#tweak);
    out.set(s, at);
    multiplyByAlpha(this.#tweak);
    this.#buffer.copyWithin(0, AES_BLOCK, this.#buffered);
    this.#buffered -= AES_BLOCK;
  }

  /**
   * Output every block that is followed by another complete block. The
   * message is one data unit: at most 2^20 blocks (NIST SP 800-38E, IEEE
   * 1619; Mbed TLS's `mbedtls_aes_crypt_xts` limit), INVALID_ARGUMENT beyond.
   */
  update(input: Uint8Array): Uint8Array {
    if (this.#length + input.length > XTS_MAX_DATA_UNIT) fail(PSA_ERROR_INVALID_ARGUMENT, 'XTS data unit longer than 2^20 blocks');
    this.#length += input.length;
    const total = this.#buffered + input.length;
    const blocks = total >= 2 * AES_BLOCK ? Math.floor(total / AES_BLOCK) - 1 : 0;
    const out = new Uint8Array(blocks * AES_BLOCK);
    let consumed = 0;
    for (let b = 0; b < blocks; b++) {
      const take = Math.min(2 * AES_BLOCK - this.#buffered, input.length - consumed);
      this.#buffer.set(input.subarray(consumed, consumed + take), this.#buffered);
      this.#buffered += take;
      consumed += take;
      this.#processFirst(out, b * AES_BLOCK);
    }
    const rest = input.subarray(consumed);
    this.#buffer.set(rest, this.#buffered);
    this.#buffered += rest.length;
    return out;
  }

  /** The last complete block, with ciphertext stealing when a partial block follows it. */
  finish(): Uint8Array {
    const n = this.#buffered;
    if (n < AES_BLOCK) fail(PSA_ERROR_INVALID_ARGUMENT, 'XTS needs at least one complete block');
    const out = new Uint8Array(n);
    if (n === AES_BLOCK) {
      this.#processFirst(out, 0);
      return out;
    }
    const r = n - AES_BLOCK;
    const t1 = copyBytes(this.#tweak);
    const t2 = copyBytes(this.#tweak);
    multiplyByAlpha(t2);
    // Encryption: the full block uses tweak m-1, the stolen block tweak m; decryption the reverse.
    const [first, second] = this.#encrypt ? [t1, t2] : [t2, t1];
    const cc = copyRange(this.#buffer, 0, AES_BLOCK);
    this.#xex(cc, first);
    const pp = new Uint8Array(AES_BLOCK);
    pp.set(this.#buffer.subarray(AES_BLOCK, n));
    pp.set(cc.subarray(r), r);
    this.#xex(pp, second);
    out.set(pp, 0);
    out.set(cc.subarray(0, r), AES_BLOCK);
    cc.fill(0);
    pp.fill(0);
    t1.fill(0);
    t2.fill(0);
    this.#buffered = 0;
    return out;
  }

  /** Wipe both keys, the tweak and the buffer. */
  destroy(): void {
    this.#data.wipe();
    this.#tweakKey.wipe();
    this.#tweak.fill(0);
    this.#buffer.fill(0);
    this.#scratch.fill(0);
    this.#buffered = 0;
  }
}
