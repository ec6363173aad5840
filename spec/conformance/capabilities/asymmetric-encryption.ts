/**
 * Configuration macros the asymmetric encryption part of this build defines (one per line).
 */
export const ASYMMETRIC_ENCRYPTION_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_RSA_PKCS1V15_CRYPT',
  'PSA_WANT_ALG_RSA_OAEP',
  'MBEDTLS_PSA_BUILTIN_ALG_RSA_PKCS1V15_CRYPT',
  'MBEDTLS_PSA_BUILTIN_ALG_RSA_OAEP',
];
