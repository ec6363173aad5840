/**
 * What each PAKE family accepts before the exchange starts: password key
 * types, roles, identities and context (PSA 1.5 §10.13, Mbed TLS's
 * `psa_pake_setup` / `psa_pake_set_*` / `psa_pake_complete_inputs`). The
 * operation (`pake.ts`) asks these questions; the driver owns the exchange.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import { PSA_ALG_IS_JPAKE, PSA_ALG_IS_PAKE, PSA_ALG_IS_SPAKE2P } from '../values/alg-predicates.js';
import { PSA_KEY_TYPE_IS_SPAKE2P, PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR, PSA_KEY_TYPE_SPAKE2P_GET_FAMILY } from '../values/key-type-predicates.js';
import {
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE_GET_BITS,
  PSA_PAKE_PRIMITIVE_GET_FAMILY,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_NONE,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_UNCONFIRMED_KEY,
} from '../values/pake.js';
import { PSA_KEY_TYPE_PASSWORD, PSA_KEY_TYPE_PASSWORD_HASH, describe } from '../values/index.js';

/** The PAKE families this core knows how to set up. */
export type PakeFamily = 'jpake' | 'spake2p';

/**
 * The family of a cipher suite's algorithm: INVALID_ARGUMENT when `alg` is
 * not a PAKE, NOT_SUPPORTED for a PAKE the core has no rules for (WPA3-SAE,
 * unknown encodings), as Mbed TLS's `psa_pake_setup`.
 */
export function pakeFamilyOf(alg: number, fn: string): PakeFamily {
  if (!PSA_ALG_IS_PAKE(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a PAKE algorithm`);
  if (PSA_ALG_IS_JPAKE(alg)) return 'jpake';
  if (PSA_ALG_IS_SPAKE2P(alg)) return 'spake2p';
  return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
}

/** A key confirmation value other than CONFIRMED / UNCONFIRMED is INVALID_ARGUMENT. */
export function checkKeyConfirmation(value: number, fn: string): void {
  if (value !== PSA_PAKE_CONFIRMED_KEY && value !== PSA_PAKE_UNCONFIRMED_KEY) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${value} is not a key confirmation value`);
  }
}

/**
 * Whether the password key fits the cipher suite (INVALID_ARGUMENT
 * otherwise): J-PAKE takes PASSWORD or PASSWORD_HASH (Mbed TLS); SPAKE2+ a
 * SPAKE2+ key of the primitive's curve family and size.
 */
export function checkPasswordKey(family: PakeFamily, primitive: number, type: number, bits: number, fn: string): void {
  if (family === 'jpake') {
    if (type !== PSA_KEY_TYPE_PASSWORD && type !== PSA_KEY_TYPE_PASSWORD_HASH) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: J-PAKE needs a PASSWORD or PASSWORD_HASH key, not ${describe(type, 'keyType')}`);
    }
    return;
  }
  if (
    !PSA_KEY_TYPE_IS_SPAKE2P(type) ||
    PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type) !== PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive) ||
    bits !== PSA_PAKE_PRIMITIVE_GET_BITS(primitive)
  ) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${describe(type, 'keyType')} key of ${bits} bits does not fit the SPAKE2+ cipher suite`);
  }
}

/**
 * `psa_pake_set_role`: J-PAKE takes only NONE (Mbed TLS: anything else is
 * INVALID_ARGUMENT); SPAKE2+ takes CLIENT (prover, key pair only) or SERVER
 * (verifier).
 */
export function checkRole(family: PakeFamily, role: number, keyType: number, fn: string): void {
  if (family === 'jpake') {
    if (role !== PSA_PAKE_ROLE_NONE) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: J-PAKE takes no role`);
    return;
  }
  if (role !== PSA_PAKE_ROLE_CLIENT && role !== PSA_PAKE_ROLE_SERVER) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: SPAKE2+ roles are CLIENT (prover) and SERVER (verifier)`);
  }
  if (role === PSA_PAKE_ROLE_CLIENT && !PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(keyType)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the SPAKE2+ prover needs a key pair`);
  }
}

/**
 * Identity lengths: Mbed TLS rejects an empty J-PAKE identity
 * (INVALID_ARGUMENT); SPAKE2+ identities are optional and an empty one is
 * the same as none.
 */
export function checkIdentity(family: PakeFamily, id: Uint8Array, fn: string): void {
  if (family === 'jpake' && id.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an identity cannot be empty`);
}

/** `psa_pake_set_context`: only SPAKE2+ has a context; J-PAKE gives BAD_STATE (PSA 1.5 §10.13.8). */
export function checkContextAllowed(family: PakeFamily, fn: string): void {
  if (family !== 'spake2p') fail(PSA_ERROR_BAD_STATE, `${fn}: J-PAKE does not use a context`);
}

/**
 * What must be set before the first output or input (BAD_STATE otherwise):
 * J-PAKE needs both identities (Mbed TLS's `psa_pake_complete_inputs`),
 * SPAKE2+ a role.
 */
export function checkReady(family: PakeFamily, hasUser: boolean, hasPeer: boolean, role: number | undefined, fn: string): void {
  if (family === 'jpake' && (!hasUser || !hasPeer)) fail(PSA_ERROR_BAD_STATE, `${fn}: J-PAKE needs the user and peer identities`);
  if (family === 'spake2p' && role === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: SPAKE2+ needs a role`);
}
