import { expect } from 'vitest';
import { PsaError } from '../../src/values/error.js';
import { statusName } from '../../src/values/status.js';

/** Assert that `body` throws a PsaError with `status`. */
export function expectStatus(body: () => unknown, status: number): void {
  let thrown: unknown;
  try {
    body();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, `expected ${statusName(status)}`).toBeInstanceOf(PsaError);
  expect(statusName((thrown as PsaError).status)).toBe(statusName(status));
}

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
