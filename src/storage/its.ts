/**
 * The PSA Internal Trusted Storage interface (PSA Secure Storage API 1.0,
 * `psa/internal_trusted_storage.h`) as the key store sees it. Backends:
 * `memoryStorage()` and `fileStorage(dir)`. All calls are synchronous, like
 * the C API; failures throw `PsaError` with the ITS status.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';

/** `psa_storage_uid_t`: a 64-bit unsigned identifier. UID 0 is never valid. */
export type StorageUid = bigint;

/** `psa_storage_create_flags_t` values. */
export const PSA_STORAGE_FLAG_NONE = 0;
/** The data can never be modified or removed once written. */
export const PSA_STORAGE_FLAG_WRITE_ONCE = 1 << 0;
/** The data needs integrity only, not confidentiality. */
export const PSA_STORAGE_FLAG_NO_CONFIDENTIALITY = 1 << 1;
/** The data does not need protection against replay. */
export const PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION = 1 << 2;

/** `struct psa_storage_info_t`. */
export interface StorageInfo {
  /** Allocated size in bytes (equal to `size` for ITS). */
  capacity: number;
  /** Size of the stored data in bytes. */
  size: number;
  /** The creation flags the entry was written with. */
  flags: number;
}

/** A PSA ITS backend. */
export interface Its {
  /** `psa_its_set`: create or replace `uid`. */
  set(uid: StorageUid, data: Uint8Array, flags: number): void;
  /**
   * `psa_its_get`: read `length` bytes from `offset`. Returns the bytes read,
   * `min(length, size - offset)` of them.
   */
  get(uid: StorageUid, offset: number, length: number): Uint8Array;
  /** `psa_its_get_info`. */
  getInfo(uid: StorageUid): StorageInfo;
  /**
   * Extension: create `uid` only if no entry exists, atomically with respect
   * to every other writer of the same store (two processes on one directory
   * included). `PSA_ERROR_ALREADY_EXISTS` if an entry exists, readable or
   * not; otherwise the statuses of `set`. Backends without it leave the key
   * store to check and write in two steps.
   */
  create?(uid: StorageUid, data: Uint8Array, flags: number): void;
  /** `psa_its_remove`. */
  remove(uid: StorageUid): void;
  /** Extension: every UID present, in ascending order. */
  uids(): StorageUid[];
}

// ---------------------------------------------------------------------------
// Argument checks shared by the ITS backends. The C API takes fixed-width
// integers; here every JavaScript value is checked before use and anything
// malformed is PSA_ERROR_INVALID_ARGUMENT.
// ---------------------------------------------------------------------------

const UID_LIMIT = 1n << 64n;

/**
 * Check a UID argument and return it as a bigint: a bigint or a safe
 * non-negative integer number below 2^64. UID 0 passes (each call decides
 * what 0 means). Anything else → `PSA_ERROR_INVALID_ARGUMENT`.
 */
export function toStorageUid(uid: unknown): StorageUid {
  if (typeof uid === 'bigint') {
    if (uid >= 0n && uid < UID_LIMIT) return uid;
  } else if (typeof uid === 'number' && Number.isSafeInteger(uid) && uid >= 0) {
    return BigInt(uid);
  }
  return fail(PSA_ERROR_INVALID_ARGUMENT, `ITS: uid ${String(uid)} is not a 64-bit unsigned integer`);
}

/** Check a data argument of `set`: a `Uint8Array` of at most 2^32 − 1 bytes. */
export function checkItsData(data: unknown): Uint8Array {
  if (!(data instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, 'ITS: data is not a Uint8Array');
  if (data.length > 0xffffffff) fail(PSA_ERROR_INVALID_ARGUMENT, 'ITS: data longer than 2^32 - 1 bytes');
  return data;
}

/**
 * Check a `psa_storage_create_flags_t` argument: an integer in 0..2^32 − 1.
 * Bits without a defined meaning are kept, as the Mbed TLS backend does.
 */
export function checkItsFlags(flags: unknown): number {
  if (typeof flags !== 'number' || !Number.isInteger(flags) || flags < 0 || flags > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `ITS: flags ${String(flags)} is not a 32-bit unsigned integer`);
  }
  return flags;
}

/**
 * Check the `offset`/`length` of a `get` against the stored `size`: both
 * non-negative integers and `offset + length <= size`, as the Mbed TLS file
 * backend requires; otherwise `PSA_ERROR_INVALID_ARGUMENT`.
 */
export function checkItsRange(offset: unknown, length: unknown, size: number): void {
  for (const [name, v] of [['offset', offset], ['length', length]] as const) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `ITS get: ${name} ${String(v)} is not a non-negative integer`);
    }
  }
  if ((offset as number) + (length as number) > size) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `ITS get: offset ${String(offset)} + length ${String(length)} exceeds size ${size}`);
  }
}
