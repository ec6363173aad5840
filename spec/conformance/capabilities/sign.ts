/**
 * Configuration macros the sign part of this build defines (one per line).
 *
 * ECDSA (randomized, deterministic, and ECDSA_ANY) with the built-in
 * (software) implementation, and EdDSA: PureEdDSA, Ed25519ph, Ed448ph.
 *
 * Deliberately absent: MBEDTLS_ECP_RESTARTABLE — the interruptible
 * sign/verify hash functions exist, but they count work in two coarse steps
 * instead of splitting the elliptic-curve arithmetic, so the op counts the
 * upstream interruptible tests derive from Mbed TLS's ECP internals cannot
 * hold. PSA_HAVE_ALG_SOME_ECDSA, which gates the `psa_crypto_util`
 * suite (mbedtls_ecdsa_raw_to_der / der_to_raw): those conversions are Mbed
 * TLS utility functions outside the PSA API, and their expected results are
 * MBEDTLS_ERR_ASN1_* codes that the runner does not know; they are not
 * implemented here.
 */
export const SIGN_CAPABILITIES: readonly string[] = [
  'PSA_WANT_ALG_ECDSA',
  'PSA_WANT_ALG_ECDSA_ANY',
  'PSA_WANT_ALG_DETERMINISTIC_ECDSA',
  'MBEDTLS_PSA_BUILTIN_ALG_ECDSA',
  'MBEDTLS_PSA_BUILTIN_ALG_DETERMINISTIC_ECDSA',
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
