/**
 * The noble hash functions behind the PSA hash identifiers that have an
 * HMAC block size (MD5, RIPEMD-160, SHA-1, SHA-2, SHA-3): the one table that
 * HMAC, deterministic ECDSA (RFC 6979) and the key derivations draw from.
 * @module
 */
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import type { CHash } from '@noble/hashes/utils.js';
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
} from '../../../values/algorithms.js';

/** PSA hash identifier → noble hash, for the hashes usable with HMAC. */
export const NOBLE_HMAC_HASHES: ReadonlyMap<number, CHash> = new Map<number, CHash>([
  [PSA_ALG_MD5, md5],
  [PSA_ALG_RIPEMD160, ripemd160],
  [PSA_ALG_SHA_1, sha1],
  [PSA_ALG_SHA_224, sha224],
  [PSA_ALG_SHA_256, sha256],
  [PSA_ALG_SHA_384, sha384],
  [PSA_ALG_SHA_512, sha512],
  [PSA_ALG_SHA_512_224, sha512_224],
  [PSA_ALG_SHA_512_256, sha512_256],
  [PSA_ALG_SHA3_224, sha3_224],
  [PSA_ALG_SHA3_256, sha3_256],
  [PSA_ALG_SHA3_384, sha3_384],
  [PSA_ALG_SHA3_512, sha3_512],
]);
