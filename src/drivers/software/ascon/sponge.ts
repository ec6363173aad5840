/**
 * The Ascon permutation and the Ascon hashing modes of NIST SP 800-232:
 * Ascon-Hash256 (§5.1), Ascon-XOF128 (§5.2) and Ascon-CXOF128 (§5.3).
 *
 * The 320-bit state is five 64-bit lanes S0…S4 held as ten 32-bit words,
 * low half first (`state[2i]` = low 32 bits of Si, `state[2i + 1]` = high
 * 32 bits). SP 800-232 reads bytes into lanes little-endian, so byte `j` of
 * the state (0 ≤ j < 40) is byte `j & 3` of word `j >> 2`: the ten words
 * are the 40 state bytes in order. No BigInt, no table lookups indexed by
 * data, no data-dependent branches.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';

/** An Ascon state: ten 32-bit words (see the module comment for the layout). */
export type AsconState = Uint32Array;

/** A fresh all-zero state. */
export function asconState(): AsconState {
  return new Uint32Array(10);
}

/** Set lane `lane` of `s` to the 64-bit value `hi ‖ lo`. */
export function setLane(s: AsconState, lane: number, hi: number, lo: number): void {
  s[2 * lane] = lo;
  s[2 * lane + 1] = hi;
}

/** Byte `index` (0–39) of the state. */
export function stateByte(s: AsconState, index: number): number {
  return (s[index >> 2]! >>> ((index & 3) << 3)) & 0xff;
}

/** XOR `value` (one byte) into byte `index` (0–39) of the state. */
export function xorStateByte(s: AsconState, index: number, value: number): void {
  s[index >> 2] = s[index >> 2]! ^ ((value & 0xff) << ((index & 3) << 3));
}

/** Replace byte `index` (0–39) of the state with `value`. */
export function setStateByte(s: AsconState, index: number, value: number): void {
  const shift = (index & 3) << 3;
  s[index >> 2] = (s[index >> 2]! & ~(0xff << shift)) | ((value & 0xff) << shift);
}

/** The little-endian 32-bit word at `bytes[offset…offset + 3]`. */
export function loadWord(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
}

/** Write `word` little-endian at `bytes[offset…offset + 3]`. */
export function storeWord(bytes: Uint8Array, offset: number, word: number): void {
  bytes[offset] = word & 0xff;
  bytes[offset + 1] = (word >>> 8) & 0xff;
  bytes[offset + 2] = (word >>> 16) & 0xff;
  bytes[offset + 3] = (word >>> 24) & 0xff;
}

/**
 * Ascon-p[rounds] (SP 800-232 §3), 1 ≤ rounds ≤ 12 as used here: the last
 * `rounds` of the twelve round constants 0xf0, 0xe1, …, 0x4b. Each round
 * adds the constant to S2, applies the 5-bit S-box (bitsliced, on the low
 * and the high halves of the lanes) and the linear layer
 * Si ^= (Si >>> a) ^ (Si >>> b) with (a, b) = (19, 28), (61, 39), (1, 6),
 * (10, 17), (7, 41); the 64-bit rotations are written on 32-bit halves.
 */
export function asconPermute(s: AsconState, rounds: number): void {
  let x0l = s[0]!, x0h = s[1]!, x1l = s[2]!, x1h = s[3]!, x2l = s[4]!, x2h = s[5]!;
  let x3l = s[6]!, x3h = s[7]!, x4l = s[8]!, x4h = s[9]!;
  for (let i = 12 - rounds; i < 12; i++) {
    x2l ^= ((15 - i) << 4) | i;
    // S-box, low halves.
    x0l ^= x4l; x4l ^= x3l; x2l ^= x1l;
    let t0 = ~x0l & x1l, t1 = ~x1l & x2l, t2 = ~x2l & x3l, t3 = ~x3l & x4l, t4 = ~x4l & x0l;
    x0l ^= t1; x1l ^= t2; x2l ^= t3; x3l ^= t4; x4l ^= t0;
    x1l ^= x0l; x0l ^= x4l; x3l ^= x2l; x2l = ~x2l;
    // S-box, high halves.
    x0h ^= x4h; x4h ^= x3h; x2h ^= x1h;
    t0 = ~x0h & x1h; t1 = ~x1h & x2h; t2 = ~x2h & x3h; t3 = ~x3h & x4h; t4 = ~x4h & x0h;
    x0h ^= t1; x1h ^= t2; x2h ^= t3; x3h ^= t4; x4h ^= t0;
    x1h ^= x0h; x0h ^= x4h; x3h ^= x2h; x2h = ~x2h;
    // Linear layer. S0: 19, 28.
    let l = x0l, h = x0h;
    x0l = l ^ ((l >>> 19) | (h << 13)) ^ ((l >>> 28) | (h << 4));
    x0h = h ^ ((h >>> 19) | (l << 13)) ^ ((h >>> 28) | (l << 4));
    // S1: 61 (= 32 + 29), 39 (= 32 + 7).
    l = x1l; h = x1h;
    x1l = l ^ ((h >>> 29) | (l << 3)) ^ ((h >>> 7) | (l << 25));
    x1h = h ^ ((l >>> 29) | (h << 3)) ^ ((l >>> 7) | (h << 25));
    // S2: 1, 6.
    l = x2l; h = x2h;
    x2l = l ^ ((l >>> 1) | (h << 31)) ^ ((l >>> 6) | (h << 26));
    x2h = h ^ ((h >>> 1) | (l << 31)) ^ ((h >>> 6) | (l << 26));
    // S3: 10, 17.
    l = x3l; h = x3h;
    x3l = l ^ ((l >>> 10) | (h << 22)) ^ ((l >>> 17) | (h << 15));
    x3h = h ^ ((h >>> 10) | (l << 22)) ^ ((h >>> 17) | (l << 15));
    // S4: 7, 41 (= 32 + 9).
    l = x4l; h = x4h;
    x4l = l ^ ((l >>> 7) | (h << 25)) ^ ((h >>> 9) | (l << 23));
    x4h = h ^ ((h >>> 7) | (l << 25)) ^ ((l >>> 9) | (h << 23));
  }
  s[0] = x0l; s[1] = x0h; s[2] = x1l; s[3] = x1h; s[4] = x2l;
  s[5] = x2h; s[6] = x3l; s[7] = x3h; s[8] = x4l; s[9] = x4h;
}

// ---- Ascon-Hash256, Ascon-XOF128, Ascon-CXOF128 ----

/** Rate of the hashing modes in bytes (lane S0). */
const RATE = 8;
/** Largest Ascon-CXOF128 customization string: 2048 bits (SP 800-232 §5.3). */
export const ASCON_CXOF_MAX_CONTEXT = 256;

/** The state after Ascon-p[12](IV ‖ 0^256) for an initial value `hi ‖ lo`. */
function initialState(hi: number, lo: number): AsconState {
  const s = asconState();
  setLane(s, 0, hi, lo);
  asconPermute(s, 12);
  return s;
}

/** SP 800-232 Table 12 initial values (IV = 0x0000080100cc0002 etc.), after the first permutation. */
const HASH256_INIT = initialState(0x00000801, 0x00cc0002);
const XOF128_INIT = initialState(0x00000800, 0x00cc0003);
const CXOF128_INIT = initialState(0x00000800, 0x00cc0004);

/** Which hashing mode a sponge computes. */
export type AsconHashMode = 'hash256' | 'xof128' | 'cxof128';

/**
 * One Ascon-Hash256, Ascon-XOF128 or Ascon-CXOF128 computation: absorb,
 * then squeeze any number of bytes. Shaped like a @noble/hashes hash
 * (`update`, `digest`, `clone`, …) so the software hash driver can list
 * Ascon-Hash256 with the others; `xof(n)` streams the XOF output.
 */
export class AsconSponge {
  /** Input block length in bytes. */
  readonly blockLen = RATE;
  /** Digest length of `digest()` in bytes (Ascon-Hash256: 32; the XOFs: 32 by default). */
  readonly outputLen = 32;
  /** Whether `xof` may be used (the XOFs). */
  readonly canXOF: boolean;
  readonly #mode: AsconHashMode;
  readonly #s: AsconState;
  /** Position in the rate block: bytes absorbed, or bytes squeezed, of the current block. */
  #pos = 0;
  /** Whether the customization string has been absorbed (always true except for a fresh CXOF). */
  #customized: boolean;
  #squeezing = false;
  #done = false;

  /** A fresh computation in `mode`. */
  constructor(mode: AsconHashMode) {
    this.#mode = mode;
    this.canXOF = mode !== 'hash256';
    this.#s = (mode === 'hash256' ? HASH256_INIT : mode === 'xof128' ? XOF128_INIT : CXOF128_INIT).slice();
    this.#customized = mode !== 'cxof128';
  }

  #live(): void {
    if (this.#done) fail(PSA_ERROR_BAD_STATE, 'Ascon computation already finished');
  }

  #absorb(data: Uint8Array): void {
    const s = this.#s;
    const n = data.length;
    let i = 0;
    while (i < n) {
      if (this.#pos === 0 && n - i >= RATE) {
        // A whole rate block at once.
        s[0] = s[0]! ^ loadWord(data, i);
        s[1] = s[1]! ^ loadWord(data, i + 4);
        asconPermute(s, 12);
        i += RATE;
        continue;
      }
      xorStateByte(s, this.#pos++, data[i++]!);
      if (this.#pos === RATE) {
        asconPermute(s, 12);
        this.#pos = 0;
      }
    }
  }

  /** Pad the absorbed input (a 1 bit, then zeros) and permute. */
  #pad(): void {
    xorStateByte(this.#s, this.#pos, 0x01);
    asconPermute(this.#s, 12);
    this.#pos = 0;
  }

  /**
   * Ascon-CXOF128 only, before any input: absorb the customization string
   * `z` (its bit length as one 64-bit block, then `z` padded). At most 256
   * bytes (INVALID_ARGUMENT beyond); BAD_STATE when not applicable.
   */
  customize(z: Uint8Array): void {
    this.#live();
    if (this.#mode !== 'cxof128' || this.#customized) fail(PSA_ERROR_BAD_STATE, 'customization not allowed here');
    if (z.length > ASCON_CXOF_MAX_CONTEXT) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `Ascon-CXOF128 customization of ${z.length} bytes, at most ${ASCON_CXOF_MAX_CONTEXT}`);
    }
    const bits = z.length * 8;
    this.#s[0] = this.#s[0]! ^ bits;
    asconPermute(this.#s, 12);
    this.#absorb(z);
    this.#pad();
    this.#customized = true;
  }

  /** Absorb `data` (not after output started). */
  update(data: Uint8Array): this {
    this.#live();
    if (this.#squeezing) fail(PSA_ERROR_BAD_STATE, 'Ascon input after output');
    if (!this.#customized) this.customize(new Uint8Array(0));
    this.#absorb(data);
    return this;
  }

  /** The next `length` bytes of output; the first call ends the input. */
  xof(length: number): Uint8Array<ArrayBuffer> {
    this.#live();
    if (!this.#squeezing) {
      if (!this.#customized) this.customize(new Uint8Array(0));
      this.#pad();
      this.#squeezing = true;
    }
    const s = this.#s;
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      if (this.#pos === RATE) {
        asconPermute(s, 12);
        this.#pos = 0;
      }
      out[i] = stateByte(s, this.#pos++);
    }
    return out;
  }

  /** Write the 32-byte digest into `out` and finish. */
  digestInto(out: Uint8Array): void {
    this.#live();
    if (out.length < this.outputLen) fail(PSA_ERROR_INVALID_ARGUMENT, 'Ascon digest buffer too small');
    const digest = this.xof(this.outputLen);
    out.set(digest);
    digest.fill(0);
    this.destroy();
  }

  /** The 32-byte digest; the computation is finished afterwards. */
  digest(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.outputLen);
    this.digestInto(out);
    return out;
  }

  /** Wipe the state; the object is unusable afterwards. */
  destroy(): void {
    this.#s.fill(0);
    this.#pos = 0;
    this.#done = true;
  }

  /** Copy this computation into `to` (same mode) or a new object. */
  _cloneInto(to?: AsconSponge): AsconSponge {
    this.#live();
    const target = to ?? new AsconSponge(this.#mode);
    if (target.#mode !== this.#mode) fail(PSA_ERROR_INVALID_ARGUMENT, 'Ascon clone into another mode');
    target.#s.set(this.#s);
    target.#pos = this.#pos;
    target.#customized = this.#customized;
    target.#squeezing = this.#squeezing;
    target.#done = false;
    return target;
  }

  /** An independent copy of this computation. */
  clone(): AsconSponge {
    return this._cloneInto();
  }
}

/** Ascon-Hash256 as a hash factory: `asconHash256.create()` starts a computation. */
export const asconHash256 = {
  create: (): AsconSponge => new AsconSponge('hash256'),
};
