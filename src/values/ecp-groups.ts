/**
 * Mbed TLS's legacy elliptic-curve group identifiers (`mbedtls_ecp_group_id`,
 * TF-PSA-Crypto 1.0 numbering) and the conversions of `mbedtls/psa_util.h`
 * between them and PSA curve families. They also define which curves Mbed
 * TLS's ECC code (and so its interruptible operations) knows.
 * @module
 */
import {
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
} from './key-types.js';

/** `mbedtls_ecp_group_id` is an enum. */
export type mbedtls_ecp_group_id = number;

/** No curve. */
export const MBEDTLS_ECP_DP_NONE = 0;
/** secp192r1. */
export const MBEDTLS_ECP_DP_SECP192R1 = 1;
/** secp256r1 (P-256). */
export const MBEDTLS_ECP_DP_SECP256R1 = 2;
/** secp384r1 (P-384). */
export const MBEDTLS_ECP_DP_SECP384R1 = 3;
/** secp521r1 (P-521). */
export const MBEDTLS_ECP_DP_SECP521R1 = 4;
/** brainpoolP256r1. */
export const MBEDTLS_ECP_DP_BP256R1 = 5;
/** brainpoolP384r1. */
export const MBEDTLS_ECP_DP_BP384R1 = 6;
/** brainpoolP512r1. */
export const MBEDTLS_ECP_DP_BP512R1 = 7;
/** Curve25519. */
export const MBEDTLS_ECP_DP_CURVE25519 = 8;
/** secp192k1. */
export const MBEDTLS_ECP_DP_SECP192K1 = 9;
/** secp256k1. */
export const MBEDTLS_ECP_DP_SECP256K1 = 10;
/** Curve448. */
export const MBEDTLS_ECP_DP_CURVE448 = 11;
/** Mbed TLS's count of group ids (`MBEDTLS_ECP_DP_MAX`), itself not a valid id. */
export const MBEDTLS_ECP_DP_MAX = 14;

/** [group id, PSA family, bits]. */
const GROUPS: readonly (readonly [number, number, number])[] = [
  [MBEDTLS_ECP_DP_SECP192R1, PSA_ECC_FAMILY_SECP_R1, 192],
  [MBEDTLS_ECP_DP_SECP256R1, PSA_ECC_FAMILY_SECP_R1, 256],
  [MBEDTLS_ECP_DP_SECP384R1, PSA_ECC_FAMILY_SECP_R1, 384],
  [MBEDTLS_ECP_DP_SECP521R1, PSA_ECC_FAMILY_SECP_R1, 521],
  [MBEDTLS_ECP_DP_BP256R1, PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256],
  [MBEDTLS_ECP_DP_BP384R1, PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384],
  [MBEDTLS_ECP_DP_BP512R1, PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512],
  [MBEDTLS_ECP_DP_CURVE25519, PSA_ECC_FAMILY_MONTGOMERY, 255],
  [MBEDTLS_ECP_DP_SECP192K1, PSA_ECC_FAMILY_SECP_K1, 192],
  [MBEDTLS_ECP_DP_SECP256K1, PSA_ECC_FAMILY_SECP_K1, 256],
  [MBEDTLS_ECP_DP_CURVE448, PSA_ECC_FAMILY_MONTGOMERY, 448],
];

/**
 * The PSA family of `grpId` (0 if unknown) and its size in bits (0 if
 * unknown); `psa-crypto/c` has the C form, `mbedtls_ecc_group_to_psa(grp_id, &bits)`.
 */
export function ecpGroupToPsa(grpId: number): { family: number; bits: number } {
  const g = GROUPS.find(([id]) => id === grpId);
  return g ? { family: g[1], bits: g[2] } : { family: 0, bits: 0 };
}

/** `mbedtls_ecc_group_from_psa`: the group id of a PSA family and size, `MBEDTLS_ECP_DP_NONE` if Mbed TLS has none. */
export function mbedtls_ecc_group_from_psa(family: number, bits: number): number {
  return GROUPS.find(([, f, b]) => f === family && b === bits)?.[0] ?? MBEDTLS_ECP_DP_NONE;
}
