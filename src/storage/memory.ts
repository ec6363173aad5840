/**
 * `memoryStorage()`: an Internal Trusted Storage held in a `Map`, for tests,
 * browsers and volatile-only deployments. It follows the Mbed TLS file
 * backend's statuses (see `fileStorage`) so both backends are interchangeable:
 *
 * - `set` on UID 0 → `PSA_ERROR_INVALID_HANDLE`; `get`/`getInfo`/`remove` on
 *   UID 0 → `PSA_ERROR_DOES_NOT_EXIST` (Mbed TLS looks the UID up and never
 *   finds it, since it can never be written);
 * - a missing UID → `PSA_ERROR_DOES_NOT_EXIST`;
 * - `get` with `offset + length > size` → `PSA_ERROR_INVALID_ARGUMENT`;
 * - creation flags are stored as given, unknown bits included;
 * - `PSA_STORAGE_FLAG_WRITE_ONCE` is enforced as the ITS specification says
 *   (`set`/`remove` of such an entry → `PSA_ERROR_NOT_PERMITTED`);
 * - `create` of an existing UID → `PSA_ERROR_ALREADY_EXISTS`.
 *
 * Data is copied on the way in and on the way out.
 * @module
 */
import { fail } from '../values/error.js';
import {
  PSA_ERROR_ALREADY_EXISTS,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
} from '../values/status.js';
import {
  PSA_STORAGE_FLAG_WRITE_ONCE,
  checkItsData,
  checkItsFlags,
  checkItsRange,
  toStorageUid,
  type Its,
  type StorageInfo,
  type StorageUid,
} from './its.js';
import { copyBytes, copyRange } from '../bytes.js';

interface Entry {
  readonly data: Uint8Array;
  readonly flags: number;
}

/** Create an empty in-memory ITS. Each call returns an independent store. */
export function memoryStorage(): Its {
  const entries = new Map<StorageUid, Entry>();

  const lookup = (uid: unknown, fn: string): Entry => {
    const key = toStorageUid(uid);
    const entry = entries.get(key);
    if (entry === undefined) fail(PSA_ERROR_DOES_NOT_EXIST, `${fn}: uid ${key} not found`);
    return entry;
  };

  return {
    set(uid, data, flags) {
      const key = toStorageUid(uid);
      const bytes = checkItsData(data);
      const createFlags = checkItsFlags(flags);
      if (key === 0n) fail(PSA_ERROR_INVALID_HANDLE, 'psa_its_set: uid 0');
      const old = entries.get(key);
      if (old !== undefined && (old.flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0) {
        fail(PSA_ERROR_NOT_PERMITTED, `psa_its_set: uid ${key} is write-once`);
      }
      entries.set(key, { data: copyBytes(bytes), flags: createFlags });
    },

    create(uid, data, flags) {
      const key = toStorageUid(uid);
      const bytes = checkItsData(data);
      const createFlags = checkItsFlags(flags);
      if (key === 0n) fail(PSA_ERROR_INVALID_HANDLE, 'psa_its_create: uid 0');
      if (entries.has(key)) fail(PSA_ERROR_ALREADY_EXISTS, `psa_its_create: uid ${key} already exists`);
      entries.set(key, { data: copyBytes(bytes), flags: createFlags });
    },

    get(uid, offset, length) {
      const entry = lookup(uid, 'psa_its_get');
      checkItsRange(offset, length, entry.data.length);
      return copyRange(entry.data, offset, offset + length);
    },

    getInfo(uid): StorageInfo {
      const entry = lookup(uid, 'psa_its_get_info');
      return { capacity: entry.data.length, size: entry.data.length, flags: entry.flags };
    },

    remove(uid) {
      const entry = lookup(uid, 'psa_its_remove');
      if ((entry.flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0) {
        fail(PSA_ERROR_NOT_PERMITTED, `psa_its_remove: uid ${String(uid)} is write-once`);
      }
      entries.delete(toStorageUid(uid));
    },

    uids() {
      return [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
