/**
 * The Ascon known-answer vectors of `test-vectors/ascon-sp800-232.json`
 * (transcribed from the ascon-c reference repository and NIST ACVP sample
 * sets; see the file's `source` field), and small shared helpers.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { PsaError } from '../../src/values/error.js';

/** One Ascon-AEAD128 case: hex strings; `valid: false` means decryption must fail. */
export interface AeadCase {
  readonly source: string;
  readonly count: number;
  readonly key: string;
  readonly nonce: string;
  readonly ad: string;
  readonly plaintext: string;
  readonly ciphertext: string;
  readonly tag: string;
  readonly valid: boolean;
}

/** One Ascon-Hash256 case. */
export interface HashCase {
  readonly source: string;
  readonly count: number;
  readonly message: string;
  readonly digest: string;
}

/** One Ascon-XOF128 / Ascon-CXOF128 case (`customization` for CXOF only). */
export interface XofCase {
  readonly source: string;
  readonly count: number;
  readonly customization?: string;
  readonly message: string;
  readonly output: string;
}

/** The whole vector file. */
export interface AsconVectors {
  readonly source: Record<string, string>;
  readonly aead: readonly AeadCase[];
  readonly hash256: readonly HashCase[];
  readonly xof128: readonly XofCase[];
  readonly cxof128: readonly XofCase[];
}

/** The parsed vector file. */
export const VECTORS = JSON.parse(
  readFileSync(new URL('../../test-vectors/ascon-sp800-232.json', import.meta.url), 'utf8'),
) as AsconVectors;

/** Hex to bytes. */
export const h = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
/** Bytes to lower-case hex. */
export const hx = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** A case's label for test names. */
export const label = (c: { source: string; count: number }): string => `${c.source} #${c.count}`;

/** Expect `body` to throw a PsaError with `status`. */
export function expectStatus(body: () => unknown, status: number): void {
  let thrown: unknown;
  try {
    body();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'the call succeeded').toBeInstanceOf(PsaError);
  expect((thrown as PsaError).code).toBe(new PsaError(status).code);
}

/** `data` cut into consecutive pieces of the given lengths (the rest in a last piece). */
export function pieces(data: Uint8Array, lengths: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let offset = 0;
  for (const n of lengths) {
    const end = Math.min(data.length, offset + n);
    out.push(data.subarray(offset, end));
    offset = end;
  }
  out.push(data.subarray(offset));
  return out;
}
