/**
 * Configuration macros for RSA key types this build supports (one per line).
 */
export const RSA_KEY_CAPABILITIES: readonly string[] = [];
