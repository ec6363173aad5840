/**
 * WPA3-SAE password token keys in the software driver (PSA 1.5 §9.4.1):
 * `PSA_KEY_TYPE_WPA3_SAE_ECC` over secp256r1, secp384r1, secp521r1 (IEEE
 * 802.11 groups 19, 20, 21) and brainpoolP256r1/384r1/512r1 (28, 29, 30), stored in the export format x ‖ y (two
 * big-endian coordinates of the size of p, of a point on the curve), and
 * `PSA_KEY_TYPE_WPA3_SAE_DH` over the RFC 3526 groups of 3072 to 8192 bits
 * (IEEE 802.11 groups 15 to 18), stored as y, len(p) bytes big-endian, an
 * element of the order-q subgroup other than 1 and p − 1 (the test
 * IEEE 802.11 §12.4.5.4 applies to a commit element). A bit size of 0 at
 * import is inferred from the length. Other curves and groups are
 * NOT_SUPPORTED.
 * Tokens have no public part and are not generated: they come from
 * `PSA_ALG_WPA3_SAE_H2E` derivation or import.
 * @module
 */
import type { KeyFamily } from '../../key-family.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import {
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY,
  PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY,
  describe,
} from '../../../../values/index.js';
import { bytesToBigBE } from '../../ecc/codec.js';
import { saeGroup } from './ecc.js';
import { isSubgroupElement, saeFfcGroup } from './ffc.js';
import type { DriverKeyAttributes, KeyBuffer } from '../../../driver.js';
import { copyBytes } from '../../../../bytes.js';

/** The WPA3-SAE password token family. */
export const wpa3SaeKeys: KeyFamily = {
  handles: (type) => PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type) || PSA_KEY_TYPE_IS_WPA3_SAE_DH(type),
  importKey(attributes, data) {
    if (PSA_KEY_TYPE_IS_WPA3_SAE_DH(attributes.type)) return importFfcToken(attributes, data);
    const fn = 'psa_import_key';
    const { type, bits } = attributes;
    const family = PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type) ? PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type) : -1;
    const sizes = family === PSA_ECC_FAMILY_SECP_R1 ? [256, 384, 521] : family === PSA_ECC_FAMILY_BRAINPOOL_P_R1 ? [256, 384, 512] : [];
    // A size of 0 is inferred from the length of the data.
    const g = bits !== 0 ? saeGroup(family, bits) : sizes.map((b) => saeGroup(family, b)).find((c) => c !== undefined && 2 * c.len === data.length);
    if (!g && bits === 0 && sizes.length > 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the data is not x ‖ y of a supported curve of the family`);
    if (!g) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(type, 'keyType')} keys of ${bits} bits are not supported`);
    if (data.length !== 2 * g.len) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a group ${g.id} password token is x ‖ y, ${2 * g.len} bytes`);
    try {
      g.Point.fromAffine({ x: bytesToBigBE(data.subarray(0, g.len)), y: bytesToBigBE(data.subarray(g.len)) }).assertValidity();
    } catch {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the password token is not a point of the curve`);
    }
    return { keyBuffer: copyBytes(data), bits: g.bits };
  },
  exportPublicKey() {
    return fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_export_public_key: a password token has no public part');
  },
};

/** A finite-field password token: y of an RFC 3526 group of 3072 to 8192 bits. */
function importFfcToken(attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer {
  const fn = 'psa_import_key';
  const { type, bits } = attributes;
  const family = PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY(type);
  const g = saeFfcGroup(family, bits !== 0 ? bits : 8 * data.length);
  if (!g && bits === 0 && saeFfcGroup(family, 3072)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the data is not y of a supported group of the family`);
  if (!g) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(type, 'keyType')} keys of ${bits} bits are not supported`);
  if (data.length !== g.len) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a group ${g.id} password token is ${g.len} bytes`);
  if (!isSubgroupElement(g.p, g.order, bytesToBigBE(data))) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the password token is not an element of the group`);
  return { keyBuffer: copyBytes(data), bits: g.bits };
}
