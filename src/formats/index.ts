/**
 * `psa-crypto/formats`: conversions between the PSA key formats and the
 * common containers (DER/PEM: PKCS#8, SubjectPublicKeyInfo, SEC1
 * ECPrivateKey, PKCS#1), so keys can move between OpenSSL and PSA; plus the
 * strict DER reader/writer and the PEM codec they are built on.
 * @module
 */

// Key containers ⇄ PSA key formats
export { pkcs8FromPsa, psaFromPkcs8, psaFromSpki, spkiFromPsa, type Pkcs8Options } from './keys.js';
export { magnitudeBits, pkcs1FromPsa, psaFromPkcs1, type PsaKey } from './pkcs1.js';
export { psaFromSec1, sec1FromPsa, type PsaKeyWithPublic } from './sec1.js';
export { pemFromPkcs1, pemFromPkcs8, pemFromPsa, pemFromSec1, pemFromSpki, psaFromPem } from './pem-keys.js';
export { eccCoordinateLength, eccPrivateLength, eccPublicLength } from './ecc-shape.js';

// ECDSA signatures: raw (PSA) ⇄ DER (X.509, TLS), as `mbedtls_ecdsa_*`
export { EcdsaSignatureError, ecdsaDerToRaw, ecdsaRawToDer, type EcdsaSignatureFailure } from './ecdsa-signature.js';

// Strict DER: reader, writer, tags, and `concatBytes` for building DER by hand
export {
  concatBytes, contextTag, readDer, readSequence, DerReader,
  DER_INTEGER, DER_BIT_STRING, DER_OCTET_STRING, DER_NULL, DER_OID, DER_SEQUENCE, DER_SET,
  encodeTlv, encodeSequence, encodeInteger, encodeOctetString, encodeBitString, encodeNull, encodeOid, encodeExplicit,
  encodeImplicit,
} from './der.js';
export type { DerElement } from './der.js';

// PEM (RFC 7468) and base64
export { base64Encode, base64Decode, encodePem, decodePemAll, decodePem } from './pem.js';
export type { PemBlock } from './pem.js';

// Object identifiers of the key containers and their PSA curves
export { OID, oidName, curveOfNamedCurveOid, namedCurveOidOf, curveOfRfc8410Oid, rfc8410OidOf } from './oids.js';
export type { OidName, PsaCurve } from './oids.js';
