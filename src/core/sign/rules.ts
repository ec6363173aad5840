/**
 * Checks shared by the signature functions, in Mbed TLS's order
 * (`psa_sign_verify_check_alg`, then the key policy, then the key):
 *
 * 1. a message function needs `PSA_ALG_IS_SIGN_MESSAGE(alg)`, and an
 *    algorithm that signs a hash (hash-and-sign) or a message-only
 *    algorithm (PureEdDSA, EdDSA with context; Mbed TLS has none);
 *    otherwise INVALID_ARGUMENT;
 * 2. a hash of `PSA_ALG_ANY_HASH` is INVALID_ARGUMENT, an unsupported hash
 *    NOT_SUPPORTED;
 * 3. (PSA 1.4) a non-empty context with an algorithm for which
 *    `PSA_ALG_SIGN_SUPPORTS_CONTEXT` is false, or a context longer than 255
 *    bytes, is INVALID_ARGUMENT.
 *
 * As in Mbed TLS the hash length is not checked here: ECDSA signs the
 * leftmost bits of any input; the RSA and HashEdDSA drivers reject a hash of
 * the wrong length with INVALID_ARGUMENT.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ALG_ANY_HASH,
  PSA_ALG_EDDSA_CTX,
  PSA_ALG_IS_ECDSA,
  PSA_ALG_IS_HASH_EDDSA,
  PSA_ALG_IS_RSA_PKCS1V15_SIGN,
  PSA_ALG_IS_RSA_PSS,
  PSA_ALG_IS_SIGN_HASH,
  PSA_ALG_IS_SIGN_MESSAGE,
  PSA_ALG_PURE_EDDSA,
  PSA_ALG_SIGN_GET_HASH,
  PSA_ALG_SIGN_SUPPORTS_CONTEXT,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_RSA,
  describe,
} from '../../values/index.js';
import type { HashProvider } from '../hash.js';

/** Longest signature context (PSA 1.4: 0–255 bytes for every algorithm that takes one). */
export const SIGN_MAX_CONTEXT_LENGTH = 255;

/** Whether `alg` signs the message itself, with no hash step the core could do (PureEdDSA, EdDSA with context). */
export function isMessageOnly(alg: number): boolean {
  const a = alg >>> 0;
  return a === PSA_ALG_PURE_EDDSA || a === PSA_ALG_EDDSA_CTX;
}

/** The hash of a hash-and-sign `alg`, 0 for an algorithm that hashes nothing (ECDSA_ANY, RSA raw, PureEdDSA). */
export function signHashAlg(alg: number): number {
  return PSA_ALG_IS_SIGN_HASH(alg) ? PSA_ALG_SIGN_GET_HASH(alg) : 0;
}


/** `psa_sign_verify_check_alg` plus the context rules; see the module comment. */
export function checkSignAlg(hp: HashProvider, inputIsMessage: boolean, alg: number, context: Uint8Array, fn: string): void {
  if (inputIsMessage && !PSA_ALG_IS_SIGN_MESSAGE(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a message signature algorithm`);
  }
  const hashAlg = signHashAlg(alg);
  if (hashAlg === 0 && inputIsMessage && !isMessageOnly(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} does not hash messages`);
  }
  if (hashAlg === PSA_ALG_ANY_HASH) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is a wildcard`);
  if (hashAlg !== 0 && hp.supports?.(hashAlg) !== true) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(hashAlg, 'alg')} is not supported`);
  }
  checkContext(alg, context, fn);
}

/** The context rules of PSA 1.4 (see the module comment). */
export function checkContext(alg: number, context: Uint8Array, fn: string): void {
  if (context.length === 0) return;
  if (!PSA_ALG_SIGN_SUPPORTS_CONTEXT(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} takes no context`);
  }
  if (context.length > SIGN_MAX_CONTEXT_LENGTH) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a context of ${context.length} bytes is longer than ${SIGN_MAX_CONTEXT_LENGTH}`);
  }
}

/**
 * Whether a key type can be used with a signature `alg` at all (family
 * match only: RSA with RSA schemes, Weierstrass ECC with ECDSA, Edwards ECC
 * with EdDSA). Used where Mbed TLS's driver would refuse the pair only later
 * (multipart setup).
 */
export function signKeyCompatible(type: number, alg: number): boolean {
  if (PSA_KEY_TYPE_IS_RSA(type)) return PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || PSA_ALG_IS_RSA_PSS(alg);
  if (!PSA_KEY_TYPE_IS_ECC(type)) return false;
  const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS) return isMessageOnly(alg) || PSA_ALG_IS_HASH_EDDSA(alg);
  return family !== PSA_ECC_FAMILY_MONTGOMERY && PSA_ALG_IS_ECDSA(alg);
}
