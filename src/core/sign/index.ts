/**
 * The single-part signature functions: `psa_sign_hash`, `psa_verify_hash`,
 * `psa_sign_message`, `psa_verify_message` and their PSA 1.4
 * `*_with_context` forms, with Mbed TLS's checks and their order
 * (`psa_sign_internal` / `psa_verify_internal`): the algorithm
 * (`sign/rules.ts`), an empty signature buffer (BUFFER_TOO_SMALL), the key
 * policy (usage SIGN_HASH / VERIFY_HASH / SIGN_MESSAGE / VERIFY_MESSAGE and
 * the algorithm, with Mbed TLS's wildcard test: `acquireKey`, so a value
 * such as 0x7fffffff is NOT_PERMITTED, not a wildcard), a public key asked
 * to sign (INVALID_ARGUMENT), then the driver. A message signed with a hash-and-sign algorithm is hashed by the
 * core and signed as a hash (`psa_sign_message_builtin`); the message-only
 * algorithms (PureEdDSA, EdDSA with context) go to the driver's message
 * entry points.
 * @module
 */
import { withKey } from '../keys/management.js';
import { asPsaError, fail } from '../../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_GENERIC_ERROR, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import {
  PSA_ALG_IS_ECDSA,
  PSA_ALG_IS_HASH_EDDSA,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_KEY_PAIR,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_HASH,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_SIGN_OUTPUT_SIZE,
  describe,
} from '../../values/index.js';
import type { CoreContext } from '../context.js';
import { hashCompute, type HashProvider } from '../hash.js';
import type { KeySlot } from '../keys/slot.js';

import { checkSignAlg, isMessageOnly, signHashAlg } from './rules.js';
import { driverAttributes } from '../keys/attributes.js';

/** What the single-part functions need besides the key: the instance and its hashes. */
export interface SignEnv {
  readonly ctx: CoreContext;
  readonly hashes: HashProvider;
}

/**
 * Whether the signature size of this key with `alg` is known before signing
 * (ECDSA and EdDSA with an ECC key of the matching kind), so that a short
 * buffer can be refused without computing, as Mbed TLS's ECDSA driver does.
 */
function sizeKnownEarly(type: number, alg: number): boolean {
  if (!PSA_KEY_TYPE_IS_ECC(type)) return false;
  const edwards = PSA_KEY_TYPE_ECC_GET_FAMILY(type) === PSA_ECC_FAMILY_TWISTED_EDWARDS;
  return edwards ? isMessageOnly(alg) || PSA_ALG_IS_HASH_EDDSA(alg) : PSA_ALG_IS_ECDSA(alg);
}

/** Sign `hash` (already hashed, or raw input for ECDSA_ANY) in the key's driver. */
export function driverSignHash(env: SignEnv, slot: KeySlot, alg: number, hash: Uint8Array, context: Uint8Array, fn: string): Uint8Array {
  const a = slot.attributes;
  return env.ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.signHash !== undefined,
    (d) => d.signHash!(driverAttributes(a), slot.keyBuffer, alg, hash, (n) => env.ctx.rng.generate(n), context));
}

/** Verify `signature` over `hash` in the key's driver. */
export function driverVerifyHash(env: SignEnv, slot: KeySlot, alg: number, hash: Uint8Array, signature: Uint8Array, context: Uint8Array, fn: string): void {
  const a = slot.attributes;
  env.ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.verifyHash !== undefined,
    (d) => d.verifyHash!(driverAttributes(a), slot.keyBuffer, alg, hash, signature, context));
}

/** Sign a message with a message-only algorithm in the key's driver. */
export function driverSignMessage(env: SignEnv, slot: KeySlot, alg: number, message: Uint8Array, context: Uint8Array, fn: string): Uint8Array {
  const a = slot.attributes;
  return env.ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.signMessage !== undefined,
    (d) => d.signMessage!(driverAttributes(a), slot.keyBuffer, alg, message, (n) => env.ctx.rng.generate(n), context));
}

/** Verify a message signature with a message-only algorithm in the key's driver. */
export function driverVerifyMessage(env: SignEnv, slot: KeySlot, alg: number, message: Uint8Array, signature: Uint8Array, context: Uint8Array, fn: string): void {
  const a = slot.attributes;
  env.ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.verifyMessage !== undefined,
    (d) => d.verifyMessage!(driverAttributes(a), slot.keyBuffer, alg, message, signature, context));
}

/**
 * The checks on the signing key once the policy has passed: it must be a key
 * pair, and a known signature size must fit `signatureSize`.
 */
export function checkSigningKey(slot: KeySlot, alg: number, signatureSize: number | undefined, fn: string): void {
  const a = slot.attributes;
  if (!PSA_KEY_TYPE_IS_KEY_PAIR(a.type)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a.type, 'keyType')} is not a key pair`);
  }
  if (signatureSize !== undefined && sizeKnownEarly(a.type, alg) && signatureSize < PSA_SIGN_OUTPUT_SIZE(a.type, a.bits, alg)) {
    fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: signature buffer of ${signatureSize} bytes, ${PSA_SIGN_OUTPUT_SIZE(a.type, a.bits, alg)} needed`);
  }
}

/** The driver's signature, checked against the caller's buffer size. */
export function fitSignature(signature: Uint8Array, signatureSize: number | undefined, fn: string): Uint8Array {
  if (!(signature instanceof Uint8Array)) fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the driver returned no signature`);
  if (signatureSize !== undefined && signature.length > signatureSize) {
    signature.fill(0);
    fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: signature buffer of ${signatureSize} bytes, ${signature.length} needed`);
  }
  return signature;
}

/** `psa_sign_internal`: see the module comment. */
function signInternal(env: SignEnv, key: number, isMessage: boolean, alg: number, input: Uint8Array,
  context: Uint8Array, signatureSize: number | undefined, fn: string): Uint8Array {
  try {
    checkSignAlg(env.hashes, isMessage, alg, context, fn);
    if (signatureSize === 0) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: empty signature buffer`);
    const usage = isMessage ? PSA_KEY_USAGE_SIGN_MESSAGE : PSA_KEY_USAGE_SIGN_HASH;
    return withKey(env.ctx, key, usage, alg, fn, (slot) => {
      checkSigningKey(slot, alg, signatureSize, fn);
      let signature: Uint8Array;
      if (isMessage && isMessageOnly(alg)) {
        signature = driverSignMessage(env, slot, alg, input, context, fn);
      } else if (isMessage) {
        const hash = hashCompute(env.hashes, signHashAlg(alg), input);
        signature = driverSignHash(env, slot, alg, hash, context, fn);
      } else {
        signature = driverSignHash(env, slot, alg, input, context, fn);
      }
      return fitSignature(signature, signatureSize, fn);
    });
  } catch (err) {
    throw asPsaError(err);
  }
}

/** `psa_verify_internal`: see the module comment. */
function verifyInternal(env: SignEnv, key: number, isMessage: boolean, alg: number, input: Uint8Array,
  signature: Uint8Array, context: Uint8Array, fn: string): void {
  try {
    checkSignAlg(env.hashes, isMessage, alg, context, fn);
    const usage = isMessage ? PSA_KEY_USAGE_VERIFY_MESSAGE : PSA_KEY_USAGE_VERIFY_HASH;
    withKey(env.ctx, key, usage, alg, fn, (slot) => {
      if (isMessage && isMessageOnly(alg)) {
        driverVerifyMessage(env, slot, alg, input, signature, context, fn);
      } else if (isMessage) {
        const hash = hashCompute(env.hashes, signHashAlg(alg), input);
        driverVerifyHash(env, slot, alg, hash, signature, context, fn);
      } else {
        driverVerifyHash(env, slot, alg, input, signature, context, fn);
      }
    });
  } catch (err) {
    throw asPsaError(err);
  }
}

const NO_CONTEXT = new Uint8Array(0);

/**
 * `psa_sign_hash` (empty `context`) and `psa_sign_hash_with_context`.
 * `signatureSize`, the C caller's buffer size, is optional.
 */
export function signHash(env: SignEnv, key: number, alg: number, hash: Uint8Array, context: Uint8Array = NO_CONTEXT, signatureSize?: number, fn = 'psa_sign_hash'): Uint8Array {
  return signInternal(env, key, false, alg, hash, context, signatureSize, fn);
}

/** `psa_verify_hash` and `psa_verify_hash_with_context`: INVALID_SIGNATURE on mismatch. */
export function verifyHash(env: SignEnv, key: number, alg: number, hash: Uint8Array, signature: Uint8Array, context: Uint8Array = NO_CONTEXT, fn = 'psa_verify_hash'): void {
  verifyInternal(env, key, false, alg, hash, signature, context, fn);
}

/** `psa_sign_message` and `psa_sign_message_with_context`. */
export function signMessage(env: SignEnv, key: number, alg: number, message: Uint8Array, context: Uint8Array = NO_CONTEXT, signatureSize?: number, fn = 'psa_sign_message'): Uint8Array {
  return signInternal(env, key, true, alg, message, context, signatureSize, fn);
}

/** `psa_verify_message` and `psa_verify_message_with_context`: INVALID_SIGNATURE on mismatch. */
export function verifyMessage(env: SignEnv, key: number, alg: number, message: Uint8Array, signature: Uint8Array, context: Uint8Array = NO_CONTEXT, fn = 'psa_verify_message'): void {
  verifyInternal(env, key, true, alg, message, signature, context, fn);
}
