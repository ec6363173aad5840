/**
 * The check of a key loaded from its storage record. A record holds the
 * key's export representation beside a type and a size, and nothing ties
 * them together on storage: a record edited or damaged on disk (a size of
 * 128 over 32 bytes of AES key, an RSA type over 16 random bytes, a P-256
 * scalar of 0) would otherwise load and be exported or used as it is.
 *
 * The rule is the import path's, as Mbed TLS applies it to every key that
 * enters the key store: the material of a key in local storage is passed to
 * the transparent drivers' `importKey` with the stored type and size, and the
 * key loads only when that import accepts it and finds the stored size. Any
 * refusal is `PSA_ERROR_DATA_INVALID` ("the key data is not valid", the
 * status of a bad record) for that key only; the other keys are untouched,
 * and the bad one stays destroyable (`psa_destroy_key` does not run this
 * check). A type no driver of the instance supports stays
 * `PSA_ERROR_NOT_SUPPORTED` (the record may be sound for another build),
 * except `PSA_KEY_TYPE_NONE`, which no key has.
 *
 * Keys in an opaque location are not checked here: their material is the
 * driver's own context, which only the driver can interpret.
 * @module
 */
import { fail, PsaError } from '../../values/error.js';
import { PSA_ERROR_DATA_INVALID, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_KEY_LIFETIME_GET_LOCATION, PSA_KEY_LOCATION_LOCAL_STORAGE, PSA_KEY_TYPE_NONE, describe } from '../../values/index.js';
import type { CoreContext } from '../context.js';
import type { KeySlot } from './slot.js';

/**
 * Check, once, the material of a key loaded from storage (see the module
 * comment); a key already checked, created in this instance or built in
 * returns at once. On failure the slot is left as it was (the caller
 * releases it, and `dropLoaded` wipes it).
 * @param ctx the instance's core context
 * @param slot a slot the caller holds as a reader
 * @param fn the calling function's name, for messages
 * @throws {PsaError} `PSA_ERROR_DATA_INVALID` when the material does not match the stored type and size; `PSA_ERROR_NOT_SUPPORTED` for a type no driver supports
 */
export function checkLoadedKey(ctx: CoreContext, slot: KeySlot, fn: string): void {
  if (!slot.unverified) return;
  const a = slot.attributes;
  if (PSA_KEY_LIFETIME_GET_LOCATION(a.lifetime) !== PSA_KEY_LOCATION_LOCAL_STORAGE) {
    slot.unverified = false;
    return;
  }
  const what = `the stored material of key ${describe(a.id, 'keyId')}`;
  if (a.type === PSA_KEY_TYPE_NONE) fail(PSA_ERROR_DATA_INVALID, `${fn}: ${what} has no key type`);
  let bits: number;
  try {
    const checked = ctx.dispatch.importKey({ ...a, usage: 0, alg: 0, alg2: 0 }, slot.keyBuffer, fn);
    bits = checked.bits;
    if (checked.keyBuffer !== slot.keyBuffer) checked.keyBuffer.fill(0);
  } catch (err) {
    if (err instanceof PsaError && err.status === PSA_ERROR_NOT_SUPPORTED) throw err;
    return fail(PSA_ERROR_DATA_INVALID, `${fn}: ${what} is not a valid ${describe(a.type, 'keyType')} key`);
  }
  if (bits !== a.bits) {
    fail(PSA_ERROR_DATA_INVALID, `${fn}: ${what} is a ${bits}-bit key, the record says ${a.bits} bits`);
  }
  slot.unverified = false;
}

/**
 * Wipe a slot whose loaded record failed `checkLoadedKey`, if nobody else
 * reads it: the next use loads the record again and fails the same way.
 * @param slot a slot the caller no longer holds
 */
export function dropLoaded(slot: KeySlot): void {
  if (slot.unverified && slot.readers === 0 && slot.state === 'full') slot.wipe();
}
