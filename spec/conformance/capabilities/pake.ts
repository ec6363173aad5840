/**
 * PAKE capabilities: EC J-PAKE (P-256, SHA-256) as Mbed TLS builds it. The
 * SPAKE2+ algorithms have no Mbed TLS configuration macro; their tests are
 * named in `spec/coverage/api-coverage.spec.ts`.
 */
export const PAKE_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_JPAKE',
  'MBEDTLS_PSA_BUILTIN_ALG_JPAKE',
];
