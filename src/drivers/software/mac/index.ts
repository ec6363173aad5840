/**
 * The software driver's MAC entry points: HMAC (`mac/hmac.ts`), CMAC (AES,
 * three-key Triple-DES) and
 * CBC-MAC over AES (`mac/block-cipher.ts`), BLAKE2 MAC (`mac/blake2.ts`).
 * Anything else is `PSA_ERROR_NOT_SUPPORTED`.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_BLAKE2_MAC,
  PSA_ALG_CBC_MAC,
  PSA_ALG_CMAC,
  PSA_ALG_FULL_LENGTH_MAC,
  PSA_ALG_HMAC,
  PSA_MAC_LENGTH,
  describe,
} from '../../../values/index.js';
import type { DriverKeyAttributes } from '../../driver.js';
import type { MacContext, MacEntryPoints } from '../../mac.js';
import { blake2MacSetup } from './blake2.js';
import { cbcMacSetup, cmacSetup } from './block-cipher.js';
import { hmacSetup } from './hmac.js';

const HASH_MASK = 0xff;

/** Start a MAC computation of `alg` (full length or truncated) with a key of `attributes.type`. */
export function softwareMacSetup(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number): MacContext {
  const full = PSA_ALG_FULL_LENGTH_MAC(alg >>> 0);
  const hash = (full & HASH_MASK) | 0x02000000;
  if (full === PSA_ALG_HMAC(hash)) return hmacSetup(hash, keyBuffer);
  if (full === PSA_ALG_CMAC) return cmacSetup(attributes.type, keyBuffer);
  if (full === PSA_ALG_CBC_MAC) return cbcMacSetup(attributes.type, keyBuffer);
  if (full === PSA_ALG_BLAKE2_MAC(hash)) {
    return blake2MacSetup(hash, keyBuffer, PSA_MAC_LENGTH(attributes.type, attributes.bits, alg >>> 0));
  }
  return fail(PSA_ERROR_NOT_SUPPORTED, `MAC algorithm ${describe(alg >>> 0, 'alg')} is not supported`);
}

/** MAC entry points of the software driver. */
export const softwareMac: MacEntryPoints = {
  macSetup: softwareMacSetup,
};
