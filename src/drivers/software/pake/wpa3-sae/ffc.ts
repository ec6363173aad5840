/**
 * WPA3-SAE arithmetic for the finite-field groups of RFC 3526 that IEEE
 * 802.11 §12.4.4.1 finds suitable: groups 15, 16, 17, 18 (MODP 3072, 4096,
 * 6144, 8192 bits; `PSA_DH_FAMILY_RFC3526`). Group 14 (2048 bits) is below
 * the 3072-bit floor and is not offered, as ECC groups 25 and 26 are not.
 * Each prime p is safe, so the subgroup order is q = (p − 1)/2 and
 * (p − 1)/q = 2. Over these groups (§12.4.4.3):
 *
 *     looping PWE    = pwd-value² mod p, pwd-value = KDF-SHA-256(pwd-seed,
 *                      "SAE Hunting and Pecking", p) < p, PWE > 1
 *     password token = ((HKDF-Expand(pwd-seed, "SAE Hash to Element",
 *                      len(p) + ⌈len(p)/2⌉) mod (p − 2)) + 2)² mod p
 *     H2E PWE        = PT^val mod p, val = H(0ⁿ, max(mac) ‖ min(mac)) mod (q − 1) + 1
 *     commit         = (rand + mask) mod q ‖ (PWE^mask)⁻¹ mod p
 *     k              = (PWE^peer-scalar · peer-element)^rand mod p, K ≠ 1
 *
 * with the hash of Table 12-1 by the size of p (≤ 3072 bits SHA-384, larger
 * SHA-512). Elements and scalars are len(p) bytes, big-endian. A peer
 * element must satisfy 1 < e < p − 1 and e^q = 1 (§12.4.5.4); anything else
 * is INVALID_ARGUMENT. Every exponentiation is a bigint `modPow` over
 * the full exponent: an 8192-bit exchange costs seconds.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { extract, expand } from '@noble/hashes/hkdf.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../../values/status.js';
import { PSA_ALG_SHA_384, PSA_ALG_SHA_512, PSA_DH_FAMILY_RFC3526 } from '../../../../values/index.js';
import { concatBytes } from '../../../../bytes.js';
import { bigToBytesBE, bytesToBigBE } from '../../ecc/codec.js';
import { dhGroup } from '../../dh/groups.js';
import { modPow } from '../../dh/math.js';
import { modInverse } from '../../rsa/math.js';
import { kdfHash, sortedMacs, type Commit, type SaeExchangeGroup } from './common.js';

/** An RFC 3526 group as SAE uses it: p, q, sizes and the group's hash. */
export interface SaeFfcGroup extends SaeExchangeGroup<bigint> {
  /** The prime modulus. */
  readonly p: bigint;
}

/** IANA group numbers of the RFC 3526 sizes SAE accepts. */
const GROUP_IDS: ReadonlyMap<number, number> = new Map([
  [3072, 15],
  [4096, 16],
  [6144, 17],
  [8192, 18],
]);

const cache = new Map<number, SaeFfcGroup>();

/** The SAE group of DH `family` and `bits`, or undefined (only RFC 3526 groups 15–18). */
export function saeFfcGroup(family: number, bits: number): SaeFfcGroup | undefined {
  const id = GROUP_IDS.get(bits);
  const dh = family === PSA_DH_FAMILY_RFC3526 && id !== undefined ? dhGroup(family, bits) : undefined;
  if (!dh || id === undefined) return undefined;
  let g = cache.get(id);
  if (!g) {
    g = ffcGroup(id, dh.p, dh.bits);
    cache.set(id, g);
  }
  return g;
}

/** Whether `e` is an element of the order-q subgroup other than 1 and p − 1 (§12.4.5.4). */
export function isSubgroupElement(p: bigint, q: bigint, e: bigint): boolean {
  return e > 1n && e < p - 1n && modPow(e, q, p) === 1n;
}

function ffcGroup(id: number, p: bigint, bits: number): SaeFfcGroup {
  const len = bits / 8;
  const q = (p - 1n) / 2n;
  const hash = bits <= 3072 ? sha384 : sha512;
  const prime = bigToBytesBE(p, len);

  /** Looping PWE (§12.4.4.3.2): the first counter whose pwd-value is below p and squares to more than 1. */
  function huntAndPeck(password: Uint8Array, macA: Uint8Array, macB: Uint8Array): bigint {
    const macs = sortedMacs(macA, macB);
    // p lies within 2^-64 of 2^bits: the first counter all but always succeeds.
    for (let counter = 1; counter <= 255; counter++) {
      const seed = hmac(sha256, macs, concatBytes(password, Uint8Array.of(counter)));
      const raw = kdfHash(sha256, seed, 'SAE Hunting and Pecking', prime, bits);
      seed.fill(0);
      const value = bytesToBigBE(raw);
      raw.fill(0);
      if (value >= p) continue;
      const pwe = (value * value) % p;
      if (pwe > 1n) return pwe;
    }
    return fail(PSA_ERROR_INVALID_ARGUMENT, 'WPA3-SAE: no password element found');
  }

  function pweFromToken(token: Uint8Array, macA: Uint8Array, macB: Uint8Array): bigint {
    const digest = hmac(hash, new Uint8Array(hash.outputLen), sortedMacs(macA, macB));
    const val = (bytesToBigBE(digest) % (q - 1n)) + 1n;
    digest.fill(0);
    return modPow(bytesToBigBE(token), val, p);
  }

  function encode(scalar: bigint, element: bigint): Uint8Array {
    return concatBytes(bigToBytesBE(scalar, len), bigToBytesBE(element, len));
  }

  function makeCommit(pwe: bigint, rand: bigint, mask: bigint): Commit<bigint> {
    const scalar = (rand + mask) % q;
    const element = modInverse(modPow(pwe, mask, p), p)!;
    return { scalar, element, bytes: encode(scalar, element) };
  }

  function parseCommit(data: Uint8Array): Commit<bigint> {
    const fn = 'psa_pake_input';
    if (data.length !== 2 * len) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a group ${id} commit is ${2 * len} bytes`);
    const scalar = bytesToBigBE(data.subarray(0, len));
    if (scalar <= 1n || scalar >= q) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the commit scalar is out of range`);
    const element = bytesToBigBE(data.subarray(len));
    if (!isSubgroupElement(p, q, element)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the commit element is not an element of the group`);
    return { scalar, element, bytes: Uint8Array.from(data) };
  }

  function sharedSecret(pwe: bigint, rand: bigint, peer: Commit<bigint>): Uint8Array {
    const K = modPow((modPow(pwe, peer.scalar, p) * peer.element) % p, rand, p);
    if (K === 1n) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: the shared element is the identity');
    return bigToBytesBE(K, len);
  }

  return { id, p, len, bits, order: q, hash, hashAlg: bits <= 3072 ? PSA_ALG_SHA_384 : PSA_ALG_SHA_512, huntAndPeck, pweFromToken, makeCommit, parseCommit, sharedSecret };
}

/** The password token of `password` (‖ `identifier`) for network `ssid` in group `g`, len(p) bytes (§12.4.4.3.3). */
export function saeFfcPasswordToken(g: SaeFfcGroup, ssid: Uint8Array, password: Uint8Array, identifier: Uint8Array): Uint8Array {
  const ikm = concatBytes(password, identifier);
  const seed = extract(g.hash, ikm, ssid);
  ikm.fill(0);
  const okm = expand(g.hash, seed, new TextEncoder().encode('SAE Hash to Element'), g.len + Math.ceil(g.len / 2));
  seed.fill(0);
  const value = (bytesToBigBE(okm) % (g.p - 2n)) + 2n;
  okm.fill(0);
  return bigToBytesBE((value * value) % g.p, g.len);
}
