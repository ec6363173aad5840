/**
 * What WPA3-SAE (IEEE 802.11 §12.4) computes the same way over elliptic
 * curves and finite fields: the KDF, the MAC-address order, the keys KCK,
 * PMK and PMKID (§12.4.5.4) from the shared secret k, and the confirm value
 * (§12.4.5.5); and `SaeExchangeGroup`, the group operations the exchange
 * needs, which `pake/wpa3-sae/ecc.ts` and `pake/wpa3-sae/ffc.ts` provide.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512 } from '../../../../values/index.js';
import { concatBytes } from '../../../../bytes.js';
import { bigToBytesBE } from '../../ecc/codec.js';

/** A hash as used here: one-shot digest with its output length. */
export type SaeHash = CHash;

/** The noble hash of a PSA hash identifier SAE uses (SHA-256, SHA-384, SHA-512), or undefined. */
export function saeHash(hashAlg: number): SaeHash | undefined {
  return hashAlg === PSA_ALG_SHA_256 ? sha256 : hashAlg === PSA_ALG_SHA_384 ? sha384 : hashAlg === PSA_ALG_SHA_512 ? sha512 : undefined;
}

/** A commit: scalar ‖ element as sent, with the scalar as a number and the element in the group's form. */
export interface Commit<E = unknown> {
  readonly scalar: bigint;
  readonly element: E;
  readonly bytes: Uint8Array;
}

/**
 * One SAE group seen through what the exchange does with it; `E` is the
 * group's element (a curve point or a residue mod p). Statuses: a peer
 * commit that is not valid, and a shared secret that is the identity, are
 * INVALID_ARGUMENT.
 */
export interface SaeExchangeGroup<E = unknown> {
  /** IANA group number. */
  readonly id: number;
  /** Bytes of p: the size of a scalar, of an element coordinate and of k. */
  readonly len: number;
  /** Bit size of p. */
  readonly bits: number;
  /** The group order r (q for finite fields). */
  readonly order: bigint;
  /** The hash IEEE 802.11 Table 12-1 pairs with the group, and its PSA identifier. */
  readonly hash: SaeHash;
  readonly hashAlg: number;
  /** The PWE by the looping method from `password` (with any identifier appended). */
  huntAndPeck(password: Uint8Array, macA: Uint8Array, macB: Uint8Array): E;
  /** The PWE by hash-to-element from a password token in its PSA export format. */
  pweFromToken(token: Uint8Array, macA: Uint8Array, macB: Uint8Array): E;
  /** Our commit from `rand` and `mask` (both in [2, r−1]). */
  makeCommit(pwe: E, rand: bigint, mask: bigint): Commit<E>;
  /** A peer commit, validated as §12.4.5.4 requires. */
  parseCommit(data: Uint8Array): Commit<E>;
  /** k: the shared secret K = rand · (peer-scalar · PWE + peer-element) reduced to its x coordinate or value. */
  sharedSecret(pwe: E, rand: bigint, peer: Commit<E>): Uint8Array;
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

/** The two MAC addresses, larger first (the order §12.4.4 hashes them in). */
export function sortedMacs(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! > b[i]! ? concatBytes(a, b) : concatBytes(b, a);
  }
  return concatBytes(a, b);
}

/** The keys of an exchange. */
export interface SaeKeys {
  readonly kck: Uint8Array;
  readonly pmk: Uint8Array;
  readonly pmkid: Uint8Array;
}

/**
 * KCK, PMK and PMKID from the shared secret `k` and both commits
 * (§12.4.5.4) with the exchange's `hash`: keyseed = HMAC-H(salt, k),
 * KCK ‖ PMK = KDF-Hash-Length(keyseed, "SAE KCK and PMK", (scalar +
 * peer-scalar) mod r), the sum in the length of p; `salt` is the keyseed
 * salt (zeros when none is given), `pmkLength` 32 or the hash's length.
 */
export function deriveKeys(g: SaeExchangeGroup, hash: SaeHash, pmkLength: number, k: Uint8Array, own: Commit, peer: Commit, salt: Uint8Array): SaeKeys {
  const keyseed = hmac(hash, salt, k);
  const context = bigToBytesBE((own.scalar + peer.scalar) % g.order, g.len);
  const kckLength = hash.outputLen;
  const keys = kdfHash(hash, keyseed, 'SAE KCK and PMK', context, 8 * (kckLength + pmkLength));
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
