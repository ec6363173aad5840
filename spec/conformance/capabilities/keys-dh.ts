/**
 * Configuration macros for DH key types this build supports (one per line).
 */
export const DH_KEY_CAPABILITIES: readonly string[] = [];
