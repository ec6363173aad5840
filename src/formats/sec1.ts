/**
 * SEC 1 `ECPrivateKey` (RFC 5915) for Weierstrass curves:
 * ```
 * ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING,
 *   parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
 * ```
 * Only namedCurve parameters are supported (others are NOT_SUPPORTED). The
 * public key is never computed here: it is written when the caller supplies
 * it and returned when the container holds one.
 * @module
 */
import { copyBytes } from '../bytes.js';
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import { PSA_KEY_TYPE_ECC_GET_FAMILY, PSA_KEY_TYPE_IS_ECC_KEY_PAIR } from '../values/key-type-predicates.js';
import { PSA_KEY_TYPE_ECC_KEY_PAIR } from '../values/key-types.js';
import { DER_OID, encodeBitString, encodeExplicit, encodeInteger, encodeOctetString, encodeOid, encodeSequence, readSequence } from './der.js';
import { checkEccPrivate, checkEccPublic, eccPrivateLength, isWeierstrass } from './ecc-shape.js';
import { curveOfNamedCurveOid, namedCurveOidOf, type PsaCurve } from './oids.js';
import type { PsaKey } from './pkcs1.js';

/** A PSA ECC key pair read from a container, with the public key (PSA format) when the container holds one. */
export interface PsaKeyWithPublic extends PsaKey {
  /** The public key in the PSA format (uncompressed point), when present in the container. */
  readonly publicKey?: Uint8Array;
}

/** The PSA curve of a Weierstrass ECC key pair type; NOT_SUPPORTED for other types or unnamed curves. */
export function weierstrassCurve(type: number, bits: number): { curve: PsaCurve; oid: string } {
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) fail(PSA_ERROR_INVALID_ARGUMENT, 'SEC1: not an ECC key pair type');
  const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  const oid = isWeierstrass(family) ? namedCurveOidOf(family, bits) : undefined;
  if (!oid) fail(PSA_ERROR_NOT_SUPPORTED, 'SEC1: the curve has no named-curve OID');
  return { curve: { family, bits }, oid };
}

/** Encode an ECPrivateKey; `withParameters` writes the [0] namedCurve (omitted inside PKCS #8). */
export function encodeEcPrivateKey(type: number, bits: number, keyData: Uint8Array, publicKey: Uint8Array | undefined, withParameters: boolean): Uint8Array {
  const { curve, oid } = weierstrassCurve(type, bits);
  checkEccPrivate(curve.family, curve.bits, keyData);
  if (publicKey) checkEccPublic(curve.family, curve.bits, publicKey);
  return encodeSequence(
    encodeInteger(1),
    encodeOctetString(keyData),
    ...(withParameters ? [encodeExplicit(0, encodeOid(oid))] : []),
    ...(publicKey ? [encodeExplicit(1, encodeBitString(publicKey))] : []),
  );
}

/** Decode an ECPrivateKey; `outerCurve` is the curve named by an enclosing AlgorithmIdentifier (PKCS #8). */
export function decodeEcPrivateKey(der: Uint8Array, outerCurve?: PsaCurve): PsaKeyWithPublic {
  const seq = readSequence(der);
  if (seq.smallInteger() !== 1) fail(PSA_ERROR_INVALID_ARGUMENT, 'SEC1: ECPrivateKey version must be 1');
  const d = seq.octetString();
  let curve = outerCurve;
  const params = seq.optionalExplicit(0);
  if (params) {
    if (params.peekTag() !== DER_OID) fail(PSA_ERROR_NOT_SUPPORTED, 'SEC1: only namedCurve parameters are supported');
    const named = curveOfNamedCurveOid(params.oid());
    params.end();
    if (!named) fail(PSA_ERROR_NOT_SUPPORTED, 'SEC1: unknown named curve');
    if (curve && (curve.family !== named.family || curve.bits !== named.bits)) fail(PSA_ERROR_INVALID_ARGUMENT, 'SEC1: parameters disagree with the algorithm');
    curve = named;
  }
  let publicKey: Uint8Array | undefined;
  const pub = seq.optionalExplicit(1);
  if (pub) {
    publicKey = pub.bitString();
    pub.end();
  }
  seq.end();
  if (!curve) fail(PSA_ERROR_INVALID_ARGUMENT, 'SEC1: the key names no curve');
  const length = eccPrivateLength(curve.family, curve.bits);
  if (d.length === 0 || d.length > length) fail(PSA_ERROR_INVALID_ARGUMENT, 'SEC1: private key of the wrong length');
  const data = new Uint8Array(length);
  data.set(d, length - d.length);
  if (publicKey) checkEccPublic(curve.family, curve.bits, publicKey);
  const key = { type: PSA_KEY_TYPE_ECC_KEY_PAIR(curve.family), bits: curve.bits, data };
  return publicKey ? { ...key, publicKey: copyBytes(publicKey) } : key;
}

/**
 * SEC 1 ECPrivateKey DER (with its namedCurve parameters) of a PSA
 * Weierstrass key pair; `publicKey` (PSA format, uncompressed point) is
 * included when given.
 */
export function sec1FromPsa(type: number, bits: number, keyData: Uint8Array, publicKey?: Uint8Array): Uint8Array {
  return encodeEcPrivateKey(type, bits, keyData, publicKey, true);
}

/** The PSA key pair of a SEC 1 ECPrivateKey DER (which must name its curve), with its public key when present. */
export function psaFromSec1(der: Uint8Array): PsaKeyWithPublic {
  return decodeEcPrivateKey(der);
}
