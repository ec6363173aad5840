/**
 * `psa-crypto/formats`: conversions between the PSA key formats and the
 * common containers (DER/PEM: PKCS#8, SubjectPublicKeyInfo, SEC1
 * ECPrivateKey, PKCS#1), so keys can move between OpenSSL and PSA; plus the
 * strict DER reader/writer and the PEM codec they are built on.
 * @module
 */
export * from './der.js';
export * from './pem.js';
export * from './oids.js';
export { eccCoordinateLength, eccPrivateLength, eccPublicLength } from './ecc-shape.js';
export { magnitudeBits, pkcs1FromPsa, psaFromPkcs1, type PsaKey } from './pkcs1.js';
export { psaFromSec1, sec1FromPsa, type PsaKeyWithPublic } from './sec1.js';
export { pkcs8FromPsa, psaFromPkcs8, psaFromSpki, spkiFromPsa, type Pkcs8Options } from './keys.js';
export { pemFromPkcs1, pemFromPkcs8, pemFromPsa, pemFromSec1, pemFromSpki, psaFromPem } from './pem-keys.js';
export { EcdsaSignatureError, ecdsaDerToRaw, ecdsaRawToDer, type EcdsaSignatureFailure } from './ecdsa-signature.js';
