/**
 * BLAKE2 MAC (PSA 1.5 `PSA_ALG_BLAKE2_MAC`): keyed BLAKE2s or BLAKE2b
 * (RFC 7693 §2.5) over @noble/hashes. The tag length is BLAKE2's own
 * output-length parameter (it enters the parameter block, so a 16-byte
 * BLAKE2s tag is not the first half of the 32-byte one): the PSA text says
 * BLAKE2 permits any tag length up to the maximum, and keyed BLAKE2s with a
 * 16-byte output is what protocols such as WireGuard use. A BLAKE2 MAC over
 * the parallel forms (BLAKE2sp, BLAKE2bp) is not implemented; those are
 * hashes only (`hash/blake2-parallel.ts`).
 * @module
 */
import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import { PSA_ALG_BLAKE2B_HASH512, PSA_ALG_BLAKE2S_HASH256 } from '../../../values/algorithms.js';
import type { MacContext } from '../../mac.js';

/** Largest key and tag, in bytes, of each BLAKE2 MAC this driver computes, by BLAKE2 hash identifier. */
export const BLAKE2_MAC_LIMITS: ReadonlyMap<number, number> = new Map([
  [PSA_ALG_BLAKE2S_HASH256, 32],
  [PSA_ALG_BLAKE2B_HASH512, 64],
]);

type NobleBlake2 = ReturnType<typeof blake2s.create> | ReturnType<typeof blake2b.create>;

class Blake2MacContext implements MacContext {
  #h: NobleBlake2 | undefined;

  constructor(h: NobleBlake2) {
    this.#h = h;
  }

  update(data: Uint8Array): void {
    (this.#h ?? fail(PSA_ERROR_BAD_STATE, 'BLAKE2 MAC context is finished')).update(data);
  }

  finish(): Uint8Array {
    const h = this.#h ?? fail(PSA_ERROR_BAD_STATE, 'BLAKE2 MAC context is finished');
    const out = h.digest();
    this.destroy();
    return out;
  }

  destroy(): void {
    const h = this.#h;
    this.#h = undefined;
    h?.destroy();
  }
}

/**
 * Start keyed BLAKE2 (`hashAlg` = BLAKE2s-256 or BLAKE2b-512) with a
 * `tagLength`-byte output. INVALID_ARGUMENT for an empty or too long key or
 * a tag length out of range; NOT_SUPPORTED for BLAKE2sp/BLAKE2bp.
 */
export function blake2MacSetup(hashAlg: number, key: Uint8Array, tagLength: number): MacContext {
  const max = BLAKE2_MAC_LIMITS.get(hashAlg >>> 0);
  if (max === undefined) fail(PSA_ERROR_NOT_SUPPORTED, `BLAKE2 MAC with hash 0x${(hashAlg >>> 0).toString(16)} is not supported`);
  if (key.length === 0 || key.length > max) fail(PSA_ERROR_INVALID_ARGUMENT, `a BLAKE2 MAC key has 1 to ${max} bytes`);
  if (!Number.isInteger(tagLength) || tagLength < 1 || tagLength > max) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `a BLAKE2 MAC tag has 1 to ${max} bytes`);
  }
  const opts = { key, dkLen: tagLength };
  return new Blake2MacContext(max === 32 ? blake2s.create(opts) : blake2b.create(opts));
}
