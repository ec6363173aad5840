/**
 * Configuration macros for ECC key types this build supports (one per line).
 */
export const ECC_KEY_CAPABILITIES: readonly string[] = [];
