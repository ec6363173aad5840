/**
 * Configuration macros the MAC functions of this build define (one per line).
 *
 * CBC-MAC is built in (AES, whole blocks only), so the `op_fail` cases that
 * expect it to be missing (`!PSA_WANT_ALG_CBC_MAC`) skip. BLAKE2 MAC (PSA
 * 1.5) and its key type have no Mbed TLS configuration macro yet; the names
 * below follow the PSA_WANT_ pattern and no upstream vector uses them.
 */
export const MAC_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_HMAC',
  'PSA_WANT_ALG_CMAC',
  'PSA_WANT_ALG_CBC_MAC',
  'PSA_WANT_ALG_BLAKE2_MAC',
  'PSA_WANT_KEY_TYPE_BLAKE2',
  'MBEDTLS_PSA_BUILTIN_ALG_HMAC',
  'MBEDTLS_PSA_BUILTIN_ALG_CMAC',
  'MBEDTLS_PSA_BUILTIN_ALG_CBC_MAC',
];
