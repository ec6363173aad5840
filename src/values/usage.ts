/**
 * `psa_key_usage_t` flags (uint32): what a key may be used for.
 * @module
 */

/** `psa_key_usage_t` is a `uint32_t` bit set. */
export type psa_key_usage_t = number;

/** The key may be exported with `psa_export_key`. */
export const PSA_KEY_USAGE_EXPORT = 0x00000001;
/** The key may be copied with `psa_copy_key`. */
export const PSA_KEY_USAGE_COPY = 0x00000002;
/** The implementation may cache the key material outside its secure storage. */
export const PSA_KEY_USAGE_CACHE = 0x00000004;
/** Query-only flag for `psa_check_key_usage`: derive a public key (1.4). */
export const PSA_KEY_USAGE_DERIVE_PUBLIC = 0x00000080;
/** The key may encrypt (cipher, AEAD, asymmetric encryption, encapsulation). */
export const PSA_KEY_USAGE_ENCRYPT = 0x00000100;
/** The key may decrypt (cipher, AEAD, asymmetric decryption, decapsulation). */
export const PSA_KEY_USAGE_DECRYPT = 0x00000200;
/** The key may sign messages or compute MACs. */
export const PSA_KEY_USAGE_SIGN_MESSAGE = 0x00000400;
/** The key may verify message signatures or MACs. */
export const PSA_KEY_USAGE_VERIFY_MESSAGE = 0x00000800;
/** The key may sign hashes (implies SIGN_MESSAGE). */
export const PSA_KEY_USAGE_SIGN_HASH = 0x00001000;
/** The key may verify hash signatures (implies VERIFY_MESSAGE). */
export const PSA_KEY_USAGE_VERIFY_HASH = 0x00002000;
/** The key may be used in key agreement, PAKE, or as a KDF input for output. */
export const PSA_KEY_USAGE_DERIVE = 0x00004000;
/** The key may be a KDF input for verification only (1.1). */
export const PSA_KEY_USAGE_VERIFY_DERIVATION = 0x00008000;
/** The key may wrap other keys (1.4). */
export const PSA_KEY_USAGE_WRAP = 0x00010000;
/** The key may unwrap wrapped keys (1.4). */
export const PSA_KEY_USAGE_UNWRAP = 0x00020000;
