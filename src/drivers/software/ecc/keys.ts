/**
 * ECC keys in the software driver (import validation, generation, public
 * key), following Mbed TLS's `mbedtls_psa_ecp_load_representation`
 * (`library/psa_crypto_ecp.c`): a Weierstrass public key of even length is
 * INVALID_ARGUMENT; the key size is inferred from the data length when not
 * given, and a given size must be a size of the family whose key data has
 * that length; a size the family does not have is INVALID_ARGUMENT. On
 * import, a family this driver does not implement (0, the SECT families,
 * SECP_R2, any other value) is INVALID_ARGUMENT, as `check_ecc_parameters`
 * answers for every family Mbed TLS does not know; generation and stored
 * keys of such a family are NOT_SUPPORTED (`mbedtls_psa_ecp_generate_key`:
 * no group for the family and size). Key buffers hold the PSA export format:
 * Weierstrass private keys as big-endian scalars, public keys as
 * 0x04 ‖ X ‖ Y; Montgomery keys as RFC 7748 strings (private scalars are
 * stored clamped, as Mbed TLS does); Edwards keys as RFC 8032 seeds and
 * encoded points.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
} from '../../../values/key-types.js';
import { PSA_KEY_TYPE_ECC_GET_FAMILY, PSA_KEY_TYPE_IS_ECC, PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY } from '../../../values/key-type-predicates.js';
import { describe } from '../../../values/index.js';
import type { DriverKeyAttributes, KeyBuffer } from '../../driver.js';
import type { KeyFamily } from '../key-family.js';
import { ECC_FAMILIES, eccCurve, eccKeyDataLength, type EccCurve, type WeierstrassCurve } from './curves.js';
import {
  bytesToBigBE,
  clampMontgomeryScalar,
  readMontgomeryPublic,
  readWeierstrassPoint,
  readWeierstrassScalar,
  writeWeierstrassPoint,
} from './codec.js';

/**
 * The curve for a key of `type` whose material is `dataLength` bytes, the
 * size given as `bits` (0: infer it from the length). Every failure is
 * INVALID_ARGUMENT, as in `mbedtls_psa_ecp_load_representation` and
 * `check_ecc_parameters`. Mbed TLS compares a given size with the length
 * as ceil(bits / 8) bytes before it looks the curve up; here the length
 * comes from the curve, which gives the same answers on Mbed TLS's curves
 * and the right ones where the encoding is longer than the key size
 * (Ed448: 448 bits, 57 bytes; secp224k1 public keys: 225 bits, 28-byte
 * coordinates).
 */
function curveForData(type: number, bits: number, dataLength: number, fn: string): EccCurve {
  const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (!ECC_FAMILIES.includes(family)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(type, 'keyType')} is not a supported ECC family`);
  const isPublic = PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type);
  const weierstrassPublic = isPublic && family !== PSA_ECC_FAMILY_MONTGOMERY && family !== PSA_ECC_FAMILY_TWISTED_EDWARDS;
  if (weierstrassPublic && (dataLength & 1) === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an ECC public key must have an odd length`);
  if (bits !== 0) {
    const curve = eccCurve(family, bits);
    if (!curve) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(type, 'keyType')} has no ${bits}-bit curve`);
    if (dataLength !== eccKeyDataLength(curve, isPublic)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${dataLength} bytes do not make a ${bits}-bit key`);
    return curve;
  }
  const curveBytes = weierstrassPublic ? dataLength >> 1 : dataLength;
  let size = curveBytes * 8;
  // secp224k1 (225 bits): a 29-byte private key, but 28-byte coordinates.
  if (family === PSA_ECC_FAMILY_SECP_K1 && (weierstrassPublic ? curveBytes === 28 : curveBytes === 29)) size = 225;
  if (family === PSA_ECC_FAMILY_SECP_R1 && size === 528) size = 521;
  if ((family === PSA_ECC_FAMILY_MONTGOMERY || family === PSA_ECC_FAMILY_TWISTED_EDWARDS) && size === 256) size = 255;
  if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS && size === 456) size = 448;
  const curve = eccCurve(family, size);
  if (!curve) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(type, 'keyType')} has no ${size}-bit curve`);
  return curve;
}

/** Validate key data and return the canonical key buffer. */
function importEcc(attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer {
  const fn = 'psa_import_key';
  const { type } = attributes;
  const curve = curveForData(type, attributes.bits, data.length, fn);
  const isPublic = PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type);
  switch (curve.kind) {
    case 'weierstrass':
      if (isPublic) readWeierstrassPoint(curve, data, fn);
      else readWeierstrassScalar(curve, data, fn);
      return { keyBuffer: Uint8Array.from(data), bits: curve.bits };
    case 'montgomery':
      if (data.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${curve.bits}-bit key has ${curve.bytes} bytes`);
      return { keyBuffer: isPublic ? readMontgomeryPublic(curve, data, fn) : clampMontgomeryScalar(curve, data), bits: curve.bits };
    case 'edwards':
      if (data.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${curve.bits}-bit Edwards key has ${curve.bytes} bytes`);
      if (isPublic) {
        try {
          curve.eddsa.Point.fromBytes(data);
        } catch {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the Edwards public key is not a valid point`);
        }
      }
      return { keyBuffer: Uint8Array.from(data), bits: curve.bits };
  }
}

/** The curve of a stored key or of a key to generate (NOT_SUPPORTED when none). */
export function eccCurveOf(type: number, bits: number, fn: string): EccCurve {
  const curve = eccCurve(PSA_KEY_TYPE_ECC_GET_FAMILY(type), bits);
  if (!curve) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bits}-bit ${describe(type, 'keyType')} keys are not supported`);
  return curve;
}

/** A uniformly random scalar in [1, n-1] by rejection sampling, as `bytes` big-endian bytes. */
export function randomWeierstrassScalar(curve: WeierstrassCurve, random: (length: number) => Uint8Array): Uint8Array {
  const excess = curve.bytes * 8 - curve.n.toString(2).length;
  const mask = 0xff >> excess;
  for (let attempt = 0; attempt < 256; attempt++) {
    const candidate = random(curve.bytes);
    candidate[0]! &= mask;
    const d = bytesToBigBE(candidate);
    if (d !== 0n && d < curve.n) return candidate;
    candidate.fill(0);
  }
  return fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_generate_key: the random source produced no valid scalar');
}

/** Generate a key pair of `attributes.bits` on the type's family. */
function generateEcc(attributes: DriverKeyAttributes, random: (length: number) => Uint8Array): KeyBuffer {
  const curve = eccCurveOf(attributes.type, attributes.bits, 'psa_generate_key');
  switch (curve.kind) {
    case 'weierstrass':
      return { keyBuffer: randomWeierstrassScalar(curve, random), bits: curve.bits };
    case 'montgomery': {
      const raw = random(curve.bytes);
      const keyBuffer = clampMontgomeryScalar(curve, raw);
      raw.fill(0);
      return { keyBuffer, bits: curve.bits };
    }
    case 'edwards':
      return { keyBuffer: Uint8Array.from(random(curve.bytes)), bits: curve.bits };
  }
}

/** The public key of a stored key pair, in the PSA format. */
export function eccPublicKey(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): Uint8Array {
  const fn = 'psa_export_public_key';
  const curve = eccCurveOf(attributes.type, attributes.bits, fn);
  if (PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(attributes.type)) return Uint8Array.from(keyBuffer);
  switch (curve.kind) {
    case 'weierstrass': {
      const d = readWeierstrassScalar(curve, keyBuffer, fn);
      return writeWeierstrassPoint(curve, curve.Point.BASE.multiply(d));
    }
    case 'montgomery':
      if (keyBuffer.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: corrupt key buffer`);
      return curve.ecdh.getPublicKey(keyBuffer);
    case 'edwards':
      if (keyBuffer.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: corrupt key buffer`);
      return curve.eddsa.getPublicKey(keyBuffer);
  }
}

/** The ECC key family (SECP_R1, SECP_K1, Brainpool, FRP, Montgomery, twisted Edwards). */
export const eccKeys: KeyFamily | undefined = {
  handles: (type) => PSA_KEY_TYPE_IS_ECC(type),
  importKey: importEcc,
  generateKey: (attributes, random) => generateEcc(attributes, random),
  exportPublicKey: eccPublicKey,
};
