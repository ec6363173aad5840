/**
 * Configuration macros the aead functions of this build define (one per line).
 */
export const AEAD_CAPABILITIES: readonly string[] = [];
