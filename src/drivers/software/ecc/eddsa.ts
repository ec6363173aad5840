/**
 * EdDSA (RFC 8032) for the software driver's signature entry points, over
 * noble's Edwards curves. A twisted-Edwards key of 255 bits is Edwards25519,
 * of 448 bits Edwards448; the key buffer is the 32- or 57-byte RFC 8032
 * private key (seed) or the encoded public point.
 *
 * - `PSA_ALG_PURE_EDDSA`: Ed25519 (no context) or Ed448 (empty context);
 *   message only.
 * - `PSA_ALG_EDDSA_CTX`: Ed25519ctx or Ed448 with the caller's context
 *   (0–255 bytes); message only.
 * - `PSA_ALG_ED25519PH` / `PSA_ALG_ED448PH`: HashEdDSA over a 64-byte
 *   pre-hash (SHA-512 / SHAKE256-512) with the caller's context.
 *
 * Verification is RFC 8032 strict (canonical encodings, no small-order
 * public key), not ZIP-215.
 * @module
 */
import { eddsa, type EdDSA } from '@noble/curves/abstract/edwards.js';
import { ed25519, ed25519ctx } from '@noble/curves/ed25519.js';
import { ed448 } from '@noble/curves/ed448.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { shake256 } from '@noble/hashes/sha3.js';
import type { DriverKeyAttributes } from '../../driver.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_ED25519PH,
  PSA_ALG_ED448PH,
  PSA_ALG_EDDSA_CTX,
  PSA_ALG_PURE_EDDSA,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  describe,
} from '../../../values/index.js';

/** The longest context EdDSA accepts (RFC 8032). */
export const EDDSA_MAX_CONTEXT = 255;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const DOM2 = ascii('SigEd25519 no Ed25519 collisions');
const DOM4 = ascii('SigEd448');

/** `prefix ‖ phflag ‖ len(ctx) ‖ ctx ‖ data` (RFC 8032 dom2 / dom4). */
function domain(prefix: Uint8Array, data: Uint8Array, ctx: Uint8Array, phflag: boolean): Uint8Array {
  if (ctx.length > EDDSA_MAX_CONTEXT) throw new Error('context too long');
  const out = new Uint8Array(prefix.length + 2 + ctx.length + data.length);
  out.set(prefix, 0);
  out[prefix.length] = phflag ? 1 : 0;
  out[prefix.length + 1] = ctx.length;
  out.set(ctx, prefix.length + 2);
  out.set(data, prefix.length + 2 + ctx.length);
  return out;
}

/** RFC 8032 §5.1.5 clamping for Ed25519. */
function clamp25519(bytes: Uint8Array): Uint8Array {
  bytes[0] = bytes[0]! & 248;
  bytes[31] = (bytes[31]! & 127) | 64;
  return bytes;
}

/** RFC 8032 §5.2.5 clamping for Ed448. */
function clamp448(bytes: Uint8Array): Uint8Array {
  bytes[0] = bytes[0]! & 252;
  bytes[55] = bytes[55]! | 128;
  bytes[56] = 0;
  return bytes;
}

/** The pre-hash is given: HashEdDSA's PH is applied by the caller (psa_sign_hash). */
const given = (message: Uint8Array): Uint8Array => message;

/** HashEdDSA instances that sign a given PH(M). */
const ed25519Prehashed: EdDSA = eddsa(ed25519.Point, sha512, {
  adjustScalarBytes: clamp25519,
  domain: (data: Uint8Array, ctx: Uint8Array, phflag: boolean) => domain(DOM2, data, ctx, phflag),
  prehash: given,
  zip215: false,
});
const ed448Prehashed: EdDSA = eddsa(ed448.Point, (m: Uint8Array) => shake256(m, { dkLen: 114 }), {
  adjustScalarBytes: clamp448,
  domain: (data: Uint8Array, ctx: Uint8Array, phflag: boolean) => domain(DOM4, data, ctx, phflag),
  prehash: given,
});

/** Pre-hash length of HashEdDSA (SHA-512 and SHAKE256-512). */
const PREHASH_LENGTH = 64;

/** Whether this module handles the key type and algorithm (an Edwards key with an EdDSA algorithm). */
export function isEddsa(type: number, alg: number): boolean {
  const a = alg >>> 0;
  return PSA_KEY_TYPE_IS_ECC(type) && PSA_KEY_TYPE_ECC_GET_FAMILY(type) === PSA_ECC_FAMILY_TWISTED_EDWARDS &&
    (a === PSA_ALG_PURE_EDDSA || a === PSA_ALG_EDDSA_CTX || a === PSA_ALG_ED25519PH || a === PSA_ALG_ED448PH);
}

/** A scheme chosen from key size and algorithm: noble instance and whether it takes the context. */
interface Scheme {
  readonly curve: EdDSA;
  readonly withContext: boolean;
  readonly seedLength: number;
}

/** The scheme for a key of `bits` and an EdDSA `alg`; INVALID_ARGUMENT for a mismatched pre-hash variant. */
function schemeFor(bits: number, alg: number, prehashed: boolean): Scheme {
  const a = alg >>> 0;
  if (bits !== 255 && bits !== 448) fail(PSA_ERROR_NOT_SUPPORTED, `EdDSA with a ${bits}-bit key is not supported`);
  const is25519 = bits === 255;
  if (a === PSA_ALG_ED25519PH || a === PSA_ALG_ED448PH) {
    if (!prehashed) fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(a, 'alg')} signs a hash`);
    if ((a === PSA_ALG_ED25519PH) !== is25519) fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(a, 'alg')} does not match a ${bits}-bit key`);
    return { curve: is25519 ? ed25519Prehashed : ed448Prehashed, withContext: true, seedLength: is25519 ? 32 : 57 };
  }
  if (prehashed) fail(PSA_ERROR_INVALID_ARGUMENT, `${describe(a, 'alg')} signs a message, not a hash`);
  if (is25519) {
    return a === PSA_ALG_EDDSA_CTX
      ? { curve: ed25519ctx, withContext: true, seedLength: 32 }
      : { curve: ed25519, withContext: false, seedLength: 32 };
  }
  return { curve: ed448, withContext: true, seedLength: 57 };
}

/** Check `context` against the scheme: it must be empty when the scheme takes none. */
function contextOption(scheme: Scheme, context: Uint8Array): { context?: Uint8Array } {
  if (context.length > EDDSA_MAX_CONTEXT) fail(PSA_ERROR_INVALID_ARGUMENT, 'EdDSA: context longer than 255 bytes');
  if (!scheme.withContext) {
    if (context.length > 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'Ed25519 takes no context');
    return {};
  }
  return { context };
}

/** Sign `input` (a message, or a 64-byte pre-hash when `prehashed`). */
function sign(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, input: Uint8Array, context: Uint8Array, prehashed: boolean): Uint8Array {
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, 'EdDSA signing needs a key pair');
  const scheme = schemeFor(attributes.bits, alg, prehashed);
  if (prehashed && input.length !== PREHASH_LENGTH) fail(PSA_ERROR_INVALID_ARGUMENT, 'HashEdDSA: the hash must be 64 bytes');
  if (keyBuffer.length !== scheme.seedLength) fail(PSA_ERROR_INVALID_ARGUMENT, 'EdDSA: malformed private key');
  return scheme.curve.sign(input, keyBuffer, contextOption(scheme, context));
}

/** Verify `signature` over `input` (a message, or a 64-byte pre-hash when `prehashed`). */
function verify(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, input: Uint8Array, signature: Uint8Array, context: Uint8Array, prehashed: boolean): void {
  const scheme = schemeFor(attributes.bits, alg, prehashed);
  if (prehashed && input.length !== PREHASH_LENGTH) fail(PSA_ERROR_INVALID_ARGUMENT, 'HashEdDSA: the hash must be 64 bytes');
  const options = contextOption(scheme, context);
  const publicKey = PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type) ? scheme.curve.getPublicKey(keyBuffer) : keyBuffer;
  let valid = false;
  try {
    valid = signature.length === 2 * scheme.seedLength &&
      scheme.curve.verify(signature, input, publicKey, { ...options, zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) fail(PSA_ERROR_INVALID_SIGNATURE, 'EdDSA: invalid signature');
}

/** `sign_message` for PureEdDSA and EdDSA with context. */
export function eddsaSignMessage(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, message: Uint8Array, context: Uint8Array): Uint8Array {
  return sign(attributes, keyBuffer, alg, message, context, false);
}

/** `verify_message` for PureEdDSA and EdDSA with context. */
export function eddsaVerifyMessage(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, message: Uint8Array, signature: Uint8Array, context: Uint8Array): void {
  verify(attributes, keyBuffer, alg, message, signature, context, false);
}

/** `sign_hash` for HashEdDSA (Ed25519ph, Ed448ph) over a 64-byte pre-hash. */
export function eddsaSignHash(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, context: Uint8Array): Uint8Array {
  return sign(attributes, keyBuffer, alg, hash, context, true);
}

/** `verify_hash` for HashEdDSA over a 64-byte pre-hash. */
export function eddsaVerifyHash(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array, context: Uint8Array): void {
  verify(attributes, keyBuffer, alg, hash, signature, context, true);
}
