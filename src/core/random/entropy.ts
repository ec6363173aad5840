/**
 * Entropy sources: where the random generator gets its seed. The system
 * source (`crypto.getRandomValues`, in Node ≥ 20 and browsers), a seeded
 * deterministic source for reproducible runs, and a failing source that
 * models a device without entropy.
 * @module
 */
import { shake256 } from '@noble/hashes/sha3.js';
import { PsaError, fail } from '../../values/error.js';
import { PSA_ERROR_INSUFFICIENT_ENTROPY, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';

/** A source of entropy for seeding the random generator. */
export interface EntropySource {
  /** `length` bytes of entropy; throws `PsaError(PSA_ERROR_INSUFFICIENT_ENTROPY)` when it cannot. */
  getEntropy(length: number): Uint8Array;
}

/** Largest request `crypto.getRandomValues` accepts in one call. */
const GET_RANDOM_VALUES_MAX = 65536;

function lengthArgument(length: unknown): number {
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `entropy length must be a non-negative integer: ${String(length)}`);
  }
  return length;
}

/** The platform's cryptographic random source (`globalThis.crypto.getRandomValues`). */
export function systemEntropy(): EntropySource {
  return {
    getEntropy(length: number): Uint8Array {
      const n = lengthArgument(length);
      const getRandomValues = globalThis.crypto?.getRandomValues?.bind(globalThis.crypto);
      if (getRandomValues === undefined) fail(PSA_ERROR_INSUFFICIENT_ENTROPY, 'no crypto.getRandomValues on this platform');
      const out = new Uint8Array(n);
      try {
        for (let offset = 0; offset < n; offset += GET_RANDOM_VALUES_MAX) {
          getRandomValues(out.subarray(offset, Math.min(n, offset + GET_RANDOM_VALUES_MAX)));
        }
      } catch (err) {
        out.fill(0);
        if (err instanceof PsaError) throw err;
        fail(PSA_ERROR_INSUFFICIENT_ENTROPY, `crypto.getRandomValues failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return out;
    },
  };
}

/**
 * A deterministic source for reproducible runs (tests, simulations): call
 * number i (from 0) returns SHAKE256(seed ‖ i as 8 bytes big-endian) cut to
 * the requested length.
 *
 * WARNING: for tests only. Every key, nonce and signature it feeds is
 * predictable by anyone who knows (or guesses) the seed; never use it where
 * real secrecy is needed. It is exported from `psa-crypto/testing`, not the
 * package root, for that reason.
 * @param seed the seed; the same seed gives the same sequence
 * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT` when `seed` is not a `Uint8Array`
 */
export function seededEntropy(seed: Uint8Array): EntropySource {
  if (!(seed instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, 'seed must be a Uint8Array');
  const material = new Uint8Array(seed.length + 8);
  material.set(seed);
  const counter = new DataView(material.buffer, seed.length, 8);
  let calls = 0;
  return {
    getEntropy(length: number): Uint8Array {
      const n = lengthArgument(length);
      counter.setUint32(0, Math.floor(calls / 0x100000000));
      counter.setUint32(4, calls >>> 0);
      calls++;
      return shake256(material, { dkLen: n });
    },
  };
}

/** A source that never delivers: every request fails with INSUFFICIENT_ENTROPY. */
export function failingEntropy(): EntropySource {
  return {
    getEntropy(): Uint8Array {
      fail(PSA_ERROR_INSUFFICIENT_ENTROPY, 'entropy source unavailable');
    },
  };
}
