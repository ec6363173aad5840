/**
 * Configuration macros the cipher functions of this build define (one per line).
 */
export const CIPHER_CAPABILITIES: readonly string[] = [];
