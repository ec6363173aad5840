/**
 * A key slot: one entry of the in-memory key store, with the life cycle of
 * Mbed TLS's slots (EMPTY → FILLING → FULL → PENDING_DELETION → EMPTY) and a
 * reader count, so a key being used is never wiped under its user.
 * @module
 */
import { EMPTY_ATTRIBUTES, type ResolvedKeyAttributes } from './attributes.js';

/** Where a slot is in its life cycle. */
export type SlotState = 'empty' | 'filling' | 'full' | 'pending-deletion';

/** One key slot. */
export class KeySlot {
  state: SlotState = 'empty';
  attributes: ResolvedKeyAttributes = EMPTY_ATTRIBUTES;
  /** The export representation (transparent keys) or the driver's context (opaque keys). */
  keyBuffer: Uint8Array = new Uint8Array(0);
  readers = 0;
  /** Registered by `psa_attach_key`: destroying it leaves the material in its driver. */
  attached = false;
  /**
   * Loaded from a key record and not yet checked against its type and size
   * (`./loaded.ts` does that on the first use through a policy check).
   */
  unverified = false;
  /**
   * Called once when an occupied slot is wiped: the dynamic key store
   * returns the slot to its slice's free list (`psa_free_key_slot`).
   */
  onWipe: ((slot: KeySlot) => void) | undefined;

  /**
   * @param index the slot's index in its slice (the static store has one slice)
   * @param slice the slice index (dynamic store: 0–21 for volatile keys; 0 otherwise)
   */
  constructor(
    public index: number,
    public slice = 0,
  ) {}

  /** Zero the material and return the slot to EMPTY. */
  wipe(): void {
    const occupied = this.state !== 'empty';
    this.keyBuffer.fill(0);
    this.keyBuffer = new Uint8Array(0);
    this.attributes = EMPTY_ATTRIBUTES;
    this.readers = 0;
    this.attached = false;
    this.unverified = false;
    this.state = 'empty';
    const hook = this.onWipe;
    this.onWipe = undefined;
    if (occupied && hook) hook(this);
  }
}
