/**
 * SPAKE2+ keys in the software driver (PSA 1.5 §9.5.9): a key pair is
 * w0 ‖ w1, a public key w0 ‖ L, each value in the curve's ECC format (scalars
 * big-endian in [1, n-1], L an uncompressed point on the curve). The public
 * key of a pair is w0 ‖ w1·G. Key pairs are derived (registration, RFC 9383
 * §3.2: ceil(log2(n)/8) + 8 bytes for each of w0s and w1s, reduced mod n) or
 * imported; there is no random generation. Groups: secp256r1, secp384r1,
 * secp521r1; other curves are NOT_SUPPORTED.
 * @module
 */
import type { DriverKeyAttributes, KeyBuffer } from '../../../driver.js';
import type { KeyFamily } from '../../key-family.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { PSA_KEY_TYPE_IS_SPAKE2P, PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR, PSA_KEY_TYPE_SPAKE2P_GET_FAMILY } from '../../../../values/key-type-predicates.js';
import { PSA_ECC_FAMILY_SECP_R1 } from '../../../../values/key-types.js';
import { describe } from '../../../../values/describe.js';
import { bigToBytesBE, bytesToBigBE, readWeierstrassPoint, readWeierstrassScalar, writeWeierstrassPoint } from '../../ecc/codec.js';
import { spake2pGroup, type Spake2pGroup } from './suite.js';

/** The curve sizes with SPAKE2+ groups. */
const SIZES = [256, 384, 521] as const;

/** The length of the key data of `type` over `group`. */
function keyLength(type: number, group: Spake2pGroup): number {
  const { bytes, coordinateBytes } = group.curve;
  return PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type) ? 2 * bytes : bytes + 2 * coordinateBytes + 1;
}

/** The group of a key of `type` and `bits` (0: from the data length). */
function groupOf(type: number, bits: number, dataLength: number, fn: string): Spake2pGroup {
  const family = PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type);
  if (family !== PSA_ECC_FAMILY_SECP_R1) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(type, 'keyType')} keys are not supported`);
  if (bits !== 0) {
    const group = spake2pGroup(family, bits);
    if (!group) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bits}-bit SPAKE2+ keys are not supported`);
    return group;
  }
  for (const size of SIZES) {
    const group = spake2pGroup(family, size);
    if (group && keyLength(type, group) === dataLength) return group;
  }
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the data is not a SPAKE2+ key of any supported size`);
}

/** Validate SPAKE2+ key data; the key buffer is a copy of it. */
function importSpake2p(attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer {
  const fn = 'psa_import_key';
  const { type } = attributes;
  const group = groupOf(type, attributes.bits, data.length, fn);
  const { curve } = group;
  if (data.length !== keyLength(type, group)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: wrong length for a ${curve.bits}-bit SPAKE2+ key`);
  readWeierstrassScalar(curve, data.subarray(0, curve.bytes), fn);
  if (PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type)) readWeierstrassScalar(curve, data.subarray(curve.bytes), fn);
  else readWeierstrassPoint(curve, data.subarray(curve.bytes), fn);
  return { keyBuffer: Uint8Array.from(data), bits: curve.bits };
}

/** w0 ‖ L of a key pair (L = w1·G); a public key is returned as stored. */
function exportSpake2pPublic(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): Uint8Array {
  const fn = 'psa_export_public_key';
  const { type } = attributes;
  if (!PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type)) return Uint8Array.from(keyBuffer);
  const { curve } = groupOf(type, attributes.bits, keyBuffer.length, fn);
  if (keyBuffer.length !== 2 * curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: corrupt SPAKE2+ key`);
  const w1 = readWeierstrassScalar(curve, keyBuffer.subarray(curve.bytes), fn);
  const L = writeWeierstrassPoint(curve, curve.Point.BASE.multiply(w1));
  const out = new Uint8Array(curve.bytes + L.length);
  out.set(keyBuffer.subarray(0, curve.bytes));
  out.set(L, curve.bytes);
  return out;
}

/**
 * The key data (w0 ‖ w1) of a SPAKE2+ key pair derived from `read`, for
 * `psa_key_derivation_output_key`: w0 = w0s mod n, w1 = w1s mod n with
 * w0s, w1s of ceil(log2(n)/8) + 8 bytes each (P-256 40, P-384 56, P-521 74).
 * NOT_SUPPORTED for a curve without a SPAKE2+ group; INVALID_ARGUMENT in the
 * negligible case of a zero value.
 */
export function derivedSpake2pKeyPair(type: number, bits: number, read: (length: number) => Uint8Array, fn: string): Uint8Array {
  const group = spake2pGroup(PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type), bits);
  if (!group) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bits}-bit ${describe(type, 'keyType')} keys are not supported`);
  const { n, bytes } = group.curve;
  const draw = (): bigint => {
    const s = read(bytes + 8);
    const w = bytesToBigBE(s) % n;
    s.fill(0);
    return w;
  };
  const w0 = draw();
  const w1 = draw();
  if (w0 === 0n || w1 === 0n) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the derived SPAKE2+ value is zero`);
  const out = new Uint8Array(2 * bytes);
  out.set(bigToBytesBE(w0, bytes));
  out.set(bigToBytesBE(w1, bytes), bytes);
  return out;
}

/** The SPAKE2+ key family (key pairs and public keys over secp256r1/384r1/521r1). */
export const spake2pKeys: KeyFamily = {
  handles: (type) => PSA_KEY_TYPE_IS_SPAKE2P(type),
  importKey: importSpake2p,
  exportPublicKey: exportSpake2pPublic,
};
