/**
 * Configuration macros the xof functions of this build define (one per line).
 */
export const XOF_CAPABILITIES: readonly string[] = [];
