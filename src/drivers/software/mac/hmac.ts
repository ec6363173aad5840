/**
 * HMAC (RFC 2104) in the software driver, over @noble/hashes. The hashes
 * are those with an HMAC block size in PSA 1.5 (table "Hash algorithms that
 * can be used with HMAC"): MD5, RIPEMD-160, SHA-1, SHA-2, SHA-3 and SM3. As in
 * Mbed TLS, a key longer than the hash block is replaced by its digest;
 * any key length, zero included, is accepted.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import type { CHash } from '@noble/hashes/utils.js';
import { NOBLE_HMAC_HASHES } from '../hash/noble.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import type { MacContext } from '../../mac.js';
import { NobleMacContext } from './noble.js';

const HMAC_HASHES: ReadonlyMap<number, CHash> = NOBLE_HMAC_HASHES;

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
