/**
 * WPA3-SAE password token keys in the software driver (PSA 1.5 §9.4.1):
 * `PSA_KEY_TYPE_WPA3_SAE_ECC` over secp256r1 (IEEE 802.11 group 19), stored
 * in the export format x ‖ y (two 32-byte big-endian coordinates of a point
 * on the curve). Other curves and the finite-field tokens are NOT_SUPPORTED.
 * Tokens have no public part and are not generated: they come from
 * `PSA_ALG_WPA3_SAE_H2E` derivation or import.
 * @module
 */
import { p256 } from '@noble/curves/nist.js';
import type { KeyFamily } from './key-families.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ECC_FAMILY_SECP_R1,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY,
  describe,
} from '../../values/index.js';
import { bytesToBigBE } from './ecc-codec.js';
import { copyBytes } from '../../bytes.js';

/** The WPA3-SAE password token family. */
export const wpa3SaeKeys: KeyFamily = {
  handles: (type) => PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type) || PSA_KEY_TYPE_IS_WPA3_SAE_DH(type),
  importKey(attributes, data) {
    const fn = 'psa_import_key';
    const { type, bits } = attributes;
    if (!PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type) || PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type) !== PSA_ECC_FAMILY_SECP_R1 || (bits !== 0 && bits !== 256)) {
      fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(type, 'keyType')} keys of ${bits} bits are not supported (secp256r1 tokens only)`);
    }
    if (data.length !== 64) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a secp256r1 password token is x ‖ y, 64 bytes`);
    try {
      p256.Point.fromAffine({ x: bytesToBigBE(data.subarray(0, 32)), y: bytesToBigBE(data.subarray(32)) }).assertValidity();
    } catch {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the password token is not a point of the curve`);
    }
    return { keyBuffer: copyBytes(data), bits: 256 };
  },
  exportPublicKey() {
    return fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_export_public_key: a password token has no public part');
  },
};
