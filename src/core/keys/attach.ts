/**
 * `psa_attach_key` (PSA 1.4): give a volatile key id and a policy to key
 * material the implementation already holds — a key provisioned into a
 * secure element or a KMU slot at manufacturing, or one derived from a
 * device secret — named by a label the location's driver interprets.
 *
 * The order of checks: the lifetime must be volatile (INVALID_ARGUMENT); the
 * location must have a driver (INVALID_ARGUMENT) and that driver must offer
 * attachment (NOT_SUPPORTED; local storage never does); the application's
 * attributes must be valid on their own, as for an import; then the driver
 * resolves the label (DOES_NOT_EXIST when it names nothing). The key's type
 * and size come from the application, the driver or both, and must agree
 * (INVALID_ARGUMENT). A policy the driver imposes is combined with the
 * application's as `psa_copy_key` combines policies: usage flags
 * (each side with its implied flags) intersected, algorithms intersected (INVALID_ARGUMENT when they have
 * nothing in common). Destroying the key forgets the id and the reference;
 * the material stays, and attaching the same label again gives a new id.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_KEY_LIFETIME_IS_VOLATILE, describe } from '../../values/index.js';
import type { AttachedKey } from '../../drivers/driver.js';
import { extendUsageFlags, type ResolvedKeyAttributes } from './attributes.js';
import type { CoreContext } from '../context.js';
import { createKey, validateNewKeyAttributes } from './creation.js';
import { restrictPolicy } from './policy.js';

/** `psa_attach_key`: see the module comment. Returns the new volatile key id. */
export function attachKey(ctx: CoreContext, attributes: ResolvedKeyAttributes, label: Uint8Array): number {
  const fn = 'psa_attach_key';
  if (!PSA_KEY_LIFETIME_IS_VOLATILE(attributes.lifetime)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: only volatile keys can be attached, not ${describe(attributes.lifetime, 'lifetime')}`);
  }
  const driver = ctx.dispatch.opaqueFor(attributes.lifetime, fn);
  if (!driver?.attachKey) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${driver ? `driver '${driver.name}'` : 'local storage'} provides no keys to attach`);
  }
  validateNewKeyAttributes(attributes, fn);
  const provided: AttachedKey = driver.attachKey(attributes, label);
  let final: ResolvedKeyAttributes;
  try {
    final = resolve(attributes, provided, fn);
  } catch (err) {
    provided.keyBuffer.fill(0);
    throw err;
  }
  return createKey(ctx, final, fn, () => ({ keyBuffer: provided.keyBuffer, bits: provided.bits }), { attached: true });
}

/** The attributes of the attached key: the application's and the driver's, reconciled. */
function resolve(requested: ResolvedKeyAttributes, provided: AttachedKey, fn: string): ResolvedKeyAttributes {
  if (provided.type === 0 || provided.bits === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key's type and size are not known`);
  if (requested.type !== 0 && requested.type !== provided.type) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key is a ${describe(provided.type, 'keyType')}, not a ${describe(requested.type, 'keyType')}`);
  }
  if (requested.bits !== 0 && requested.bits !== provided.bits) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key has ${provided.bits} bits, not ${requested.bits}`);
  }
  // The implementation's usage flags imply others as the application's do (SIGN_HASH → SIGN_MESSAGE …).
  const imposed = provided.policy && { ...provided.policy, usage: extendUsageFlags(provided.policy.usage) };
  const policy = imposed ? restrictPolicy(provided.type, requested, imposed, fn) : requested;
  return { ...requested, type: provided.type, bits: provided.bits, usage: policy.usage, alg: policy.alg, alg2: policy.alg2 };
}
