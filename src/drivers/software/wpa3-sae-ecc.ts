/**
 * WPA3-SAE arithmetic for the ECC groups 19, 20, 21 (secp256r1, secp384r1,
 * secp521r1) and 28, 29, 30 (brainpoolP256r1, P384r1, P512r1), IEEE 802.11
 * §12.4: the password element PWE by
 * hunting and pecking (§12.4.4.2.2, always with SHA-256) or from a password
 * token (§12.4.4.2.3, with the group's hash), the commit values, the shared
 * secret k, the keys KCK and PMK with the PMKID (§12.4.5.4), and the confirm
 * value (§12.4.5.5). The exchange's hash (SHA-256 for the looping variant,
 * the group's hash for hash-to-element) sizes the KCK and the confirm; the
 * PMK is 256 bits except for the group-dependent-hash variant, where it is
 * the hash's length (PSA 1.5 §10.13.12, Table 19). Statuses: a peer commit
 * that is not valid is INVALID_ARGUMENT. No PSA state here:
 * `pake-wpa3-sae.ts` holds the exchange.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import type { WeierstrassPoint, WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512, PSA_ECC_FAMILY_BRAINPOOL_P_R1, PSA_ECC_FAMILY_SECP_R1 } from '../../values/index.js';
import { bigToBytesBE, bytesToBigBE } from './ecc-codec.js';
import { concatBytes } from '../../bytes.js';

/** A point of an SAE group. */
export type SaePoint = WeierstrassPoint<bigint>;

/** A hash as used here: one-shot digest with its output length. */
export type SaeHash = CHash;

/** An SAE ECC group: its curve, sizes and the hash IEEE 802.11 pairs with it (§12.4.2, Table 12-1). */
export interface SaeGroup {
  /** IANA group number (19, 20, 21, 28, 29, 30). */
  readonly id: number;
  /** The PSA ECC family (secp_r1 or brainpool_P_r1) and the bit size of p. */
  readonly family: number;
  readonly bits: number;
  readonly Point: WeierstrassPointCons<bigint>;
  /** Bytes of p, of r and of a coordinate. */
  readonly len: number;
  /** The group order r. */
  readonly order: bigint;
  /** The group's hash, and its PSA identifier. */
  readonly hash: SaeHash;
  readonly hashAlg: number;
  /** The simplified SWU constant z (RFC 9380 §8.2–8.4; for Brainpool the values hostapd uses). */
  readonly z: bigint;
}

function group(id: number, family: number, bits: number, Point: WeierstrassPointCons<bigint>, hash: SaeHash, hashAlg: number, z: bigint): SaeGroup {
  return { id, family, bits, Point, len: Math.ceil(bits / 8), order: Point.Fn.ORDER, hash, hashAlg, z };
}

const R1 = PSA_ECC_FAMILY_SECP_R1;
const BP = PSA_ECC_FAMILY_BRAINPOOL_P_R1;
const GROUPS: readonly SaeGroup[] = [
  group(19, R1, 256, p256.Point, sha256, PSA_ALG_SHA_256, -10n),
  group(20, R1, 384, p384.Point, sha384, PSA_ALG_SHA_384, -12n),
  group(21, R1, 521, p521.Point, sha512, PSA_ALG_SHA_512, -4n),
  group(28, BP, 256, brainpoolP256r1.Point, sha256, PSA_ALG_SHA_256, -2n),
  group(29, BP, 384, brainpoolP384r1.Point, sha384, PSA_ALG_SHA_384, -5n),
  group(30, BP, 512, brainpoolP512r1.Point, sha512, PSA_ALG_SHA_512, 7n),
];

/** The SAE group of ECC `family` and `bits`, or undefined (other curves are not provided). */
export function saeGroup(family: number, bits: number): SaeGroup | undefined {
  return GROUPS.find((g) => g.family === family && g.bits === bits);
}

/** The noble hash of a PSA hash identifier used by SAE, or undefined. */
export function saeHash(hashAlg: number): SaeHash | undefined {
  return GROUPS.find((g) => g.hashAlg === hashAlg)?.hash;
}

const le16 = (n: number): Uint8Array => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff);

/**
 * IEEE 802.11 §12.7.1.6.2 KDF-Hash-Length: HMAC-H(K, i ‖ label ‖ context ‖
 * length) blocks, i and length (in bits) 16-bit little-endian; a length
 * that is not whole bytes keeps the leftmost bits of the last byte.
 */
export function kdfHash(hash: SaeHash, key: Uint8Array, label: string, context: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits / 8));
  const labelBytes = new TextEncoder().encode(label);
  for (let i = 1, at = 0; at < out.length; i++, at += hash.outputLen) {
    const block = hmac(hash, key, concatBytes(le16(i), labelBytes, context, le16(bits)));
    out.set(block.subarray(0, Math.min(hash.outputLen, out.length - at)), at);
    block.fill(0);
  }
  if (bits % 8 !== 0) out[out.length - 1]! &= 0xff << (8 - (bits % 8));
  return out;
}

/** The two MAC addresses, larger first (the order §12.4.4.2 hashes them in). */
function sortedMacs(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! > b[i]! ? concatBytes(a, b) : concatBytes(b, a);
  }
  return concatBytes(a, b);
}

/** x³ + ax + b. */
function rhs(g: SaeGroup, x: bigint): bigint {
  const Fp = g.Point.Fp;
  const { a, b } = g.Point.CURVE();
  return Fp.add(Fp.add(Fp.mul(Fp.sqr(x), x), Fp.mul(a, x)), b);
}

/** Whether `v` is a quadratic residue mod p (Euler's criterion; 0 counts as not). */
function isResidue(g: SaeGroup, v: bigint): boolean {
  const Fp = g.Point.Fp;
  return v !== 0n && Fp.pow(v, (Fp.ORDER - 1n) / 2n) === 1n;
}

/**
 * The looping ("hunting and pecking") PWE of `password` (the password,
 * with the identifier appended when there is one) between `macA` and `macB`:
 * 40 rounds whatever the round that succeeds, as §12.4.4.2.2 requires. The
 * candidate is KDF-SHA-256 output of len(p) bits, as a number (for P-521 the
 * 521 leftmost bits of 66 bytes).
 */
export function huntAndPeck(g: SaeGroup, password: Uint8Array, macA: Uint8Array, macB: Uint8Array): SaePoint {
  const macs = sortedMacs(macA, macB);
  const P = g.Point.Fp.ORDER;
  const prime = bigToBytesBE(P, g.len);
  const shift = BigInt((8 - (g.bits % 8)) % 8);
  let found: { x: bigint; odd: boolean } | undefined;
  for (let counter = 1; counter <= 40 || found === undefined; counter++) {
    if (counter > 255) fail(PSA_ERROR_INVALID_ARGUMENT, 'WPA3-SAE: no password element found');
    const seed = hmac(sha256, macs, concatBytes(password, Uint8Array.of(counter)));
    const raw = kdfHash(sha256, seed, 'SAE Hunting and Pecking', prime, g.bits);
    const value = bytesToBigBE(raw) >> shift;
    raw.fill(0);
    if (found === undefined && value < P && isResidue(g, rhs(g, value))) found = { x: value, odd: (seed[seed.length - 1]! & 1) === 1 };
    seed.fill(0);
  }
  const { x, odd } = found;
  let y = g.Point.Fp.sqrt(rhs(g, x));
  if ((y & 1n) !== (odd ? 1n : 0n)) y = P - y;
  return g.Point.fromAffine({ x, y });
}

/** The H2E PWE: val·PT with val = HKDF-Extract(0ⁿ, max(mac) ‖ min(mac)) mod (r − 1) + 1, with the group's hash (§12.4.4.2.3). */
export function pweFromToken(g: SaeGroup, token: Uint8Array, macA: Uint8Array, macB: Uint8Array): SaePoint {
  const PT = g.Point.fromAffine({ x: bytesToBigBE(token.subarray(0, g.len)), y: bytesToBigBE(token.subarray(g.len, 2 * g.len)) });
  const digest = hmac(g.hash, new Uint8Array(g.hash.outputLen), sortedMacs(macA, macB));
  const val = (bytesToBigBE(digest) % (g.order - 1n)) + 1n;
  digest.fill(0);
  return PT.multiply(val);
}

/** A point as sent in a commit: x ‖ y. */
export function encodeElement(g: SaeGroup, point: SaePoint): Uint8Array {
  const { x, y } = point.toAffine();
  return concatBytes(bigToBytesBE(x, g.len), bigToBytesBE(y, g.len));
}

/** A commit: scalar ‖ element (3 · len bytes). */
export interface Commit {
  readonly scalar: bigint;
  readonly element: SaePoint;
  readonly bytes: Uint8Array;
}

/** Our commit from `rand` and `mask` (both in [2, r−1]): ((rand + mask) mod r, −(mask·PWE)). */
export function makeCommit(g: SaeGroup, pwe: SaePoint, rand: bigint, mask: bigint): Commit {
  const scalar = (rand + mask) % g.order;
  const element = pwe.multiply(mask).negate();
  return { scalar, element, bytes: concatBytes(bigToBytesBE(scalar, g.len), encodeElement(g, element)) };
}

/** A peer commit: 1 < scalar < r and an element on the curve (INVALID_ARGUMENT otherwise, §12.4.5.4). */
export function parseCommit(g: SaeGroup, data: Uint8Array): Commit {
  const fn = 'psa_pake_input';
  const n = g.len;
  if (data.length !== 3 * n) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a group ${g.id} commit is ${3 * n} bytes`);
  const scalar = bytesToBigBE(data.subarray(0, n));
  if (scalar <= 1n || scalar >= g.order) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the commit scalar is out of range`);
  let element: SaePoint;
  try {
    element = g.Point.fromAffine({ x: bytesToBigBE(data.subarray(n, 2 * n)), y: bytesToBigBE(data.subarray(2 * n)) });
    element.assertValidity();
  } catch {
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the commit element is not a point of the curve`);
  }
  return { scalar, element, bytes: Uint8Array.from(data) };
}

/** The keys of an exchange. */
export interface SaeKeys {
  readonly kck: Uint8Array;
  readonly pmk: Uint8Array;
  readonly pmkid: Uint8Array;
}

/**
 * KCK, PMK and PMKID from both commits (§12.4.5.4) with the exchange's
 * `hash`: keyseed = HMAC-H(salt, k), KCK ‖ PMK = KDF-Hash-Length(keyseed,
 * "SAE KCK and PMK", (scalar + peer-scalar) mod r); `salt` is the keyseed
 * salt (zeros when none is given), `pmkLength` 32 or the hash's length.
 */
export function deriveKeys(g: SaeGroup, hash: SaeHash, pmkLength: number, pwe: SaePoint, rand: bigint, own: Commit, peer: Commit, salt: Uint8Array): SaeKeys {
  const K = peer.element.add(pwe.multiply(peer.scalar)).multiply(rand);
  if (K.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: the shared point is the point at infinity');
  const k = bigToBytesBE(K.toAffine().x, g.len);
  const keyseed = hmac(hash, salt, k);
  const context = bigToBytesBE((own.scalar + peer.scalar) % g.order, g.len);
  const kckLength = hash.outputLen;
  const keys = kdfHash(hash, keyseed, 'SAE KCK and PMK', context, 8 * (kckLength + pmkLength));
  k.fill(0);
  keyseed.fill(0);
  const result = { kck: keys.slice(0, kckLength), pmk: keys.slice(kckLength), pmkid: context.slice(0, 16) };
  keys.fill(0);
  return result;
}

/** send-confirm ‖ confirm with confirm = HMAC-H(KCK, send-confirm ‖ scalar ‖ element ‖ peer-scalar ‖ peer-element) (§12.4.5.5). */
export function confirmValue(hash: SaeHash, kck: Uint8Array, sendConfirm: number, first: Commit, second: Commit): Uint8Array {
  const counter = le16(sendConfirm);
  return concatBytes(counter, hmac(hash, kck, concatBytes(counter, first.bytes, second.bytes)));
}
