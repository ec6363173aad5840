/**
 * Configuration macros the XOF functions of this build define (one per
 * line). Mbed TLS and TF-PSA-Crypto have no psa_xof_* functions, so these
 * names follow their PSA_WANT_ALG_<name> pattern for PSA_ALG_SHAKE128 /
 * PSA_ALG_SHAKE256, PSA_ALG_ASCON_XOF128 and PSA_ALG_ASCON_CXOF128; no Mbed
 * TLS test data depends on them.
 */
export const XOF_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_SHAKE128',
  'PSA_WANT_ALG_SHAKE256',
  'PSA_WANT_ALG_ASCON_XOF128',
  'PSA_WANT_ALG_ASCON_CXOF128',
];
