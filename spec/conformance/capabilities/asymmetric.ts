/**
 * Configuration macros the asymmetric part of this build defines (one per line).
 */
export const ASYMMETRIC_CAPABILITIES: readonly string[] = [];
