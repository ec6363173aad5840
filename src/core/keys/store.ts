/**
 * The in-memory key store: a fixed number of slots shared by volatile keys
 * and cached persistent keys (Mbed TLS's "hybrid" store). Volatile key ids
 * are `PSA_KEY_ID_VOLATILE_MIN + slot index`; persistent and built-in keys
 * are loaded on first use and evicted, least-recently-found first, when a
 * slot is needed and they are not in use. `INSUFFICIENT_MEMORY` when nothing
 * can be evicted.
 * @module
 */
import { fail, PsaError } from '../../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
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
import type { PersistentKeys } from './persistent.js';

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
  private readonly slots: KeySlot[];
  private open = true;

  constructor(
    slotCount: number,
    private readonly persistent: PersistentKeys,
    private readonly builtin: (id: number) => BuiltinKey | undefined,
  ) {
    this.slots = Array.from({ length: slotCount }, (_, i) => new KeySlot(i));
  }

  /** Number of slots. */
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
      const slot = this.slots[id - PSA_KEY_ID_VOLATILE_MIN];
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
   * Reserve an empty slot for a key being created or loaded (`FILLING`),
   * evicting an unused persistent key if needed. Returns the slot; the
   * volatile id of a slot is `PSA_KEY_ID_VOLATILE_MIN + slot.index`.
   */
  reserve(fn: string): KeySlot {
    this.checkOpen(fn);
    let slot = this.slots.find((s) => s.state === 'empty');
    if (!slot) {
      slot = this.slots.find(
        (s) => s.state === 'full' && s.readers === 0 && !PSA_KEY_LIFETIME_IS_VOLATILE(s.attributes.lifetime),
      );
      if (!slot) fail(PSA_ERROR_INSUFFICIENT_MEMORY, `${fn}: all ${this.slots.length} key slots are in use`);
      slot.wipe();
    }
    slot.state = 'filling';
    return slot;
  }

  /** Volatile key id of a slot. */
  volatileIdOf(slot: KeySlot): number {
    return PSA_KEY_ID_VOLATILE_MIN + slot.index;
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
    for (const slot of this.slots) {
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
    for (const slot of this.slots) slot.wipe();
    this.open = false;
  }

  private checkOpen(fn: string): void {
    if (!this.open) fail(PSA_ERROR_BAD_STATE, `${fn}: the PSA instance has been closed`);
  }

  private load(id: number, fn: string): KeySlot {
    const slot = this.reserve(fn);
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
        attributes = {
          id, lifetime: stored.lifetime, type: stored.type, bits: stored.bits,
          usage: stored.usage, alg: stored.alg, alg2: stored.alg2,
        };
      }
      this.fill(slot, { ...attributes, usage: extendUsageFlags(attributes.usage) }, keyBuffer);
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
