/**
 * The PSA ITS functions (`psa/internal_trusted_storage.h`) in C shape, on the
 * storage of the current instance — the same entries that hold its
 * persistent keys.
 * @module
 */
import type { StorageInfo } from '../storage/its.js';
import { toStorageUid } from '../storage/its.js';
import { checkBytes, checkObject } from '../core/validate.js';
import { instance, resetOut, setOut, status, type Out } from './instance.js';

/** `psa_storage_uid_t`. */
export type psa_storage_uid_t = bigint | number;
/** `struct psa_storage_info_t`. */
export type psa_storage_info_t = StorageInfo;

/** `psa_its_set`. */
export function psa_its_set(uid: psa_storage_uid_t, data: Uint8Array, createFlags: number): number {
  return status(() => instance().storage.set(toStorageUid(uid), checkBytes(data, 'psa_its_set', 'p_data'), createFlags));
}

/** `psa_its_get`: read up to `data.length` bytes from `dataOffset`. */
export function psa_its_get(uid: psa_storage_uid_t, dataOffset: number, data: Uint8Array, dataLength: Out): number {
  resetOut(dataLength, 0);
  return status(() => {
    const out = checkBytes(data, 'psa_its_get', 'p_data');
    const bytes = instance().storage.get(toStorageUid(uid), dataOffset, out.length);
    out.set(bytes);
    setOut(dataLength, bytes.length);
  });
}

/** `psa_its_get_info`. */
export function psa_its_get_info(uid: psa_storage_uid_t, info: psa_storage_info_t): number {
  return status(() => {
    checkObject(info, 'psa_its_get_info', 'p_info');
    const i = instance().storage.getInfo(toStorageUid(uid));
    info.capacity = i.capacity;
    info.size = i.size;
    info.flags = i.flags;
  });
}

/** `psa_its_remove`. */
export function psa_its_remove(uid: psa_storage_uid_t): number {
  return status(() => instance().storage.remove(toStorageUid(uid)));
}
