/**
 * ECC key pairs from key derivation output (the software driver's part of
 * `psa_key_derivation_output_key`; PSA 1.5 §10.6 and Mbed TLS
 * `psa_generate_derived_ecc_key_weierstrass_helper`): Weierstrass keys
 * draw-and-reject (FIPS 186-4 B.4.2 "testing candidates"), Montgomery keys
 * are drawn and clamped (RFC 7748), Edwards keys are drawn as the RFC 8032
 * seed. A size with no curve is INVALID_ARGUMENT, as Mbed TLS answers it.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import {
  PSA_ECC_FAMILY_IS_WEIERSTRASS,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  describe,
} from '../../../values/index.js';
import type { DriverKeyAttributes } from '../../types.js';
import { bigToBytesBE, bytesToBigBE, clampMontgomeryScalar } from './codec.js';
import type { EccCurve, WeierstrassCurve } from './curves.js';
import { eccCurveOf } from './keys.js';

/** Reads the next bytes of the derivation (may throw, e.g. INSUFFICIENT_DATA). */
type DerivedReader = (length: number) => Uint8Array;

/** Steps 1–5 of the Weierstrass procedure: k drawn with the top bits of m masked, redrawn while k > n − 2, then d = k + 1. */
function weierstrassScalar(curve: WeierstrassCurve, read: DerivedReader): Uint8Array {
  const m = curve.n.toString(2).length;
  const length = Math.ceil(m / 8);
  for (;;) {
    const drawn = read(length);
    if (m % 8 !== 0) drawn[0]! &= (1 << (m % 8)) - 1;
    const k = bytesToBigBE(drawn);
    drawn.fill(0);
    if (k <= curve.n - 2n) return bigToBytesBE(k + 1n, curve.bytes);
  }
}

/** The curve of `type` and `bits`, or INVALID_ARGUMENT (Mbed TLS: an ASN.1 "invalid data" error). */
function curveOrInvalid(type: number, bits: number, fn: string): EccCurve {
  try {
    return eccCurveOf(type, bits, fn);
  } catch {
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no ${bits}-bit ${describe(type, 'keyType')} curve`);
  }
}

/**
 * The private key, in the PSA import format, of an ECC key pair of
 * `attributes.type` and `attributes.bits` drawn from `read`.
 * @throws {PsaError} INVALID_ARGUMENT when the family has no curve of that size
 */
export function deriveEccKeyPair(attributes: DriverKeyAttributes, read: DerivedReader, fn: string): Uint8Array {
  const { type, bits } = attributes;
  const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
  if (PSA_ECC_FAMILY_IS_WEIERSTRASS(family)) {
    const curve = curveOrInvalid(type, bits, fn);
    if (curve.kind !== 'weierstrass') fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no ${bits}-bit ${describe(type, 'keyType')} curve`);
    return weierstrassScalar(curve, read);
  }
  if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS) {
    if (bits !== 255 && bits !== 448) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: Edwards keys have 255 or 448 bits`);
    return read(bits === 255 ? 32 : 57);
  }
  if (bits !== 255 && bits !== 448) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: Montgomery keys have 255 or 448 bits`);
  const drawn = read(bits === 255 ? 32 : 56);
  try {
    return clampMontgomeryScalar({ bits }, drawn);
  } finally {
    drawn.fill(0);
  }
}
