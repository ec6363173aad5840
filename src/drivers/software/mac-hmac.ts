/**
 * HMAC (RFC 2104) in the software driver, over @noble/hashes. The hashes
 * are those with an HMAC block size in PSA 1.5 (table "Hash algorithms that
 * can be used with HMAC"): MD5, RIPEMD-160, SHA-1, SHA-2 and SHA-3. As in
 * Mbed TLS, a key longer than the hash block is replaced by its digest;
 * any key length, zero included, is accepted.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import type { CHash } from '@noble/hashes/utils.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
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
} from '../../values/algorithms.js';
import type { MacContext } from '../mac.js';
import { NobleMacContext } from './mac-noble.js';

/** The hashes HMAC is computed with, by PSA hash algorithm identifier. */
const HMAC_HASHES: ReadonlyMap<number, CHash> = new Map<number, CHash>([
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

/** The hash algorithms `hmacSetup` accepts. */
export const SOFTWARE_HMAC_HASHES: readonly number[] = [...HMAC_HASHES.keys()];

/**
 * Start HMAC with hash `hashAlg` (a PSA hash identifier) and `key`.
 * NOT_SUPPORTED for a hash without an HMAC block size or not built in.
 */
export function hmacSetup(hashAlg: number, key: Uint8Array): MacContext {
  const hash = HMAC_HASHES.get(hashAlg >>> 0);
  if (hash === undefined) {
    fail(PSA_ERROR_NOT_SUPPORTED, `HMAC with hash 0x${(hashAlg >>> 0).toString(16)} is not supported`);
  }
  return new NobleMacContext(hmac.create(hash, key), 'HMAC');
}
