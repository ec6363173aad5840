/**
 * Key encapsulation (PSA 1.3): `psa_encapsulate` and `psa_decapsulate`.
 * Mbed TLS has no implementation, so the spec decides the statuses; the
 * order is that of TF-PSA-Crypto's `psa_key_agreement`, the nearest
 * function that makes a key from a key (`validate_key_agreement_params`,
 * then the key with its policy): a key-encapsulation algorithm and the
 * output key type (DERIVE or HMAC: the ECIES shared secret is not uniformly
 * random), both INVALID_ARGUMENT; then the key policy (usage ENCRYPT for
 * encapsulation, DECRYPT for decapsulation, and the algorithm:
 * NOT_PERMITTED); then the key type (asymmetric; a key pair to decapsulate:
 * INVALID_ARGUMENT); the ciphertext buffer; the driver. So an algorithm
 * outside the policy that the key could not run anyway is NOT_PERMITTED.
 * The shared secret becomes a new key and is wiped.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_GENERIC_ERROR, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import {
  PSA_ALG_IS_KEY_ENCAPSULATION,
  PSA_ENCAPSULATE_CIPHERTEXT_SIZE,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_IS_ASYMMETRIC,
  PSA_KEY_TYPE_IS_KEY_PAIR,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  describe,
} from '../values/index.js';
import { driverAttributes, type ResolvedKeyAttributes } from './keys/attributes.js';
import type { CoreContext } from './context.js';
import { importKey, withKey } from './keys/management.js';

/** The result of `psa_encapsulate`: the new shared-secret key and the ciphertext for the peer. */
export interface EncapsulateResult {
  /** Id of the new key holding the shared secret. */
  readonly key: number;
  /** The ciphertext (for ECIES, the ephemeral public key). */
  readonly ciphertext: Uint8Array;
}

const OUTPUT_TYPES: readonly number[] = [PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_HMAC];

function checkCommon(alg: number, attributes: ResolvedKeyAttributes, fn: string): void {
  if (!PSA_ALG_IS_KEY_ENCAPSULATION(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a key-encapsulation algorithm`);
  if (!OUTPUT_TYPES.includes(attributes.type)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a shared secret cannot become a ${describe(attributes.type, 'keyType')} key`);
  }
}

/**
 * `psa_encapsulate`: a new shared secret for the holder of `key` (usage
 * ENCRYPT), as a key with `attributes`, and its ciphertext. `ciphertextSize`
 * (optional) is the C caller's buffer size.
 */
export function encapsulate(ctx: CoreContext, key: number, alg: number, attributes: ResolvedKeyAttributes, ciphertextSize?: number): EncapsulateResult {
  const fn = 'psa_encapsulate';
  checkCommon(alg, attributes, fn);
  return withKey(ctx, key, PSA_KEY_USAGE_ENCRYPT, alg, fn, (slot) => {
    const a = slot.attributes;
    if (!PSA_KEY_TYPE_IS_ASYMMETRIC(a.type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a.type, 'keyType')} is not an asymmetric key`);
    const needed = PSA_ENCAPSULATE_CIPHERTEXT_SIZE(a.type, a.bits, alg);
    if (ciphertextSize !== undefined && ciphertextSize < needed) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ciphertext buffer of ${ciphertextSize} bytes, ${needed} needed`);
    }
    const out = ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.encapsulate !== undefined,
      (d) => d.encapsulate!(driverAttributes(a), slot.keyBuffer, alg, (n) => ctx.rng.generate(n)));
    if (!(out?.sharedSecret instanceof Uint8Array) || !(out.ciphertext instanceof Uint8Array)) {
      fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the driver returned no result`);
    }
    try {
      if (ciphertextSize !== undefined && ciphertextSize < out.ciphertext.length) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ciphertext buffer of ${ciphertextSize} bytes, ${out.ciphertext.length} needed`);
      }
      return { key: importKey(ctx, attributes, out.sharedSecret), ciphertext: out.ciphertext };
    } finally {
      out.sharedSecret.fill(0);
    }
  });
}

/** `psa_decapsulate`: the shared secret inside `ciphertext`, with the key pair `key` (usage DECRYPT), as a new key. */
export function decapsulate(ctx: CoreContext, key: number, alg: number, ciphertext: Uint8Array, attributes: ResolvedKeyAttributes): number {
  const fn = 'psa_decapsulate';
  checkCommon(alg, attributes, fn);
  return withKey(ctx, key, PSA_KEY_USAGE_DECRYPT, alg, fn, (slot) => {
    const a = slot.attributes;
    if (!PSA_KEY_TYPE_IS_KEY_PAIR(a.type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: decapsulation needs a key pair, not ${describe(a.type, 'keyType')}`);
    const secret = ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.decapsulate !== undefined,
      (d) => d.decapsulate!(driverAttributes(a), slot.keyBuffer, alg, ciphertext));
    if (!(secret instanceof Uint8Array)) fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the driver returned no shared secret`);
    try {
      return importKey(ctx, attributes, secret);
    } finally {
      secret.fill(0);
    }
  });
}
