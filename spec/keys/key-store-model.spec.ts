/**
 * The two key store models of Mbed TLS 3.6
 * (`library/psa_crypto_slot_management.c`, tag v3.6.6):
 *
 * - static (no `MBEDTLS_PSA_KEY_STORE_DYNAMIC`): `psa_reserve_free_key_slot`
 *   takes the first empty slot of `MBEDTLS_PSA_KEY_SLOT_COUNT` and numbers a
 *   volatile key `PSA_KEY_ID_VOLATILE_MIN + slot index`; INSUFFICIENT_MEMORY
 *   when no slot is empty and no persistent key can be evicted;
 * - dynamic (`MBEDTLS_PSA_KEY_STORE_DYNAMIC`, the default configuration):
 *   `psa_allocate_volatile_key_slot` takes the free-list head of the first
 *   slice with room, slice `s` having `16 << s` slots (`key_slice_length`),
 *   and numbers the key `volatile_key_id_of_index`: 0x40000000 | s << 25 |
 *   index; `psa_free_key_slot` makes a freed slot the head of its slice's
 *   list; INSUFFICIENT_MEMORY once all 22 slices are full; the slot count
 *   bounds only the persistent key cache (test_suite_psa_crypto_slot_management
 *   "Key slot count: dynamic: more than MBEDTLS_PSA_KEY_SLOT_COUNT").
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as C from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import { KEY_SLOT_VOLATILE_SLICE_COUNT } from '../../src/core/keys/dynamic.js';
import { PersistentKeys } from '../../src/core/keys/persistent.js';
import { KeyStore } from '../../src/core/keys/store.js';
import type { Psa } from '../../src/core/psa.js';
import { memoryStorage } from '../../src/storage/memory.js';
import * as V from '../../src/values/index.js';
import { expectStatus } from './helpers.js';

const RAW = { type: V.PSA_KEY_TYPE_RAW_DATA, usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_COPY };
const importRaw = (psa: Psa, byte: number, id?: number): number =>
  psa.importKey(id === undefined ? RAW : { ...RAW, id }, new Uint8Array([byte]));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('the dynamic key store (MBEDTLS_PSA_KEY_STORE_DYNAMIC)', () => {
  it('numbers volatile keys as volatile_key_id_of_index: 16 in slice 0, then 32 in slice 1, then slice 2', () => {
    const psa = createPsa({ keyStore: 'dynamic' });
    const ids = range(49).map((i) => importRaw(psa, i));
    expect(ids.slice(0, 16)).toEqual(range(16).map((i) => 0x40000000 + i));
    expect(ids.slice(16, 48)).toEqual(range(32).map((i) => 0x42000000 + i));
    expect(ids[48]).toBe(0x44000000);
    expect(psa.exportKey(0x4200001f)).toEqual(new Uint8Array([47]));
  });

  it('reuses the id freed last in the lowest slice with room (psa_free_key_slot)', () => {
    const psa = createPsa({ keyStore: 'dynamic' });
    range(20).forEach((i) => importRaw(psa, i));
    psa.destroyKey(0x40000003);
    psa.destroyKey(0x40000005);
    psa.destroyKey(0x42000002);
    expect(importRaw(psa, 0xa0)).toBe(0x40000005);
    expect(importRaw(psa, 0xa1)).toBe(0x40000003);
    // Slice 0 is full again: slice 1's freed slot comes next, then its unused tail.
    expect(importRaw(psa, 0xa2)).toBe(0x42000002);
    expect(importRaw(psa, 0xa3)).toBe(0x42000004);
    expect(psa.exportKey(0x40000005)).toEqual(new Uint8Array([0xa0]));
  });

  it('has no slot limit for volatile keys: 1,000 keys with 32 cache slots', () => {
    const psa = createPsa({ keyStore: 'dynamic' });
    const ids = range(1000).map((i) => importRaw(psa, i & 0xff));
    expect(new Set(ids).size).toBe(1000);
    // Slices 0-4 hold 496 keys: key #999 is index 503 of slice 5.
    expect(ids[999]).toBe(0x4a0001f7);
    expect(psa.exportKey(ids[999]!)).toEqual(new Uint8Array([999 & 0xff]));
    expect(psa.stats()).toMatchObject({ volatile_slots: 1000, persistent_slots: 0, empty_slots: 8 + 32 });
  });

  it('keeps keySlotCount for the persistent key cache, which volatile keys never fill', () => {
    const psa = createPsa({ keyStore: 'dynamic', keySlotCount: 2 });
    importRaw(psa, 1, 1);
    importRaw(psa, 2, 2);
    range(40).forEach((i) => importRaw(psa, i));
    expect(psa.exportKey(1)).toEqual(new Uint8Array([1]));
    importRaw(psa, 3, 3); // evicts the unused persistent key 1
    expect(psa.stats()).toMatchObject({ volatile_slots: 40, persistent_slots: 2 });
    expect(psa.exportKey(1)).toEqual(new Uint8Array([1]));
  });

  it('copies a locked persistent key to a volatile key but not into a full cache (INSUFFICIENT_MEMORY)', () => {
    const psa = createPsa({ keyStore: 'dynamic', keySlotCount: 1 });
    importRaw(psa, 1, 1);
    expect(psa.copyKey(1, { usage: V.PSA_KEY_USAGE_EXPORT })).toBe(0x40000000);
    // psa_copy_key holds the source's only cache slot when psa_reserve_free_key_slot runs.
    expectStatus(() => psa.copyKey(1, { id: 2, lifetime: V.PSA_KEY_LIFETIME_PERSISTENT }), V.PSA_ERROR_INSUFFICIENT_MEMORY);
    expectStatus(() => psa.getKeyAttributes(2), V.PSA_ERROR_INVALID_HANDLE);
    expect(psa.storage.uids()).toEqual([1n]);
  });

  it('answers INVALID_HANDLE for volatile ids outside the slices', () => {
    const psa = createPsa({ keyStore: 'dynamic' });
    importRaw(psa, 0);
    for (const id of [0x40000010, 0x42000000, 0x6c000000, 0x7e000000]) {
      expectStatus(() => psa.exportKey(id), V.PSA_ERROR_INVALID_HANDLE);
    }
  });

  it('counts the allocated slices and the cache in mbedtls_psa_get_stats', () => {
    const psa = createPsa({ keyStore: 'dynamic' });
    expect(psa.stats()).toMatchObject({ volatile_slots: 0, empty_slots: 32 });
    importRaw(psa, 0);
    expect(psa.stats()).toMatchObject({ volatile_slots: 1, empty_slots: 15 + 32 });
  });

  it('is INSUFFICIENT_MEMORY once every slice is full (slices shrunk as fill_key_store does)', () => {
    // tiny_key_slice_length of test_suite_psa_crypto_slot_management: 4, 10, else 1 slot.
    const tiny = (slice: number): number => (slice === 1 ? 4 : slice === 2 ? 10 : 1);
    const store = new KeyStore(32, new PersistentKeys(memoryStorage()), () => undefined, 'dynamic', tiny);
    const max = 4 + 10 + KEY_SLOT_VOLATILE_SLICE_COUNT - 2;
    const create = (lifetime: number = V.PSA_KEY_LIFETIME_VOLATILE): number => {
      const slot = store.reserve('psa_import_key', lifetime);
      const id = store.volatileIdOf(slot);
      store.fill(slot, { id, lifetime: 0, type: 0x1001, bits: 8, usage: 0, alg: 0, alg2: 0 }, new Uint8Array([1]));
      return id;
    };
    const ids = range(max).map(() => create());
    expect(ids.slice(0, 6)).toEqual([0x40000000, 0x42000000, 0x42000001, 0x42000002, 0x42000003, 0x44000000]);
    expect(ids.slice(15, 17)).toEqual([0x46000000, 0x48000000]);
    expect(ids[max - 1]).toBe(0x6a000000);
    expectStatus(() => create(), V.PSA_ERROR_INSUFFICIENT_MEMORY);
    expectStatus(() => store.reserve('psa_import_key', V.PSA_KEY_LIFETIME_VOLATILE), V.PSA_ERROR_INSUFFICIENT_MEMORY);
    // Freeing one key makes exactly that id available again.
    const slot = store.acquire(0x44000004, 'psa_destroy_key');
    store.markForDeletion(slot);
    store.release(slot);
    expect(create()).toBe(0x44000004);
    expectStatus(() => create(), V.PSA_ERROR_INSUFFICIENT_MEMORY);
  });

  it('starts again from 0x40000000 after close (psa_wipe_all_key_slots)', () => {
    const storage = memoryStorage();
    const first = createPsa({ keyStore: 'dynamic', storage });
    range(20).forEach((i) => importRaw(first, i));
    first.close();
    expect(importRaw(createPsa({ keyStore: 'dynamic', storage }), 0)).toBe(0x40000000);
  });
});

describe('the static key store (no MBEDTLS_PSA_KEY_STORE_DYNAMIC), the default', () => {
  it('numbers volatile keys PSA_KEY_ID_VOLATILE_MIN + slot index and refuses the 33rd (INSUFFICIENT_MEMORY)', () => {
    for (const psa of [createPsa(), createPsa({ keyStore: 'static' })]) {
      const ids = range(32).map((i) => importRaw(psa, i));
      expect(ids).toEqual(range(32).map((i) => 0x40000000 + i));
      expectStatus(() => importRaw(psa, 99), V.PSA_ERROR_INSUFFICIENT_MEMORY);
      expect(psa.stats()).toMatchObject({ volatile_slots: 32, empty_slots: 0 });
    }
  });

  it('reuses the first empty slot, whatever the order of destruction (psa_reserve_free_key_slot)', () => {
    const psa = createPsa();
    range(8).forEach((i) => importRaw(psa, i));
    psa.destroyKey(0x40000003);
    psa.destroyKey(0x40000005);
    expect(importRaw(psa, 0xa0)).toBe(0x40000003);
    expect(importRaw(psa, 0xa1)).toBe(0x40000005);
    expect(importRaw(psa, 0xa2)).toBe(0x40000008);
  });

  it('refuses to copy a persistent key into a volatile key when the only slot is the source', () => {
    const psa = createPsa({ keySlotCount: 1 });
    importRaw(psa, 1, 1);
    expectStatus(() => psa.copyKey(1, { usage: V.PSA_KEY_USAGE_EXPORT }), V.PSA_ERROR_INSUFFICIENT_MEMORY);
  });

  it('rejects a keyStore that is neither model (INVALID_ARGUMENT)', () => {
    expectStatus(() => createPsa({ keyStore: 'hybrid' as 'static' }), V.PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('the key store models through psa_crypto_init (C facade)', () => {
  afterEach(() => C.mbedtls_psa_crypto_free());

  const importC = (byte: number): { status: number; id: number } => {
    const a = C.psa_key_attributes_init();
    C.psa_set_key_type(a, C.PSA_KEY_TYPE_RAW_DATA);
    C.psa_set_key_usage_flags(a, C.PSA_KEY_USAGE_EXPORT);
    const key = { value: 0 };
    const status = C.psa_import_key(a, new Uint8Array([byte]), key);
    return { status, id: key.value };
  };

  it('dynamic: slice 1 after 16 keys, LIFO reuse, no limit at 33 keys', () => {
    expect(C.psa_crypto_init({ storage: memoryStorage(), keyStore: 'dynamic' })).toBe(C.PSA_SUCCESS);
    const ids = range(40).map((i) => importC(i));
    expect(ids.every((r) => r.status === C.PSA_SUCCESS)).toBe(true);
    expect(ids[15]!.id).toBe(0x4000000f);
    expect(ids[16]!.id).toBe(0x42000000);
    expect(ids[39]!.id).toBe(0x42000017);
    expect(C.psa_destroy_key(0x40000002)).toBe(C.PSA_SUCCESS);
    expect(C.psa_destroy_key(0x40000007)).toBe(C.PSA_SUCCESS);
    expect(importC(0xa0)).toEqual({ status: C.PSA_SUCCESS, id: 0x40000007 });
    const stats = {} as C.mbedtls_psa_stats_t;
    C.mbedtls_psa_get_stats(stats);
    expect(stats).toMatchObject({ volatile_slots: 39, empty_slots: 1 + 8 + 32 });
  });

  it('static (the default): 0x40000000 + slot index, INSUFFICIENT_MEMORY past keySlotCount', () => {
    expect(C.psa_crypto_init({ storage: memoryStorage(), keySlotCount: 4 })).toBe(C.PSA_SUCCESS);
    expect(range(4).map((i) => importC(i).id)).toEqual([0x40000000, 0x40000001, 0x40000002, 0x40000003]);
    expect(importC(9).status).toBe(C.PSA_ERROR_INSUFFICIENT_MEMORY);
    expect(C.psa_destroy_key(0x40000001)).toBe(C.PSA_SUCCESS);
    expect(importC(10)).toEqual({ status: C.PSA_SUCCESS, id: 0x40000001 });
  });

  it('rejects an unknown keyStore with INVALID_ARGUMENT', () => {
    expect(C.psa_crypto_init({ storage: memoryStorage(), keyStore: 'x' as 'dynamic' })).toBe(C.PSA_ERROR_INVALID_ARGUMENT);
  });
});
