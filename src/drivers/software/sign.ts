/**
 * The software driver's sign entry points: ECDSA (`ecc/ecdsa.ts`), EdDSA
 * (`ecc/eddsa.ts`) and RSA (`rsa/sign.ts`, NOT_SUPPORTED while that hook
 * is undefined). As Mbed TLS's built-in driver: an algorithm of another
 * family than the key (RSA-PSS with an ECC key, ECDSA with an RSA key) is
 * INVALID_ARGUMENT; a key type no module handles is NOT_SUPPORTED. Message
 * entry points exist only for the message-only algorithms (PureEdDSA,
 * EdDSA with context): the core hashes for the hash-and-sign ones. The
 * interruptible entry points exist for ECDSA (`ecdsa-interruptible.ts`).
 * @module
 */
import type { SignEntryPoints } from '../sign.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ALG_ED25519PH,
  PSA_ALG_ED448PH,
  PSA_ALG_IS_RSA_PKCS1V15_SIGN,
  PSA_ALG_IS_RSA_PSS,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_RSA,
  describe,
} from '../../values/index.js';
import { ecdsaSignHashStart, ecdsaVerifyHashStart } from './ecc/ecdsa-interruptible.js';
import { ecdsaSignHash, ecdsaVerifyHash, isEcdsa } from './ecc/ecdsa.js';
import { eddsaSignHash, eddsaSignMessage, eddsaVerifyHash, eddsaVerifyMessage, isEddsa } from './ecc/eddsa.js';
import { rsaSign } from './rsa/sign.js';

/** Which module signs with this key type and algorithm; throws when none does. */
function route(type: number, alg: number): 'ecdsa' | 'eddsa' | 'rsa' {
  if (PSA_KEY_TYPE_IS_RSA(type)) {
    if (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) || PSA_ALG_IS_RSA_PSS(alg)) return 'rsa';
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(alg, 'alg')} cannot be used with an RSA key`);
  }
  if (PSA_KEY_TYPE_IS_ECC(type)) {
    if (isEcdsa(type, alg)) return 'ecdsa';
    if (isEddsa(type, alg)) return 'eddsa';
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(alg, 'alg')} cannot be used with ${describe(type, 'keyType')}`);
  }
  return fail(PSA_ERROR_NOT_SUPPORTED, `signatures with ${describe(type, 'keyType')} are not supported`);
}

/** Whether `alg` is HashEdDSA (the EdDSA variants that sign a hash). */
const isHashEddsa = (alg: number): boolean => alg >>> 0 === PSA_ALG_ED25519PH || alg >>> 0 === PSA_ALG_ED448PH;

/** The RSA hook, or NOT_SUPPORTED while RSA signatures are not built. */
function rsa(): NonNullable<typeof rsaSign> {
  return rsaSign ?? fail(PSA_ERROR_NOT_SUPPORTED, 'RSA signatures are not supported');
}

/** An ECDSA algorithm with a non-empty context is INVALID_ARGUMENT (ECDSA takes none). */
function noContext(context: Uint8Array, alg: number): void {
  if (context.length > 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(alg, 'alg')} takes no context`);
}

/** Sign entry points of the software driver. */
export const softwareSign: SignEntryPoints = {
  signHash(attributes, keyBuffer, alg, hash, random, context) {
    switch (route(attributes.type, alg)) {
      case 'rsa': {
        noContext(context, alg);
        return rsa().signHash!(attributes, keyBuffer, alg, hash, random, context);
      }
      case 'ecdsa':
        noContext(context, alg);
        return ecdsaSignHash(attributes, keyBuffer, alg, hash, random);
      case 'eddsa':
        if (!isHashEddsa(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(alg, 'alg')} signs messages, not hashes`);
        return eddsaSignHash(attributes, keyBuffer, alg, hash, context);
    }
  },
  verifyHash(attributes, keyBuffer, alg, hash, signature, context) {
    switch (route(attributes.type, alg)) {
      case 'rsa':
        noContext(context, alg);
        rsa().verifyHash!(attributes, keyBuffer, alg, hash, signature, context);
        return;
      case 'ecdsa':
        noContext(context, alg);
        ecdsaVerifyHash(attributes, keyBuffer, alg, hash, signature);
        return;
      case 'eddsa':
        if (!isHashEddsa(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(alg, 'alg')} verifies messages, not hashes`);
        eddsaVerifyHash(attributes, keyBuffer, alg, hash, signature, context);
    }
  },
  signMessage(attributes, keyBuffer, alg, message, _random, context) {
    if (route(attributes.type, alg) !== 'eddsa' || isHashEddsa(alg)) {
      fail(PSA_ERROR_NOT_SUPPORTED, 'hash-and-sign algorithms are signed through signHash');
    }
    return eddsaSignMessage(attributes, keyBuffer, alg, message, context);
  },
  verifyMessage(attributes, keyBuffer, alg, message, signature, context) {
    if (route(attributes.type, alg) !== 'eddsa' || isHashEddsa(alg)) {
      fail(PSA_ERROR_NOT_SUPPORTED, 'hash-and-sign algorithms are verified through verifyHash');
    }
    eddsaVerifyMessage(attributes, keyBuffer, alg, message, signature, context);
  },
  signHashStart(attributes, keyBuffer, alg, hash, random) {
    if (route(attributes.type, alg) !== 'ecdsa') fail(PSA_ERROR_NOT_SUPPORTED, 'only ECDSA can be interrupted');
    return ecdsaSignHashStart(attributes, keyBuffer, alg, hash, random);
  },
  verifyHashStart(attributes, keyBuffer, alg, hash, signature) {
    if (route(attributes.type, alg) !== 'ecdsa') fail(PSA_ERROR_NOT_SUPPORTED, 'only ECDSA can be interrupted');
    return ecdsaVerifyHashStart(attributes, keyBuffer, alg, hash, signature);
  },
};
