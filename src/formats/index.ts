/**
 * `psa-crypto/formats`: conversions between the PSA key formats and the
 * common containers (DER/PEM: PKCS#8, SubjectPublicKeyInfo, SEC1
 * ECPrivateKey, PKCS#1), so keys can move between OpenSSL and PSA; plus the
 * strict DER reader/writer and the PEM codec they are built on.
 *
 * Every function here reports a failure as a `PsaError` (the decoders
 * `PSA_ERROR_INVALID_ARGUMENT` or `PSA_ERROR_NOT_SUPPORTED`), also for
 * arguments of the wrong type (`psaFromSpki(undefined)`): each export is
 * the function of its module behind `guarded`, which turns what the engine
 * throws for such a value into `PSA_ERROR_INVALID_ARGUMENT`. The
 * documentation of each function is in its module.
 * @module
 */
import { blameArguments, PsaError } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import * as keys from './keys.js';
import * as pkcs1 from './pkcs1.js';
import * as sec1 from './sec1.js';
import * as pemKeys from './pem-keys.js';
import * as eccShape from './ecc-shape.js';
import * as ecdsa from './ecdsa-signature.js';
import * as der from './der.js';
import * as pem from './pem.js';
import * as oids from './oids.js';

/**
 * A failure of a formats function as a `PsaError`. These functions run no
 * driver or callback: an engine fault (`TypeError`, `RangeError`) there can
 * only come from an argument of the wrong type, so it is INVALID_ARGUMENT.
 */
function formatsError(err: unknown, args: readonly unknown[], name: string): PsaError {
  if (err instanceof TypeError || err instanceof RangeError) return new PsaError(PSA_ERROR_INVALID_ARGUMENT, `${name}: an argument of the wrong type`);
  return blameArguments(err, args, name);
}

/** `f` with every failure as a `PsaError` named after `name` (see the module comment). */
function guarded<F extends (...args: never[]) => unknown>(name: string, f: F): F {
  const g = (...args: Parameters<F>): ReturnType<F> => {
    try {
      return f(...args) as ReturnType<F>;
    } catch (err) {
      throw formatsError(err, args, name);
    }
  };
  return g as unknown as F;
}

/** The methods of `DerReader` behind the same rule (once, at load). */
for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(der.DerReader.prototype))) {
  const method: unknown = descriptor.value;
  if (name === 'constructor' || typeof method !== 'function') continue;
  const fn = `DerReader.${name}`;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    try {
      return (method as (...a: unknown[]) => unknown).apply(this, args);
    } catch (err) {
      throw formatsError(err, args, fn);
    }
  };
  Object.defineProperty(der.DerReader.prototype, name, { ...descriptor, value: wrapped });
}

// Key containers ⇄ PSA key formats (PKCS#8, SubjectPublicKeyInfo)
/** `pkcs8FromPsa` of `src/formats/keys.ts`; every failure a `PsaError`. */
export const pkcs8FromPsa: typeof keys.pkcs8FromPsa = guarded('pkcs8FromPsa', keys.pkcs8FromPsa);
/** `psaFromPkcs8` of `src/formats/keys.ts`; every failure a `PsaError`. */
export const psaFromPkcs8: typeof keys.psaFromPkcs8 = guarded('psaFromPkcs8', keys.psaFromPkcs8);
/** `psaFromSpki` of `src/formats/keys.ts`; every failure a `PsaError`. */
export const psaFromSpki: typeof keys.psaFromSpki = guarded('psaFromSpki', keys.psaFromSpki);
/** `spkiFromPsa` of `src/formats/keys.ts`; every failure a `PsaError`. */
export const spkiFromPsa: typeof keys.spkiFromPsa = guarded('spkiFromPsa', keys.spkiFromPsa);
export type { Pkcs8Options } from './keys.js';

// PKCS#1 RSA keys
/** `magnitudeBits` of `src/formats/pkcs1.ts`; every failure a `PsaError`. */
export const magnitudeBits: typeof pkcs1.magnitudeBits = guarded('magnitudeBits', pkcs1.magnitudeBits);
/** `pkcs1FromPsa` of `src/formats/pkcs1.ts`; every failure a `PsaError`. */
export const pkcs1FromPsa: typeof pkcs1.pkcs1FromPsa = guarded('pkcs1FromPsa', pkcs1.pkcs1FromPsa);
/** `psaFromPkcs1` of `src/formats/pkcs1.ts`; every failure a `PsaError`. */
export const psaFromPkcs1: typeof pkcs1.psaFromPkcs1 = guarded('psaFromPkcs1', pkcs1.psaFromPkcs1);
export type { PsaKey } from './pkcs1.js';

// SEC1 ECPrivateKey
/** `psaFromSec1` of `src/formats/sec1.ts`; every failure a `PsaError`. */
export const psaFromSec1: typeof sec1.psaFromSec1 = guarded('psaFromSec1', sec1.psaFromSec1);
/** `sec1FromPsa` of `src/formats/sec1.ts`; every failure a `PsaError`. */
export const sec1FromPsa: typeof sec1.sec1FromPsa = guarded('sec1FromPsa', sec1.sec1FromPsa);
export type { PsaKeyWithPublic } from './sec1.js';

// PEM key files
/** `pemFromPkcs1` of `src/formats/pem-keys.ts`; every failure a `PsaError`. */
export const pemFromPkcs1: typeof pemKeys.pemFromPkcs1 = guarded('pemFromPkcs1', pemKeys.pemFromPkcs1);
/** `pemFromPkcs8` of `src/formats/pem-keys.ts`; every failure a `PsaError`. */
export const pemFromPkcs8: typeof pemKeys.pemFromPkcs8 = guarded('pemFromPkcs8', pemKeys.pemFromPkcs8);
/** `pemFromPsa` of `src/formats/pem-keys.ts`; every failure a `PsaError`. */
export const pemFromPsa: typeof pemKeys.pemFromPsa = guarded('pemFromPsa', pemKeys.pemFromPsa);
/** `pemFromSec1` of `src/formats/pem-keys.ts`; every failure a `PsaError`. */
export const pemFromSec1: typeof pemKeys.pemFromSec1 = guarded('pemFromSec1', pemKeys.pemFromSec1);
/** `pemFromSpki` of `src/formats/pem-keys.ts`; every failure a `PsaError`. */
export const pemFromSpki: typeof pemKeys.pemFromSpki = guarded('pemFromSpki', pemKeys.pemFromSpki);
/** `psaFromPem` of `src/formats/pem-keys.ts`; every failure a `PsaError`. */
export const psaFromPem: typeof pemKeys.psaFromPem = guarded('psaFromPem', pemKeys.psaFromPem);

// ECC key shapes
/** `eccCoordinateLength` of `src/formats/ecc-shape.ts`; every failure a `PsaError`. */
export const eccCoordinateLength: typeof eccShape.eccCoordinateLength = guarded('eccCoordinateLength', eccShape.eccCoordinateLength);
/** `eccPrivateLength` of `src/formats/ecc-shape.ts`; every failure a `PsaError`. */
export const eccPrivateLength: typeof eccShape.eccPrivateLength = guarded('eccPrivateLength', eccShape.eccPrivateLength);
/** `eccPublicLength` of `src/formats/ecc-shape.ts`; every failure a `PsaError`. */
export const eccPublicLength: typeof eccShape.eccPublicLength = guarded('eccPublicLength', eccShape.eccPublicLength);

// ECDSA signatures: raw (PSA) ⇄ DER (X.509, TLS), as `mbedtls_ecdsa_*`
/** `ecdsaDerToRaw` of `src/formats/ecdsa-signature.ts`; every failure a `PsaError`. */
export const ecdsaDerToRaw: typeof ecdsa.ecdsaDerToRaw = guarded('ecdsaDerToRaw', ecdsa.ecdsaDerToRaw);
/** `ecdsaRawToDer` of `src/formats/ecdsa-signature.ts`; every failure a `PsaError`. */
export const ecdsaRawToDer: typeof ecdsa.ecdsaRawToDer = guarded('ecdsaRawToDer', ecdsa.ecdsaRawToDer);
export { EcdsaSignatureError, type EcdsaSignatureFailure } from './ecdsa-signature.js';

// Strict DER: reader, writer, tags, and `concatBytes` for building DER by hand
/** `concatBytes` of `src/formats/der.ts`; every failure a `PsaError`. */
export const concatBytes: typeof der.concatBytes = guarded('concatBytes', der.concatBytes);
/** `contextTag` of `src/formats/der.ts`; every failure a `PsaError`. */
export const contextTag: typeof der.contextTag = guarded('contextTag', der.contextTag);
/** `readDer` of `src/formats/der.ts`; every failure a `PsaError`. */
export const readDer: typeof der.readDer = guarded('readDer', der.readDer);
/** `readSequence` of `src/formats/der.ts`; every failure a `PsaError`. */
export const readSequence: typeof der.readSequence = guarded('readSequence', der.readSequence);
/** `encodeTlv` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeTlv: typeof der.encodeTlv = guarded('encodeTlv', der.encodeTlv);
/** `encodeSequence` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeSequence: typeof der.encodeSequence = guarded('encodeSequence', der.encodeSequence);
/** `encodeInteger` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeInteger: typeof der.encodeInteger = guarded('encodeInteger', der.encodeInteger);
/** `encodeOctetString` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeOctetString: typeof der.encodeOctetString = guarded('encodeOctetString', der.encodeOctetString);
/** `encodeBitString` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeBitString: typeof der.encodeBitString = guarded('encodeBitString', der.encodeBitString);
/** `encodeNull` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeNull: typeof der.encodeNull = guarded('encodeNull', der.encodeNull);
/** `encodeOid` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeOid: typeof der.encodeOid = guarded('encodeOid', der.encodeOid);
/** `encodeExplicit` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeExplicit: typeof der.encodeExplicit = guarded('encodeExplicit', der.encodeExplicit);
/** `encodeImplicit` of `src/formats/der.ts`; every failure a `PsaError`. */
export const encodeImplicit: typeof der.encodeImplicit = guarded('encodeImplicit', der.encodeImplicit);
export { DerReader, DER_INTEGER, DER_BIT_STRING, DER_OCTET_STRING, DER_NULL, DER_OID, DER_SEQUENCE, DER_SET } from './der.js';
export type { DerElement } from './der.js';

// PEM (RFC 7468) and base64
/** `base64Encode` of `src/formats/pem.ts`; every failure a `PsaError`. */
export const base64Encode: typeof pem.base64Encode = guarded('base64Encode', pem.base64Encode);
/** `base64Decode` of `src/formats/pem.ts`; every failure a `PsaError`. */
export const base64Decode: typeof pem.base64Decode = guarded('base64Decode', pem.base64Decode);
/** `encodePem` of `src/formats/pem.ts`; every failure a `PsaError`. */
export const encodePem: typeof pem.encodePem = guarded('encodePem', pem.encodePem);
/** `decodePemAll` of `src/formats/pem.ts`; every failure a `PsaError`. */
export const decodePemAll: typeof pem.decodePemAll = guarded('decodePemAll', pem.decodePemAll);
/** `decodePem` of `src/formats/pem.ts`; every failure a `PsaError`. */
export const decodePem: typeof pem.decodePem = guarded('decodePem', pem.decodePem);
export type { PemBlock } from './pem.js';

// Object identifiers of the key containers and their PSA curves
/** `oidName` of `src/formats/oids.ts`; every failure a `PsaError`. */
export const oidName: typeof oids.oidName = guarded('oidName', oids.oidName);
/** `curveOfNamedCurveOid` of `src/formats/oids.ts`; every failure a `PsaError`. */
export const curveOfNamedCurveOid: typeof oids.curveOfNamedCurveOid = guarded('curveOfNamedCurveOid', oids.curveOfNamedCurveOid);
/** `namedCurveOidOf` of `src/formats/oids.ts`; every failure a `PsaError`. */
export const namedCurveOidOf: typeof oids.namedCurveOidOf = guarded('namedCurveOidOf', oids.namedCurveOidOf);
/** `curveOfRfc8410Oid` of `src/formats/oids.ts`; every failure a `PsaError`. */
export const curveOfRfc8410Oid: typeof oids.curveOfRfc8410Oid = guarded('curveOfRfc8410Oid', oids.curveOfRfc8410Oid);
/** `rfc8410OidOf` of `src/formats/oids.ts`; every failure a `PsaError`. */
export const rfc8410OidOf: typeof oids.rfc8410OidOf = guarded('rfc8410OidOf', oids.rfc8410OidOf);
export { OID } from './oids.js';
export type { OidName, PsaCurve } from './oids.js';
