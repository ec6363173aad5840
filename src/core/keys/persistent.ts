/**
 * Persistent keys on ITS: one entry per key, UID = key id, value = the Mbed
 * TLS key record. Mirrors `psa_crypto_storage.c` (save refuses to overwrite;
 * a size mismatch after writing removes the entry; load rejects empty
 * material) with one deliberate improvement: a record that cannot be parsed
 * can still be removed (`removeUnreadable`), so a corrupt key is
 * destroyable. An entry written with
 * `PSA_STORAGE_FLAG_WRITE_ONCE` cannot be removed (PSA Secure Storage API:
 * `psa_its_remove` of such an entry is NOT_PERMITTED): its key is read-only
 * on storage and `remove` answers NOT_PERMITTED, the status `psa_destroy_key`
 * gives a key that cannot be erased "due to physical restrictions", where
 * Mbed TLS's `psa_destroy_persistent_key` turns any failed removal into
 * DATA_INVALID.
 * @module
 */
import { fail, PsaError } from '../../values/error.js';
import {
  PSA_ERROR_ALREADY_EXISTS,
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_INSUFFICIENT_STORAGE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_STORAGE_FAILURE,
} from '../../values/status.js';
import { PSA_STORAGE_FLAG_WRITE_ONCE, type Its } from '../../storage/its.js';
import { decodeKeyRecord, encodeKeyRecord, KEY_RECORD_MAX_MATERIAL_SIZE } from '../../storage/key-file.js';
import type { ResolvedKeyAttributes } from './attributes.js';
import { copyBytes } from '../../bytes.js';

/** A key as read back from storage. */
export interface StoredKey {
  readonly lifetime: number;
  readonly type: number;
  readonly bits: number;
  readonly usage: number;
  readonly alg: number;
  readonly alg2: number;
  readonly material: Uint8Array;
}

const uidOf = (id: number): bigint => BigInt(id >>> 0);

const isStatus = (err: unknown, status: number): boolean => err instanceof PsaError && err.status === status;

/** Key records on one ITS backend. */
export class PersistentKeys {
  constructor(readonly its: Its) {}

  /** Whether an entry exists for `id`. */
  exists(id: number): boolean {
    try {
      this.its.getInfo(uidOf(id));
      return true;
    } catch (err) {
      if (isStatus(err, PSA_ERROR_DOES_NOT_EXIST)) return false;
      throw err;
    }
  }

  /**
   * `psa_save_persistent_key`: ALREADY_EXISTS if the id has an entry. With a
   * backend offering `create` the check and the write are one step under the
   * backend's lock (two processes creating one id: one succeeds, the other
   * gets ALREADY_EXISTS); otherwise the check precedes the write. A backend
   * failure is STORAGE_FAILURE or INSUFFICIENT_STORAGE as reported, any other
   * refusal DATA_INVALID (Mbed TLS turns every `psa_its_set` failure into
   * DATA_INVALID). A partly written entry is removed.
   * @throws PsaError ALREADY_EXISTS, INVALID_ARGUMENT, INSUFFICIENT_STORAGE, STORAGE_FAILURE, DATA_INVALID
   */
  save(attributes: ResolvedKeyAttributes, material: Uint8Array): void {
    if (material.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'persistent key with no material');
    if (material.length > KEY_RECORD_MAX_MATERIAL_SIZE) {
      fail(PSA_ERROR_INSUFFICIENT_STORAGE, 'key material larger than PSA_CRYPTO_MAX_STORAGE_SIZE');
    }
    const create = this.its.create?.bind(this.its);
    if (create === undefined && this.exists(attributes.id)) {
      fail(PSA_ERROR_ALREADY_EXISTS, `key id ${attributes.id} already exists in storage`);
    }
    const record = encodeKeyRecord(attributes, material);
    const uid = uidOf(attributes.id);
    try {
      try {
        if (create !== undefined) create(uid, record, 0);
        else this.its.set(uid, record, 0);
      } catch (err) {
        if (isStatus(err, PSA_ERROR_ALREADY_EXISTS)) {
          throw new PsaError(PSA_ERROR_ALREADY_EXISTS, `key id ${attributes.id} already exists in storage`);
        }
        if (isStatus(err, PSA_ERROR_STORAGE_FAILURE) || isStatus(err, PSA_ERROR_INSUFFICIENT_STORAGE)) throw err;
        if (err instanceof PsaError) fail(PSA_ERROR_DATA_INVALID, `storage refused the key record (${err.code})`);
        throw err;
      }
      if (this.its.getInfo(uid).size !== record.length) fail(PSA_ERROR_DATA_INVALID, 'key record size mismatch after writing');
    } catch (err) {
      // Another writer's entry is not ours to remove.
      if (!isStatus(err, PSA_ERROR_ALREADY_EXISTS)) {
        try {
          this.its.remove(uid);
        } catch {
          // Already reporting the first failure.
        }
      }
      throw err;
    } finally {
      record.fill(0);
    }
  }

  /**
   * `psa_load_persistent_key`: DOES_NOT_EXIST when absent, DATA_INVALID /
   * DATA_CORRUPT for a bad record, STORAGE_FAILURE for a record without material.
   */
  load(id: number): StoredKey {
    const uid = uidOf(id);
    const size = this.its.getInfo(uid).size;
    const bytes = this.its.get(uid, 0, size);
    try {
      if (bytes.length !== size) fail(PSA_ERROR_DATA_INVALID, `key record ${id} is shorter than announced`);
      const { attributes, material } = decodeKeyRecord(bytes);
      if (material.length === 0) fail(PSA_ERROR_STORAGE_FAILURE, `key record ${id} has no key material`);
      return { ...attributes, material: copyBytes(material) };
    } finally {
      bytes.fill(0);
    }
  }

  /** Whether the entry of `id` exists and was written with `PSA_STORAGE_FLAG_WRITE_ONCE`. */
  isWriteOnce(id: number): boolean {
    try {
      return (this.its.getInfo(uidOf(id)).flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0;
    } catch (err) {
      if (isStatus(err, PSA_ERROR_DOES_NOT_EXIST)) return false;
      throw err;
    }
  }

  /**
   * `psa_destroy_persistent_key`: success when already absent (also when
   * another writer removes it between the check and the removal); NOT_PERMITTED
   * for a write-once entry (checked before the removal, and also when the
   * backend refuses with NOT_PERMITTED); any other failure DATA_INVALID.
   */
  remove(id: number): void {
    const uid = uidOf(id);
    if (!this.exists(id)) return;
    if (this.isWriteOnce(id)) fail(PSA_ERROR_NOT_PERMITTED, `key record ${id} is write-once (PSA_STORAGE_FLAG_WRITE_ONCE)`);
    try {
      this.its.remove(uid);
    } catch (err) {
      // Removed by another process sharing the storage since the check: absent, as asked.
      if (isStatus(err, PSA_ERROR_DOES_NOT_EXIST)) return;
      if (isStatus(err, PSA_ERROR_NOT_PERMITTED)) fail(PSA_ERROR_NOT_PERMITTED, `storage refused to remove key record ${id}`);
      if (err instanceof PsaError) fail(PSA_ERROR_DATA_INVALID, `could not remove key record ${id} (${err.code})`);
      throw err;
    }
    if (this.exists(id)) fail(PSA_ERROR_DATA_INVALID, `key record ${id} still present after removal`);
  }

  /**
   * Remove the entry of a key whose record cannot be read: the backend's
   * status as it is, except that a write-once entry (flags readable, or the
   * backend answering NOT_PERMITTED) stays and is NOT_PERMITTED.
   */
  removeUnreadable(id: number): void {
    let writeOnce = false;
    try {
      writeOnce = this.isWriteOnce(id);
    } catch {
      // No readable ITS header: the flags are unknown, and the backend decides.
    }
    if (writeOnce) fail(PSA_ERROR_NOT_PERMITTED, `key record ${id} is write-once (PSA_STORAGE_FLAG_WRITE_ONCE)`);
    try {
      this.its.remove(uidOf(id));
    } catch (err) {
      if (isStatus(err, PSA_ERROR_NOT_PERMITTED)) fail(PSA_ERROR_NOT_PERMITTED, `storage refused to remove key record ${id}`);
      throw err;
    }
  }
}
