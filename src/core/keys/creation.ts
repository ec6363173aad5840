/**
 * The common path of every function that creates a key (import, generate,
 * copy, derive, agree, attach): validate the attributes, reserve a slot,
 * let the caller produce the material, then persist it. Mirrors Mbed TLS's
 * `psa_start_key_creation` / `psa_finish_key_creation` / `psa_fail_key_creation`.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_KEY_LIFETIME_IS_READ_ONLY,
  PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_MAX_KEY_BITS,
  describe,
} from '../../values/index.js';
import type { KeyBuffer } from '../../drivers/driver.js';
import type { ResolvedKeyAttributes } from './attributes.js';
import type { CoreContext } from '../context.js';
import { isValidKeyId } from './store.js';
import { validatePolicy } from './policy.js';

/** `psa_validate_key_attributes`: checks that need no key material. */
export function validateNewKeyAttributes(a: ResolvedKeyAttributes, fn: string): void {
  if (!PSA_KEY_LIFETIME_IS_VOLATILE(a.lifetime)) {
    if (PSA_KEY_LIFETIME_IS_READ_ONLY(a.lifetime)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: keys with ${describe(a.lifetime, 'lifetime')} cannot be created`);
    }
    if (!isValidKeyId(a.id, false)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: persistent key id ${describe(a.id, 'keyId')} is outside the user range`);
    }
  } else if (a.id !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a volatile key cannot have an id`);
  }
  validatePolicy(a, fn);
  if (a.bits > PSA_MAX_KEY_BITS) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${a.bits} bits exceeds PSA_MAX_KEY_BITS`);
}

/**
 * Create a key: `produce` receives the attributes with the final id and
 * returns the key buffer and size. The declared `bits`, if non-zero, must
 * match. Returns the new key id; on any failure nothing is left behind.
 */
export function createKey(
  ctx: CoreContext,
  requested: ResolvedKeyAttributes,
  fn: string,
  produce: (attributes: ResolvedKeyAttributes) => KeyBuffer,
  options: { readonly attached?: boolean } = {},
): number {
  validateNewKeyAttributes(requested, fn);
  const slot = ctx.store.reserve(fn, requested.lifetime);
  let keyBuffer: Uint8Array | undefined;
  try {
    const id = PSA_KEY_LIFETIME_IS_VOLATILE(requested.lifetime) ? ctx.store.volatileIdOf(slot) : requested.id;
    const withId: ResolvedKeyAttributes = { ...requested, id };
    const produced = produce(withId);
    keyBuffer = produced.keyBuffer;
    if (requested.bits !== 0 && produced.bits !== requested.bits) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key has ${produced.bits} bits, not the ${requested.bits} requested`);
    }
    if (produced.bits > PSA_MAX_KEY_BITS) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${produced.bits} bits exceeds PSA_MAX_KEY_BITS`);
    const final: ResolvedKeyAttributes = { ...withId, bits: produced.bits };
    if (!PSA_KEY_LIFETIME_IS_VOLATILE(final.lifetime)) ctx.persistent.save(final, keyBuffer);
    ctx.store.fill(slot, final, keyBuffer);
    slot.attached = options.attached === true;
    return id;
  } catch (err) {
    keyBuffer?.fill(0);
    ctx.store.abandon(slot);
    throw err;
  }
}
