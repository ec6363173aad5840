/**
 * Configuration macros the asymmetric encryption part of this build defines (one per line).
 */
export const ASYMMETRIC_ENCRYPTION_CAPABILITIES: readonly string[] = [];
