/**
 * DER for the PSA RSA key formats: `RSAPrivateKey` (PKCS#1, RFC 8017 A.1.2)
 * for key pairs and `RSAPublicKey` (RFC 3279) for public keys. The reader
 * accepts what Mbed TLS's `mbedtls_rsa_parse_key` / `_parse_pubkey` accept
 * (length fields of 1 to 4 bytes, INTEGER contents read as unsigned
 * magnitudes, exactly one outer SEQUENCE with nothing after it, version 0,
 * no multi-prime keys); the writer always produces canonical DER.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import { bigIntToBytes, byteLength, bytesToBigInt } from './math.js';

const TAG_INTEGER = 0x02;
const TAG_SEQUENCE = 0x30;

/** The integers of an RSAPrivateKey. */
export interface RsaPrivateFields {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
}

/** The integers of an RSAPublicKey. */
export interface RsaPublicFields {
  n: bigint;
  e: bigint;
}

function bad(what: string): never {
  return fail(PSA_ERROR_INVALID_ARGUMENT, `RSA key: ${what}`);
}

/** A cursor over DER data. */
class Reader {
  constructor(private readonly data: Uint8Array, public pos: number, public readonly end: number) {}

  /** Read a tag and its length; returns the content range. */
  element(tag: number, what: string): { start: number; end: number } {
    if (this.pos >= this.end) bad(`${what}: out of data`);
    if (this.data[this.pos] !== tag) bad(`${what}: unexpected tag`);
    this.pos++;
    if (this.pos >= this.end) bad(`${what}: out of data`);
    const first = this.data[this.pos]!;
    let length: number;
    if ((first & 0x80) === 0) {
      length = first;
      this.pos++;
    } else {
      const n = first & 0x7f;
      if (n === 0 || n > 4) bad(`${what}: invalid length`);
      if (this.end - this.pos <= n) bad(`${what}: out of data`);
      length = 0;
      for (let i = 1; i <= n; i++) length = length * 256 + this.data[this.pos + i]!;
      this.pos += n + 1;
    }
    if (length > this.end - this.pos) bad(`${what}: out of data`);
    const start = this.pos;
    this.pos += length;
    return { start, end: start + length };
  }

  /** An INTEGER's content as an unsigned magnitude (how Mbed TLS reads RSA parameters). */
  unsigned(what: string): bigint {
    const { start, end } = this.element(TAG_INTEGER, what);
    return bytesToBigInt(this.data.subarray(start, end));
  }

  /** A small non-negative INTEGER (`mbedtls_asn1_get_int`). */
  smallInt(what: string): number {
    const { start, end } = this.element(TAG_INTEGER, what);
    if (end === start) bad(`${what}: empty INTEGER`);
    if ((this.data[start]! & 0x80) !== 0) bad(`${what}: negative INTEGER`);
    let i = start;
    while (i < end && this.data[i] === 0) i++;
    if (end - i > 4 || (end - i === 4 && (this.data[i]! & 0x80) !== 0)) bad(`${what}: INTEGER too large`);
    let v = 0;
    for (; i < end; i++) v = v * 256 + this.data[i]!;
    return v;
  }
}

/** The outer SEQUENCE, which must cover all of `data`. */
function outer(data: Uint8Array): Reader {
  const top = new Reader(data, 0, data.length);
  const seq = top.element(TAG_SEQUENCE, 'SEQUENCE');
  if (seq.end !== data.length) bad('data after the SEQUENCE');
  return new Reader(data, seq.start, seq.end);
}

function nonZero(r: Reader, what: string): bigint {
  const v = r.unsigned(what);
  if (v === 0n) bad(`${what} is zero`);
  return v;
}

/** Parse an RSAPrivateKey (structure only; consistency is checked by the caller). */
export function parseRsaPrivateKey(data: Uint8Array): RsaPrivateFields {
  const r = outer(data);
  if (r.smallInt('version') !== 0) bad('version is not 0');
  const fields: RsaPrivateFields = {
    n: nonZero(r, 'modulus'),
    e: nonZero(r, 'publicExponent'),
    d: nonZero(r, 'privateExponent'),
    p: nonZero(r, 'prime1'),
    q: nonZero(r, 'prime2'),
    dp: nonZero(r, 'exponent1'),
    dq: nonZero(r, 'exponent2'),
    qinv: nonZero(r, 'coefficient'),
  };
  if (r.pos !== r.end) bad('unexpected data after the coefficient');
  return fields;
}

/** Parse an RSAPublicKey. */
export function parseRsaPublicKey(data: Uint8Array): RsaPublicFields {
  const r = outer(data);
  const n = r.unsigned('modulus');
  const e = r.unsigned('publicExponent');
  if (r.pos !== r.end) bad('unexpected data after the public exponent');
  return { n, e };
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) bytes.unshift(l % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** A canonical DER INTEGER for a non-negative value. */
function encodeInteger(x: bigint): Uint8Array {
  const len = Math.max(1, byteLength(x));
  const magnitude = bigIntToBytes(x, len);
  const pad = (magnitude[0]! & 0x80) !== 0 ? 1 : 0;
  const header = [TAG_INTEGER, ...encodeLength(len + pad)];
  const out = new Uint8Array(header.length + pad + len);
  out.set(header, 0);
  out.set(magnitude, header.length + pad);
  magnitude.fill(0);
  return out;
}

function encodeSequence(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const header = [TAG_SEQUENCE, ...encodeLength(total)];
  const out = new Uint8Array(header.length + total);
  out.set(header, 0);
  let pos = header.length;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
    p.fill(0);
  }
  return out;
}

/** Canonical DER RSAPrivateKey (version 0). */
export function writeRsaPrivateKey(k: RsaPrivateFields): Uint8Array {
  return encodeSequence([0n, k.n, k.e, k.d, k.p, k.q, k.dp, k.dq, k.qinv].map(encodeInteger));
}

/** Canonical DER RSAPublicKey. */
export function writeRsaPublicKey(k: RsaPublicFields): Uint8Array {
  return encodeSequence([encodeInteger(k.n), encodeInteger(k.e)]);
}
