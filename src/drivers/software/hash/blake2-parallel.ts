/**
 * Parallel BLAKE2 (PSA 1.5 `PSA_ALG_BLAKE2SP_HASH256`,
 * `PSA_ALG_BLAKE2BP_HASH512`): BLAKE2sp is 8 BLAKE2s leaves and BLAKE2bp is
 * 4 BLAKE2b leaves under one root (tree mode of the BLAKE2 paper, §2.10),
 * with the parameters the reference implementation (BLAKE2/BLAKE2,
 * `ref/blake2sp-ref.c`, `ref/blake2bp-ref.c`) uses: fanout = number of
 * leaves, depth 2, leaf length 0, node offset = leaf index, node depth 0
 * for the leaves and 1 for the root, inner length = the leaf digest length;
 * the input is cut into blocks of the BLAKE2 block size and block j goes to
 * leaf j mod fanout; the last leaf and the root finish with the last-node
 * flag; the root hashes the leaf digests in leaf order.
 *
 * @noble/hashes' BLAKE2 takes key, salt and personalization but not the
 * tree fields of the parameter block nor the last-node flag, so the
 * compression is written here from RFC 7693 §3 (parameter block: RFC 7693
 * §2.5 and the BLAKE2 paper §2.8). No suspend state: the PSA Crypto API
 * defines none for BLAKE2, as for Ascon-Hash256. The key is used only by
 * the known-answer tests (the reference's keyed vectors); BLAKE2 MAC over
 * BLAKE2sp/BLAKE2bp is not offered.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';

/** RFC 7693 §2.6: the BLAKE2s IV (the SHA-256 IV); BLAKE2b's 64-bit IV words are these high halves. */
const IV32 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
/** BLAKE2b IV (the SHA-512 IV), as (low, high) 32-bit halves. */
const IV64 = Uint32Array.from([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

/** RFC 7693 §2.7: the message word permutations. */
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
/** The column and diagonal steps of one round: (a, b, c, d) word indices of G. */
const STEPS = [
  [0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15],
  [0, 5, 10, 15], [1, 6, 11, 12], [2, 7, 8, 13], [3, 4, 9, 14],
];

function le32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

const W32 = new Uint32Array(16);
const M32 = new Uint32Array(16);

/** RFC 7693 §3.2 F for BLAKE2s: 10 rounds of G with rotations 16, 12, 8, 7. */
function compress32(h: Uint32Array, block: Uint8Array, t: number, last: boolean, lastNode: boolean): void {
  const v = W32;
  const m = M32;
  for (let i = 0; i < 16; i++) m[i] = le32(block, 4 * i);
  for (let i = 0; i < 8; i++) {
    v[i] = h[i]!;
    v[i + 8] = IV32[i]!;
  }
  v[12] ^= t >>> 0;
  v[13] ^= Math.floor(t / 0x100000000) >>> 0;
  if (last) v[14] ^= 0xffffffff;
  if (lastNode) v[15] ^= 0xffffffff;
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let r = 0; r < 10; r++) {
    const s = SIGMA[r]!;
    for (let k = 0; k < 8; k++) {
      const [a, b, c, d] = STEPS[k] as [number, number, number, number];
      const x = m[s[2 * k]!]!;
      const y = m[s[2 * k + 1]!]!;
      v[a] = v[a]! + v[b]! + x;
      v[d] = rotr(v[d]! ^ v[a]!, 16);
      v[c] = v[c]! + v[d]!;
      v[b] = rotr(v[b]! ^ v[c]!, 12);
      v[a] = v[a]! + v[b]! + y;
      v[d] = rotr(v[d]! ^ v[a]!, 8);
      v[c] = v[c]! + v[d]!;
      v[b] = rotr(v[b]! ^ v[c]!, 7);
    }
  }
  for (let i = 0; i < 8; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 8]!;
}

// BLAKE2b words are (low, high) pairs: word i at [2i] (low) and [2i + 1] (high).
const W64 = new Uint32Array(32);
const M64 = new Uint32Array(32);

/** v[a] += v[b] + m[x] (64-bit, on the pairs of W64 / M64). */
function add64(v: Uint32Array, a: number, b: number, m: Uint32Array | undefined, x: number): void {
  let lo = v[2 * a]! + v[2 * b]!;
  let hi = v[2 * a + 1]! + v[2 * b + 1]! + (lo > 0xffffffff ? 1 : 0);
  lo >>>= 0;
  if (m !== undefined) {
    const sum = lo + m[2 * x]!;
    hi += m[2 * x + 1]! + (sum > 0xffffffff ? 1 : 0);
    lo = sum >>> 0;
  }
  v[2 * a] = lo;
  v[2 * a + 1] = hi >>> 0;
}

/** v[d] = (v[d] ^ v[a]) >>> n (64-bit rotation; n is 32, 24, 16 or 63). */
function xorRotr64(v: Uint32Array, d: number, a: number, n: number): void {
  const lo = v[2 * d]! ^ v[2 * a]!;
  const hi = v[2 * d + 1]! ^ v[2 * a + 1]!;
  if (n === 32) {
    v[2 * d] = hi;
    v[2 * d + 1] = lo;
  } else if (n < 32) {
    v[2 * d] = ((lo >>> n) | (hi << (32 - n))) >>> 0;
    v[2 * d + 1] = ((hi >>> n) | (lo << (32 - n))) >>> 0;
  } else {
    // rotate right by 63 = rotate left by 1
    v[2 * d] = ((lo << 1) | (hi >>> 31)) >>> 0;
    v[2 * d + 1] = ((hi << 1) | (lo >>> 31)) >>> 0;
  }
}

/** RFC 7693 §3.2 F for BLAKE2b: 12 rounds of G with rotations 32, 24, 16, 63. */
function compress64(h: Uint32Array, block: Uint8Array, t: number, last: boolean, lastNode: boolean): void {
  const v = W64;
  const m = M64;
  for (let i = 0; i < 32; i++) m[i] = le32(block, 4 * i);
  v.set(h, 0);
  v.set(IV64, 16);
  v[24] = (v[24]! ^ t) >>> 0; // t fits in 2^53: low word, then the high word of the low 64 bits
  v[25] = (v[25]! ^ Math.floor(t / 0x100000000)) >>> 0;
  if (last) {
    v[28] = ~v[28]! >>> 0;
    v[29] = ~v[29]! >>> 0;
  }
  if (lastNode) {
    v[30] = ~v[30]! >>> 0;
    v[31] = ~v[31]! >>> 0;
  }
  for (let r = 0; r < 12; r++) {
    const s = SIGMA[r % 10]!;
    for (let k = 0; k < 8; k++) {
      const [a, b, c, d] = STEPS[k] as [number, number, number, number];
      add64(v, a, b, m, s[2 * k]!);
      xorRotr64(v, d, a, 32);
      add64(v, c, d, undefined, 0);
      xorRotr64(v, b, c, 24);
      add64(v, a, b, m, s[2 * k + 1]!);
      xorRotr64(v, d, a, 16);
      add64(v, c, d, undefined, 0);
      xorRotr64(v, b, c, 63);
    }
  }
  for (let i = 0; i < 16; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 16]!;
}

/** The BLAKE2 flavour of a node: BLAKE2s (32-bit words) or BLAKE2b (64-bit words). */
interface Flavour {
  readonly blockLen: number;
  readonly compress: typeof compress32;
  readonly iv: Uint32Array;
  /** Byte offset of node depth in the parameter block (inner length follows it). */
  readonly nodeDepthAt: number;
}
const BLAKE2S: Flavour = { blockLen: 64, compress: compress32, iv: Uint32Array.from(IV32), nodeDepthAt: 14 };
const BLAKE2B: Flavour = { blockLen: 128, compress: compress64, iv: IV64, nodeDepthAt: 16 };

/** The tree fields of one node's parameter block (salt and personalization stay zero). */
interface NodeParams {
  readonly digestLength: number;
  readonly keyLength: number;
  readonly fanout: number;
  readonly nodeOffset: number;
  readonly nodeDepth: number;
  readonly innerLength: number;
  readonly lastNode: boolean;
}

/** One BLAKE2 node: the sequential hash with a full parameter block and the last-node flag. */
class Blake2Node {
  readonly #f: Flavour;
  readonly #h: Uint32Array;
  readonly #buf: Uint8Array;
  readonly #outLen: number;
  readonly #lastNode: boolean;
  #pos = 0;
  #t = 0;

  constructor(f: Flavour, p: NodeParams | Blake2Node) {
    this.#f = f;
    this.#buf = new Uint8Array(f.blockLen);
    if (p instanceof Blake2Node) {
      this.#h = p.#h.slice();
      this.#buf.set(p.#buf);
      this.#outLen = p.#outLen;
      this.#lastNode = p.#lastNode;
      this.#pos = p.#pos;
      this.#t = p.#t;
      return;
    }
    // Parameter block (RFC 7693 §2.5; BLAKE2 paper §2.8), little-endian; depth 2, leaf length 0.
    const block = new Uint8Array(f.iv.length * 4);
    block[0] = p.digestLength;
    block[1] = p.keyLength;
    block[2] = p.fanout;
    block[3] = 2;
    block[8] = p.nodeOffset;
    block[f.nodeDepthAt] = p.nodeDepth;
    block[f.nodeDepthAt + 1] = p.innerLength;
    this.#h = f.iv.slice();
    for (let i = 0; i < this.#h.length; i++) this.#h[i] = (this.#h[i]! ^ le32(block, 4 * i)) >>> 0;
    // The reference's leaves output inner_length bytes (blake2sp_init_leaf_param), the root digest_length.
    this.#outLen = p.nodeDepth > 0 ? p.digestLength : p.innerLength;
    this.#lastNode = p.lastNode;
  }

  update(data: Uint8Array): void {
    const n = this.#f.blockLen;
    for (let i = 0; i < data.length; ) {
      // Hold back a full block until more input comes: the last block is compressed with the final flag.
      if (this.#pos === n) {
        this.#t += n;
        this.#f.compress(this.#h, this.#buf, this.#t, false, false);
        this.#pos = 0;
      }
      const take = Math.min(n - this.#pos, data.length - i);
      this.#buf.set(data.subarray(i, i + take), this.#pos);
      this.#pos += take;
      i += take;
    }
  }

  digest(): Uint8Array {
    this.#t += this.#pos;
    this.#buf.fill(0, this.#pos);
    this.#f.compress(this.#h, this.#buf, this.#t, true, this.#lastNode);
    const out = new Uint8Array(this.#outLen);
    for (let i = 0; i < out.length; i++) out[i] = (this.#h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
    this.destroy();
    return out;
  }

  destroy(): void {
    this.#h.fill(0);
    this.#buf.fill(0);
    this.#pos = 0;
  }
}

/** The tree shape of one parallel BLAKE2: the flavour of its nodes, its leaf count and digest length. */
interface ParallelShape {
  readonly flavour: Flavour;
  readonly leaves: number;
  readonly outLen: number;
}
const BLAKE2SP: ParallelShape = { flavour: BLAKE2S, leaves: 8, outLen: 32 };
const BLAKE2BP: ParallelShape = { flavour: BLAKE2B, leaves: 4, outLen: 64 };

/**
 * One BLAKE2sp or BLAKE2bp computation, shaped like a @noble/hashes hash
 * (`update`, `digest`, `clone`, …) so the software hash driver lists it
 * with the others.
 */
export class Blake2Parallel {
  readonly blockLen: number;
  readonly outputLen: number;
  readonly canXOF = false;
  readonly #shape: ParallelShape;
  readonly #keyLength: number;
  readonly #leaves: Blake2Node[];
  /** Bytes of message absorbed (the key blocks not counted): it says which leaf the next byte goes to. */
  #count = 0;
  #done = false;

  /** A fresh computation of `shape`, keyed with `key` when it is given (the reference's `blake2sp_init_key`). */
  constructor(shape: ParallelShape, key?: Uint8Array, from?: Blake2Parallel) {
    this.#shape = shape;
    this.blockLen = shape.flavour.blockLen;
    this.outputLen = shape.outLen;
    if (from !== undefined) {
      this.#keyLength = from.#keyLength;
      this.#leaves = from.#leaves.map((leaf) => new Blake2Node(shape.flavour, leaf));
      this.#count = from.#count;
      return;
    }
    const keyLength = key?.length ?? 0;
    if (keyLength > shape.outLen) fail(PSA_ERROR_INVALID_ARGUMENT, `a parallel BLAKE2 key has at most ${shape.outLen} bytes`);
    this.#keyLength = keyLength;
    this.#leaves = [];
    for (let i = 0; i < shape.leaves; i++) {
      this.#leaves.push(new Blake2Node(shape.flavour, this.#params(i, 0, i === shape.leaves - 1)));
    }
    if (key !== undefined && keyLength > 0) {
      const block = new Uint8Array(this.blockLen);
      block.set(key);
      for (const leaf of this.#leaves) leaf.update(block);
      block.fill(0);
    }
  }

  #params(nodeOffset: number, nodeDepth: number, lastNode: boolean): NodeParams {
    const { leaves, outLen } = this.#shape;
    return { digestLength: outLen, keyLength: this.#keyLength, fanout: leaves, nodeOffset, nodeDepth, innerLength: outLen, lastNode };
  }

  #live(): void {
    if (this.#done) fail(PSA_ERROR_BAD_STATE, 'parallel BLAKE2 computation already finished or destroyed');
  }

  /** Absorb `data`: message block j (of `blockLen` bytes) goes to leaf j mod the leaf count. */
  update(data: Uint8Array): this {
    this.#live();
    const n = this.blockLen;
    for (let i = 0; i < data.length; ) {
      const leaf = this.#leaves[Math.floor(this.#count / n) % this.#leaves.length]!;
      const take = Math.min(n - (this.#count % n), data.length - i);
      leaf.update(data.subarray(i, i + take));
      this.#count += take;
      i += take;
    }
    return this;
  }

  /** Write the digest into `out` and finish: the root (node depth 1, last node) over the leaf digests. */
  digestInto(out: Uint8Array): void {
    this.#live();
    if (out.length < this.outputLen) fail(PSA_ERROR_INVALID_ARGUMENT, 'parallel BLAKE2 digest buffer too small');
    const root = new Blake2Node(this.#shape.flavour, this.#params(0, 1, true));
    for (const leaf of this.#leaves) {
      const d = leaf.digest();
      root.update(d);
      d.fill(0);
    }
    out.set(root.digest());
    this.destroy();
  }

  /** The digest; the computation is finished afterwards. */
  digest(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.outputLen);
    this.digestInto(out);
    return out;
  }

  /** Wipe the state; the object is unusable afterwards. */
  destroy(): void {
    for (const leaf of this.#leaves) leaf.destroy();
    this.#count = 0;
    this.#done = true;
  }

  /** An independent copy of this computation (`to` is not reused). */
  _cloneInto(_to?: Blake2Parallel): Blake2Parallel {
    this.#live();
    return new Blake2Parallel(this.#shape, undefined, this);
  }

  /** An independent copy of this computation. */
  clone(): Blake2Parallel {
    return this._cloneInto();
  }
}

/** BLAKE2sp-256 as a hash factory; `key` (1 to 32 bytes) gives the reference's keyed BLAKE2sp. */
export const blake2sp = {
  create: (key?: Uint8Array): Blake2Parallel => new Blake2Parallel(BLAKE2SP, key),
};

/** BLAKE2bp-512 as a hash factory; `key` (1 to 64 bytes) gives the reference's keyed BLAKE2bp. */
export const blake2bp = {
  create: (key?: Uint8Array): Blake2Parallel => new Blake2Parallel(BLAKE2BP, key),
};
