/**
 * Shared pieces of the cipher tests: a PSA instance, key import, running a
 * multipart operation over a given chunking, and byte helpers.
 */
import fc from 'fast-check';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import { PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_ENCRYPT } from '../../src/values/index.js';
import { concatBytes } from '../../src/bytes.js';

/** One instance for a test file. */
export const psa: Psa = createPsa();

/** Import `key` as `type` for `alg`, usable to encrypt and decrypt. */
export function importKey(type: number, alg: number, key: Uint8Array): number {
  return psa.importKey({ type, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, key);
}

/** Concatenate byte strings. */
export const concat = concatBytes;

/** `data` split at the sorted, de-duplicated `cuts` (each in 0..length). */
export function split(data: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.min(c, data.length)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(data.subarray(from, p));
    from = p;
  }
  parts.push(data.subarray(from));
  return parts;
}

/** Run a multipart operation over `parts`; returns the concatenated output. */
export function multipart(encrypt: boolean, key: number, alg: number, iv: Uint8Array | undefined, parts: readonly Uint8Array[]): Uint8Array {
  const op = encrypt ? psa.cipherEncryptSetup(key, alg) : psa.cipherDecryptSetup(key, alg);
  try {
    if (iv !== undefined) op.setIv(iv);
    return concat(...parts.map((p) => op.update(p)), op.finish());
  } finally {
    op.abort();
  }
}

/** Random bytes of exactly `length`. */
export const bytes = (length: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: length, maxLength: length });

/** Up to five cut points into a message of at most `max` bytes. */
export const cuts = (max: number): fc.Arbitrary<number[]> => fc.array(fc.nat({ max }), { maxLength: 5 });

/** Runs per property (overridable for longer local runs). */
export const RUNS = Number(process.env['PSA_PROPERTY_RUNS'] ?? 60);
