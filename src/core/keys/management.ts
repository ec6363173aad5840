/**
 * Key management functions: `psa_import_key`, `psa_generate_key(_custom)`,
 * `psa_copy_key`, `psa_export_key`, `psa_export_public_key`,
 * `psa_destroy_key`, `psa_purge_key`, `psa_get_key_attributes`. Statuses and
 * the order of checks follow Mbed TLS (`psa_crypto.c`).
 * @module
 */
import { fail, PsaError } from '../../values/error.js';
import {
  PSA_ERROR_DATA_CORRUPT,
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_ERROR_STORAGE_FAILURE,
} from '../../values/status.js';
import {
  PSA_KEY_ID_USER_MAX,
  PSA_KEY_ID_USER_MIN,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_LIFETIME_IS_READ_ONLY,
  PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_KEY_TYPE_IS_ASYMMETRIC,
  PSA_KEY_TYPE_IS_DH,
  PSA_KEY_TYPE_IS_SPAKE2P,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_KEY_TYPE_IS_SRP,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_RSA,
  PSA_KEY_TYPE_IS_UNSTRUCTURED,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_COPY,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_VERIFY_HASH,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  describe,
} from '../../values/index.js';
import type { GenerateKeyOptions, KeyBuffer, OpaqueDriver } from '../../drivers/driver.js';
import type { ResolvedKeyAttributes } from './attributes.js';
import type { CoreContext } from '../context.js';
import { createKey } from './creation.js';
import type { KeySlot } from './slot.js';
import { checkPolicyPermits, restrictPolicy } from './policy.js';
import { checkLoadedKey, dropLoaded } from './loaded.js';
import { copyBytes } from '../../bytes.js';

/** `psa_custom_key_parameters_t`. */
export interface CustomKeyParameters {
  /** Must be 0: no flags are defined. */
  flags: number;
}

/**
 * Find a key, check a key just loaded from storage against its record
 * (`checkLoadedKey`: DATA_INVALID for a bad one), then check that its policy
 * has every flag of `usage` (public keys count as exportable) and, when
 * `alg` is non-zero, permits `alg`. The caller must release the returned slot.
 */
export function acquireKey(ctx: CoreContext, id: number, usage: number, alg: number, fn: string): KeySlot {
  const slot = ctx.store.acquire(id, fn);
  try {
    checkLoadedKey(ctx, slot, fn);
    const a = slot.attributes;
    const needed = PSA_KEY_TYPE_IS_PUBLIC_KEY(a.type) ? usage & ~PSA_KEY_USAGE_EXPORT : usage;
    if ((a.usage & needed) !== needed) {
      fail(PSA_ERROR_NOT_PERMITTED, `${fn}: the key policy lacks ${describe(needed & ~a.usage, 'usage')}`);
    }
    // A key used only to verify a signature gets the PSA 1.4 ECDSA equivalence.
    const verify = usage === PSA_KEY_USAGE_VERIFY_HASH || usage === PSA_KEY_USAGE_VERIFY_MESSAGE;
    if (alg !== 0) checkPolicyPermits(a, a.type, alg, fn, { verify });
    return slot;
  } catch (err) {
    ctx.store.release(slot);
    dropLoaded(slot);
    throw err;
  }
}

/** Run `body` with a key acquired as in `acquireKey`, releasing it afterwards. */
export function withKey<T>(ctx: CoreContext, id: number, usage: number, alg: number, fn: string, body: (slot: KeySlot) => T): T {
  const slot = acquireKey(ctx, id, usage, alg, fn);
  try {
    return body(slot);
  } finally {
    ctx.store.release(slot);
  }
}

/** `psa_import_key`. */
export function importKey(ctx: CoreContext, attributes: ResolvedKeyAttributes, data: Uint8Array): number {
  const fn = 'psa_import_key';
  if (data.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: empty key data`);
  return createKey(ctx, attributes, fn, (a) => ctx.dispatch.importKey(a, data, fn));
}

/** A marker thrown through the driver when the progress callback fails (never a fallback status). */
class ProgressAbort extends PsaError {}

/**
 * `psa_generate_key_custom` (and `psa_generate_key` with default parameters).
 * `options.onProgress` is passed to the driver; if it throws, the driver's
 * work is abandoned, no key is left behind, and its `PsaError` is rethrown
 * unchanged (anything else becomes `PSA_ERROR_GENERIC_ERROR`).
 */
export function generateKey(
  ctx: CoreContext,
  attributes: ResolvedKeyAttributes,
  custom: CustomKeyParameters = { flags: 0 },
  customData: Uint8Array = new Uint8Array(0),
  options: GenerateKeyOptions = {},
): number {
  const fn = customData.length > 0 || custom.flags !== 0 ? 'psa_generate_key_custom' : 'psa_generate_key';
  if (attributes.bits === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key size must be given`);
  if (PSA_KEY_TYPE_IS_PUBLIC_KEY(attributes.type)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(attributes.type, 'keyType')} is a public key type`);
  }
  // Custom data is defined only for RSA key pairs: the public exponent. Flags must be 0.
  const rsaExponent = attributes.type === PSA_KEY_TYPE_RSA_KEY_PAIR;
  if (custom.flags !== 0 || (customData.length !== 0 && !rsaExponent)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no custom parameters are defined for ${describe(attributes.type, 'keyType')}`);
  }
  const user = options.onProgress;
  let thrown: { error: unknown } | undefined;
  const onProgress = user && ((event: Parameters<typeof user>[0]): void => {
    try {
      user(event);
    } catch (error) {
      thrown = { error };
      throw new ProgressAbort(PSA_ERROR_GENERIC_ERROR, `${fn}: the progress callback threw; generation abandoned`);
    }
  });
  return createKey(ctx, attributes, fn, (a) => {
    let produced: KeyBuffer | undefined;
    try {
      produced = ctx.dispatch.generateKey(a, (n) => ctx.rng.generate(n), fn, customData, onProgress ? { onProgress } : {});
    } catch (err) {
      if (!thrown) throw err;
    }
    if (thrown) {
      // Also when a driver swallowed the callback's exception: the key is dropped.
      produced?.keyBuffer.fill(0);
      if (thrown.error instanceof PsaError && !(thrown.error instanceof ProgressAbort)) throw thrown.error;
      throw new PsaError(PSA_ERROR_GENERIC_ERROR, `${fn}: the progress callback threw; generation abandoned`);
    }
    return produced!;
  });
}

/** `psa_copy_key`: the copy's policy is the intersection of both policies. */
export function copyKey(ctx: CoreContext, source: number, attributes: ResolvedKeyAttributes): number {
  const fn = 'psa_copy_key';
  return withKey(ctx, source, PSA_KEY_USAGE_COPY, 0, fn, (src) => {
    const s = src.attributes;
    if (attributes.type !== 0 && attributes.type !== s.type) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: type ${describe(attributes.type, 'keyType')} differs from the source key's`);
    }
    if (attributes.bits !== 0 && attributes.bits !== s.bits) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${attributes.bits} bits differs from the source key's ${s.bits}`);
    }
    const policy = restrictPolicy(s.type, attributes, s, fn);
    const target: ResolvedKeyAttributes = { ...attributes, ...policy, type: s.type, bits: s.bits };
    return createKey(ctx, target, fn, (a) => {
      if (PSA_KEY_LIFETIME_GET_LOCATION(a.lifetime) !== PSA_KEY_LIFETIME_GET_LOCATION(s.lifetime)) {
        fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: copying a key to another location is not supported`);
      }
      const opaque = ctx.dispatch.opaqueFor(a.lifetime, fn);
      if (opaque) return ctx.dispatch.copyOpaqueKey(opaque, a, src.keyBuffer, fn);
      return { keyBuffer: copyBytes(src.keyBuffer), bits: s.bits };
    });
  });
}

/** `psa_export_key`: needs EXPORT usage (public keys are always exportable). */
export function exportKey(ctx: CoreContext, id: number): Uint8Array {
  const fn = 'psa_export_key';
  return withKey(ctx, id, PSA_KEY_USAGE_EXPORT, 0, fn, (slot) => {
    const a = slot.attributes;
    const opaque = ctx.dispatch.opaqueFor(a.lifetime, fn);
    if (opaque) return ctx.dispatch.exportOpaqueKey(opaque, a, slot.keyBuffer, fn);
    if (PSA_KEY_TYPE_IS_UNSTRUCTURED(a.type) || PSA_KEY_TYPE_IS_RSA(a.type) || PSA_KEY_TYPE_IS_ECC(a.type) || PSA_KEY_TYPE_IS_DH(a.type)) {
      return copyBytes(slot.keyBuffer);
    }
    // SPAKE2+ keys and WPA3-SAE password tokens are stored in their export format.
    if (PSA_KEY_TYPE_IS_SPAKE2P(a.type) || PSA_KEY_TYPE_IS_WPA3_SAE_ECC(a.type) || PSA_KEY_TYPE_IS_WPA3_SAE_DH(a.type) || PSA_KEY_TYPE_IS_SRP(a.type)) {
      return copyBytes(slot.keyBuffer);
    }
    return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(a.type, 'keyType')} keys cannot be exported`);
  });
}

/** `psa_export_public_key`: no usage needed; INVALID_ARGUMENT for symmetric keys. */
export function exportPublicKey(ctx: CoreContext, id: number): Uint8Array {
  const fn = 'psa_export_public_key';
  return withKey(ctx, id, 0, 0, fn, (slot) => {
    const a = slot.attributes;
    if (!PSA_KEY_TYPE_IS_ASYMMETRIC(a.type)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a.type, 'keyType')} has no public part`);
    }
    const local = ctx.dispatch.opaqueFor(a.lifetime, fn) === undefined;
    if (local && PSA_KEY_TYPE_IS_PUBLIC_KEY(a.type)) return copyBytes(slot.keyBuffer);
    return ctx.dispatch.exportPublicKey(a, slot.keyBuffer, fn);
  });
}

/** `psa_get_key_attributes`. */
export function getKeyAttributes(ctx: CoreContext, id: number): ResolvedKeyAttributes {
  return withKey(ctx, id, 0, 0, 'psa_get_key_attributes', (slot) => ({ ...slot.attributes }));
}

const UNREADABLE = [PSA_ERROR_DATA_INVALID, PSA_ERROR_DATA_CORRUPT, PSA_ERROR_STORAGE_FAILURE];

const isUserId = (id: number): boolean => id >= PSA_KEY_ID_USER_MIN && id <= PSA_KEY_ID_USER_MAX;

/**
 * `psa_destroy_key`. Id 0 is a no-op. Read-only keys: NOT_PERMITTED (their
 * copy in memory is still dropped), as in Mbed TLS; so is a persistent key
 * whose ITS entry is write-once (`PSA_STORAGE_FLAG_WRITE_ONCE`): the storage
 * cannot erase it, which the spec calls read-only "due to physical
 * restrictions". That is checked before an opaque driver is asked to destroy
 * the material, and the entry and the material stay.
 *
 * Destruction works on the id in storage, not on what its record claims: a
 * key with an id in the user range lives in storage, and its entry is
 * removed whatever the record's lifetime says (a record reading volatile
 * does not load at all, see `KeyStore`; one reading read-only is
 * NOT_PERMITTED as above, as Mbed TLS reads it). Unlike Mbed TLS, a key
 * whose record cannot be read is still destroyable (its entry is removed
 * unless it is write-once), and so is one whose record names a location no
 * driver of this instance owns (there is no driver to ask, so only the
 * entry is removed). SUCCESS is never reported while the entry remains:
 * the removal is checked (DATA_INVALID when the entry is still there).
 */
export function destroyKey(ctx: CoreContext, id: number): void {
  const fn = 'psa_destroy_key';
  if (id === 0) return;
  let slot: KeySlot;
  try {
    slot = ctx.store.acquire(id, fn);
  } catch (err) {
    if (isUserId(id) && err instanceof PsaError && UNREADABLE.includes(err.status)) {
      ctx.persistent.removeUnreadable(id);
      checkRemoved(ctx, id, fn);
      return;
    }
    throw err;
  }
  ctx.store.markForDeletion(slot);
  try {
    const a = slot.attributes;
    if (PSA_KEY_LIFETIME_IS_READ_ONLY(a.lifetime)) {
      fail(PSA_ERROR_NOT_PERMITTED, `${fn}: key ${describe(id, 'keyId')} is read-only`);
    }
    const stored = isUserId(id) || !PSA_KEY_LIFETIME_IS_VOLATILE(a.lifetime);
    if (stored && ctx.persistent.isWriteOnce(id)) {
      fail(PSA_ERROR_NOT_PERMITTED, `${fn}: the storage entry of key ${describe(id, 'keyId')} is write-once`);
    }
    const opaque = driverOf(ctx, a.lifetime, stored, fn);
    // An attached key's material belongs to the implementation: only the reference is dropped.
    if (!slot.attached) opaque?.destroyKey?.(a, slot.keyBuffer);
    if (stored) {
      ctx.persistent.remove(id);
      checkRemoved(ctx, id, fn);
    }
  } finally {
    ctx.store.release(slot);
  }
}

/** The opaque driver of a key being destroyed; none for a stored key whose location has no driver. */
function driverOf(ctx: CoreContext, lifetime: number, stored: boolean, fn: string): OpaqueDriver | undefined {
  try {
    return ctx.dispatch.opaqueFor(lifetime, fn);
  } catch (err) {
    if (stored && err instanceof PsaError && err.status === PSA_ERROR_INVALID_ARGUMENT) return undefined;
    throw err;
  }
}

/** DATA_INVALID (Mbed TLS's status for a failed removal) when the entry of `id` is still on storage. */
function checkRemoved(ctx: CoreContext, id: number, fn: string): void {
  let present: boolean;
  try {
    present = ctx.persistent.exists(id);
  } catch {
    present = true;
  }
  if (present) fail(PSA_ERROR_DATA_INVALID, `${fn}: the storage entry of key ${describe(id, 'keyId')} is still present`);
}

/**
 * `psa_purge_key`: drop the in-memory copy of a persistent key that nobody
 * is using; no effect on volatile keys. The spec, not Mbed TLS, decides what
 * a key that is not in memory gives: a valid persistent (or built-in) key
 * that is not loaded succeeds, and an id that identifies no key is
 * INVALID_HANDLE, as for every function ("If an invalid key identifier is
 * provided as a parameter in any function, the function will return
 * PSA_ERROR_INVALID_HANDLE"; DOES_NOT_EXIST is not among psa_purge_key's
 * statuses). Mbed TLS's `psa_purge_key` answers DOES_NOT_EXIST for both
 * (`psa_get_and_lock_key_slot_in_memory`), the status its issue 4162 retired
 * from the other key functions.
 */
export function purgeKey(ctx: CoreContext, id: number): void {
  const fn = 'psa_purge_key';
  const slot = ctx.store.findInMemory(id, fn);
  if (!slot) {
    if (ctx.store.existsOutsideMemory(id)) return;
    fail(PSA_ERROR_INVALID_HANDLE, `${fn}: no key with id ${describe(id, 'keyId')}`);
  }
  if (!PSA_KEY_LIFETIME_IS_VOLATILE(slot.attributes.lifetime) && slot.readers === 0) slot.wipe();
}
