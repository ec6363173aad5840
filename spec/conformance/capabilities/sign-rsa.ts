/**
 * Configuration macros for the RSA signature algorithms this build supports
 * (one per line): PKCS#1 v1.5 (with every hash that has a DigestInfo, and
 * raw) and PSS (standard and any salt), in the software driver.
 */
export const SIGN_RSA_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_RSA_PKCS1V15_SIGN',
  'PSA_WANT_ALG_RSA_PKCS1V15_SIGN_RAW',
  'PSA_WANT_ALG_RSA_PSS',
  'PSA_WANT_ALG_RSA_PSS_ANY_SALT',
  'MBEDTLS_PSA_BUILTIN_ALG_RSA_PKCS1V15_SIGN',
  'MBEDTLS_PSA_BUILTIN_ALG_RSA_PSS',
];
