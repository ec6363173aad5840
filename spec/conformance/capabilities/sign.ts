/**
 * Configuration macros the sign part of this build defines (one per line).
 *
 * ECDSA (randomized, deterministic, and ECDSA_ANY) with the built-in
 * (software) implementation, and EdDSA: PureEdDSA, Ed25519ph, Ed448ph.
 *
 * MBEDTLS_ECP_RESTARTABLE: the interruptible sign/verify hash functions
 * split ECDSA into units of work counted with Mbed TLS's op weights
 * (`src/drivers/software/ecdsa-interruptible.ts`). It also gates
 * `key_agreement_interruptible`, whose functions (psa_key_agreement_iop_*)
 * do not exist here: those cases are skipped as unimplemented.
 *
 * PSA_HAVE_ALG_SOME_ECDSA gates the `psa_crypto_util` suite
 * (mbedtls_ecdsa_raw_to_der / der_to_raw): `ecdsaRawToDer` / `ecdsaDerToRaw`
 * in `src/formats/ecdsa-signature.ts`.
 */
export const SIGN_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_ECDSA',
  'PSA_WANT_ALG_ECDSA_ANY',
  'PSA_WANT_ALG_DETERMINISTIC_ECDSA',
  'MBEDTLS_PSA_BUILTIN_ALG_ECDSA',
  'MBEDTLS_PSA_BUILTIN_ALG_DETERMINISTIC_ECDSA',
  'PSA_HAVE_ALG_SOME_ECDSA',
  'MBEDTLS_ECP_RESTARTABLE',
  'PSA_WANT_ALG_PURE_EDDSA',
  'PSA_WANT_ALG_ED25519PH',
  'PSA_WANT_ALG_ED448PH',
  'PSA_WANT_ALG_EDDSA',
  // RSA signatures: the software driver routes RSA keys to the RSA hook (sign-rsa.ts).
  'PSA_WANT_ALG_RSA_PKCS1V15_SIGN',
  'PSA_WANT_ALG_RSA_PKCS1V15_SIGN_RAW',
  'PSA_WANT_ALG_RSA_PSS',
  'MBEDTLS_PSA_BUILTIN_ALG_RSA_PKCS1V15_SIGN',
  'MBEDTLS_PSA_BUILTIN_ALG_RSA_PSS',
];
