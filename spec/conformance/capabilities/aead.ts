/**
 * Configuration macros the AEAD functions of this build define (one per line).
 * Not defined: PSA_WANT_ALG_XCHACHA20_POLY1305 and PSA_WANT_ALG_ASCON_AEAD128
 * (no Mbed TLS configuration option exists for them; XChaCha20-Poly1305 is
 * implemented and tested by `spec/aead`, Ascon-AEAD128 is not implemented).
 */
export const AEAD_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_CCM',
  'PSA_WANT_ALG_GCM',
  'PSA_WANT_ALG_CHACHA20_POLY1305',
  'MBEDTLS_PSA_BUILTIN_AEAD',
  'MBEDTLS_PSA_BUILTIN_ALG_CCM',
  'MBEDTLS_PSA_BUILTIN_ALG_GCM',
  'MBEDTLS_PSA_BUILTIN_ALG_CHACHA20_POLY1305',
  'MBEDTLS_GCM_C',
  'MBEDTLS_CCM_C',
  'MBEDTLS_CHACHAPOLY_C',
];
