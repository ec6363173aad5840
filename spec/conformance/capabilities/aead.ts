/**
 * Configuration macros the AEAD functions of this build define (one per line).
 * Not defined: PSA_WANT_ALG_XCHACHA20_POLY1305 (no Mbed TLS configuration
 * option exists for it; it is implemented and tested by `spec/aead`).
 * PSA_WANT_ALG_ASCON_AEAD128 follows the PSA_WANT_ALG_<name> pattern for
 * PSA_ALG_ASCON_AEAD128 (tested by `spec/ascon`); no Mbed TLS test data
 * depends on it.
 */
export const AEAD_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_CCM',
  'PSA_WANT_ALG_GCM',
  'PSA_WANT_ALG_CHACHA20_POLY1305',
  'PSA_WANT_ALG_ASCON_AEAD128',
  'MBEDTLS_PSA_BUILTIN_AEAD',
  'MBEDTLS_PSA_BUILTIN_ALG_CCM',
  'MBEDTLS_PSA_BUILTIN_ALG_GCM',
  'MBEDTLS_PSA_BUILTIN_ALG_CHACHA20_POLY1305',
  'MBEDTLS_GCM_C',
  'MBEDTLS_CCM_C',
  'MBEDTLS_CHACHAPOLY_C',
];
