/**
 * Configuration macros the cipher functions of this build define (one per line).
 *
 * Not defined: MBEDTLS_BLOCK_CIPHER_NO_DECRYPT (decryption is built in).
 * SM4, which this build has for the unauthenticated modes, appears in no
 * Mbed TLS suite. The key types (AES, ARIA, Camellia, DES, ChaCha20) are
 * in the main list.
 */
export const CIPHER_CAPABILITIES: readonly string[] = [
  // Algorithms.
  'PSA_WANT_ALG_ECB_NO_PADDING',
  'PSA_WANT_ALG_CBC_NO_PADDING',
  'PSA_WANT_ALG_CBC_PKCS7',
  'PSA_WANT_ALG_CTR',
  'PSA_WANT_ALG_CFB',
  'PSA_WANT_ALG_OFB',
  'PSA_WANT_ALG_CCM_STAR_NO_TAG',
  'PSA_WANT_ALG_XTS',
  'PSA_WANT_ALG_STREAM_CIPHER',
  // Key type beyond Mbed TLS's list (PSA 1.2).
  'PSA_WANT_KEY_TYPE_XCHACHA20',

  // All of them come from the built-in (software) implementation.
  'MBEDTLS_PSA_BUILTIN_CIPHER',
  'MBEDTLS_PSA_BUILTIN_ALG_ECB_NO_PADDING',
  'MBEDTLS_PSA_BUILTIN_ALG_CBC_NO_PADDING',
  'MBEDTLS_PSA_BUILTIN_ALG_CBC_PKCS7',
  'MBEDTLS_PSA_BUILTIN_ALG_CTR',
  'MBEDTLS_PSA_BUILTIN_ALG_CFB',
  'MBEDTLS_PSA_BUILTIN_ALG_OFB',
  'MBEDTLS_PSA_BUILTIN_ALG_CCM_STAR_NO_TAG',
  'MBEDTLS_PSA_BUILTIN_ALG_XTS',
  'MBEDTLS_PSA_BUILTIN_ALG_STREAM_CIPHER',
  'MBEDTLS_PSA_BUILTIN_KEY_TYPE_AES',
  'MBEDTLS_PSA_BUILTIN_KEY_TYPE_ARIA',
  'MBEDTLS_PSA_BUILTIN_KEY_TYPE_CAMELLIA',
  'MBEDTLS_PSA_BUILTIN_KEY_TYPE_DES',
  'MBEDTLS_PSA_BUILTIN_KEY_TYPE_CHACHA20',
];
