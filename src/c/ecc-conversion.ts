/**
 * `mbedtls/psa_util.h` curve conversions in C shape. `mbedtls_ecc_group_from_psa`
 * and the `MBEDTLS_ECP_DP_*` constants come from `src/values`.
 * @module
 */
import { ecpGroupToPsa } from '../values/ecp-groups.js';
import { setOut, type Out } from './instance.js';

/** `mbedtls_ecc_group_to_psa`: the PSA family of `grpId` (0 if unknown); `bits` gets its size (0 if unknown). */
export function mbedtls_ecc_group_to_psa(grpId: number, bits: Out): number {
  const { family, bits: size } = ecpGroupToPsa(grpId);
  setOut(bits, size);
  return family;
}
