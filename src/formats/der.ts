/**
 * Strict DER (X.690 Distinguished Encoding Rules) reading and writing, the
 * subset key containers need: SEQUENCE, INTEGER, OCTET STRING, BIT STRING,
 * OBJECT IDENTIFIER, NULL and context-specific tags.
 *
 * The reader is strict: single-byte identifiers only, definite minimal
 * lengths, minimal INTEGER encodings, BIT STRING unused bits set to zero,
 * no trailing bytes. Every violation is `PSA_ERROR_INVALID_ARGUMENT`.
 *
 * Reading: `readDer(bytes)` gives the one element `bytes` holds; a
 * `DerReader` walks the contents of a constructed element:
 * ```ts
 * const seq = readSequence(der); // the whole input is one SEQUENCE
 * const version = seq.integer();
 * const oid = seq.sequence().oid();
 * seq.end();
 * ```
 * Writing: `encodeSequence(encodeInteger(0n), encodeOctetString(key))`.
 * @module
 */
import { concatBytes, copyBytes } from '../bytes.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import { fail } from '../values/error.js';

/** Concatenate byte arrays (part of `psa-crypto/formats` for building DER by hand). */
export { concatBytes };

/** Universal tag: INTEGER. */
export const DER_INTEGER = 0x02;
/** Universal tag: BIT STRING. */
export const DER_BIT_STRING = 0x03;
/** Universal tag: OCTET STRING. */
export const DER_OCTET_STRING = 0x04;
/** Universal tag: NULL. */
export const DER_NULL = 0x05;
/** Universal tag: OBJECT IDENTIFIER. */
export const DER_OID = 0x06;
/** Universal tag: SEQUENCE (constructed). */
export const DER_SEQUENCE = 0x30;
/** Universal tag: SET (constructed). */
export const DER_SET = 0x31;

/** The tag byte of context-specific tag `n` (`[n]`), constructed (EXPLICIT) or primitive. */
export function contextTag(n: number, constructed = true): number {
  if (!Number.isInteger(n) || n < 0 || n > 30) fail(PSA_ERROR_INVALID_ARGUMENT, `DER: context tag ${n}`);
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

/** One decoded element: its identifier byte, its contents and its whole encoding. */
export interface DerElement {
  /** The identifier byte (class, constructed bit and tag number). */
  readonly tag: number;
  /** The contents octets (a view into the input). */
  readonly value: Uint8Array;
  /** The whole TLV encoding (a view into the input). */
  readonly encoded: Uint8Array;
}

function bad(what: string): never {
  fail(PSA_ERROR_INVALID_ARGUMENT, `DER: ${what}`);
}

/** Decode the element at `offset` of `bytes`; returns it and the offset after it. */
function readElement(bytes: Uint8Array, offset: number): { element: DerElement; next: number } {
  if (offset >= bytes.length) bad('truncated (no tag)');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) bad('multi-byte tags are not supported');
  if (offset + 1 >= bytes.length) bad('truncated (no length)');
  let pos = offset + 1;
  const first = bytes[pos++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0) bad('indefinite length');
    if (count > 4) bad('length too large');
    if (pos + count > bytes.length) bad('truncated length');
    if (bytes[pos] === 0) bad('non-minimal length (leading zero)');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos++]!;
    if (length < 0x80) bad('non-minimal length (long form for a short length)');
  }
  if (pos + length > bytes.length) bad('truncated contents');
  const end = pos + length;
  return { element: { tag, value: bytes.subarray(pos, end), encoded: bytes.subarray(offset, end) }, next: end };
}

/** The single DER element `bytes` holds (trailing bytes are INVALID_ARGUMENT). */
export function readDer(bytes: Uint8Array): DerElement {
  const { element, next } = readElement(bytes, 0);
  if (next !== bytes.length) bad('trailing data');
  return element;
}

/**
 * The contents of the single SEQUENCE `bytes` holds, as a reader (a wrong
 * tag or trailing bytes after the SEQUENCE are INVALID_ARGUMENT). This is
 * how a whole container (PKCS #8, SPKI, …) is opened.
 */
export function readSequence(bytes: Uint8Array): DerReader {
  const element = readDer(bytes);
  if (element.tag !== DER_SEQUENCE) bad('expected SEQUENCE');
  return new DerReader(element.value);
}

/** A cursor over a run of DER elements (the contents of a constructed element, or a whole input). */
export class DerReader {
  readonly #bytes: Uint8Array;
  #offset = 0;

  /** A reader over `bytes`, positioned on its first element. */
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** Whether every element has been read. */
  get done(): boolean {
    return this.#offset >= this.#bytes.length;
  }

  /** The tag byte of the next element, or `undefined` at the end. */
  peekTag(): number | undefined {
    return this.done ? undefined : this.#bytes[this.#offset];
  }

  /** The next element, whatever its tag. */
  next(): DerElement {
    const { element, next } = readElement(this.#bytes, this.#offset);
    this.#offset = next;
    return element;
  }

  /** The next element, which must have tag `tag`. */
  expect(tag: number, what = `tag 0x${tag.toString(16)}`): DerElement {
    if (this.peekTag() !== tag) bad(`expected ${what}`);
    return this.next();
  }

  /** Fail unless every element has been read. */
  end(): void {
    if (!this.done) bad('unexpected trailing element');
  }

  /** The next element, a SEQUENCE: a reader over its contents. */
  sequence(): DerReader {
    return new DerReader(this.expect(DER_SEQUENCE, 'SEQUENCE').value);
  }

  /** The next element, an INTEGER, as a (signed) bigint. */
  integer(): bigint {
    const v = integerContents(this.expect(DER_INTEGER, 'INTEGER').value);
    let n = 0n;
    for (const b of v) n = (n << 8n) | BigInt(b);
    if (v[0]! & 0x80) n -= 1n << BigInt(8 * v.length);
    return n;
  }

  /** The next element, a non-negative INTEGER, as a number (must fit 2^53). */
  smallInteger(): number {
    const n = this.integer();
    if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) bad('integer out of range');
    return Number(n);
  }

  /** The next element, a non-negative INTEGER, as unsigned big-endian bytes without leading zeros (zero is one 0x00 byte). */
  unsignedInteger(): Uint8Array {
    const v = integerContents(this.expect(DER_INTEGER, 'INTEGER').value);
    if (v[0]! & 0x80) bad('negative integer');
    return copyBytes(v.length > 1 && v[0] === 0 ? v.subarray(1) : v);
  }

  /** The next element, an OCTET STRING: its contents (a copy). */
  octetString(): Uint8Array {
    return copyBytes(this.expect(DER_OCTET_STRING, 'OCTET STRING').value);
  }

  /** The next element, a BIT STRING with no unused bits: its bytes (a copy). */
  bitString(): Uint8Array {
    const v = this.expect(DER_BIT_STRING, 'BIT STRING').value;
    if (v.length === 0) bad('empty BIT STRING');
    if (v[0] !== 0) bad('BIT STRING with unused bits');
    return copyBytes(v.subarray(1));
  }

  /** The next element, an OBJECT IDENTIFIER, in dotted form (`'1.2.840.10045.2.1'`). */
  oid(): string {
    return decodeOid(this.expect(DER_OID, 'OBJECT IDENTIFIER').value);
  }

  /** The next element, a NULL. */
  null(): void {
    if (this.expect(DER_NULL, 'NULL').value.length !== 0) bad('NULL with contents');
  }

  /** If the next element is the constructed `[n]` (EXPLICIT), consume it and return a reader over its contents. */
  optionalExplicit(n: number): DerReader | undefined {
    if (this.peekTag() !== contextTag(n, true)) return undefined;
    return new DerReader(this.next().value);
  }

  /** If the next element is the primitive `[n]` (IMPLICIT), consume it and return its contents (a copy). */
  optionalImplicit(n: number): Uint8Array | undefined {
    if (this.peekTag() !== contextTag(n, false)) return undefined;
    return copyBytes(this.next().value);
  }
}

function integerContents(v: Uint8Array): Uint8Array {
  if (v.length === 0) bad('empty INTEGER');
  if (v.length > 1 && ((v[0] === 0 && v[1]! < 0x80) || (v[0] === 0xff && v[1]! >= 0x80))) bad('non-minimal INTEGER');
  return v;
}

function decodeOid(v: Uint8Array): string {
  if (v.length === 0) bad('empty OBJECT IDENTIFIER');
  const arcs: bigint[] = [];
  let acc = 0n;
  let started = false;
  for (let i = 0; i < v.length; i++) {
    const b = v[i]!;
    if (!started && b === 0x80) bad('non-minimal OBJECT IDENTIFIER arc');
    started = true;
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(acc);
      acc = 0n;
      started = false;
    }
  }
  if (started) bad('truncated OBJECT IDENTIFIER');
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

// ---- writing ----

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One TLV element with identifier byte `tag` and contents `value`. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array<ArrayBuffer> {
  return concatBytes(Uint8Array.of(tag), encodeLength(value.length), value);
}

/** A SEQUENCE of already encoded elements. */
export function encodeSequence(...elements: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return encodeTlv(DER_SEQUENCE, concatBytes(...elements));
}

/**
 * An INTEGER: a bigint/number (any sign), or a `Uint8Array` read as an
 * unsigned big-endian magnitude (leading zeros are dropped, a 0x00 added
 * when the top bit is set).
 */
export function encodeInteger(value: bigint | number | Uint8Array): Uint8Array<ArrayBuffer> {
  if (value instanceof Uint8Array) {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    const mag = value.length === 0 ? Uint8Array.of(0) : value.subarray(start);
    return encodeTlv(DER_INTEGER, mag[0]! & 0x80 ? concatBytes(Uint8Array.of(0), mag) : mag);
  }
  let n = BigInt(value);
  const bytes: number[] = [];
  for (;;) {
    const b = Number(n & 0xffn);
    bytes.unshift(b);
    n >>= 8n;
    if ((n === 0n && (b & 0x80) === 0) || (n === -1n && (b & 0x80) !== 0)) break;
  }
  return encodeTlv(DER_INTEGER, Uint8Array.from(bytes));
}

/** An OCTET STRING. */
export function encodeOctetString(value: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeTlv(DER_OCTET_STRING, value);
}

/** A BIT STRING of whole bytes (no unused bits). */
export function encodeBitString(value: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeTlv(DER_BIT_STRING, concatBytes(Uint8Array.of(0), value));
}

/** NULL. */
export function encodeNull(): Uint8Array<ArrayBuffer> {
  return Uint8Array.of(DER_NULL, 0);
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function encodeOid(oid: string): Uint8Array<ArrayBuffer> {
  if (!/^[0-2](\.(0|[1-9][0-9]*))+$/.test(oid)) bad(`invalid OID ${oid}`);
  const arcs = oid.split('.').map((a) => BigInt(a));
  if (arcs[0]! < 2n && arcs[1]! >= 40n) bad(`invalid OID ${oid}`);
  const body: number[] = [];
  for (const arc of [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)]) {
    const groups: number[] = [Number(arc & 0x7fn)];
    for (let n = arc >> 7n; n > 0n; n >>= 7n) groups.unshift(Number(n & 0x7fn) | 0x80);
    body.push(...groups);
  }
  return encodeTlv(DER_OID, Uint8Array.from(body));
}

/** `[n] EXPLICIT`: a constructed context-specific element wrapping encoded elements. */
export function encodeExplicit(n: number, ...elements: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return encodeTlv(contextTag(n, true), concatBytes(...elements));
}

/** `[n] IMPLICIT` primitive: a context-specific element with raw contents. */
export function encodeImplicit(n: number, value: Uint8Array): Uint8Array<ArrayBuffer> {
  return encodeTlv(contextTag(n, false), value);
}
