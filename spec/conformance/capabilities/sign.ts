/**
 * Configuration macros the sign part of this build defines (one per line).
 */
export const SIGN_CAPABILITIES: readonly string[] = [];
