/**
 * Scalar and point codecs for the ECC key family and ECDH, with the checks
 * and statuses of Mbed TLS (`ecp.c`): Weierstrass scalars in [1, n-1],
 * uncompressed points on the curve, RFC 7748 scalar clamping, and the
 * rejection of the low-order Montgomery u-coordinates.
 * @module
 */
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import type { MontgomeryCurve, WeierstrassCurve } from './curves.js';

/** Big-endian bytes as an unsigned integer. */
export function bytesToBigBE(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** Little-endian bytes as an unsigned integer. */
export function bytesToBigLE(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  return v;
}

/** An unsigned integer as `length` big-endian bytes (it must fit). */
export function bigToBytesBE(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** An unsigned integer as `length` little-endian bytes (it must fit). */
export function bigToBytesLE(value: bigint, length: number): Uint8Array {
  return bigToBytesBE(value, length).reverse();
}

/** A Weierstrass private scalar: `bytes` big-endian bytes in [1, n-1], else INVALID_ARGUMENT. */
export function readWeierstrassScalar(curve: WeierstrassCurve, data: Uint8Array, fn: string): bigint {
  if (data.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an ECC private key of ${curve.bits} bits has ${curve.bytes} bytes`);
  const d = bytesToBigBE(data);
  if (d === 0n || d >= curve.n) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the private scalar is not in [1, n-1]`);
  return d;
}

/**
 * A Weierstrass public key: 0x04 ‖ X ‖ Y with coordinates below p, on the
 * curve and not the point at infinity; anything else is INVALID_ARGUMENT.
 */
export function readWeierstrassPoint(curve: WeierstrassCurve, data: Uint8Array, fn: string): WeierstrassPoint<bigint> {
  const n = curve.coordinateBytes;
  if (data.length !== 2 * n + 1 || data[0] !== 0x04) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an ECC public key of ${curve.bits} bits is 0x04 followed by two ${n}-byte coordinates`);
  }
  const x = bytesToBigBE(data.subarray(1, 1 + n));
  const y = bytesToBigBE(data.subarray(1 + n));
  if (x >= curve.p || y >= curve.p) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a point coordinate is not below p`);
  let point: WeierstrassPoint<bigint>;
  try {
    point = curve.Point.fromAffine({ x, y });
    point.assertValidity();
  } catch {
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the point is not on the curve`);
  }
  if (point.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the point at infinity is not a public key`);
  return point;
}

/** A Weierstrass point in the PSA format 0x04 ‖ X ‖ Y. */
export function writeWeierstrassPoint(curve: WeierstrassCurve, point: WeierstrassPoint<bigint>): Uint8Array {
  const { x, y } = point.toAffine();
  const n = curve.coordinateBytes;
  const out = new Uint8Array(2 * n + 1);
  out[0] = 0x04;
  out.set(bigToBytesBE(x, n), 1);
  out.set(bigToBytesBE(y, n), 1 + n);
  return out;
}

/**
 * RFC 7748 §5 scalar decoding, as Mbed TLS applies it on import: for X25519
 * clear bits 0–2 and 255, set bit 254; for X448 clear bits 0–1, set bit 447.
 * Returns a new array.
 */
export function clampMontgomeryScalar(curve: Pick<MontgomeryCurve, 'bits'>, data: Uint8Array): Uint8Array {
  const k = Uint8Array.from(data);
  if (curve.bits === 255) {
    k[0]! &= 0xf8;
    k[31]! &= 0x7f;
    k[31]! |= 0x40;
  } else {
    k[0]! &= 0xfc;
    k[55]! |= 0x80;
  }
  return k;
}

/** The u-coordinates (little-endian) of the two points of order 8 on Curve25519 (cr.yp.to/ecdh.html#validate). */
const X25519_ORDER_8 = [
  0x00b8495f16056286fdb1329ceb8d09da6ac49ff1fae35616aeb8413b7c7aebe0n,
  0x57119fd0dd4e22d8868e1c58c45c44045bef839c55b1d0b1248c50a3bc959c5fn,
];

/**
 * A Montgomery public key (u-coordinate, little-endian, 32 or 56 bytes),
 * read as Mbed TLS does: for X25519 the top bit is ignored; values of low
 * order (0, 1, p-1 and, for X25519, the order-8 points, all modulo p) are
 * INVALID_ARGUMENT. Returns the bytes to store (top bit cleared for X25519).
 */
export function readMontgomeryPublic(curve: MontgomeryCurve, data: Uint8Array, fn: string): Uint8Array {
  if (data.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${curve.bits}-bit Montgomery public key has ${curve.bytes} bytes`);
  const u = Uint8Array.from(data);
  if (curve.bits === 255) u[31]! &= 0x7f;
  const reduced = bytesToBigLE(u) % curve.p;
  const bad = reduced <= 1n || reduced === curve.p - 1n || (curve.bits === 255 && X25519_ORDER_8.includes(reduced));
  if (bad) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the Montgomery public key is a point of low order`);
  return u;
}
