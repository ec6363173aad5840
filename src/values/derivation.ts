/**
 * Key derivation input steps (`psa_key_derivation_step_t`, uint16) and the
 * unlimited-capacity marker. The spec leaves these values to the
 * implementation; they are Mbed TLS / TF-PSA-Crypto's, so key derivation
 * test data written for Mbed TLS means the same here.
 * @module
 */

/** `psa_key_derivation_step_t` is a `uint16_t`. */
export type psa_key_derivation_step_t = number;

/** A high-entropy secret (HKDF IKM, TLS PRF secret, PSK, SP 800-108 key). */
export const PSA_KEY_DERIVATION_INPUT_SECRET = 0x0101;
/** A low-entropy secret for password hashing / key stretching. */
export const PSA_KEY_DERIVATION_INPUT_PASSWORD = 0x0102;
/** The "other secret" of TLS 1.2 PSK-to-MS with (EC)DHE-PSK or RSA-PSK. */
export const PSA_KEY_DERIVATION_INPUT_OTHER_SECRET = 0x0103;
/** A label (TLS PRF label, SP 800-108 label). */
export const PSA_KEY_DERIVATION_INPUT_LABEL = 0x0201;
/** A salt (HKDF, PBKDF2, WPA3-SAE SSID). */
export const PSA_KEY_DERIVATION_INPUT_SALT = 0x0202;
/** An information string (HKDF info, WPA3-SAE password identifier). */
export const PSA_KEY_DERIVATION_INPUT_INFO = 0x0203;
/** A seed (TLS 1.2 PRF seed). */
export const PSA_KEY_DERIVATION_INPUT_SEED = 0x0204;
/** A cost parameter (PBKDF2 iteration count), given as an integer. */
export const PSA_KEY_DERIVATION_INPUT_COST = 0x0205;
/**
 * A context (SP 800-108 context; 1.2). Not defined by Mbed TLS; 0x0206 is the
 * next free value after COST.
 */
export const PSA_KEY_DERIVATION_INPUT_CONTEXT = 0x0206;

/**
 * Capacity meaning "the maximum for the algorithm". Mbed TLS uses
 * `(size_t)-1`; the largest exact integer stands in for it here.
 */
export const PSA_KEY_DERIVATION_UNLIMITED_CAPACITY = Number.MAX_SAFE_INTEGER;
