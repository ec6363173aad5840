/**
 * `mbedtls/psa_util.h` curve conversions in C shape. `mbedtls_ecc_group_from_psa`
 * and the `MBEDTLS_ECP_DP_*` constants come from `src/values`.
 * @module
 */
import { ecpGroupToPsa } from '../values/ecp-groups.js';
import { resetOut, type Out } from './instance.js';

/** `mbedtls_ecc_group_to_psa`: the PSA family of `grpId` (0 if unknown); `bits` gets its size (0 if unknown). */
export function mbedtls_ecc_group_to_psa(grpId: number, bits: Out): number {
  let family = 0;
  let size = 0;
  try {
    ({ family, bits: size } = ecpGroupToPsa(grpId));
  } catch {
    // not a group id: unknown (0, 0), as for any other unknown id
  }
  resetOut(bits, size);
  return family;
}
