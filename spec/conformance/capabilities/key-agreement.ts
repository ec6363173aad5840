/**
 * Configuration macros the key agreement part of this build defines (one per
 * line): ECDH, and FFDH now that `psa_raw_key_agreement` routes DH key pairs
 * to the FFDH implementation (`agreement-dh.ts`).
 */
export const KEY_AGREEMENT_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_ECDH',
  'MBEDTLS_PSA_BUILTIN_ALG_ECDH',
  'PSA_WANT_ALG_FFDH',
  'MBEDTLS_PSA_BUILTIN_ALG_FFDH',
];
