/**
 * `psa_check_key_usage` (PSA 1.4): whether a key may be used for an
 * operation, without performing it.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ALG_IS_AEAD,
  PSA_ALG_IS_ASYMMETRIC_ENCRYPTION,
  PSA_ALG_IS_CIPHER,
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_IS_KEY_DERIVATION,
  PSA_ALG_IS_KEY_ENCAPSULATION,
  PSA_ALG_IS_KEY_WRAP,
  PSA_ALG_IS_MAC,
  PSA_ALG_IS_PAKE,
  PSA_ALG_IS_SIGN_HASH,
  PSA_ALG_IS_SIGN_MESSAGE,
  PSA_ALG_IS_WILDCARD,
  PSA_KEY_USAGE_CACHE,
  PSA_KEY_USAGE_COPY,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_DERIVE_PUBLIC,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_UNWRAP,
  PSA_KEY_USAGE_VERIFY_DERIVATION,
  PSA_KEY_USAGE_VERIFY_HASH,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_KEY_USAGE_WRAP,
  describe,
} from '../../values/index.js';
import type { CoreContext } from '../context.js';
import { withKey } from './management.js';
import { wrapSupported } from '../wrap.js';

const MANAGEMENT = [PSA_KEY_USAGE_EXPORT, PSA_KEY_USAGE_COPY, PSA_KEY_USAGE_CACHE];

/** Which algorithms each cryptographic usage flag is a role for. */
const ROLES: ReadonlyMap<number, (alg: number) => boolean> = new Map([
  [PSA_KEY_USAGE_ENCRYPT, (a: number) => PSA_ALG_IS_CIPHER(a) || PSA_ALG_IS_AEAD(a) || PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(a) || PSA_ALG_IS_KEY_ENCAPSULATION(a)],
  [PSA_KEY_USAGE_DECRYPT, (a: number) => PSA_ALG_IS_CIPHER(a) || PSA_ALG_IS_AEAD(a) || PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(a) || PSA_ALG_IS_KEY_ENCAPSULATION(a)],
  [PSA_KEY_USAGE_SIGN_MESSAGE, (a: number) => PSA_ALG_IS_MAC(a) || PSA_ALG_IS_SIGN_MESSAGE(a)],
  [PSA_KEY_USAGE_VERIFY_MESSAGE, (a: number) => PSA_ALG_IS_MAC(a) || PSA_ALG_IS_SIGN_MESSAGE(a)],
  [PSA_KEY_USAGE_SIGN_HASH, (a: number) => PSA_ALG_IS_SIGN_HASH(a)],
  [PSA_KEY_USAGE_VERIFY_HASH, (a: number) => PSA_ALG_IS_SIGN_HASH(a)],
  [PSA_KEY_USAGE_DERIVE, (a: number) => PSA_ALG_IS_KEY_DERIVATION(a) || PSA_ALG_IS_KEY_AGREEMENT(a) || PSA_ALG_IS_PAKE(a)],
  [PSA_KEY_USAGE_VERIFY_DERIVATION, (a: number) => PSA_ALG_IS_KEY_DERIVATION(a)],
  [PSA_KEY_USAGE_WRAP, (a: number) => PSA_ALG_IS_KEY_WRAP(a)],
  [PSA_KEY_USAGE_UNWRAP, (a: number) => PSA_ALG_IS_KEY_WRAP(a)],
  [PSA_KEY_USAGE_DERIVE_PUBLIC, (a: number) => PSA_ALG_IS_KEY_AGREEMENT(a)],
]);

/** Whether this build can perform an operation of `alg` with a key of `keyType` and `bits`. */
type OperationSupport = (keyType: number, bits: number, alg: number, usage: number) => boolean;

/**
 * The function group that answers "supported" for `usage`: key wrapping
 * (WRAP, UNWRAP) so far; for every other usage a valid request ends in
 * NOT_SUPPORTED after the policy checks.
 */
function operationSupport(ctx: CoreContext, usage: number): OperationSupport {
  if (usage === PSA_KEY_USAGE_WRAP || usage === PSA_KEY_USAGE_UNWRAP) return (keyType, _bits, a, u) => wrapSupported(ctx, keyType, a, u);
  return () => false;
}

/** `psa_check_key_usage`. */
export function checkKeyUsage(ctx: CoreContext, id: number, alg: number, usage: number): void {
  const fn = 'psa_check_key_usage';
  const single = usage !== 0 && (usage & (usage - 1)) === 0;
  if (!single) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: usage must be a single PSA_KEY_USAGE_xxx flag`);
  if (MANAGEMENT.includes(usage)) {
    if (alg !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: key-management usage takes PSA_ALG_NONE`);
    withKey(ctx, id, usage, 0, fn, () => undefined);
    return;
  }
  const role = ROLES.get(usage);
  if (!role) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(usage, 'usage')} is not a usage flag`);
  if (alg === 0 || PSA_ALG_IS_WILDCARD(alg) || !role(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a specific algorithm for ${describe(usage, 'usage')}`);
  }
  withKey(ctx, id, usage, alg, fn, (slot) => {
    if (!operationSupport(ctx, usage)(slot.attributes.type, slot.attributes.bits, alg, usage)) {
      fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported with this key`);
    }
  });
}
