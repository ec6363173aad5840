/**
 * API version, implementation limits and small structure initialisers.
 * The limits are Mbed TLS / TF-PSA-Crypto's defaults, so test data written
 * against them keeps its meaning here.
 * @module
 */

/** Major version of the Crypto API this package implements. */
export const PSA_CRYPTO_API_VERSION_MAJOR = 1;
/** Minor version of the Crypto API this package implements. */
export const PSA_CRYPTO_API_VERSION_MINOR = 5;

/** Largest key size accepted, in bits (Mbed TLS: 0xfff8). */
export const PSA_MAX_KEY_BITS = 0xfff8;
/** Largest key material a persistent key may hold: PSA_BITS_TO_BYTES(PSA_MAX_KEY_BITS). */
export const PSA_CRYPTO_MAX_STORAGE_SIZE = Math.floor((PSA_MAX_KEY_BITS + 7) / 8);
/** Largest RSA key size supported, in bits. */
export const PSA_VENDOR_RSA_MAX_KEY_BITS = 4096;
/** Smallest RSA key size `psa_generate_key` accepts, in bits. */
export const PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS = 1024;
/** Largest elliptic curve supported, in bits (P-521). */
export const PSA_VENDOR_ECC_MAX_CURVE_BITS = 521;
/** Largest finite-field Diffie-Hellman group supported, in bits. */
export const PSA_VENDOR_FFDH_MAX_KEY_BITS = 8192;
/** Largest PBKDF2 iteration count accepted. */
export const PSA_VENDOR_PBKDF2_MAX_ITERATIONS = 0xffffffff;
/** Largest PSK accepted by TLS 1.2 PSK-to-MS, in bytes. */
export const PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE = 128;
/** Output size of PSA_ALG_TLS12_ECJPAKE_TO_PMS, in bytes. */
export const PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE = 32;
/** Mbed TLS: input size of PSA_ALG_TLS12_ECJPAKE_TO_PMS (an uncompressed P-256 point). */
export const PSA_TLS12_ECJPAKE_TO_PMS_INPUT_SIZE = 65;
/** Mbed TLS: the ITS uid of the stored random seed. */
export const PSA_CRYPTO_ITS_RANDOM_SEED_UID = 0xffffff52;
/** Interruptible operations: no limit on the work done per call. */
export const PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED = 0xffffffff;
/** Mbed TLS: default number of key slots. */
export const MBEDTLS_PSA_KEY_SLOT_COUNT = 32;

/** `psa_custom_key_parameters_t`: production parameters for custom key creation. */
export interface psa_custom_key_parameters_t {
  /** Flags; must be 0 (no flags are defined). */
  flags: number;
}
/** A fresh `psa_custom_key_parameters_t` equal to `PSA_CUSTOM_KEY_PARAMETERS_INIT` (`{ 0 }`). */
export function PSA_CUSTOM_KEY_PARAMETERS_INIT(): psa_custom_key_parameters_t {
  return { flags: 0 };
}
