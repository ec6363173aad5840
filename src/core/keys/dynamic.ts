/**
 * The volatile part of the dynamic key store (Mbed TLS 3.6's default,
 * `MBEDTLS_PSA_KEY_STORE_DYNAMIC`), mirroring `psa_allocate_volatile_key_slot`
 * and `psa_free_key_slot` of `library/psa_crypto_slot_management.c`:
 *
 * - volatile keys live in 22 slices (`KEY_SLOT_VOLATILE_SLICE_COUNT`), slice
 *   `s` holding `16 << s` slots (`key_slice_length`), allocated on first use;
 * - a volatile key id encodes its place (`volatile_key_id_of_index`):
 *   `0x40000000 | slice << 25 | index` (`KEY_ID_SLOT_INDEX_WIDTH` = 25), so
 *   the first keys are 0x40000000…0x4000000f, then 0x42000000…0x4200001f;
 * - each slice keeps a free list; a new key takes the head of the free list
 *   of the first slice that has a free slot, and a freed slot becomes the
 *   head of its slice's list: the id of the last destroyed key of the lowest
 *   slice with room is the next one given out (ids are reused);
 * - when every slice is full (67,108,848 keys) creation is
 *   INSUFFICIENT_MEMORY.
 *
 * Persistent and built-in keys are not here: they go to the fixed-size cache
 * (`MBEDTLS_PSA_KEY_SLOT_COUNT` slots), kept by `KeyStore`.
 * @module
 */
import { PSA_KEY_ID_VOLATILE_MIN } from '../../values/index.js';
import { KeySlot } from './slot.js';

/** `KEY_ID_SLOT_INDEX_WIDTH`: bits of a volatile key id that hold the slot index. */
export const KEY_ID_SLOT_INDEX_WIDTH = 25;
/** `KEY_ID_SLICE_INDEX_WIDTH`: bits above them that hold the slice index. */
export const KEY_ID_SLICE_INDEX_WIDTH = 5;
/** `KEY_SLOT_VOLATILE_SLICE_BASE_LENGTH`: slots in slice 0. */
export const KEY_SLOT_VOLATILE_SLICE_BASE_LENGTH = 16;
/** `KEY_SLOT_VOLATILE_SLICE_COUNT`: number of volatile slices. */
export const KEY_SLOT_VOLATILE_SLICE_COUNT = 22;

/** The number of slots of a volatile slice (`key_slice_length`). */
export type SliceLength = (slice: number) => number;

const defaultSliceLength: SliceLength = (slice) => KEY_SLOT_VOLATILE_SLICE_BASE_LENGTH * 2 ** slice;

/** `volatile_key_id_of_index`. */
export function volatileKeyIdOf(slice: number, index: number): number {
  return (PSA_KEY_ID_VOLATILE_MIN | (slice << KEY_ID_SLOT_INDEX_WIDTH) | index) >>> 0;
}

/** `slice_index_of_volatile_key_id`. */
export function sliceOfVolatileKeyId(id: number): number {
  return (id >>> KEY_ID_SLOT_INDEX_WIDTH) & ((1 << KEY_ID_SLICE_INDEX_WIDTH) - 1);
}

/** `slot_index_of_volatile_key_id`. */
export function indexOfVolatileKeyId(id: number): number {
  return id & ((1 << KEY_ID_SLOT_INDEX_WIDTH) - 1);
}

/** `FREE_SLOT_INDEX_NONE`: the slice is full. */
const NONE = -1;

/** Volatile key slices with their free lists. */
export class VolatileSlices {
  /** Occupied slots of each allocated slice, by index; undefined: slice not allocated. */
  private readonly slices: (Map<number, KeySlot> | undefined)[] = [];
  /** `next_free_relative_to_next` of each slot of an allocated slice (0 in fresh memory). */
  private readonly nextFree: (Int32Array | undefined)[] = [];
  /** `first_free_slot_index`. */
  private readonly firstFree: number[] = new Array<number>(KEY_SLOT_VOLATILE_SLICE_COUNT).fill(0);

  /**
   * @param sliceLength slots per slice; tests may shrink the slices as Mbed
   *   TLS's `mbedtls_test_hook_psa_volatile_key_slice_length` does
   */
  constructor(private readonly sliceLength: SliceLength = defaultSliceLength) {}

  /**
   * Give `slot` a place and return its volatile key id, or undefined when
   * every slice is full (`psa_allocate_volatile_key_slot`).
   */
  allocate(slot: KeySlot): number | undefined {
    let slice = 0;
    while (slice < KEY_SLOT_VOLATILE_SLICE_COUNT && this.firstFree[slice] === NONE) slice++;
    if (slice === KEY_SLOT_VOLATILE_SLICE_COUNT) return undefined;
    const length = this.sliceLength(slice);
    const slots = (this.slices[slice] ??= new Map());
    const next = (this.nextFree[slice] ??= new Int32Array(length));
    const index = this.firstFree[slice]!;
    let nextFree = index + 1 + next[index]!;
    if (nextFree >= length) nextFree = NONE;
    this.firstFree[slice] = nextFree;
    next[index] = 0;
    slot.index = index;
    slot.slice = slice;
    slot.onWipe = (s) => this.free(s);
    slots.set(index, slot);
    return volatileKeyIdOf(slice, index);
  }

  /** The slot a volatile key id designates, if it is occupied (`get_volatile_key_slot`). */
  get(id: number): KeySlot | undefined {
    const slice = sliceOfVolatileKeyId(id);
    if (slice >= KEY_SLOT_VOLATILE_SLICE_COUNT) return undefined;
    const index = indexOfVolatileKeyId(id);
    if (index >= this.sliceLength(slice)) return undefined;
    return this.slices[slice]?.get(index);
  }

  /** Each allocated slice: its length and its occupied slots (for `mbedtls_psa_get_stats`). */
  *allocated(): Generator<{ length: number; slots: KeySlot[] }> {
    for (let slice = 0; slice < KEY_SLOT_VOLATILE_SLICE_COUNT; slice++) {
      const slots = this.slices[slice];
      if (slots) yield { length: this.sliceLength(slice), slots: [...slots.values()] };
    }
  }

  /** Every occupied slot. */
  occupied(): KeySlot[] {
    return this.slices.flatMap((slots) => (slots ? [...slots.values()] : []));
  }

  /** `psa_free_key_slot`: the wiped slot becomes the head of its slice's free list. */
  private free(slot: KeySlot): void {
    const { slice, index } = slot;
    const slots = this.slices[slice];
    const next = this.nextFree[slice];
    if (!slots || !next || slots.get(index) !== slot) return;
    slots.delete(index);
    const length = this.sliceLength(slice);
    let nextFree = this.firstFree[slice]!;
    if (nextFree === NONE || nextFree >= length) nextFree = length;
    this.firstFree[slice] = index;
    next[index] = nextFree - index - 1;
  }
}
