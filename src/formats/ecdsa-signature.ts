/**
 * ECDSA signature encodings: the PSA raw form (r ‖ s, each coordinate
 * zero-padded to the curve's byte length) and the DER form used by X.509 and
 * TLS (`SEQUENCE { INTEGER r, INTEGER s }`), converted both ways with the
 * rules and the error order of Mbed TLS's `mbedtls_ecdsa_raw_to_der` and
 * `mbedtls_ecdsa_der_to_raw`:
 *
 * - raw → DER rejects a raw length other than twice the coordinate length
 *   and a zero r or s; coordinates longer than the largest supported curve
 *   (521 bits) do not fit its working buffers (BUFFER_TOO_SMALL);
 * - DER → raw reads lengths as Mbed TLS's ASN.1 parser does (long forms of
 *   1 to 4 bytes accepted even when not minimal), accepts at most one
 *   leading zero and a zero value encoded as `02 01 00`, and rejects a
 *   negative integer, trailing bytes and a value longer than a coordinate.
 *
 * Failures are `EcdsaSignatureError`s: a PSA status (INVALID_ARGUMENT or
 * BUFFER_TOO_SMALL) plus the finer `reason` that names Mbed TLS's
 * `MBEDTLS_ERR_ASN1_*` code for the same failure.
 * @module
 */
import { PsaError } from '../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import { DER_INTEGER, DER_SEQUENCE } from './der.js';

/**
 * Why a conversion failed, one per Mbed TLS ASN.1 error: `out-of-data`
 * (OUT_OF_DATA), `unexpected-tag` (UNEXPECTED_TAG), `invalid-length`
 * (INVALID_LENGTH), `length-mismatch` (LENGTH_MISMATCH), `invalid-data`
 * (INVALID_DATA), `buffer-too-small` (BUF_TOO_SMALL).
 */
export type EcdsaSignatureFailure =
  'out-of-data' | 'unexpected-tag' | 'invalid-length' | 'length-mismatch' | 'invalid-data' | 'buffer-too-small';

/** A failed ECDSA signature conversion: a `PsaError` that also tells which rule failed. */
export class EcdsaSignatureError extends PsaError {
  /** The rule that failed (see `EcdsaSignatureFailure`). */
  readonly reason: EcdsaSignatureFailure;

  constructor(reason: EcdsaSignatureFailure, message: string) {
    super(reason === 'buffer-too-small' ? PSA_ERROR_BUFFER_TOO_SMALL : PSA_ERROR_INVALID_ARGUMENT, message);
    this.reason = reason;
  }
}

/** Largest coordinate in bytes: PSA_BITS_TO_BYTES(PSA_VENDOR_ECC_MAX_CURVE_BITS), 521-bit curves. */
const MAX_COORDINATE_BYTES = 66;

const coordinateBytes = (bits: number): number => Math.ceil(bits / 8);

function failWith(reason: EcdsaSignatureFailure, fn: string, what: string): never {
  throw new EcdsaSignatureError(reason, `${fn}: ${what}`);
}

/** A DER length field for `length`. */
function lengthField(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) bytes.unshift(l & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** One coordinate as a DER INTEGER, within `available` bytes of output. */
function encodeCoordinate(coordinate: Uint8Array, available: number, fn: string, name: string): Uint8Array {
  let start = 0;
  while (start < coordinate.length && coordinate[start] === 0) start++;
  if (start === coordinate.length) failWith('invalid-data', fn, `${name} is zero`);
  const pad = (coordinate[start]! & 0x80) !== 0 ? 1 : 0;
  const contentLength = coordinate.length - start + pad;
  const total = 1 + lengthField(contentLength).length + contentLength;
  if (total > available) failWith('buffer-too-small', fn, `the DER buffer has no room for ${name}`);
  const out = new Uint8Array(total);
  out.set([DER_INTEGER, ...lengthField(contentLength)]);
  out.set(coordinate.subarray(start), total - (coordinate.length - start));
  return out;
}

/**
 * `mbedtls_ecdsa_raw_to_der`: a raw signature (r ‖ s) of a `bits`-bit curve
 * as DER. `derSize`, the caller's buffer size, is unlimited by default.
 */
export function ecdsaRawToDer(bits: number, raw: Uint8Array, derSize = Number.POSITIVE_INFINITY): Uint8Array {
  const fn = 'ecdsaRawToDer';
  if (bits === 0) failWith('invalid-data', fn, 'a curve size of 0 bits');
  const n = coordinateBytes(bits);
  if (raw.length !== 2 * n) failWith('invalid-data', fn, `a raw signature of ${raw.length} bytes for a ${bits}-bit curve (${2 * n} expected)`);
  if (n > MAX_COORDINATE_BYTES) failWith('buffer-too-small', fn, `${bits}-bit coordinates are larger than the largest supported curve`);
  // Written from the end as Mbed TLS does: s first, then r, then the header.
  const s = encodeCoordinate(raw.subarray(n), derSize, fn, 's');
  const r = encodeCoordinate(raw.subarray(0, n), derSize - s.length, fn, 'r');
  const bodyLength = r.length + s.length;
  const header = [DER_SEQUENCE, ...lengthField(bodyLength)];
  if (header.length + bodyLength > derSize) failWith('buffer-too-small', fn, 'the DER buffer has no room for the SEQUENCE header');
  const out = new Uint8Array(header.length + bodyLength);
  out.set(header);
  out.set(r, header.length);
  out.set(s, header.length + r.length);
  return out;
}

/** A cursor over DER input that reads tags and lengths as Mbed TLS's ASN.1 parser does. */
interface Cursor {
  readonly der: Uint8Array;
  pos: number;
}

/** `mbedtls_asn1_get_tag`: the content length of an element with `tag` that ends by `end`. */
function readTag(c: Cursor, end: number, tag: number, fn: string): number {
  if (end - c.pos < 1) failWith('out-of-data', fn, 'the DER input ends early');
  if (c.der[c.pos] !== tag) failWith('unexpected-tag', fn, `tag 0x${c.der[c.pos]!.toString(16)} where 0x${tag.toString(16)} was expected`);
  c.pos++;
  if (end - c.pos < 1) failWith('out-of-data', fn, 'the DER input ends before a length');
  let length: number;
  const first = c.der[c.pos]!;
  if ((first & 0x80) === 0) {
    length = first;
    c.pos++;
  } else {
    const count = first & 0x7f;
    if (count === 0 || count > 4) failWith('invalid-length', fn, `a length field of ${count} bytes`);
    if (end - c.pos <= count) failWith('out-of-data', fn, 'the DER input ends inside a length');
    length = 0;
    for (let i = 1; i <= count; i++) length = length * 256 + c.der[c.pos + i]!;
    c.pos += count + 1;
  }
  if (length > end - c.pos) failWith('out-of-data', fn, `an element of ${length} bytes runs past the input`);
  return length;
}

/** One INTEGER (r or s) into `out` (zeroed, one coordinate long). */
function decodeCoordinate(c: Cursor, end: number, out: Uint8Array, fn: string, name: string): void {
  let length = readTag(c, end, DER_INTEGER, fn);
  if (length === 0 || (c.der[c.pos]! & 0x80) !== 0) failWith('invalid-data', fn, `${name} is empty or negative`);
  if (c.der[c.pos] === 0) {
    c.pos++;
    length--;
    if (length > 0 && c.der[c.pos] === 0) failWith('invalid-data', fn, `${name} has more than one leading zero`);
  }
  if (length > out.length) failWith('invalid-data', fn, `${name} is longer than a coordinate`);
  out.set(c.der.subarray(c.pos, c.pos + length), out.length - length);
  c.pos += length;
}

/**
 * `mbedtls_ecdsa_der_to_raw`: a DER signature of a `bits`-bit curve as raw
 * r ‖ s. `rawSize`, the caller's buffer size, is unlimited by default.
 */
export function ecdsaDerToRaw(bits: number, der: Uint8Array, rawSize = Number.POSITIVE_INFINITY): Uint8Array {
  const fn = 'ecdsaDerToRaw';
  if (bits === 0) failWith('invalid-data', fn, 'a curve size of 0 bits');
  const n = coordinateBytes(bits);
  if (rawSize < 2 * n) failWith('buffer-too-small', fn, `a raw buffer of ${rawSize} bytes, ${2 * n} needed`);
  if (n > MAX_COORDINATE_BYTES) failWith('buffer-too-small', fn, `${bits}-bit coordinates are larger than the largest supported curve`);
  const c: Cursor = { der, pos: 0 };
  const bodyLength = readTag(c, der.length, DER_SEQUENCE, fn);
  const end = c.pos + bodyLength;
  const raw = new Uint8Array(2 * n);
  decodeCoordinate(c, end, raw.subarray(0, n), fn, 'r');
  decodeCoordinate(c, end, raw.subarray(n), fn, 's');
  if (c.pos !== der.length) failWith('length-mismatch', fn, `${der.length - c.pos} bytes after the signature`);
  return raw;
}
