/**
 * PKCS #8 private keys (RFC 5208 `PrivateKeyInfo` / RFC 5958
 * `OneAsymmetricKey`) and X.509 `SubjectPublicKeyInfo` (RFC 5280) to and
 * from the PSA key formats, for RSA (rsaEncryption, PKCS #1 inside),
 * Weierstrass curves (id-ecPublicKey with a namedCurve, SEC 1 inside) and
 * the RFC 8410 curves (X25519, X448, Ed25519, Ed448).
 *
 * Unknown algorithms and curves are NOT_SUPPORTED; malformed DER, keys of
 * the wrong length and containers that disagree with themselves are
 * INVALID_ARGUMENT.
 * @module
 */
import { copyBytes } from '../bytes.js';
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import {
  PSA_KEY_TYPE_ECC_GET_FAMILY, PSA_KEY_TYPE_IS_ECC, PSA_KEY_TYPE_IS_ECC_KEY_PAIR, PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY,
} from '../values/key-type-predicates.js';
import {
  PSA_KEY_TYPE_ECC_KEY_PAIR, PSA_KEY_TYPE_ECC_PUBLIC_KEY, PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_TYPE_RSA_PUBLIC_KEY,
} from '../values/key-types.js';
import {
  DER_NULL, DER_OID, DerReader, contextTag, encodeBitString, encodeInteger, encodeNull, encodeOctetString, encodeOid,
  encodeSequence, readSequence,
} from './der.js';
import { checkEccPrivate, checkEccPublic, isWeierstrass } from './ecc-shape.js';
import { OID, curveOfNamedCurveOid, curveOfRfc8410Oid, namedCurveOidOf, rfc8410OidOf, type PsaCurve } from './oids.js';
import { pkcs1FromPsa, psaFromPkcs1, type PsaKey } from './pkcs1.js';
import { decodeEcPrivateKey, encodeEcPrivateKey, type PsaKeyWithPublic } from './sec1.js';

/** Options of `pkcs8FromPsa`. */
export interface Pkcs8Options {
  /** For Weierstrass keys: the public key (PSA format) to store in the inner ECPrivateKey. */
  readonly publicKey?: Uint8Array;
}

/** The algorithm of a key container, as read from its AlgorithmIdentifier. */
type Algorithm = { kind: 'rsa' } | { kind: 'ec'; curve: PsaCurve } | { kind: 'rfc8410'; curve: PsaCurve };

function readAlgorithm(seq: DerReader): Algorithm {
  const alg = seq.sequence();
  const oid = alg.oid();
  if (oid === OID.rsaEncryption) {
    alg.null();
    alg.end();
    return { kind: 'rsa' };
  }
  if (oid === OID.ecPublicKey) {
    if (alg.peekTag() !== DER_OID) fail(alg.peekTag() === DER_NULL || alg.done ? PSA_ERROR_INVALID_ARGUMENT : PSA_ERROR_NOT_SUPPORTED, 'id-ecPublicKey: only namedCurve parameters are supported');
    const curve = curveOfNamedCurveOid(alg.oid());
    alg.end();
    if (!curve) fail(PSA_ERROR_NOT_SUPPORTED, 'id-ecPublicKey: unknown named curve');
    return { kind: 'ec', curve };
  }
  const curve = curveOfRfc8410Oid(oid);
  if (curve) {
    alg.end(); // RFC 8410: parameters absent
    return { kind: 'rfc8410', curve };
  }
  return fail(PSA_ERROR_NOT_SUPPORTED, `unsupported key algorithm ${oid}`);
}

/** AlgorithmIdentifier of a PSA key type (key pair or public key). */
function algorithmOf(type: number, bits: number): Uint8Array {
  if (type === PSA_KEY_TYPE_RSA_KEY_PAIR || type === PSA_KEY_TYPE_RSA_PUBLIC_KEY) return encodeSequence(encodeOid(OID.rsaEncryption), encodeNull());
  if (!PSA_KEY_TYPE_IS_ECC(type)) fail(PSA_ERROR_NOT_SUPPORTED, 'no container for this key type');
  const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (isWeierstrass(family)) {
    const curve = namedCurveOidOf(family, bits);
    if (!curve) fail(PSA_ERROR_NOT_SUPPORTED, 'the curve has no named-curve OID');
    return encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(curve));
  }
  const oid = rfc8410OidOf(family, bits);
  if (!oid) fail(PSA_ERROR_NOT_SUPPORTED, 'the curve has no RFC 8410 OID');
  return encodeSequence(encodeOid(oid));
}

/**
 * PKCS #8 `PrivateKeyInfo` DER (version 0) of a PSA key pair: RSA
 * (`keyData` = RSAPrivateKey), Weierstrass ECC (`keyData` = d; the inner
 * ECPrivateKey carries `options.publicKey` when given) or an RFC 8410 curve
 * (`keyData` = the raw private key).
 */
export function pkcs8FromPsa(type: number, bits: number, keyData: Uint8Array, options: Pkcs8Options = {}): Uint8Array {
  let inner: Uint8Array;
  if (type === PSA_KEY_TYPE_RSA_KEY_PAIR) {
    inner = pkcs1FromPsa(type, bits, keyData);
  } else if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) {
    const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
    if (isWeierstrass(family)) {
      inner = encodeEcPrivateKey(type, bits, keyData, options.publicKey, false);
    } else {
      checkEccPrivate(family, bits, keyData);
      inner = encodeOctetString(keyData);
    }
  } else {
    return fail(PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type) || type === PSA_KEY_TYPE_RSA_PUBLIC_KEY ? PSA_ERROR_INVALID_ARGUMENT : PSA_ERROR_NOT_SUPPORTED, 'PKCS#8: not a supported key pair type');
  }
  return encodeSequence(encodeInteger(0), algorithmOf(type, bits), encodeOctetString(inner));
}

/**
 * The PSA key pair of a PKCS #8 `PrivateKeyInfo` / `OneAsymmetricKey` DER
 * (unencrypted). For Weierstrass keys the public key is returned too when
 * the inner ECPrivateKey holds one.
 */
export function psaFromPkcs8(der: Uint8Array): PsaKeyWithPublic {
  const seq = readSequence(der);
  const version = seq.smallInteger();
  if (version !== 0 && version !== 1) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#8: unknown version');
  const alg = readAlgorithm(seq);
  const inner = seq.octetString();
  if (seq.peekTag() === contextTag(0, true)) seq.next(); // attributes: ignored
  if (version === 1 && seq.peekTag() === contextTag(1, false)) {
    const pub = seq.next().value; // [1] IMPLICIT BIT STRING
    if (pub.length === 0 || pub[0] !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#8: malformed public key');
  }
  seq.end();
  switch (alg.kind) {
    case 'rsa': {
      const key = psaFromPkcs1(inner);
      if (key.type !== PSA_KEY_TYPE_RSA_KEY_PAIR) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#8: rsaEncryption key is not an RSAPrivateKey');
      return key;
    }
    case 'ec':
      return decodeEcPrivateKey(inner, alg.curve);
    case 'rfc8410': {
      const reader = new DerReader(inner);
      const data = reader.octetString();
      reader.end();
      checkEccPrivate(alg.curve.family, alg.curve.bits, data);
      return { type: PSA_KEY_TYPE_ECC_KEY_PAIR(alg.curve.family), bits: alg.curve.bits, data };
    }
  }
}

/**
 * X.509 `SubjectPublicKeyInfo` DER of a PSA public key: RSA (`keyData` =
 * RSAPublicKey), Weierstrass ECC (uncompressed point) or an RFC 8410 curve
 * (raw public key).
 */
export function spkiFromPsa(type: number, bits: number, keyData: Uint8Array): Uint8Array {
  if (type === PSA_KEY_TYPE_RSA_PUBLIC_KEY) {
    pkcs1FromPsa(type, bits, keyData);
  } else if (PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type)) {
    checkEccPublic(PSA_KEY_TYPE_ECC_GET_FAMILY(type), bits, keyData);
  } else {
    return fail(PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type) || type === PSA_KEY_TYPE_RSA_KEY_PAIR ? PSA_ERROR_INVALID_ARGUMENT : PSA_ERROR_NOT_SUPPORTED, 'SPKI: not a supported public key type');
  }
  return encodeSequence(algorithmOf(type, bits), encodeBitString(keyData));
}

/** The PSA public key of an X.509 `SubjectPublicKeyInfo` DER. Compressed EC points are NOT_SUPPORTED. */
export function psaFromSpki(der: Uint8Array): PsaKey {
  const seq = readSequence(der);
  const alg = readAlgorithm(seq);
  const data = seq.bitString();
  seq.end();
  if (alg.kind === 'rsa') {
    const key = psaFromPkcs1(data);
    if (key.type !== PSA_KEY_TYPE_RSA_PUBLIC_KEY) fail(PSA_ERROR_INVALID_ARGUMENT, 'SPKI: rsaEncryption key is not an RSAPublicKey');
    return key;
  }
  checkEccPublic(alg.curve.family, alg.curve.bits, data);
  return { type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(alg.curve.family), bits: alg.curve.bits, data: copyBytes(data) };
}
