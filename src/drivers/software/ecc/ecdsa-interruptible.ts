/**
 * Interruptible ECDSA for the software driver (Mbed TLS's restartable
 * ECDSA, `MBEDTLS_ECP_RESTARTABLE`): the signature and the verification are
 * written as generators that yield the cost of the next unit of work, and a
 * job runs units until the caller's op budget is spent.
 *
 * What an op costs, and how a budget is spent, is `ecp-steps.ts`'s (Mbed
 * TLS's `ecp.c` weights).
 *
 * The arithmetic: k·G by a Montgomery ladder (one doubling and one addition
 * per bit of n, whatever k), u1·G + u2·Q by Shamir's trick, over noble's projective
 * points. The nonce is RFC 6979's (HMAC_DRBG with the algorithm's hash; for
 * randomized ECDSA SHA-256 with fresh random bytes as additional data, the
 * construction of `ecc/ecdsa.ts`), so deterministic signatures are
 * bit-identical to the one-shot path.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import type { CHash } from '@noble/hashes/utils.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import type { DriverKeyAttributes } from '../../driver.js';
import type { InterruptibleJob, RandomSource } from '../../sign.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../../values/status.js';
import { PSA_ALG_ECDSA_IS_DETERMINISTIC, PSA_ALG_SIGN_GET_HASH, PSA_KEY_TYPE_IS_ECC_KEY_PAIR } from '../../../values/index.js';
import type { WeierstrassCurve } from './curves.js';
import { curveOf, nonceHashOf } from './ecdsa.js';
import { OPS_ADD, OPS_CHK, OPS_DBL, OPS_INV, StepsJob, failure, mulSteps, type Steps } from './ecp-steps.js';
import { concatBytes } from '../../../bytes.js';

type Point = WeierstrassPoint<bigint>;

const toBig = (b: Uint8Array): bigint => b.reduce((x, v) => (x << 8n) | BigInt(v), 0n);

function toBytes(x: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1, v = x; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

/** RFC 6979 bits2int: the leftmost `nBits` bits of `b`. */
function bits2int(b: Uint8Array, nBits: number): bigint {
  const delta = b.length * 8 - nBits;
  return delta > 0 ? toBig(b) >> BigInt(delta) : toBig(b);
}

/** x⁻¹ mod n (n prime) by the extended Euclidean algorithm. */
function invert(x: bigint, n: bigint): bigint {
  let [a, b, u, v] = [((x % n) + n) % n, n, 1n, 0n];
  while (a !== 0n) {
    const q = b / a;
    [a, b] = [b - q * a, a];
    [u, v] = [v - q * u, u];
  }
  return ((v % n) + n) % n;
}

/** RFC 6979 §3.2 HMAC_DRBG: candidate nonces of `qBytes` bytes or more, the next one after each failure. */
function* nonceCandidates(hash: CHash, seed: Uint8Array, qBytes: number): Generator<Uint8Array, never, void> {
  let v: Uint8Array = new Uint8Array(hash.outputLen).fill(1);
  let k: Uint8Array = new Uint8Array(hash.outputLen);
  const h = (...parts: Uint8Array[]): Uint8Array => hmac(hash, k, concatBytes(...parts));
  k = h(v, Uint8Array.of(0), seed);
  v = h(v);
  k = h(v, Uint8Array.of(1), seed);
  v = h(v);
  for (;;) {
    const out: Uint8Array[] = [];
    for (let length = 0; length < qBytes; length += v.length) {
      v = h(v);
      out.push(v);
    }
    yield concatBytes(...out);
    k = h(v, Uint8Array.of(0));
    v = h(v);
  }
}

/** The ECDSA signature of `message` (already cut to the curve's length) as units of work. */
function* signSteps(curve: WeierstrassCurve, d: bigint, message: Uint8Array, hash: CHash, extra: Uint8Array | undefined): Steps<Uint8Array> {
  const { n } = curve;
  const nBits = bitLength(n);
  const nBytes = Math.ceil(nBits / 8);
  const m = bits2int(message, nBits) % n;
  const candidates = nonceCandidates(hash, concatBytes(toBytes(d, nBytes), toBytes(m, nBytes), extra ?? new Uint8Array(0)), nBytes);
  for (;;) {
    const k = bits2int(candidates.next().value, nBits);
    yield OPS_CHK;
    if (k < 1n || k >= n) continue;
    const R = yield* mulSteps(curve, k);
    if (!R) continue;
    const r = R.x % n;
    if (r === 0n) continue;
    const s = (invert(k, n) * ((m + r * d) % n)) % n;
    if (s === 0n) continue;
    return concatBytes(toBytes(r, curve.bytes), toBytes(s, curve.bytes));
  }
}

/** The verification of `r ‖ s` over `message` with public point Q as units of work (Shamir's trick). */
function* verifySteps(curve: WeierstrassCurve, Q: Point, message: Uint8Array, signature: Uint8Array): Steps<true> {
  const { n } = curve;
  const r = toBig(signature.subarray(0, curve.bytes));
  const s = toBig(signature.subarray(curve.bytes));
  yield OPS_CHK;
  if (r < 1n || r >= n || s < 1n || s >= n) fail(PSA_ERROR_INVALID_SIGNATURE, 'ECDSA: r or s out of range');
  const m = bits2int(message, bitLength(n)) % n;
  const w = invert(s, n);
  const u1 = (m * w) % n;
  const u2 = (r * w) % n;
  const G = curve.Point.BASE;
  yield OPS_ADD;
  const GQ = G.add(Q);
  let acc: Point = curve.Point.ZERO;
  for (let i = Math.max(bitLength(u1), bitLength(u2)) - 1; i >= 0; i--) {
    yield OPS_DBL;
    acc = acc.double();
    const b1 = (u1 >> BigInt(i)) & 1n;
    const b2 = (u2 >> BigInt(i)) & 1n;
    if (b1 || b2) {
      yield OPS_ADD;
      acc = acc.add(b1 && b2 ? GQ : b1 ? G : Q);
    }
  }
  yield OPS_INV;
  if (acc.is0() || acc.toAffine().x % n !== r) fail(PSA_ERROR_INVALID_SIGNATURE, 'ECDSA: invalid signature');
  return true;
}

/** The message as ECDSA uses it: its leftmost `bytes` bytes. */
const leftmost = (input: Uint8Array, bytes: number): Uint8Array => (input.length > bytes ? input.subarray(0, bytes) : input);

/** `signHashStart` of the software driver for ECDSA keys. */
export function ecdsaSignHashStart(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, random: RandomSource): InterruptibleJob<Uint8Array> {
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, 'ECDSA signing needs a key pair');
  const curve = curveOf(attributes.type, attributes.bits);
  if (keyBuffer.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, 'ECDSA: malformed private key');
  const deterministic = PSA_ALG_ECDSA_IS_DETERMINISTIC(alg);
  // As Mbed TLS: deterministic ECDSA without a hash fails when the computation runs, not at start.
  if (deterministic && PSA_ALG_SIGN_GET_HASH(alg) === 0) return new StepsJob(failure(PSA_ERROR_INVALID_ARGUMENT, 'deterministic ECDSA needs a hash algorithm'), curve.bits);
  const nonceHash = nonceHashOf(deterministic ? PSA_ALG_SIGN_GET_HASH(alg) : 0);
  const extra = deterministic ? undefined : random(curve.bytes);
  const message = leftmost(hash, curve.bytes).slice();
  return new StepsJob(signSteps(curve, toBig(keyBuffer), message, nonceHash, extra), curve.bits);
}

/** `verifyHashStart` of the software driver for ECDSA keys: a signature of the wrong length is INVALID_SIGNATURE here, at start. */
export function ecdsaVerifyHashStart(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array): InterruptibleJob<true> {
  void alg;
  const curve = curveOf(attributes.type, attributes.bits);
  if (signature.length !== 2 * curve.bytes) fail(PSA_ERROR_INVALID_SIGNATURE, 'ECDSA: wrong signature length');
  const Q = PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)
    ? curve.Point.BASE.multiply(toBig(keyBuffer))
    : curve.Point.fromBytes(keyBuffer);
  return new StepsJob(verifySteps(curve, Q, leftmost(hash, curve.bytes).slice(), signature.slice()), curve.bits);
}
