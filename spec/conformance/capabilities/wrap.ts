/**
 * Configuration macros the key-wrapping functions of this build define (one
 * per line). Mbed TLS and TF-PSA-Crypto have no key wrapping, so these names
 * follow their PSA_WANT_ALG_<name> pattern for PSA_ALG_KW / PSA_ALG_KWP; no
 * Mbed TLS test data depends on them. AES is the only wrapping-key type.
 */
export const WRAP_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_KW',
  'PSA_WANT_ALG_KWP',
];
