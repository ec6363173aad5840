/**
 * Configuration macros the mac functions of this build define (one per line).
 */
export const MAC_CAPABILITIES: readonly string[] = [];
