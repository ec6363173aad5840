/**
 * Configuration macros the key agreement part of this build defines (one per
 * line). PSA_WANT_ALG_FFDH is listed with the DH key capabilities
 * (`dh/keys.ts`), which own FFDH.
 */
export const KEY_AGREEMENT_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_ECDH',
  'MBEDTLS_PSA_BUILTIN_ALG_ECDH',
  // Key encapsulation (PSA 1.3) over ECDH; Mbed TLS has no such macro or case.
  'PSA_WANT_ALG_ECIES_SEC1',
];
