/**
 * Key lifetimes (`psa_key_lifetime_t` = location << 8 | persistence),
 * persistence levels, locations and key identifier ranges.
 * @module
 */

/** `psa_key_lifetime_t` is a `uint32_t`. */
export type psa_key_lifetime_t = number;
/** `psa_key_id_t` is a `uint32_t`. */
export type psa_key_id_t = number;

/** Volatile key in local storage: destroyed at reset or `mbedtls_psa_crypto_free`. */
export const PSA_KEY_LIFETIME_VOLATILE = 0x00000000;
/** Persistent key in local storage with the default persistence. */
export const PSA_KEY_LIFETIME_PERSISTENT = 0x00000001;

/** Persistence level of volatile keys. */
export const PSA_KEY_PERSISTENCE_VOLATILE = 0x00;
/** Default persistence level of persistent keys. */
export const PSA_KEY_PERSISTENCE_DEFAULT = 0x01;
/** Persistence level of read-only keys (cannot be created or destroyed). */
export const PSA_KEY_PERSISTENCE_READ_ONLY = 0xff;

/** Location of keys whose material the core stores itself. */
export const PSA_KEY_LOCATION_LOCAL_STORAGE = 0x000000;
/** Location of the primary secure element, where there is one. */
export const PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT = 0x000001;
/** Mbed TLS: bit of vendor-defined locations (0x800000–0xffffff). */
export const PSA_KEY_LOCATION_VENDOR_FLAG = 0x800000;

/** The persistence level of a lifetime (bits 7–0). */
export function PSA_KEY_LIFETIME_GET_PERSISTENCE(lifetime: number): number {
  return lifetime & 0xff;
}
/** The location of a lifetime (bits 31–8). */
export function PSA_KEY_LIFETIME_GET_LOCATION(lifetime: number): number {
  return lifetime >>> 8;
}
/** Whether a lifetime designates volatile keys. */
export function PSA_KEY_LIFETIME_IS_VOLATILE(lifetime: number): boolean {
  return (lifetime & 0xff) === PSA_KEY_PERSISTENCE_VOLATILE;
}
/** Mbed TLS: whether a lifetime designates read-only keys. */
export function PSA_KEY_LIFETIME_IS_READ_ONLY(lifetime: number): boolean {
  return (lifetime & 0xff) === PSA_KEY_PERSISTENCE_READ_ONLY;
}
/** The lifetime of keys with `persistence` at `location`: `location << 8 | persistence`. */
export function PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
  persistence: number,
  location: number,
): number {
  return ((location << 8) | persistence) >>> 0;
}

/** The null key identifier: never a valid key. */
export const PSA_KEY_ID_NULL = 0;
/** Lowest key identifier an application may choose. */
export const PSA_KEY_ID_USER_MIN = 0x00000001;
/** Highest key identifier an application may choose. */
export const PSA_KEY_ID_USER_MAX = 0x3fffffff;
/** Lowest key identifier reserved for the implementation. */
export const PSA_KEY_ID_VENDOR_MIN = 0x40000000;
/** Highest key identifier reserved for the implementation. */
export const PSA_KEY_ID_VENDOR_MAX = 0x7fffffff;
/** Lowest identifier given to volatile keys. */
export const PSA_KEY_ID_VOLATILE_MIN = 0x40000000;
/**
 * Highest identifier given to volatile keys. Our choice: the whole vendor
 * range below the built-in key range (Mbed TLS uses the same bound with
 * dynamic key slots, and `VOLATILE_MIN + slot count - 1` with static ones).
 */
export const PSA_KEY_ID_VOLATILE_MAX = 0x7ffeffff;
/** Mbed TLS: lowest identifier of built-in (platform-provided) keys. */
export const MBEDTLS_PSA_KEY_ID_BUILTIN_MIN = 0x7fff0000;
/** Mbed TLS: highest identifier of built-in (platform-provided) keys. */
export const MBEDTLS_PSA_KEY_ID_BUILTIN_MAX = 0x7fffefff;
