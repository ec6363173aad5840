/**
 * The checks of the key derivation operation's arguments: JavaScript values
 * standing for C's `size_t` capacity and `uint64_t` integers, and the key
 * material a KDF input may read (transparent keys only, as Mbed TLS's
 * `psa_get_and_lock_transparent_key_slot_with_policy`).
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_KEY_DERIVATION_UNLIMITED_CAPACITY, PSA_KEY_LIFETIME_GET_LOCATION } from '../../values/index.js';
import type { KeySlot } from '../keys/slot.js';

const UINT64_MAX = (1n << 64n) - 1n;

/** A capacity argument: a non-negative integer. Values from 2^53 − 1 up (`SIZE_MAX` given as a bigint) count as `PSA_KEY_DERIVATION_UNLIMITED_CAPACITY`. */
export function checkCapacity(value: unknown, fn: string): number {
  if (typeof value === 'bigint' && value >= 0n && value <= UINT64_MAX) {
    return value >= BigInt(PSA_KEY_DERIVATION_UNLIMITED_CAPACITY) ? PSA_KEY_DERIVATION_UNLIMITED_CAPACITY : Number(value);
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return Math.min(value, PSA_KEY_DERIVATION_UNLIMITED_CAPACITY);
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: capacity must be a non-negative integer`);
}

/** A `uint64_t` argument as a bigint. */
export function checkUint64(value: unknown, fn: string, param: string): bigint {
  if (typeof value === 'bigint' && value >= 0n && value <= UINT64_MAX) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be an unsigned 64-bit integer`);
}

/** A key's material for use as a KDF input; keys in an opaque driver cannot be read (NOT_SUPPORTED). */
export function transparentMaterial(slot: KeySlot, fn: string): Uint8Array {
  if (PSA_KEY_LIFETIME_GET_LOCATION(slot.attributes.lifetime) !== 0) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the key is in a secure element`);
  }
  return slot.keyBuffer;
}
