/**
 * The in-memory key store, in the two models of Mbed TLS 3.6's
 * `library/psa_crypto_slot_management.c`:
 *
 * - `'static'` (builds without `MBEDTLS_PSA_KEY_STORE_DYNAMIC`): a fixed
 *   number of slots shared by volatile keys and cached persistent keys. A new
 *   key takes the first empty slot, else the first slot of an unused
 *   persistent key, which is evicted (`psa_reserve_free_key_slot`); a volatile
 *   key's id is `PSA_KEY_ID_VOLATILE_MIN + slot index`, so ids are reused.
 *   INSUFFICIENT_MEMORY when nothing can be evicted.
 * - `'dynamic'` (`MBEDTLS_PSA_KEY_STORE_DYNAMIC`, Mbed TLS 3.6's default):
 *   volatile keys go to growing slices (`./dynamic.ts`), without a slot
 *   limit; the slot count bounds only the cache of persistent and built-in
 *   keys, which is managed as the static store's slots are.
 *
 * Persistent and built-in keys are loaded on first use. A key record whose
 * lifetime field reads volatile is DATA_INVALID (no creation path writes
 * one, and taking it at its word would let `psa_destroy_key` leave the
 * record behind); a read-only lifetime loads, as in Mbed TLS (provisioned
 * keys). A record's material is checked on first use (`./loaded.ts`).
 * @module
 */
import { fail, PsaError } from '../../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_INSUFFICIENT_MEMORY,
  PSA_ERROR_INVALID_HANDLE,
} from '../../values/status.js';
import {
  MBEDTLS_PSA_KEY_ID_BUILTIN_MAX,
  MBEDTLS_PSA_KEY_ID_BUILTIN_MIN,
  PSA_KEY_ID_USER_MAX,
  PSA_KEY_ID_USER_MIN,
  PSA_KEY_ID_VENDOR_MAX,
  PSA_KEY_ID_VENDOR_MIN,
  PSA_KEY_ID_VOLATILE_MAX,
  PSA_KEY_ID_VOLATILE_MIN,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_KEY_LOCATION_LOCAL_STORAGE,
} from '../../values/index.js';
import { extendUsageFlags, type ResolvedKeyAttributes } from './attributes.js';
import { KeySlot } from './slot.js';
import { type SliceLength, VolatileSlices, volatileKeyIdOf } from './dynamic.js';
import type { PersistentKeys } from './persistent.js';

/** The key store model: Mbed TLS's static slot table or its dynamic store. */
export type KeyStoreModel = 'static' | 'dynamic';

/** A key supplied by a platform (an opaque driver's built-in key). */
export interface BuiltinKey {
  readonly attributes: ResolvedKeyAttributes;
  readonly keyBuffer: Uint8Array;
}

/** `mbedtls_psa_stats_t`. */
export interface KeyStoreStats {
  volatile_slots: number;
  persistent_slots: number;
  external_slots: number;
  half_filled_slots: number;
  cache_slots: number;
  empty_slots: number;
  locked_slots: number;
  max_open_internal_key_id: number;
  max_open_external_key_id: number;
}

/** Whether `id` is an id the API accepts (`psa_is_valid_key_id`). */
export function isValidKeyId(id: number, vendorOk: boolean): boolean {
  if (id >= PSA_KEY_ID_USER_MIN && id <= PSA_KEY_ID_USER_MAX) return true;
  return vendorOk && id >= PSA_KEY_ID_VENDOR_MIN && id <= PSA_KEY_ID_VENDOR_MAX;
}

const isVolatileId = (id: number): boolean => id >= PSA_KEY_ID_VOLATILE_MIN && id <= PSA_KEY_ID_VOLATILE_MAX;
const isBuiltinId = (id: number): boolean => id >= MBEDTLS_PSA_KEY_ID_BUILTIN_MIN && id <= MBEDTLS_PSA_KEY_ID_BUILTIN_MAX;

/** The slots of one `Psa` instance. */
export class KeyStore {
  /** Static model: every slot. Dynamic model: the cache of persistent and built-in keys. */
  private readonly slots: KeySlot[];
  /** Dynamic model: the volatile keys. */
  private readonly volatile: VolatileSlices | undefined;
  private open = true;

  /**
   * @param slotCount `MBEDTLS_PSA_KEY_SLOT_COUNT`: every slot (static) or the persistent key cache (dynamic)
   * @param sliceLength dynamic model only: slots per volatile slice (tests shrink it, as Mbed TLS's test hook does)
   */
  constructor(
    slotCount: number,
    private readonly persistent: PersistentKeys,
    private readonly builtin: (id: number) => BuiltinKey | undefined,
    readonly model: KeyStoreModel = 'static',
    sliceLength?: SliceLength,
  ) {
    this.slots = Array.from({ length: slotCount }, (_, i) => new KeySlot(i));
    this.volatile = model === 'dynamic' ? new VolatileSlices(sliceLength) : undefined;
  }

  /** Number of slots: all of them (static) or the persistent key cache (dynamic). */
  get size(): number {
    return this.slots.length;
  }

  /**
   * Find a key and register as its reader (`psa_get_and_lock_key_slot`).
   * Loads persistent and built-in keys on demand. The caller must `release`.
   */
  acquire(id: number, fn: string): KeySlot {
    this.checkOpen(fn);
    const slot = this.findInMemory(id, fn);
    if (slot) {
      slot.readers++;
      return slot;
    }
    if (isVolatileId(id)) fail(PSA_ERROR_INVALID_HANDLE, `${fn}: no key with id ${hex(id)}`);
    return this.load(id, fn);
  }

  /** Find a key that is in memory, without loading it; undefined when absent. */
  findInMemory(id: number, fn: string): KeySlot | undefined {
    this.checkOpen(fn);
    if (isVolatileId(id)) {
      const slot = this.volatile ? this.volatile.get(id) : this.slots[id - PSA_KEY_ID_VOLATILE_MIN];
      return slot && slot.state === 'full' && slot.attributes.id === id ? slot : undefined;
    }
    if (!isValidKeyId(id, true)) fail(PSA_ERROR_INVALID_HANDLE, `${fn}: ${hex(id)} is not a valid key id`);
    return this.slots.find((s) => s.state === 'full' && s.attributes.id === id);
  }

  /**
   * Whether a key that is not in memory exists to be loaded: a built-in key
   * its driver provides, or a key record on storage. Never for a volatile
   * id (a volatile key exists only in memory). The id must be valid.
   */
  existsOutsideMemory(id: number): boolean {
    if (isVolatileId(id)) return false;
    const builtin = isBuiltinId(id) ? this.builtin(id) : undefined;
    if (builtin) {
      builtin.keyBuffer.fill(0);
      return true;
    }
    return this.persistent.exists(id);
  }

  /** Unregister a reader; the last reader of a key pending deletion wipes it. */
  release(slot: KeySlot): void {
    if (slot.readers > 0) slot.readers--;
    if (slot.state === 'pending-deletion' && slot.readers === 0) slot.wipe();
  }

  /**
   * Reserve a slot for a key being created (`FILLING`), as
   * `psa_reserve_free_key_slot`. Static model: the first empty slot, else
   * the first unused persistent key's, which is evicted. Dynamic model: by
   * the key's `lifetime`, a volatile slot or a persistent-key cache slot
   * (INSUFFICIENT_MEMORY when there is none), before anything is stored.
   */
  reserve(fn: string, lifetime: number): KeySlot {
    this.checkOpen(fn);
    if (!this.volatile) return this.reserveCache(fn);
    if (!PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) return this.reserveCache(fn);
    const slot = new KeySlot(-1);
    this.placeVolatile(slot, fn);
    slot.state = 'filling';
    return slot;
  }

  /**
   * Volatile key id of a reserved slot: `PSA_KEY_ID_VOLATILE_MIN + index`
   * (static), `volatile_key_id_of_index(slice, index)` (dynamic).
   */
  volatileIdOf(slot: KeySlot): number {
    if (!this.volatile) return PSA_KEY_ID_VOLATILE_MIN + slot.index;
    return volatileKeyIdOf(slot.slice, slot.index);
  }

  /** Finish creating or loading a key: FILLING → FULL. */
  fill(slot: KeySlot, attributes: ResolvedKeyAttributes, keyBuffer: Uint8Array): void {
    slot.attributes = attributes;
    slot.keyBuffer = keyBuffer;
    slot.state = 'full';
  }

  /** Abandon a key under creation (`psa_fail_key_creation`). */
  abandon(slot: KeySlot | undefined): void {
    if (slot && slot.state === 'filling') slot.wipe();
  }

  /** Mark a key the caller holds for deletion; it is wiped when its last reader releases it. */
  markForDeletion(slot: KeySlot): void {
    slot.state = 'pending-deletion';
  }

  /** `mbedtls_psa_get_stats`. */
  stats(): KeyStoreStats {
    const s: KeyStoreStats = {
      volatile_slots: 0, persistent_slots: 0, external_slots: 0, half_filled_slots: 0, cache_slots: 0,
      empty_slots: 0, locked_slots: 0, max_open_internal_key_id: 0, max_open_external_key_id: 0,
    };
    // Dynamic model: the allocated volatile slices, then the cache slice, as Mbed TLS counts them.
    const slices = this.volatile ? [...this.volatile.allocated()] : [];
    for (const slice of slices) {
      let occupied = 0;
      for (const slot of slice.slots) if (slot.state !== 'empty') occupied++;
      s.empty_slots += slice.length - occupied;
    }
    const all = slices.flatMap((slice) => slice.slots).concat(this.slots);
    for (const slot of all) {
      if (slot.state === 'empty') {
        s.empty_slots++;
        continue;
      }
      if (slot.state === 'filling') s.half_filled_slots++;
      if (slot.readers > 0) s.locked_slots++;
      const { id, lifetime } = slot.attributes;
      if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
        s.volatile_slots++;
      } else {
        s.persistent_slots++;
        s.max_open_internal_key_id = Math.max(s.max_open_internal_key_id, id);
      }
      if (PSA_KEY_LIFETIME_GET_LOCATION(lifetime) !== PSA_KEY_LOCATION_LOCAL_STORAGE) {
        s.external_slots++;
        s.max_open_external_key_id = Math.max(s.max_open_external_key_id, id);
      }
    }
    return s;
  }

  /** Wipe every slot and refuse further use (`mbedtls_psa_crypto_free`). */
  close(): void {
    for (const slot of this.volatile?.occupied() ?? []) slot.wipe();
    for (const slot of this.slots) slot.wipe();
    this.open = false;
  }

  private checkOpen(fn: string): void {
    if (!this.open) fail(PSA_ERROR_BAD_STATE, `${fn}: the PSA instance has been closed`);
  }

  /** Reserve a slot of the static table or of the dynamic store's cache. */
  private reserveCache(fn: string): KeySlot {
    const index = this.cacheIndex();
    if (index === undefined) this.cacheFull(fn);
    const slot = this.slots[index]!;
    slot.state = 'filling';
    return slot;
  }

  /**
   * The index of the first empty slot, else of the first unused persistent
   * key's slot after evicting it; undefined when neither exists.
   */
  private cacheIndex(): number | undefined {
    let index = this.slots.findIndex((s) => s.state === 'empty');
    if (index < 0) {
      index = this.slots.findIndex(
        (s) => s.state === 'full' && s.readers === 0 && !PSA_KEY_LIFETIME_IS_VOLATILE(s.attributes.lifetime),
      );
      if (index < 0) return undefined;
      this.slots[index]!.wipe();
    }
    return index;
  }

  private cacheFull(fn: string): never {
    const what = this.volatile ? 'persistent key cache slots' : 'key slots';
    fail(PSA_ERROR_INSUFFICIENT_MEMORY, `${fn}: all ${this.slots.length} ${what} are in use`);
  }

  /** Dynamic model: give a slot its volatile place; returns the id. */
  private placeVolatile(slot: KeySlot, fn: string): number {
    const id = this.volatile!.allocate(slot);
    if (id === undefined) fail(PSA_ERROR_INSUFFICIENT_MEMORY, `${fn}: every volatile key slice is full`);
    return id;
  }

  private load(id: number, fn: string): KeySlot {
    const slot = this.reserveCache(fn);
    try {
      const builtin = isBuiltinId(id) ? this.builtin(id) : undefined;
      let attributes: ResolvedKeyAttributes;
      let keyBuffer: Uint8Array;
      if (builtin) {
        attributes = { ...builtin.attributes, id };
        keyBuffer = builtin.keyBuffer;
      } else {
        const stored = this.persistent.load(id);
        keyBuffer = stored.material;
        // A stored key is persistent: no creation path writes a volatile lifetime.
        if (PSA_KEY_LIFETIME_IS_VOLATILE(stored.lifetime)) {
          keyBuffer.fill(0);
          fail(PSA_ERROR_DATA_INVALID, `${fn}: the record of key ${hex(id)} has a volatile lifetime`);
        }
        attributes = {
          id, lifetime: stored.lifetime, type: stored.type, bits: stored.bits,
          usage: stored.usage, alg: stored.alg, alg2: stored.alg2,
        };
      }
      this.fill(slot, { ...attributes, usage: extendUsageFlags(attributes.usage) }, keyBuffer);
      slot.unverified = !builtin;
      slot.readers = 1;
      return slot;
    } catch (err) {
      slot.wipe();
      if (err instanceof PsaError && err.status === PSA_ERROR_DOES_NOT_EXIST) {
        fail(PSA_ERROR_INVALID_HANDLE, `${fn}: no key with id ${hex(id)}`);
      }
      throw err;
    }
  }
}

function hex(id: number): string {
  return `0x${(id >>> 0).toString(16)}`;
}
