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

  constructor(readonly index: number) {}

  /** Zero the material and return the slot to EMPTY. */
  wipe(): void {
    this.keyBuffer.fill(0);
    this.keyBuffer = new Uint8Array(0);
    this.attributes = EMPTY_ATTRIBUTES;
    this.readers = 0;
    this.attached = false;
    this.state = 'empty';
  }
}
