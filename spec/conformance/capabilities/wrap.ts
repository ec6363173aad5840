/**
 * Configuration macros the wrap functions of this build define (one per line).
 */
export const WRAP_CAPABILITIES: readonly string[] = [];
