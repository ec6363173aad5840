/**
 * `psa_destroy_key` of a persistent key whose ITS entry was written with
 * `PSA_STORAGE_FLAG_WRITE_ONCE` (by a provisioning step, never by the key
 * store itself), on both backends. The ITS specification forbids removing
 * such an entry (`psa_its_remove` → NOT_PERMITTED), which both backends
 * enforce, so the key cannot be erased: the status is the one the PSA Crypto
 * specification gives `psa_destroy_key` for a key that "cannot be erased
 * because it is read-only, either due to a policy or due to physical
 * restrictions", NOT_PERMITTED, with the treatment Mbed TLS gives a
 * read-only key (`psa_destroy_key`: NOT_PERMITTED, the copy in memory wiped,
 * storage untouched). Mbed TLS 3.6 differs by backend: its file backend
 * stores the flag without enforcing it (`psa_its_remove` in
 * `library/psa_its_file.c` removes the file; a 3.6.6 build destroys such a
 * key with SUCCESS), and over an ITS that enforces it
 * `psa_destroy_persistent_key` turns the refusal into DATA_INVALID, a status
 * that says nothing about why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as C from '../../src/c/index.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import { fileStorage } from '../../src/storage/file.js';
import { PSA_STORAGE_FLAG_WRITE_ONCE, type Its } from '../../src/storage/its.js';
import { memoryStorage } from '../../src/storage/memory.js';
import * as V from '../../src/values/index.js';
import { testOpaqueDriver } from '../drivers/test-drivers.js';
import { expectStatus, hex } from '../keys/helpers.js';

const AES128 = hex('000102030405060708090a0b0c0d0e0f');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'psa-write-once-'));
  dirs.push(dir);
  return dir;
}

/** Rewrite the entry of `uid` with the same bytes and the write-once flag. */
function makeWriteOnce(its: Its, uid: bigint): Uint8Array {
  const record = its.get(uid, 0, its.getInfo(uid).size);
  its.set(uid, record, PSA_STORAGE_FLAG_WRITE_ONCE);
  return record;
}

const BACKENDS: readonly (readonly [string, () => Its])[] = [
  ['memoryStorage', () => memoryStorage()],
  ['fileStorage', () => fileStorage(tempDir())],
];

for (const [name, open] of BACKENDS) {
  describe(`a write-once key record on ${name}`, () => {
    it('psa_destroy_key is NOT_PERMITTED; the record stays, the copy in memory goes, the key still works', () => {
      const storage = open();
      const psa = createPsa({ storage });
      psa.importKey({ type: V.PSA_KEY_TYPE_AES, id: 5, usage: V.PSA_KEY_USAGE_EXPORT }, AES128);
      const record = makeWriteOnce(storage, 5n);
      expect(psa.exportKey(5)).toEqual(AES128);
      expect(psa.stats().persistent_slots).toBe(1);

      expectStatus(() => psa.destroyKey(5), V.PSA_ERROR_NOT_PERMITTED);
      expect(psa.stats().persistent_slots).toBe(0);
      expect(storage.uids()).toEqual([5n]);
      expect(storage.getInfo(5n).flags).toBe(PSA_STORAGE_FLAG_WRITE_ONCE);
      expect(storage.get(5n, 0, record.length)).toEqual(record);
      expect(psa.exportKey(5)).toEqual(AES128);
      // Not loaded this time: the same answer.
      psa.purgeKey(5);
      expectStatus(() => psa.destroyKey(5), V.PSA_ERROR_NOT_PERMITTED);
      psa.close();
      expect(createPsa({ storage }).exportKey(5)).toEqual(AES128);
    });

    it('a write-once record that cannot be parsed is NOT_PERMITTED too, and stays', () => {
      const storage = open();
      const psa = createPsa({ storage });
      psa.importKey({ type: V.PSA_KEY_TYPE_AES, id: 6, usage: V.PSA_KEY_USAGE_EXPORT }, AES128);
      psa.purgeKey(6);
      storage.set(6n, Uint8Array.of(1, 2, 3), PSA_STORAGE_FLAG_WRITE_ONCE);
      expectStatus(() => psa.exportKey(6), V.PSA_ERROR_DATA_INVALID);
      expectStatus(() => psa.destroyKey(6), V.PSA_ERROR_NOT_PERMITTED);
      expect(storage.uids()).toEqual([6n]);
    });

    it('an opaque key with a write-once record: refused before the driver destroys the material', () => {
      const storage = open();
      const location = 0x800001;
      const driver = testOpaqueDriver(location);
      const psa = createPsa({ storage, drivers: [driver, softwareDriver()] });
      const lifetime = V.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(V.PSA_KEY_PERSISTENCE_DEFAULT, location);
      psa.importKey({ type: V.PSA_KEY_TYPE_AES, id: 7, lifetime, usage: V.PSA_KEY_USAGE_ENCRYPT, alg: V.PSA_ALG_ECB_NO_PADDING }, AES128);
      const held = driver.secrets.size;
      makeWriteOnce(storage, 7n);
      expectStatus(() => psa.destroyKey(7), V.PSA_ERROR_NOT_PERMITTED);
      expect(driver.secrets.size).toBe(held);
      expect(storage.uids()).toEqual([7n]);
    });

    it('through the C facade: psa_destroy_key returns PSA_ERROR_NOT_PERMITTED (-133)', () => {
      const storage = open();
      expect(C.psa_crypto_init({ storage })).toBe(C.PSA_SUCCESS);
      try {
        const attributes = C.psa_key_attributes_init();
        C.psa_set_key_id(attributes, 8);
        C.psa_set_key_type(attributes, V.PSA_KEY_TYPE_AES);
        const key = { value: 0 };
        expect(C.psa_import_key(attributes, AES128, key)).toBe(C.PSA_SUCCESS);
        makeWriteOnce(storage, 8n);
        expect(C.psa_destroy_key(8)).toBe(-133);
        expect(storage.uids()).toEqual([8n]);
      } finally {
        C.mbedtls_psa_crypto_free();
      }
    });
  });
}
