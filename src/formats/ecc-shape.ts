/**
 * Byte lengths of ECC keys in the PSA formats, and the checks that key data
 * has them. No curve arithmetic: values are checked for length and form
 * only; `psa_import_key` checks that they lie on the curve.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import { PSA_ECC_FAMILY_MONTGOMERY, PSA_ECC_FAMILY_SECP_K1, PSA_ECC_FAMILY_TWISTED_EDWARDS } from '../values/key-types.js';

/** Whether `family` is a short Weierstrass family (keys in id-ecPublicKey / SEC1 containers). */
export function isWeierstrass(family: number): boolean {
  return family !== PSA_ECC_FAMILY_MONTGOMERY && family !== PSA_ECC_FAMILY_TWISTED_EDWARDS;
}

/** Length of a PSA ECC private key: ceil(bits/8), except Ed448 (57 bytes). */
export function eccPrivateLength(family: number, bits: number): number {
  if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS && bits === 448) return 57;
  return Math.ceil(bits / 8);
}

/**
 * Length of one coordinate of a Weierstrass point: the byte length of the
 * field. It equals ceil(bits/8) except for secp224k1, whose PSA key size is
 * the 225 bits of its group order while its field has 224 bits.
 */
export function eccCoordinateLength(family: number, bits: number): number {
  if (family === PSA_ECC_FAMILY_SECP_K1 && bits === 225) return 28;
  return Math.ceil(bits / 8);
}

/** Length of a PSA ECC public key: 1 + 2 coordinates (uncompressed point) for Weierstrass curves, else the private length. */
export function eccPublicLength(family: number, bits: number): number {
  return isWeierstrass(family) ? 1 + 2 * eccCoordinateLength(family, bits) : eccPrivateLength(family, bits);
}

/** Fail with INVALID_ARGUMENT unless `data` is a private key of the curve's length. */
export function checkEccPrivate(family: number, bits: number, data: Uint8Array): void {
  if (data.length !== eccPrivateLength(family, bits)) fail(PSA_ERROR_INVALID_ARGUMENT, `ECC private key of ${data.length} bytes for a ${bits}-bit curve`);
}

/**
 * Fail unless `data` is a public key of the curve in the PSA format: an
 * uncompressed point (0x04 ‖ x ‖ y) for Weierstrass curves, the raw key
 * otherwise. A compressed point is NOT_SUPPORTED (decompressing needs the curve).
 */
export function checkEccPublic(family: number, bits: number, data: Uint8Array): void {
  if (isWeierstrass(family)) {
    const n = eccCoordinateLength(family, bits);
    if ((data[0] === 0x02 || data[0] === 0x03) && data.length === 1 + n) fail(PSA_ERROR_NOT_SUPPORTED, 'compressed EC points are not supported');
    if (data[0] !== 0x04 || data.length !== 1 + 2 * n) fail(PSA_ERROR_INVALID_ARGUMENT, 'EC public key is not an uncompressed point of the curve');
    return;
  }
  if (data.length !== eccPrivateLength(family, bits)) fail(PSA_ERROR_INVALID_ARGUMENT, `ECC public key of ${data.length} bytes for a ${bits}-bit curve`);
}
