/**
 * WPA3-SAE arithmetic for ECC group 19 (secp256r1, SHA-256), IEEE 802.11
 * §12.4: the password element PWE by hunting and pecking (§12.4.4.2.2) or
 * from a password token (§12.4.4.2.3), the commit values, the shared secret
 * k, the keys KCK and PMK with the PMKID (§12.4.5.4), and the confirm value
 * (§12.4.5.5). Statuses: a peer commit that is not valid is INVALID_ARGUMENT.
 * No PSA state here: `pake-wpa3-sae.ts` holds the exchange.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { p256 } from '@noble/curves/nist.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { bigToBytesBE, bytesToBigBE } from './ecc-codec.js';

/** A group-19 point. */
export type SaePoint = WeierstrassPoint<bigint>;

const Point = p256.Point;
const Fp = Point.Fp;
const P = Fp.ORDER;
/** The group order r. */
export const R: bigint = Point.Fn.ORDER;
/** Bytes of a scalar, a coordinate and a SHA-256 output. */
export const LEN = 32;

const concat = (...parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const le16 = (n: number): Uint8Array => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff);

/** IEEE 802.11 §12.7.1.6.2 KDF-Hash-Length with SHA-256: HMAC(K, i ‖ label ‖ context ‖ length) blocks, i and length 16-bit little-endian. */
export function kdfSha256(key: Uint8Array, label: string, context: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits / 8));
  const labelBytes = new TextEncoder().encode(label);
  for (let i = 1, at = 0; at < out.length; i++, at += LEN) {
    const block = hmac(sha256, key, concat(le16(i), labelBytes, context, le16(bits)));
    out.set(block.subarray(0, Math.min(LEN, out.length - at)), at);
  }
  if (bits % 8 !== 0) out[out.length - 1]! &= 0xff << (8 - (bits % 8));
  return out;
}

/** The two MAC addresses, larger first (the order §12.4.4.2 hashes them in). */
function sortedMacs(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! > b[i]! ? concat(a, b) : concat(b, a);
  }
  return concat(a, b);
}

/** x³ + ax + b. */
const rhs = (x: bigint): bigint => {
  const { a, b } = Point.CURVE();
  return Fp.add(Fp.add(Fp.mul(Fp.sqr(x), x), Fp.mul(a, x)), b);
};

/** Whether `v` is a quadratic residue mod p (Euler's criterion; 0 counts as not). */
const isResidue = (v: bigint): boolean => v !== 0n && Fp.pow(v, (P - 1n) / 2n) === 1n;

/**
 * The looping ("hunting and pecking") PWE of `password` (the password,
 * with the identifier appended when there is one) between `macA` and `macB`:
 * 40 rounds whatever the round that succeeds, as §12.4.4.2.2 requires.
 */
export function huntAndPeck(password: Uint8Array, macA: Uint8Array, macB: Uint8Array): SaePoint {
  const macs = sortedMacs(macA, macB);
  const prime = bigToBytesBE(P, LEN);
  let found: { x: bigint; seed: Uint8Array } | undefined;
  for (let counter = 1; counter <= 40 || found === undefined; counter++) {
    if (counter > 255) fail(PSA_ERROR_INVALID_ARGUMENT, 'WPA3-SAE: no password element found');
    const seed = hmac(sha256, macs, concat(password, Uint8Array.of(counter)));
    const value = bytesToBigBE(kdfSha256(seed, 'SAE Hunting and Pecking', prime, 256));
    if (found === undefined && value < P && isResidue(rhs(value))) found = { x: value, seed };
  }
  const { x, seed } = found;
  let y = Fp.sqrt(rhs(x));
  if ((y & 1n) !== BigInt(seed[seed.length - 1]! & 1)) y = P - y;
  return Point.fromAffine({ x, y });
}

/** The H2E PWE: val·PT with val = HKDF-Extract(0³², max(mac) ‖ min(mac)) mod (r − 1) + 1 (§12.4.4.2.3). */
export function pweFromToken(token: Uint8Array, macA: Uint8Array, macB: Uint8Array): SaePoint {
  const PT = Point.fromAffine({ x: bytesToBigBE(token.subarray(0, LEN)), y: bytesToBigBE(token.subarray(LEN)) });
  const val = (bytesToBigBE(hmac(sha256, new Uint8Array(LEN), sortedMacs(macA, macB))) % (R - 1n)) + 1n;
  return PT.multiply(val);
}

/** A point as sent in a commit: x ‖ y. */
export function encodeElement(point: SaePoint): Uint8Array {
  const { x, y } = point.toAffine();
  return concat(bigToBytesBE(x, LEN), bigToBytesBE(y, LEN));
}

/** A commit: scalar ‖ element (96 bytes). */
export interface Commit {
  readonly scalar: bigint;
  readonly element: SaePoint;
  readonly bytes: Uint8Array;
}

/** Our commit from `rand` and `mask` (both in [2, r−1]): ((rand + mask) mod r, −(mask·PWE)). */
export function makeCommit(pwe: SaePoint, rand: bigint, mask: bigint): Commit {
  const scalar = (rand + mask) % R;
  const element = pwe.multiply(mask).negate();
  return { scalar, element, bytes: concat(bigToBytesBE(scalar, LEN), encodeElement(element)) };
}

/** A peer commit: 1 < scalar < r and an element on the curve (INVALID_ARGUMENT otherwise, §12.4.5.4). */
export function parseCommit(data: Uint8Array): Commit {
  const fn = 'psa_pake_input';
  if (data.length !== 3 * LEN) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a group 19 commit is 96 bytes`);
  const scalar = bytesToBigBE(data.subarray(0, LEN));
  if (scalar <= 1n || scalar >= R) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the commit scalar is out of range`);
  let element: SaePoint;
  try {
    element = Point.fromAffine({ x: bytesToBigBE(data.subarray(LEN, 2 * LEN)), y: bytesToBigBE(data.subarray(2 * LEN)) });
    element.assertValidity();
  } catch {
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the commit element is not a point of the curve`);
  }
  return { scalar, element, bytes: Uint8Array.from(data) };
}

/** KCK, PMK and PMKID from both commits (§12.4.5.4); `salt` is the keyseed salt (32 zero bytes when none is given). */
export function deriveKeys(pwe: SaePoint, rand: bigint, own: Commit, peer: Commit, salt: Uint8Array): { kck: Uint8Array; pmk: Uint8Array; pmkid: Uint8Array } {
  const K = peer.element.add(pwe.multiply(peer.scalar)).multiply(rand);
  if (K.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: the shared point is the point at infinity');
  const k = bigToBytesBE(K.toAffine().x, LEN);
  const keyseed = hmac(sha256, salt, k);
  const context = bigToBytesBE((own.scalar + peer.scalar) % R, LEN);
  const keys = kdfSha256(keyseed, 'SAE KCK and PMK', context, 512);
  k.fill(0);
  keyseed.fill(0);
  return { kck: keys.slice(0, LEN), pmk: keys.slice(LEN), pmkid: context.slice(0, 16) };
}

/** send-confirm ‖ confirm with confirm = HMAC(KCK, send-confirm ‖ scalar ‖ element ‖ peer-scalar ‖ peer-element) (§12.4.5.5). */
export function confirmValue(kck: Uint8Array, sendConfirm: number, first: Commit, second: Commit): Uint8Array {
  const counter = le16(sendConfirm);
  return concat(counter, hmac(sha256, kck, concat(counter, first.bytes, second.bytes)));
}
