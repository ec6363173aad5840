/**
 * The SM3 hash PSA_ALG_SM3 (GB/T 32905-2016, also ISO/IEC 10118-3:2018),
 * written from the standard: a Merkle–Damgård hash over 512-bit blocks
 * with a 256-bit chaining value V, 32-byte digest.
 *
 * - Padding (§5.2): a 1 bit, zeros, and the message length in bits as a
 *   64-bit big-endian integer, to a multiple of 512 bits (the same layout as
 *   SHA-256). The standard takes messages below 2^64 bits; a JavaScript
 *   byte count never comes near that.
 * - Message expansion (§5.3.2): W_0..W_15 are the block's big-endian words;
 *   W_j = P1(W_{j−16} ⊕ W_{j−9} ⊕ (W_{j−3} ⋘ 15)) ⊕ (W_{j−13} ⋘ 7) ⊕ W_{j−6}
 *   for j = 16..67; W'_j = W_j ⊕ W_{j+4} for j = 0..63.
 * - Compression CF (§5.3.3): 64 rounds over A..H with T_j = 0x79cc4519
 *   (j < 16) or 0x7a879d8a, FF_j and GG_j the XOR of their arguments for
 *   j < 16, else majority and choice; P0(X) = X ⊕ (X ⋘ 9) ⊕ (X ⋘ 17),
 *   P1(X) = X ⊕ (X ⋘ 15) ⊕ (X ⋘ 23); V_{i+1} = A..H ⊕ V_i.
 *
 * The objects have the shape of a @noble/hashes hash (`update`, `digest`,
 * `digestInto`, `clone`, `_cloneInto`, `destroy`; `blockLen` 64, `outputLen`
 * 32) and `sm3` is a noble `CHash`, so SM3 joins the software hash table
 * and, through it, HMAC, the HMAC-based key derivations and RFC 6979.
 * `destroy` (also run by `digest`) wipes the chaining value and the buffered
 * input. PSA defines no hash suspend state for SM3 (PSA Crypto API, "Hash
 * suspend state"), so the table gives it no suspend layout.
 * @module
 */
import { createHasher, type CHash } from '@noble/hashes/utils.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';

const BLOCK = 64;
const DIGEST = 32;

/** The initial value IV (§4.1). */
const IV: readonly number[] = [
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
];

/** 32-bit rotation left by `n` (0 ≤ n < 32). */
const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

/** T_j ⋘ (j mod 32) for j = 0..63 (§4.2 and the SS1 step of §5.3.3). */
const T_ROTATED: Uint32Array = Uint32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

const p0 = (x: number): number => x ^ rotl(x, 9) ^ rotl(x, 17);
const p1 = (x: number): number => x ^ rotl(x, 15) ^ rotl(x, 23);

/** The expanded words W_0..W_67 of the block being compressed; wiped after every block. */
const W = new Uint32Array(68);

/** CF(V, B): compress the 64 bytes of `block` at `offset` into the chaining value `v` (in place). */
function compress(v: Uint32Array, block: Uint8Array, offset: number): void {
  const view = new DataView(block.buffer, block.byteOffset + offset, BLOCK);
  for (let j = 0; j < 16; j++) W[j] = view.getUint32(4 * j, false);
  for (let j = 16; j < 68; j++) {
    W[j] = p1(W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15)) ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!;
  }
  let a = v[0]!, b = v[1]!, c = v[2]!, d = v[3]!, e = v[4]!, f = v[5]!, g = v[6]!, h = v[7]!;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + T_ROTATED[j]!) >>> 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + (W[j]! ^ W[j + 4]!)) >>> 0;
    const tt2 = (gg + h + ss1 + W[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2) >>> 0;
  }
  v[0]! ^= a; v[1]! ^= b; v[2]! ^= c; v[3]! ^= d;
  v[4]! ^= e; v[5]! ^= f; v[6]! ^= g; v[7]! ^= h;
  W.fill(0);
}

/** A running SM3 computation with the method shape of a @noble/hashes hash. */
export class Sm3 {
  /** Input block length in bytes. */
  readonly blockLen = BLOCK;
  /** Digest length in bytes. */
  readonly outputLen = DIGEST;
  /** Not an extendable-output function. */
  readonly canXOF = false;
  #v = Uint32Array.from(IV);
  #buffer = new Uint8Array(BLOCK);
  #pos = 0;
  #length = 0;
  #done = false;

  #live(): void {
    if (this.#done) fail(PSA_ERROR_BAD_STATE, 'SM3 computation already finished');
  }

  /** Absorb `data` (any length, any number of calls). */
  update(data: Uint8Array): this {
    this.#live();
    if (!(data instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, 'SM3 input must be a Uint8Array');
    this.#length += data.length;
    let offset = 0;
    if (this.#pos > 0) {
      const take = Math.min(BLOCK - this.#pos, data.length);
      this.#buffer.set(data.subarray(0, take), this.#pos);
      this.#pos += take;
      offset = take;
      if (this.#pos < BLOCK) return this;
      compress(this.#v, this.#buffer, 0);
      this.#pos = 0;
    }
    // Whole blocks straight from the input, then keep the tail.
    for (; offset + BLOCK <= data.length; offset += BLOCK) compress(this.#v, data, offset);
    this.#buffer.set(data.subarray(offset), 0);
    this.#pos = data.length - offset;
    return this;
  }

  /** Write the digest into the first 32 bytes of `out` and finish (the state is wiped). */
  digestInto(out: Uint8Array): void {
    this.#live();
    if (!(out instanceof Uint8Array) || out.length < DIGEST) fail(PSA_ERROR_INVALID_ARGUMENT, 'SM3 digest buffer too small');
    const buf = this.#buffer;
    buf.fill(0, this.#pos);
    buf[this.#pos] = 0x80;
    if (this.#pos + 1 > BLOCK - 8) {
      compress(this.#v, buf, 0);
      buf.fill(0);
    }
    const bits = this.#length * 8;
    const tail = new DataView(buf.buffer, buf.byteOffset, BLOCK);
    tail.setUint32(BLOCK - 8, Math.floor(bits / 2 ** 32), false);
    tail.setUint32(BLOCK - 4, bits >>> 0, false);
    compress(this.#v, buf, 0);
    const view = new DataView(out.buffer, out.byteOffset, DIGEST);
    for (let i = 0; i < 8; i++) view.setUint32(4 * i, this.#v[i]!, false);
    this.destroy();
  }

  /** The digest; the computation is finished afterwards. */
  digest(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(DIGEST);
    this.digestInto(out);
    return out;
  }

  /** Wipe the chaining value and the buffered input; the object is unusable afterwards. */
  destroy(): void {
    this.#v.fill(0);
    this.#buffer.fill(0);
    this.#pos = 0;
    this.#length = 0;
    this.#done = true;
  }

  /** Copy this computation into `to` (or a new object); `to` may be finished. */
  _cloneInto(to?: Sm3): Sm3 {
    this.#live();
    const target = to ?? new Sm3();
    target.#v.set(this.#v);
    target.#buffer.set(this.#buffer);
    target.#pos = this.#pos;
    target.#length = this.#length;
    target.#done = false;
    return target;
  }

  /** An independent copy of this computation. */
  clone(): Sm3 {
    return this._cloneInto();
  }
}

/** SM3 as a noble hash function: `sm3(message)` or `sm3.create()`. */
export const sm3: CHash<Sm3> = createHasher(() => new Sm3());
