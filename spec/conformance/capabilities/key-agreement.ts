/**
 * Configuration macros the key agreement part of this build defines (one per line).
 */
export const KEY_AGREEMENT_CAPABILITIES: readonly string[] = [];
