/**
 * EC J-PAKE arithmetic on P-256 with SHA-256, the Thread / TLS ECJPAKE
 * variant (draft-cragie-tls-ecjpake-01, RFC 8236 over an elliptic curve,
 * Schnorr proofs of RFC 8235) as Mbed TLS computes it:
 * - proof hash h = SHA-256(len(G) ‖ G ‖ len(V) ‖ V ‖ len(X) ‖ X ‖ len(id) ‖ id) mod n,
 *   each length a 4-byte big-endian count, points uncompressed, id the
 *   prover's role name ("client" or "server");
 * - proof r = v − x·h mod n, written with the fewest bytes; checked as
 *   V = r·G + h·X;
 * - the shared point K = (Xp − Xp2·(x2·s))·x2.
 * Statuses follow Mbed TLS's mapping: a malformed point or length is
 * INVALID_ARGUMENT, a point off the curve (or the zero point as a key share,
 * or r ≥ n) DATA_INVALID, a proof that does not verify INVALID_SIGNATURE.
 * No PSA state here: `pake/jpake/exchange.ts` holds the exchange.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { p256 } from '@noble/curves/nist.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_DATA_INVALID, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../../values/status.js';
import { bigToBytesBE, bytesToBigBE } from '../../ecc/codec.js';

/** A P-256 point. */
export type JpakePoint = WeierstrassPoint<bigint>;

const Point = p256.Point;
/** The group order. */
export const N: bigint = Point.Fn.ORDER;
const P: bigint = Point.Fp.ORDER;
/** The base point. */
export const G: JpakePoint = Point.BASE;
/** Bytes of a scalar and of a coordinate. */
const BYTES = 32;

/** The role names Mbed TLS hashes into its proofs. */
export type JpakeRole = 'client' | 'server';

/** A point as sent: `0x04 ‖ X ‖ Y` (65 bytes), or the single byte 0x00 for the zero point. */
export function encodePoint(point: JpakePoint): Uint8Array {
  if (point.is0()) return Uint8Array.of(0);
  return point.toBytes(false);
}

/**
 * A received point, parsed as `mbedtls_ecp_point_read_binary` does: only the
 * format is checked here (INVALID_ARGUMENT); `validPoint` checks the curve.
 * Returns the raw coordinates, or `undefined` for the zero point.
 */
export function parsePoint(data: Uint8Array): { x: bigint; y: bigint } | undefined {
  if (data.length === 1 && data[0] === 0) return undefined;
  if (data.length !== 1 + 2 * BYTES || data[0] !== 0x04) {
    return fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: a J-PAKE point is 0x04 followed by two 32-byte coordinates');
  }
  return { x: bytesToBigBE(data.subarray(1, 1 + BYTES)), y: bytesToBigBE(data.subarray(1 + BYTES)) };
}

/** A parsed point as a curve point: DATA_INVALID when it is not on the curve (Mbed TLS's public-key check). */
export function validPoint(raw: { x: bigint; y: bigint } | undefined): JpakePoint {
  if (raw === undefined) return fail(PSA_ERROR_DATA_INVALID, 'psa_pake_input: the zero point is not a valid J-PAKE value');
  if (raw.x >= P || raw.y >= P) return fail(PSA_ERROR_DATA_INVALID, 'psa_pake_input: a point coordinate is not below p');
  try {
    const point = Point.fromAffine(raw);
    point.assertValidity();
    return point;
  } catch {
    return fail(PSA_ERROR_DATA_INVALID, 'psa_pake_input: the point is not on the curve');
  }
}

/** A 4-byte big-endian length followed by `data`. */
function withLength(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(data, 4);
  return out;
}

/** The proof hash of Mbed TLS's `ecjpake_hash`, reduced mod n. */
export function proofHash(generator: JpakePoint, V: Uint8Array, X: JpakePoint, id: JpakeRole): bigint {
  const parts = [withLength(encodePoint(generator)), withLength(V), withLength(encodePoint(X)), withLength(new TextEncoder().encode(id))];
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    input.set(part, offset);
    offset += part.length;
  }
  return bytesToBigBE(sha256(input)) % N;
}

/** `k·P` where k may be 0 (the zero point), as `mbedtls_ecp_muladd`'s shortcuts allow. */
function mul(point: JpakePoint, k: bigint): JpakePoint {
  return k === 0n ? Point.ZERO : point.multiply(k);
}

/** A scalar in [1, n−1] drawn by rejection from 32 random bytes. */
export function randomScalar(random: (length: number) => Uint8Array): bigint {
  for (;;) {
    const bytes = random(BYTES);
    const k = bytesToBigBE(bytes);
    bytes.fill(0);
    if (k >= 1n && k < N) return k;
  }
}

/** A Schnorr proof as sent: V (65 bytes) and r (big-endian, fewest bytes). */
export interface Proof {
  readonly V: Uint8Array;
  readonly r: Uint8Array;
}

/** The minimal big-endian encoding of `r` (empty for 0, as `mbedtls_mpi_size`). */
function minimalBytes(r: bigint): Uint8Array {
  const full = bigToBytesBE(r, BYTES);
  let start = 0;
  while (start < full.length && full[start] === 0) start++;
  return full.slice(start);
}

/** Prove knowledge of `x` with `X = x·generator`, for the prover `id`. `v` is the proof's random scalar. */
export function prove(generator: JpakePoint, x: bigint, X: JpakePoint, id: JpakeRole, v: bigint): Proof {
  const Vp = generator.multiply(v);
  const V = encodePoint(Vp);
  const h = proofHash(generator, V, X, id);
  const r = (((v - x * h) % N) + N) % N;
  return { V, r: minimalBytes(r) };
}

/**
 * Check a received key share and its proof (Mbed TLS's `ecjpake_kkp_read`):
 * returns the key share as a point. The share must be on the curve and not
 * zero (DATA_INVALID); the proof must verify (INVALID_SIGNATURE).
 */
export function verifyKeyShare(generator: JpakePoint, share: Uint8Array, V: Uint8Array, rBytes: Uint8Array, id: JpakeRole): JpakePoint {
  const rawX = parsePoint(share);
  if (rawX === undefined) fail(PSA_ERROR_DATA_INVALID, 'psa_pake_input: the key share is the zero point');
  const rawV = parsePoint(V);
  const r = bytesToBigBE(rBytes);
  const X = validPoint(rawX);
  const hash = proofHash(generator, V, X, id);
  if (r >= N) fail(PSA_ERROR_DATA_INVALID, 'psa_pake_input: the proof response is not below n');
  const expected = mul(generator, r).add(mul(X, hash));
  const matches = rawV === undefined
    ? expected.is0()
    : !expected.is0() && (() => {
      const { x, y } = expected.toAffine();
      return x === rawV.x && y === rawV.y;
    })();
  if (!matches) fail(PSA_ERROR_INVALID_SIGNATURE, 'psa_pake_input: the zero-knowledge proof does not verify');
  return X;
}
