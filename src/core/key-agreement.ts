/**
 * Key agreement: `psa_raw_key_agreement`, `psa_key_agreement` (PSA 1.2: the
 * shared secret straight into a new key), and `keyAgreementSecret`, the step
 * the key derivation functions use to feed a shared secret into a KDF. The
 * checks and their order follow Mbed TLS (`psa_crypto.c`): key-agreement
 * algorithm, then the key policy (usage DERIVE, the algorithm), then the
 * output buffer, then the driver (which rejects a key of the wrong type), so
 * an algorithm outside the policy is NOT_PERMITTED whatever the key;
 * `psa_key_agreement` first checks its algorithm and the new key's type
 * (TF-PSA-Crypto's `validate_key_agreement_params`). Shared secrets are
 * wiped once copied.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_GENERIC_ERROR, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import {
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_IS_RAW_KEY_AGREEMENT,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE,
  describe,
} from '../values/index.js';
import { driverAttributes, type ResolvedKeyAttributes } from './keys/attributes.js';
import type { CoreContext } from './context.js';
import type { KeySlot } from './keys/slot.js';
import { importKey, withKey } from './keys/management.js';

/**
 * The raw shared secret of the key in `slot` (already acquired with usage
 * DERIVE and a policy permitting the caller's algorithm) and `peerKey`.
 * `rawAlg` must be a raw key-agreement algorithm (else NOT_SUPPORTED, as
 * Mbed TLS's `psa_key_agreement_raw_internal`). The caller wipes the result.
 * For the key derivation functions: `psa_key_derivation_key_agreement`
 * passes `PSA_ALG_KEY_AGREEMENT_GET_BASE(operation alg)`.
 */
export function keyAgreementSecret(ctx: CoreContext, slot: KeySlot, rawAlg: number, peerKey: Uint8Array, fn: string): Uint8Array {
  if (!PSA_ALG_IS_RAW_KEY_AGREEMENT(rawAlg)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(rawAlg, 'alg')} is not a raw key agreement`);
  const a = slot.attributes;
  const secret = ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.keyAgreement !== undefined,
    (d) => d.keyAgreement!(driverAttributes(a), slot.keyBuffer, rawAlg, peerKey));
  if (!(secret instanceof Uint8Array)) fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the driver returned no shared secret`);
  return secret;
}

/**
 * `psa_raw_key_agreement`: the shared secret of `key` (usage DERIVE) and
 * `peerKey`. `outputSize`, the C caller's buffer size, is optional: below
 * `PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE` it gives BUFFER_TOO_SMALL. A combined
 * (key agreement + KDF) algorithm passes the policy check, then is NOT_SUPPORTED.
 */
export function rawKeyAgreement(ctx: CoreContext, alg: number, key: number, peerKey: Uint8Array, outputSize?: number): Uint8Array {
  const fn = 'psa_raw_key_agreement';
  if (!PSA_ALG_IS_KEY_AGREEMENT(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a key agreement algorithm`);
  return withKey(ctx, key, PSA_KEY_USAGE_DERIVE, alg, fn, (slot) => {
    const expected = PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(slot.attributes.type, slot.attributes.bits);
    if (outputSize !== undefined && outputSize < expected) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: output buffer of ${outputSize} bytes, ${expected} needed`);
    }
    return keyAgreementSecret(ctx, slot, alg, peerKey, fn);
  });
}

/** The key types `psa_key_agreement` may create (PSA 1.5 and Mbed TLS). */
const AGREEMENT_OUTPUT_TYPES: readonly number[] = [PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_RAW_DATA, PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_PASSWORD];

/**
 * `psa_key_agreement`: the shared secret of `privateKey` and `peerKey` as a
 * new key with `attributes` (type DERIVE, RAW_DATA, HMAC or PASSWORD; a
 * non-zero size must be the secret's). Returns the new key's id.
 */
export function keyAgreement(ctx: CoreContext, privateKey: number, peerKey: Uint8Array, alg: number, attributes: ResolvedKeyAttributes): number {
  const fn = 'psa_key_agreement';
  if (!PSA_ALG_IS_RAW_KEY_AGREEMENT(alg)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not a standalone key agreement`);
  if (!AGREEMENT_OUTPUT_TYPES.includes(attributes.type)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a shared secret cannot become a ${describe(attributes.type, 'keyType')} key`);
  }
  const secret = rawKeyAgreement(ctx, alg, privateKey, peerKey);
  try {
    return importKey(ctx, attributes, secret);
  } finally {
    secret.fill(0);
  }
}
