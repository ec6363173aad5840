/**
 * Input checks for the public faces. JavaScript callers can pass anything;
 * PSA functions must answer with a status, never a TypeError. Every check
 * here throws `PsaError(PSA_ERROR_INVALID_ARGUMENT)` naming the function and
 * the parameter, and never echoes the value (it could be key material).
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';

/** A `Uint8Array` (any `ArrayBufferView` of bytes is accepted as such). */
export function checkBytes(value: unknown, fn: string, param: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be a Uint8Array`);
}

/** An unsigned integer that fits in `bits` bits (32 unless said). */
export function checkUint(value: unknown, fn: string, param: string, bits = 32): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2 ** bits - 1) return value;
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be an unsigned ${bits}-bit integer`);
}

/** A non-negative integer usable as a length (at most 2^31 - 1: larger buffers cannot exist here). */
export function checkLength(value: unknown, fn: string, param: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) return value;
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be a non-negative integer length`);
}

/** A plain object (attributes, options). */
export function checkObject(value: unknown, fn: string, param: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be an object`);
}

/** Constant-time equality of two byte strings (the length is not secret). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
