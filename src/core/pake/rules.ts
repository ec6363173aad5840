/**
 * What each PAKE family accepts before the exchange starts: password key
 * types, roles, identities and context (PSA 1.5 §10.13, Mbed TLS's
 * `psa_pake_setup` / `psa_pake_set_*` / `psa_pake_complete_inputs`). The
 * operation (`pake.ts`) asks these questions; the driver owns the exchange.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_ALG_GET_HASH, PSA_ALG_IS_JPAKE, PSA_ALG_IS_PAKE, PSA_ALG_IS_SPAKE2P, PSA_ALG_IS_WPA3_SAE, PSA_ALG_IS_WPA3_SAE_GDH } from '../../values/alg-predicates.js';
import {
  PSA_KEY_TYPE_IS_SPAKE2P,
  PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_KEY_TYPE_SPAKE2P_GET_FAMILY,
  PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY,
  PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY,
} from '../../values/key-type-predicates.js';
import {
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE_GET_BITS,
  PSA_PAKE_PRIMITIVE_GET_FAMILY,
  PSA_PAKE_PRIMITIVE_GET_TYPE,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_NONE,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_UNCONFIRMED_KEY,
} from '../../values/pake.js';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512, PSA_KEY_TYPE_PASSWORD, PSA_KEY_TYPE_PASSWORD_HASH, describe } from '../../values/index.js';
import { PSA_ALG_IS_SRP_6, PSA_KEY_TYPE_IS_SRP, PSA_KEY_TYPE_IS_SRP_KEY_PAIR, PSA_KEY_TYPE_SRP_GET_FAMILY } from '../../values/srp.js';

/** The PAKE families this core knows how to set up. */
export type PakeFamily = 'jpake' | 'spake2p' | 'wpa3sae' | 'srp';

/**
 * The family of a cipher suite's algorithm: INVALID_ARGUMENT when `alg` is
 * not a PAKE, NOT_SUPPORTED for a PAKE the core has no rules for (unknown
 * encodings), as Mbed TLS's `psa_pake_setup`.
 */
export function pakeFamilyOf(alg: number, fn: string): PakeFamily {
  if (!PSA_ALG_IS_PAKE(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a PAKE algorithm`);
  if (PSA_ALG_IS_JPAKE(alg)) return 'jpake';
  if (PSA_ALG_IS_SPAKE2P(alg)) return 'spake2p';
  if (PSA_ALG_IS_WPA3_SAE(alg)) return 'wpa3sae';
  if (PSA_ALG_IS_SRP_6(alg)) return 'srp';
  return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
}

/** A key confirmation value other than CONFIRMED / UNCONFIRMED is INVALID_ARGUMENT. */
export function checkKeyConfirmation(value: number, fn: string): void {
  if (value !== PSA_PAKE_CONFIRMED_KEY && value !== PSA_PAKE_UNCONFIRMED_KEY) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${value} is not a key confirmation value`);
  }
}

/** The hash IEEE 802.11 pairs with a WPA3-SAE group whose prime has `bits` bits (§12.4.2, Table 12-1): ECC ≤ 256, ≤ 384, larger; FFC ≤ 2048, ≤ 3072, larger. */
function saeGroupHash(bits: number, ffc: boolean): number {
  const [small, medium] = ffc ? [2048, 3072] : [256, 384];
  return bits <= small ? PSA_ALG_SHA_256 : bits <= medium ? PSA_ALG_SHA_384 : PSA_ALG_SHA_512;
}

/**
 * WPA3-SAE keys (PSA 1.5 §10.13.12): the looping variant (FIXED with a
 * PASSWORD key) uses SHA-256; the hash-to-element variants (FIXED or GDH with
 * a password token of the primitive's group) use the group's hash. Anything
 * else is INVALID_ARGUMENT.
 */
function checkSaeKey(alg: number, primitive: number, type: number, bits: number, fn: string): void {
  const hash = PSA_ALG_GET_HASH(alg);
  if (type === PSA_KEY_TYPE_PASSWORD && !PSA_ALG_IS_WPA3_SAE_GDH(alg)) {
    if (hash !== PSA_ALG_SHA_256) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the looping WPA3-SAE variant uses SHA-256`);
    return;
  }
  const ecc = PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type);
  const ffc = PSA_KEY_TYPE_IS_WPA3_SAE_DH(type);
  const family = ecc ? PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type) : PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY(type);
  const primitiveType = ecc ? PSA_PAKE_PRIMITIVE_TYPE_ECC : PSA_PAKE_PRIMITIVE_TYPE_DH;
  if (
    !(ecc || ffc) ||
    PSA_PAKE_PRIMITIVE_GET_TYPE(primitive) !== primitiveType ||
    family !== PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive) ||
    bits !== PSA_PAKE_PRIMITIVE_GET_BITS(primitive)
  ) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${describe(type, 'keyType')} key of ${bits} bits does not fit the WPA3-SAE cipher suite`);
  }
  if (hash !== saeGroupHash(bits, ffc)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the hash does not match the WPA3-SAE group`);
}

/**
 * Whether the password key fits the cipher suite (INVALID_ARGUMENT
 * otherwise): J-PAKE takes PASSWORD or PASSWORD_HASH (Mbed TLS); SPAKE2+ a
 * SPAKE2+ key of the primitive's curve family and size; WPA3-SAE as `checkSaeKey`.
 */
export function checkPasswordKey(family: PakeFamily, primitive: number, type: number, bits: number, fn: string, alg = 0): void {
  if (family === 'wpa3sae') return checkSaeKey(alg, primitive, type, bits, fn);
  if (family === 'srp') {
    if (!PSA_KEY_TYPE_IS_SRP(type) || PSA_KEY_TYPE_SRP_GET_FAMILY(type) !== PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive) || bits !== PSA_PAKE_PRIMITIVE_GET_BITS(primitive)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${describe(type, 'keyType')} key of ${bits} bits does not fit the SRP cipher suite`);
    }
    return;
  }
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
 * `psa_pake_set_role`: J-PAKE and WPA3-SAE take only NONE (Mbed TLS: anything
 * else is INVALID_ARGUMENT); SPAKE2+ takes CLIENT (prover, key pair only) or
 * SERVER (verifier).
 */
export function checkRole(family: PakeFamily, role: number, keyType: number, fn: string): void {
  if (family === 'jpake' || family === 'wpa3sae') {
    if (role !== PSA_PAKE_ROLE_NONE) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${family === 'jpake' ? 'J-PAKE' : 'WPA3-SAE'} takes no role`);
    return;
  }
  const name = family === 'srp' ? 'SRP' : 'SPAKE2+';
  if (role !== PSA_PAKE_ROLE_CLIENT && role !== PSA_PAKE_ROLE_SERVER) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${name} roles are CLIENT and SERVER`);
  }
  if (role === PSA_PAKE_ROLE_CLIENT && !PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(keyType) && !PSA_KEY_TYPE_IS_SRP_KEY_PAIR(keyType)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the ${name} client needs a key pair`);
  }
}

/**
 * Identity lengths: Mbed TLS rejects an empty J-PAKE identity
 * (INVALID_ARGUMENT); SPAKE2+ identities are optional and an empty one is
 * the same as none; WPA3-SAE identities are MAC addresses (6 bytes).
 */
export function checkIdentity(family: PakeFamily, id: Uint8Array, fn: string): void {
  if ((family === 'jpake' || family === 'srp') && id.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an identity cannot be empty`);
  if (family === 'wpa3sae' && id.length !== 6) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a WPA3-SAE identity is a 6-byte MAC address`);
}

/** `psa_pake_set_context`: only SPAKE2+ has a context; J-PAKE and WPA3-SAE give BAD_STATE (PSA 1.5 §10.13.8, §10.13.12). */
export function checkContextAllowed(family: PakeFamily, fn: string): void {
  if (family !== 'spake2p') fail(PSA_ERROR_BAD_STATE, `${fn}: ${family === 'jpake' ? 'J-PAKE' : family === 'srp' ? 'SRP' : 'WPA3-SAE'} does not use a context`);
}

/**
 * What must be set before the first output or input (BAD_STATE otherwise):
 * J-PAKE and WPA3-SAE need both identities (Mbed TLS's
 * `psa_pake_complete_inputs`), SPAKE2+ a role.
 */
export function checkReady(family: PakeFamily, hasUser: boolean, hasPeer: boolean, role: number | undefined, fn: string): void {
  if ((family === 'jpake' || family === 'wpa3sae') && (!hasUser || !hasPeer)) fail(PSA_ERROR_BAD_STATE, `${fn}: the user and peer identities are needed`);
  if (family === 'srp' && !hasUser) fail(PSA_ERROR_BAD_STATE, `${fn}: SRP needs the user name`);
  if ((family === 'spake2p' || family === 'srp') && role === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: a role is needed`);
}
