/**
 * WPA3-SAE arithmetic for the ECC groups 19, 20, 21 (secp256r1, secp384r1,
 * secp521r1) and 28, 29, 30 (brainpoolP256r1, P384r1, P512r1), IEEE 802.11
 * §12.4: the password element PWE by
 * hunting and pecking (§12.4.4.2.2, always with SHA-256) or from a password
 * token (§12.4.4.2.3, with the group's hash), the commit values and the
 * shared secret k. The keys and the confirm are `pake/wpa3-sae/common.ts`'s.
 * Statuses: a peer commit that is not valid is INVALID_ARGUMENT. No PSA
 * state here: `pake/wpa3-sae/exchange.ts` holds the exchange.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import type { WeierstrassPoint, WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../../values/status.js';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512, PSA_ECC_FAMILY_BRAINPOOL_P_R1, PSA_ECC_FAMILY_SECP_R1 } from '../../../../values/index.js';
import { bigToBytesBE, bytesToBigBE } from '../../ecc/codec.js';
import { concatBytes } from '../../../../bytes.js';
import { kdfHash, sortedMacs, type Commit, type SaeExchangeGroup, type SaeHash } from './common.js';

/** A point of an SAE group. */
export type SaePoint = WeierstrassPoint<bigint>;

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

/** Our commit from `rand` and `mask` (both in [2, r−1]): ((rand + mask) mod r, −(mask·PWE)). */
export function makeCommit(g: SaeGroup, pwe: SaePoint, rand: bigint, mask: bigint): Commit<SaePoint> {
  const scalar = (rand + mask) % g.order;
  const element = pwe.multiply(mask).negate();
  return { scalar, element, bytes: concatBytes(bigToBytesBE(scalar, g.len), encodeElement(g, element)) };
}

/** A peer commit: 1 < scalar < r and an element on the curve (INVALID_ARGUMENT otherwise, §12.4.5.4). */
export function parseCommit(g: SaeGroup, data: Uint8Array): Commit<SaePoint> {
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

/** k: the x coordinate of K = rand · (peer-scalar · PWE + peer-element); INVALID_ARGUMENT when K is the point at infinity. */
export function sharedSecret(g: SaeGroup, pwe: SaePoint, rand: bigint, peer: Commit<SaePoint>): Uint8Array {
  const K = peer.element.add(pwe.multiply(peer.scalar)).multiply(rand);
  if (K.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: the shared point is the point at infinity');
  return bigToBytesBE(K.toAffine().x, g.len);
}

/** The ECC group `g` as the exchange uses it. */
export function eccExchangeGroup(g: SaeGroup): SaeExchangeGroup<SaePoint> {
  return {
    id: g.id,
    len: g.len,
    bits: g.bits,
    order: g.order,
    hash: g.hash,
    hashAlg: g.hashAlg,
    huntAndPeck: (password, macA, macB) => huntAndPeck(g, password, macA, macB),
    pweFromToken: (token, macA, macB) => pweFromToken(g, token, macA, macB),
    makeCommit: (pwe, rand, mask) => makeCommit(g, pwe, rand, mask),
    parseCommit: (data) => parseCommit(g, data),
    sharedSecret: (pwe, rand, peer) => sharedSecret(g, pwe, rand, peer),
  };
}
