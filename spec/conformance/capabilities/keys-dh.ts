/**
 * Configuration macros for DH key types this build supports (one per line).
 * PSA_WANT_ALG_FFDH: psa_raw_key_agreement reaches the FFDH implementation
 * (src/drivers/software/agreement-dh.ts) end to end.
 */
export const DH_KEY_CAPABILITIES: readonly string[] = [
  'PSA_WANT_KEY_TYPE_DH_KEY_PAIR_BASIC',
  'PSA_WANT_KEY_TYPE_DH_KEY_PAIR_IMPORT',
  'PSA_WANT_KEY_TYPE_DH_KEY_PAIR_EXPORT',
  'PSA_WANT_KEY_TYPE_DH_KEY_PAIR_GENERATE',
  'PSA_WANT_KEY_TYPE_DH_PUBLIC_KEY',
  'PSA_WANT_DH_RFC7919_2048',
  'PSA_WANT_DH_RFC7919_3072',
  'PSA_WANT_DH_RFC7919_4096',
  'PSA_WANT_DH_RFC7919_6144',
  'PSA_WANT_DH_RFC7919_8192',
  'PSA_WANT_ALG_FFDH',
];
