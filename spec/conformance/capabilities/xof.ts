/**
 * Configuration macros the XOF functions of this build define (one per
 * line). Mbed TLS and TF-PSA-Crypto have no psa_xof_* functions, so these
 * names follow their PSA_WANT_ALG_<name> pattern for PSA_ALG_SHAKE128 /
 * PSA_ALG_SHAKE256; no Mbed TLS test data depends on them. Ascon-XOF128 and
 * Ascon-CXOF128 are not built in (PSA_WANT_ALG_ASCON_XOF128 / _CXOF128 absent).
 */
export const XOF_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_SHAKE128',
  'PSA_WANT_ALG_SHAKE256',
];
