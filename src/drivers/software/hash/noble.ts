/**
 * The noble hash functions behind the PSA hash identifiers that have an
 * HMAC block size (MD5, RIPEMD-160, SHA-1, SHA-2, SHA-3, and SM3, this
 * package's own implementation in noble's shape: `sm3.ts`): the one table
 * that the software hash driver (with the suspend layouts of the
 * Merkle–Damgård hashes the spec gives one), HMAC, deterministic ECDSA
 * (RFC 6979) and the key derivations draw from.
 * @module
 */
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import type { CHash } from '@noble/hashes/utils.js';
import { sm3 } from './sm3.js';
import {
  PSA_ALG_MD5,
  PSA_ALG_RIPEMD160,
  PSA_ALG_SHA3_224,
  PSA_ALG_SHA3_256,
  PSA_ALG_SHA3_384,
  PSA_ALG_SHA3_512,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_SHA_512_224,
  PSA_ALG_SHA_512_256,
  PSA_ALG_SM3,
} from '../../../values/algorithms.js';

/**
 * How the chaining words of a Merkle–Damgård hash are encoded in the PSA
 * hash suspend state.
 */
export interface MdLayout {
  /** Number of 32-bit words noble's `get()` returns (64-bit words come as two halves, high first). */
  readonly words: number;
  /** Word byte order of the PSA hash-state field. */
  readonly littleEndian: boolean;
}

/** A noble hash behind a PSA identifier, and its suspend layout when it is a Merkle–Damgård hash. */
export interface NobleHashEntry {
  readonly hash: CHash;
  readonly md?: MdLayout;
}

const MD_LE4: MdLayout = { words: 4, littleEndian: true };
const MD_LE5: MdLayout = { words: 5, littleEndian: true };
const MD_BE5: MdLayout = { words: 5, littleEndian: false };
const MD_BE8: MdLayout = { words: 8, littleEndian: false };
const MD_BE16: MdLayout = { words: 16, littleEndian: false };

/** The table: PSA hash identifier → noble hash, for the hashes usable with HMAC. */
export const NOBLE_HASHES: ReadonlyMap<number, NobleHashEntry> = new Map<number, NobleHashEntry>([
  [PSA_ALG_MD5, { hash: md5, md: MD_LE4 }],
  [PSA_ALG_RIPEMD160, { hash: ripemd160, md: MD_LE5 }],
  [PSA_ALG_SHA_1, { hash: sha1, md: MD_BE5 }],
  [PSA_ALG_SHA_224, { hash: sha224, md: MD_BE8 }],
  [PSA_ALG_SHA_256, { hash: sha256, md: MD_BE8 }],
  [PSA_ALG_SHA_384, { hash: sha384, md: MD_BE16 }],
  [PSA_ALG_SHA_512, { hash: sha512, md: MD_BE16 }],
  [PSA_ALG_SHA_512_224, { hash: sha512_224, md: MD_BE16 }],
  [PSA_ALG_SHA_512_256, { hash: sha512_256, md: MD_BE16 }],
  [PSA_ALG_SHA3_224, { hash: sha3_224 }],
  [PSA_ALG_SHA3_256, { hash: sha3_256 }],
  [PSA_ALG_SHA3_384, { hash: sha3_384 }],
  [PSA_ALG_SHA3_512, { hash: sha3_512 }],
  // No suspend layout: the spec defines no hash suspend state for SM3.
  [PSA_ALG_SM3, { hash: sm3 }],
]);

/** The same table as PSA hash identifier → noble hash function (HMAC, RFC 6979, the KDFs). */
export const NOBLE_HMAC_HASHES: ReadonlyMap<number, CHash> = new Map<number, CHash>(
  [...NOBLE_HASHES].map(([alg, entry]) => [alg, entry.hash]),
);
