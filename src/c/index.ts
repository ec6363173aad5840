/**
 * `psa-crypto/c`: the PSA Crypto API in C shape, for line-by-line ports of C
 * code. Every function has its C name and parameter order and returns the
 * `psa_status_t` number; nothing throws for a PSA error.
 *
 * - `const uint8_t *in, size_t in_len` → one `Uint8Array`;
 * - `uint8_t *out, size_t out_size, size_t *out_len` → a caller-allocated
 *   `Uint8Array` (its length is `out_size`) and a holder `{ value }`;
 * - other out-parameters (`psa_key_id_t *key`) → holders `{ value }`;
 * - one process-wide instance: `psa_crypto_init()` creates it,
 *   `mbedtls_psa_crypto_free()` drops it.
 *
 * ```ts
 * import * as psa from 'psa-crypto/c';
 * psa.psa_crypto_init();
 * const attributes = psa.psa_key_attributes_init();
 * psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_AES);
 * psa.psa_set_key_bits(attributes, 128);
 * const key = { value: 0 };
 * const status = psa.psa_generate_key(attributes, key);
 * ```
 *
 * The numbers and macros are those of the package root (`src/values`), with
 * `describe` / `parse` to print and read statuses and other values as C
 * expressions; the TypeScript-face names (`PsaError`, `createPsa`, …) are
 * not part of this entry point.
 * @module
 */

// --- PSA numbers and macros, `describe` / `parse` (src/values) ---
// Status codes (`psa_status_t`)
export {
  PSA_SUCCESS, PSA_ERROR_PROGRAMMER_ERROR, PSA_ERROR_CONNECTION_REFUSED, PSA_ERROR_CONNECTION_BUSY,
  PSA_ERROR_GENERIC_ERROR, PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_SUPPORTED, PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE, PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_ALREADY_EXISTS,
  PSA_ERROR_DOES_NOT_EXIST, PSA_ERROR_INSUFFICIENT_MEMORY, PSA_ERROR_INSUFFICIENT_STORAGE, PSA_ERROR_INSUFFICIENT_DATA,
  PSA_ERROR_SERVICE_FAILURE, PSA_ERROR_COMMUNICATION_FAILURE, PSA_ERROR_STORAGE_FAILURE, PSA_ERROR_HARDWARE_FAILURE,
  PSA_ERROR_INSUFFICIENT_ENTROPY, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_INVALID_PADDING, PSA_ERROR_CORRUPTION_DETECTED,
  PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DATA_INVALID, PSA_OPERATION_INCOMPLETE,
} from '../values/index.js';

// Algorithms, part 1: categories, hashes, XOFs, MACs, ciphers, AEADs, key wrapping
export {
  PSA_ALG_HMAC, PSA_ALG_BLAKE2_MAC, PSA_ALG_TRUNCATED_MAC, PSA_ALG_FULL_LENGTH_MAC, PSA_ALG_AT_LEAST_THIS_LENGTH_MAC,
  PSA_MAC_TRUNCATED_LENGTH, PSA_ALG_AEAD_WITH_SHORTENED_TAG, PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG,
  PSA_ALG_AEAD_GET_TAG_LENGTH, PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG, PSA_ALG_NONE, PSA_ALG_VENDOR_FLAG,
  PSA_ALG_CATEGORY_MASK, PSA_ALG_CATEGORY_HASH, PSA_ALG_CATEGORY_MAC, PSA_ALG_CATEGORY_CIPHER, PSA_ALG_CATEGORY_AEAD,
  PSA_ALG_CATEGORY_SIGN, PSA_ALG_CATEGORY_ASYMMETRIC_ENCRYPTION, PSA_ALG_CATEGORY_KEY_DERIVATION,
  PSA_ALG_CATEGORY_KEY_AGREEMENT, PSA_ALG_CATEGORY_PAKE, PSA_ALG_CATEGORY_KEY_WRAP, PSA_ALG_CATEGORY_KEY_ENCAPSULATION,
  PSA_ALG_CATEGORY_XOF, PSA_ALG_HASH_MASK, PSA_ALG_MD2, PSA_ALG_MD4, PSA_ALG_MD5, PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,
  PSA_ALG_AES_MMO_ZIGBEE, PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512, PSA_ALG_SHA_512_224,
  PSA_ALG_SHA_512_256, PSA_ALG_SHA_256_192, PSA_ALG_SHA3_224, PSA_ALG_SHA3_256, PSA_ALG_SHA3_384, PSA_ALG_SHA3_512,
  PSA_ALG_SM3, PSA_ALG_SHAKE256_512, PSA_ALG_SHAKE128_256, PSA_ALG_SHAKE256_192, PSA_ALG_SHAKE256_256,
  PSA_ALG_ASCON_HASH256, PSA_ALG_BLAKE2S_HASH256, PSA_ALG_BLAKE2SP_HASH256, PSA_ALG_BLAKE2B_HASH512,
  PSA_ALG_BLAKE2BP_HASH512, PSA_ALG_ANY_HASH, PSA_ALG_SHAKE128, PSA_ALG_SHAKE256, PSA_ALG_ASCON_XOF128,
  PSA_ALG_ASCON_CXOF128, PSA_ALG_MAC_SUBCATEGORY_MASK, PSA_ALG_HMAC_BASE, PSA_ALG_CIPHER_MAC_BASE,
  PSA_ALG_MAC_TRUNCATION_MASK, PSA_MAC_TRUNCATION_OFFSET, PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG, PSA_ALG_CBC_MAC,
  PSA_ALG_CMAC, PSA_ALG_CIPHER_STREAM_FLAG, PSA_ALG_CIPHER_FROM_BLOCK_FLAG, PSA_ALG_STREAM_CIPHER, PSA_ALG_CTR,
  PSA_ALG_CFB, PSA_ALG_OFB, PSA_ALG_CCM_STAR_NO_TAG, PSA_ALG_CCM_STAR_ANY_TAG, PSA_ALG_XTS, PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_AEAD_FROM_BLOCK_FLAG, PSA_ALG_AEAD_TAG_LENGTH_MASK,
  PSA_AEAD_TAG_LENGTH_OFFSET, PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG, PSA_ALG_CCM, PSA_ALG_GCM,
  PSA_ALG_CHACHA20_POLY1305, PSA_ALG_XCHACHA20_POLY1305, PSA_ALG_ASCON_AEAD128, PSA_ALG_KW, PSA_ALG_KWP,
} from '../values/index.js';
export type { psa_algorithm_t } from '../values/index.js';

// Algorithms, part 2: signatures, asymmetric encryption, key derivation and agreement, encapsulation, PAKE
export {
  PSA_ALG_RSA_PKCS1V15_SIGN, PSA_ALG_RSA_PSS, PSA_ALG_RSA_PSS_ANY_SALT, PSA_ALG_ECDSA, PSA_ALG_DETERMINISTIC_ECDSA,
  PSA_ALG_DSA, PSA_ALG_DETERMINISTIC_DSA, PSA_ALG_HASH_SLH_DSA, PSA_ALG_DETERMINISTIC_HASH_SLH_DSA, PSA_ALG_HASH_ML_DSA,
  PSA_ALG_DETERMINISTIC_HASH_ML_DSA, PSA_ALG_RSA_OAEP, PSA_ALG_HKDF, PSA_ALG_HKDF_EXTRACT, PSA_ALG_HKDF_EXPAND,
  PSA_ALG_TLS12_PRF, PSA_ALG_TLS12_PSK_TO_MS, PSA_ALG_SP800_108_COUNTER_HMAC, PSA_ALG_PBKDF2_HMAC, PSA_ALG_WPA3_SAE_H2E,
  PSA_ALG_KEY_AGREEMENT, PSA_ALG_KEY_AGREEMENT_GET_BASE, PSA_ALG_KEY_AGREEMENT_GET_KDF, PSA_ALG_JPAKE,
  PSA_ALG_SPAKE2P_HMAC, PSA_ALG_SPAKE2P_CMAC, PSA_ALG_WPA3_SAE_FIXED, PSA_ALG_WPA3_SAE_GDH,
  PSA_ALG_RSA_PKCS1V15_SIGN_BASE, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, PSA_ALG_RSA_PSS_BASE, PSA_ALG_RSA_PSS_ANY_SALT_BASE,
  PSA_ALG_ECDSA_BASE, PSA_ALG_ECDSA_ANY, PSA_ALG_DETERMINISTIC_ECDSA_BASE, PSA_ALG_ECDSA_DETERMINISTIC_FLAG,
  PSA_ALG_DSA_BASE, PSA_ALG_DETERMINISTIC_DSA_BASE, PSA_ALG_PURE_EDDSA, PSA_ALG_HASH_EDDSA_BASE, PSA_ALG_ED25519PH,
  PSA_ALG_ED448PH, PSA_ALG_EDDSA_CTX, PSA_ALG_SLH_DSA, PSA_ALG_DETERMINISTIC_SLH_DSA, PSA_ALG_ML_DSA,
  PSA_ALG_DETERMINISTIC_ML_DSA, PSA_ALG_LMS, PSA_ALG_HSS, PSA_ALG_XMSS, PSA_ALG_XMSS_MT, PSA_ALG_RSA_PKCS1V15_CRYPT,
  PSA_ALG_RSA_OAEP_BASE, PSA_ALG_KEY_DERIVATION_STRETCHING_FLAG, PSA_ALG_HKDF_BASE, PSA_ALG_TLS12_PRF_BASE,
  PSA_ALG_TLS12_PSK_TO_MS_BASE, PSA_ALG_HKDF_EXTRACT_BASE, PSA_ALG_HKDF_EXPAND_BASE, PSA_ALG_PBKDF2_HMAC_BASE,
  PSA_ALG_TLS12_ECJPAKE_TO_PMS, PSA_ALG_SP800_108_COUNTER_CMAC, PSA_ALG_PBKDF2_AES_CMAC_PRF_128,
  PSA_ALG_KEY_DERIVATION_MASK, PSA_ALG_KEY_AGREEMENT_MASK, PSA_ALG_FFDH, PSA_ALG_ECDH, PSA_ALG_ECIES_SEC1,
  PSA_ALG_ML_KEM, PSA_ALG_JPAKE_BASE, PSA_ALG_JPAKE_BETA, PSA_ALG_SPAKE2P_MATTER, PSA_ALG_WPA3_SAE_ANY,
} from '../values/index.js';

// Algorithm predicates and decoders (`PSA_ALG_IS_*`, `*_GET_HASH`)
export {
  PSA_ALG_IS_VENDOR_DEFINED, PSA_ALG_IS_HASH, PSA_ALG_IS_MAC, PSA_ALG_IS_CIPHER, PSA_ALG_IS_AEAD, PSA_ALG_IS_SIGN,
  PSA_ALG_IS_ASYMMETRIC_ENCRYPTION, PSA_ALG_IS_KEY_DERIVATION, PSA_ALG_IS_KEY_AGREEMENT, PSA_ALG_IS_PAKE,
  PSA_ALG_IS_KEY_WRAP, PSA_ALG_IS_KEY_ENCAPSULATION, PSA_ALG_IS_XOF, PSA_ALG_XOF_HAS_CONTEXT, PSA_ALG_IS_BLAKE2_HASH,
  PSA_ALG_IS_HMAC, PSA_ALG_IS_BLAKE2_MAC, PSA_ALG_IS_BLOCK_CIPHER_MAC, PSA_ALG_IS_STREAM_CIPHER,
  PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER, PSA_ALG_IS_KEY_DERIVATION_STRETCHING, PSA_ALG_IS_HKDF, PSA_ALG_IS_HKDF_EXTRACT,
  PSA_ALG_IS_HKDF_EXPAND, PSA_ALG_IS_ANY_HKDF, PSA_ALG_IS_TLS12_PRF, PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_ALG_IS_SP800_108_COUNTER_HMAC, PSA_ALG_IS_PBKDF2_HMAC, PSA_ALG_IS_PBKDF2, PSA_ALG_IS_WPA3_SAE_H2E,
  PSA_ALG_IS_STANDALONE_KEY_AGREEMENT, PSA_ALG_IS_RAW_KEY_AGREEMENT, PSA_ALG_IS_FFDH, PSA_ALG_IS_ECDH,
  PSA_ALG_IS_RSA_PKCS1V15_SIGN, PSA_ALG_IS_RSA_PSS, PSA_ALG_IS_RSA_PSS_ANY_SALT, PSA_ALG_IS_RSA_PSS_STANDARD_SALT,
  PSA_ALG_IS_ECDSA, PSA_ALG_IS_DETERMINISTIC_ECDSA, PSA_ALG_IS_RANDOMIZED_ECDSA, PSA_ALG_ECDSA_IS_DETERMINISTIC,
  PSA_ALG_IS_DSA, PSA_ALG_IS_DETERMINISTIC_DSA, PSA_ALG_IS_RANDOMIZED_DSA, PSA_ALG_DSA_IS_DETERMINISTIC,
  PSA_ALG_IS_HASH_EDDSA, PSA_ALG_IS_SLH_DSA, PSA_ALG_IS_HASH_SLH_DSA, PSA_ALG_IS_HEDGED_HASH_SLH_DSA,
  PSA_ALG_IS_DETERMINISTIC_HASH_SLH_DSA, PSA_ALG_IS_ML_DSA, PSA_ALG_IS_HASH_ML_DSA, PSA_ALG_IS_HEDGED_HASH_ML_DSA,
  PSA_ALG_IS_DETERMINISTIC_HASH_ML_DSA, PSA_ALG_IS_HASH_AND_SIGN, PSA_ALG_IS_SIGN_HASH, PSA_ALG_IS_SIGN_MESSAGE,
  PSA_ALG_SIGN_SUPPORTS_CONTEXT, PSA_ALG_IS_RSA_OAEP, PSA_ALG_IS_JPAKE, PSA_ALG_IS_SPAKE2P, PSA_ALG_IS_SPAKE2P_HMAC,
  PSA_ALG_IS_SPAKE2P_CMAC, PSA_ALG_IS_WPA3_SAE, PSA_ALG_IS_WPA3_SAE_FIXED, PSA_ALG_IS_WPA3_SAE_GDH, PSA_ALG_GET_HASH,
  PSA_ALG_IS_WILDCARD, PSA_ALG_SIGN_GET_HASH, PSA_ALG_HMAC_GET_HASH, PSA_ALG_RSA_OAEP_GET_HASH, PSA_ALG_HKDF_GET_HASH,
  PSA_ALG_TLS12_PRF_GET_HASH, PSA_ALG_TLS12_PSK_TO_MS_GET_HASH, PSA_ALG_PBKDF2_HMAC_GET_HASH,
} from '../values/index.js';

// Key types and families (`psa_key_type_t`, `PSA_ECC_FAMILY_*`, `PSA_DH_FAMILY_*`)
export {
  PSA_ECC_FAMILY_IS_WEIERSTRASS, PSA_KEY_TYPE_ECC_KEY_PAIR, PSA_KEY_TYPE_ECC_PUBLIC_KEY, PSA_KEY_TYPE_DH_KEY_PAIR,
  PSA_KEY_TYPE_DH_PUBLIC_KEY, PSA_KEY_TYPE_SLH_DSA_KEY_PAIR, PSA_KEY_TYPE_SLH_DSA_PUBLIC_KEY,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR, PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY, PSA_KEY_TYPE_WPA3_SAE_ECC, PSA_KEY_TYPE_WPA3_SAE_DH,
  PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY, PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR, PSA_KEY_TYPE_NONE, PSA_KEY_TYPE_VENDOR_FLAG,
  PSA_KEY_TYPE_CATEGORY_MASK, PSA_KEY_TYPE_CATEGORY_RAW, PSA_KEY_TYPE_CATEGORY_SYMMETRIC,
  PSA_KEY_TYPE_CATEGORY_PUBLIC_KEY, PSA_KEY_TYPE_CATEGORY_KEY_PAIR, PSA_KEY_TYPE_CATEGORY_FLAG_PAIR,
  PSA_KEY_TYPE_RAW_DATA, PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_BLAKE2, PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_PASSWORD_HASH, PSA_KEY_TYPE_PEPPER, PSA_KEY_TYPE_ARC4, PSA_KEY_TYPE_CHACHA20, PSA_KEY_TYPE_XCHACHA20,
  PSA_KEY_TYPE_ASCON, PSA_KEY_TYPE_DES, PSA_KEY_TYPE_AES, PSA_KEY_TYPE_CAMELLIA, PSA_KEY_TYPE_SM4, PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_TYPE_ML_DSA_PUBLIC_KEY, PSA_KEY_TYPE_ML_DSA_KEY_PAIR,
  PSA_KEY_TYPE_ML_KEM_PUBLIC_KEY, PSA_KEY_TYPE_ML_KEM_KEY_PAIR, PSA_KEY_TYPE_LMS_PUBLIC_KEY,
  PSA_KEY_TYPE_HSS_PUBLIC_KEY, PSA_KEY_TYPE_XMSS_PUBLIC_KEY, PSA_KEY_TYPE_XMSS_MT_PUBLIC_KEY, PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1, PSA_ECC_FAMILY_SECP_R2, PSA_ECC_FAMILY_SECT_K1, PSA_ECC_FAMILY_SECT_R1,
  PSA_ECC_FAMILY_SECT_R2, PSA_ECC_FAMILY_BRAINPOOL_P_R1, PSA_ECC_FAMILY_FRP, PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_TWISTED_EDWARDS, PSA_DH_FAMILY_RFC7919, PSA_DH_FAMILY_RFC3526, PSA_SLH_DSA_FAMILY_SHA2_S,
  PSA_SLH_DSA_FAMILY_SHA2_F, PSA_SLH_DSA_FAMILY_SHAKE_S, PSA_SLH_DSA_FAMILY_SHAKE_F,
} from '../values/index.js';
export type { psa_key_type_t } from '../values/index.js';

// Key-type predicates and decoders (`PSA_KEY_TYPE_IS_*`, `*_GET_FAMILY`)
export {
  PSA_KEY_TYPE_IS_VENDOR_DEFINED, PSA_KEY_TYPE_IS_UNSTRUCTURED, PSA_KEY_TYPE_IS_ASYMMETRIC, PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_KEY_PAIR, PSA_KEY_TYPE_IS_RSA, PSA_KEY_TYPE_IS_ECC, PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY, PSA_KEY_TYPE_ECC_GET_FAMILY, PSA_KEY_TYPE_IS_DH, PSA_KEY_TYPE_IS_DH_KEY_PAIR,
  PSA_KEY_TYPE_IS_DH_PUBLIC_KEY, PSA_KEY_TYPE_DH_GET_FAMILY, PSA_KEY_TYPE_IS_SLH_DSA, PSA_KEY_TYPE_IS_SLH_DSA_KEY_PAIR,
  PSA_KEY_TYPE_IS_SLH_DSA_PUBLIC_KEY, PSA_KEY_TYPE_SLH_DSA_GET_FAMILY, PSA_KEY_TYPE_IS_ML_DSA, PSA_KEY_TYPE_IS_ML_KEM,
  PSA_KEY_TYPE_IS_SPAKE2P, PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR, PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY,
  PSA_KEY_TYPE_SPAKE2P_GET_FAMILY, PSA_KEY_TYPE_IS_WPA3_SAE_ECC, PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH, PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY, PSA_BLOCK_CIPHER_BLOCK_LENGTH,
} from '../values/index.js';

// Usage flags (`psa_key_usage_t`)
export {
  PSA_KEY_USAGE_EXPORT, PSA_KEY_USAGE_COPY, PSA_KEY_USAGE_CACHE, PSA_KEY_USAGE_DERIVE_PUBLIC, PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_VERIFY_MESSAGE, PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_VERIFY_HASH, PSA_KEY_USAGE_DERIVE, PSA_KEY_USAGE_VERIFY_DERIVATION, PSA_KEY_USAGE_WRAP,
  PSA_KEY_USAGE_UNWRAP,
} from '../values/index.js';
export type { psa_key_usage_t } from '../values/index.js';

// Lifetimes, persistence levels, locations, key id ranges
export {
  PSA_KEY_LIFETIME_GET_PERSISTENCE, PSA_KEY_LIFETIME_GET_LOCATION, PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_KEY_LIFETIME_IS_READ_ONLY, PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION, PSA_KEY_LIFETIME_VOLATILE,
  PSA_KEY_LIFETIME_PERSISTENT, PSA_KEY_PERSISTENCE_VOLATILE, PSA_KEY_PERSISTENCE_DEFAULT, PSA_KEY_PERSISTENCE_READ_ONLY,
  PSA_KEY_LOCATION_LOCAL_STORAGE, PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT, PSA_KEY_LOCATION_VENDOR_FLAG,
  PSA_KEY_ID_NULL, PSA_KEY_ID_USER_MIN, PSA_KEY_ID_USER_MAX, PSA_KEY_ID_VENDOR_MIN, PSA_KEY_ID_VENDOR_MAX,
  PSA_KEY_ID_VOLATILE_MIN, PSA_KEY_ID_VOLATILE_MAX, MBEDTLS_PSA_KEY_ID_BUILTIN_MIN, MBEDTLS_PSA_KEY_ID_BUILTIN_MAX,
} from '../values/index.js';
export type { psa_key_lifetime_t, psa_key_id_t } from '../values/index.js';

// Key derivation steps (`psa_key_derivation_step_t`)
export {
  PSA_KEY_DERIVATION_INPUT_SECRET, PSA_KEY_DERIVATION_INPUT_PASSWORD, PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
  PSA_KEY_DERIVATION_INPUT_LABEL, PSA_KEY_DERIVATION_INPUT_SALT, PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SEED, PSA_KEY_DERIVATION_INPUT_COST, PSA_KEY_DERIVATION_INPUT_CONTEXT,
  PSA_KEY_DERIVATION_UNLIMITED_CAPACITY,
} from '../values/index.js';
export type { psa_key_derivation_step_t } from '../values/index.js';

// PAKE primitives, roles, steps, key confirmation
export {
  PSA_PAKE_PRIMITIVE, PSA_PAKE_PRIMITIVE_GET_TYPE, PSA_PAKE_PRIMITIVE_GET_FAMILY, PSA_PAKE_PRIMITIVE_GET_BITS,
  PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_UNCONFIRMED_KEY,
  PSA_PAKE_ROLE_NONE, PSA_PAKE_ROLE_FIRST, PSA_PAKE_ROLE_SECOND, PSA_PAKE_ROLE_CLIENT, PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC, PSA_PAKE_STEP_ZK_PROOF, PSA_PAKE_STEP_CONFIRM, PSA_PAKE_STEP_SALT,
  PSA_PAKE_STEP_COMMIT, PSA_PAKE_STEP_CONFIRM_COUNT, PSA_PAKE_STEP_KEY_ID,
} from '../values/index.js';
export type { psa_pake_primitive_t } from '../values/index.js';

// API version, implementation limits, structure initialisers
export {
  PSA_CUSTOM_KEY_PARAMETERS_INIT, PSA_CRYPTO_API_VERSION_MAJOR, PSA_CRYPTO_API_VERSION_MINOR, PSA_MAX_KEY_BITS,
  PSA_CRYPTO_MAX_STORAGE_SIZE, PSA_VENDOR_RSA_MAX_KEY_BITS, PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS,
  PSA_VENDOR_ECC_MAX_CURVE_BITS, PSA_VENDOR_FFDH_MAX_KEY_BITS, PSA_VENDOR_PBKDF2_MAX_ITERATIONS,
  PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE, PSA_TLS12_ECJPAKE_TO_PMS_OUTPUT_SIZE, PSA_TLS12_ECJPAKE_TO_PMS_INPUT_SIZE,
  PSA_CRYPTO_ITS_RANDOM_SEED_UID, PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED, MBEDTLS_PSA_KEY_SLOT_COUNT,
} from '../values/index.js';
export type { psa_custom_key_parameters_t } from '../values/index.js';

// Size helpers and hash / MAC size macros
export {
  PSA_BITS_TO_BYTES, PSA_BYTES_TO_BITS, PSA_ROUND_UP_TO_MULTIPLE, PSA_HASH_LENGTH, PSA_HASH_BLOCK_LENGTH,
  PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH, PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH, PSA_HASH_SUSPEND_OUTPUT_SIZE,
  PSA_MAC_LENGTH, PSA_HASH_MAX_SIZE, PSA_HMAC_MAX_HASH_BLOCK_SIZE, PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH,
  PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE, PSA_MAC_MAX_SIZE,
} from '../values/index.js';

// Cipher and AEAD size macros
export {
  PSA_CIPHER_IV_LENGTH, PSA_CIPHER_ENCRYPT_OUTPUT_SIZE, PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE,
  PSA_CIPHER_DECRYPT_OUTPUT_SIZE, PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE, PSA_CIPHER_UPDATE_OUTPUT_SIZE,
  PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE, PSA_CIPHER_FINISH_OUTPUT_SIZE, PSA_AEAD_NONCE_LENGTH, PSA_AEAD_TAG_LENGTH,
  PSA_AEAD_ENCRYPT_OUTPUT_SIZE, PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE, PSA_AEAD_DECRYPT_OUTPUT_SIZE,
  PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE, PSA_AEAD_UPDATE_OUTPUT_SIZE, PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE,
  PSA_AEAD_FINISH_OUTPUT_SIZE, PSA_AEAD_VERIFY_OUTPUT_SIZE, PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE, PSA_CIPHER_MAX_KEY_LENGTH,
  PSA_CIPHER_IV_MAX_SIZE, PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE, PSA_AEAD_NONCE_MAX_SIZE, PSA_AEAD_TAG_MAX_SIZE,
  PSA_AEAD_FINISH_OUTPUT_MAX_SIZE, PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE,
} from '../values/index.js';

// Key export and key wrapping size macros
export {
  PSA_KEY_EXPORT_ASN1_INTEGER_MAX_SIZE, PSA_KEY_EXPORT_RSA_PUBLIC_KEY_MAX_SIZE, PSA_KEY_EXPORT_RSA_KEY_PAIR_MAX_SIZE,
  PSA_KEY_EXPORT_ECC_PUBLIC_KEY_MAX_SIZE, PSA_KEY_EXPORT_ECC_KEY_PAIR_MAX_SIZE, PSA_KEY_EXPORT_FFDH_KEY_PAIR_MAX_SIZE,
  PSA_KEY_EXPORT_FFDH_PUBLIC_KEY_MAX_SIZE, PSA_EXPORT_KEY_OUTPUT_SIZE, PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_WRAP_KEY_OUTPUT_SIZE, PSA_EXPORT_KEY_PAIR_MAX_SIZE, PSA_EXPORT_PUBLIC_KEY_MAX_SIZE,
  PSA_EXPORT_ASYMMETRIC_KEY_MAX_SIZE, PSA_EXPORT_KEY_PAIR_OR_PUBLIC_MAX_SIZE, PSA_WRAP_KEY_PAIR_MAX_SIZE,
} from '../values/index.js';

// Size macros of the public-key operations
export {
  PSA_ECDSA_SIGNATURE_SIZE, PSA_SIGN_OUTPUT_SIZE, PSA_RSA_MINIMUM_PADDING_SIZE, PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE,
  PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE, PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE, PSA_ENCAPSULATE_CIPHERTEXT_SIZE,
  PSA_PAKE_OUTPUT_SIZE, PSA_PAKE_INPUT_SIZE, PSA_VENDOR_ECDSA_SIGNATURE_MAX_SIZE, PSA_SIGNATURE_MAX_SIZE,
  PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE, PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE, PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE,
  PSA_ENCAPSULATE_CIPHERTEXT_MAX_SIZE, PSA_PAKE_OUTPUT_MAX_SIZE, PSA_PAKE_INPUT_MAX_SIZE,
} from '../values/index.js';

// Mbed TLS elliptic-curve group ids and their conversions (`mbedtls/psa_util.h`)
export {
  mbedtls_ecc_group_from_psa, MBEDTLS_ECP_DP_NONE, MBEDTLS_ECP_DP_SECP192R1, MBEDTLS_ECP_DP_SECP256R1,
  MBEDTLS_ECP_DP_SECP384R1, MBEDTLS_ECP_DP_SECP521R1, MBEDTLS_ECP_DP_BP256R1, MBEDTLS_ECP_DP_BP384R1,
  MBEDTLS_ECP_DP_BP512R1, MBEDTLS_ECP_DP_CURVE25519, MBEDTLS_ECP_DP_SECP192K1, MBEDTLS_ECP_DP_SECP256K1,
  MBEDTLS_ECP_DP_CURVE448, MBEDTLS_ECP_DP_MAX,
} from '../values/index.js';
export type { mbedtls_ecp_group_id } from '../values/index.js';

// SRP-6 identifiers (Oberon PSA Crypto extension)
export {
  PSA_ALG_SRP_6, PSA_ALG_IS_SRP_6, PSA_ALG_SRP_PASSWORD_HASH, PSA_ALG_IS_SRP_PASSWORD_HASH, PSA_KEY_TYPE_SRP_KEY_PAIR,
  PSA_KEY_TYPE_SRP_PUBLIC_KEY, PSA_KEY_TYPE_IS_SRP, PSA_KEY_TYPE_IS_SRP_KEY_PAIR, PSA_KEY_TYPE_IS_SRP_PUBLIC_KEY,
  PSA_KEY_TYPE_SRP_GET_FAMILY,
} from '../values/index.js';

// PSA numbers as C expressions, and back
export { describe, parse } from '../values/index.js';
export type { DescribeKind } from '../values/index.js';

// --- Functions and types in C shape ---
// Library initialisation and the out-parameter holder
export { psa_crypto_init, mbedtls_psa_crypto_free } from './instance.js';
export type { Out } from './instance.js';

// Key attributes (`psa_key_attributes_t`)
export {
  psa_key_attributes_init, psa_set_key_id, psa_get_key_id, psa_set_key_lifetime, psa_get_key_lifetime, psa_set_key_type,
  psa_get_key_type, psa_set_key_bits, psa_get_key_bits, psa_set_key_usage_flags, psa_get_key_usage_flags,
  psa_set_key_algorithm, psa_get_key_algorithm, psa_set_key_enrollment_algorithm, psa_get_key_enrollment_algorithm,
  psa_reset_key_attributes, psa_get_key_attributes, PSA_KEY_BITS_TOO_LARGE,
} from './attributes.js';
export type { psa_key_attributes_t } from './attributes.js';

// Key management
export {
  mbedtls_svc_key_id_make, psa_import_key, psa_attach_key, psa_generate_key, psa_generate_key_custom, psa_copy_key,
  psa_destroy_key, psa_purge_key, psa_export_key, psa_export_public_key, psa_check_key_usage,
} from './keys.js';

// Hash
export {
  psa_hash_operation_init, psa_hash_compute, psa_hash_compare, psa_hash_setup, psa_hash_update, psa_hash_finish,
  psa_hash_verify, psa_hash_abort, psa_hash_clone, psa_hash_suspend, psa_hash_resume,
} from './hash.js';
export type { psa_hash_operation_t } from './hash.js';

// MAC
export {
  psa_mac_operation_init, psa_mac_compute, psa_mac_verify, psa_mac_sign_setup, psa_mac_verify_setup, psa_mac_update,
  psa_mac_sign_finish, psa_mac_verify_finish, psa_mac_abort,
} from './mac.js';
export type { psa_mac_operation_t } from './mac.js';

// Unauthenticated ciphers
export {
  psa_cipher_operation_init, psa_cipher_encrypt, psa_cipher_decrypt, psa_cipher_encrypt_setup, psa_cipher_decrypt_setup,
  psa_cipher_generate_iv, psa_cipher_set_iv, psa_cipher_update, psa_cipher_finish, psa_cipher_abort,
} from './cipher.js';
export type { psa_cipher_operation_t } from './cipher.js';

// AEAD
export {
  psa_aead_operation_init, psa_aead_encrypt, psa_aead_decrypt, psa_aead_encrypt_setup, psa_aead_decrypt_setup,
  psa_aead_set_lengths, psa_aead_generate_nonce, psa_aead_set_nonce, psa_aead_update_ad, psa_aead_update,
  psa_aead_finish, psa_aead_verify, psa_aead_abort,
} from './aead.js';
export type { psa_aead_operation_t } from './aead.js';

// Key wrapping (PSA 1.4)
export { psa_wrap_key, psa_unwrap_key } from './wrap.js';

// XOF (PSA 1.4)
export {
  psa_xof_operation_init, psa_xof_setup, psa_xof_set_context, psa_xof_update, psa_xof_output, psa_xof_abort,
} from './xof.js';
export type { psa_xof_operation_t } from './xof.js';

// Signatures: single-part, multipart (PSA 1.5), interruptible (Mbed TLS)
export {
  psa_sign_hash, psa_verify_hash, psa_sign_message, psa_verify_message, psa_sign_hash_with_context,
  psa_verify_hash_with_context, psa_sign_message_with_context, psa_verify_message_with_context, psa_sign_operation_init,
  psa_sign_setup, psa_sign_set_context, psa_sign_update, psa_sign_finish, psa_sign_abort, psa_verify_operation_init,
  psa_verify_setup, psa_verify_set_context, psa_verify_update, psa_verify_finish, psa_verify_abort,
  psa_interruptible_set_max_ops, psa_interruptible_get_max_ops, psa_sign_hash_interruptible_operation_init,
  psa_sign_hash_start, psa_sign_hash_complete, psa_sign_hash_abort, psa_sign_hash_get_num_ops,
  psa_verify_hash_interruptible_operation_init, psa_verify_hash_start, psa_verify_hash_complete, psa_verify_hash_abort,
  psa_verify_hash_get_num_ops,
} from './sign.js';
export type {
  psa_sign_operation_t, psa_verify_operation_t, psa_sign_hash_interruptible_operation_t,
  psa_verify_hash_interruptible_operation_t,
} from './sign.js';

// Asymmetric encryption
export { psa_asymmetric_encrypt, psa_asymmetric_decrypt } from './asymmetric-encryption.js';

// Key agreement
export { psa_raw_key_agreement, psa_key_agreement } from './key-agreement.js';

// Key encapsulation (PSA 1.3)
export { psa_encapsulate, psa_decapsulate } from './encapsulation.js';

// Key derivation
export {
  psa_key_derivation_operation_init, psa_key_derivation_setup, psa_key_derivation_get_capacity,
  psa_key_derivation_set_capacity, psa_key_derivation_input_bytes, psa_key_derivation_input_integer,
  psa_key_derivation_input_key, psa_key_derivation_key_agreement, psa_key_derivation_output_bytes,
  psa_key_derivation_output_key, psa_key_derivation_output_key_custom, psa_key_derivation_verify_bytes,
  psa_key_derivation_verify_key, psa_key_derivation_abort,
} from './key-derivation.js';
export type { psa_key_derivation_operation_t } from './key-derivation.js';

// PAKE
export {
  psa_pake_cipher_suite_init, psa_pake_cs_get_algorithm, psa_pake_cs_set_algorithm, psa_pake_cs_get_primitive,
  psa_pake_cs_set_primitive, psa_pake_cs_get_key_confirmation, psa_pake_cs_set_key_confirmation,
  psa_pake_operation_init, psa_pake_setup, psa_pake_set_role, psa_pake_set_user, psa_pake_set_peer,
  psa_pake_set_context, psa_pake_output, psa_pake_input, psa_pake_get_shared_key, psa_pake_abort,
} from './pake.js';
export type { psa_pake_cipher_suite_t, psa_pake_operation_t } from './pake.js';

// Interruptible key operations (Mbed TLS)
export {
  psa_generate_key_iop_init, psa_generate_key_iop_setup, psa_generate_key_iop_complete,
  psa_generate_key_iop_get_num_ops, psa_generate_key_iop_abort, psa_export_public_key_iop_init,
  psa_export_public_key_iop_setup, psa_export_public_key_iop_complete, psa_export_public_key_iop_get_num_ops,
  psa_export_public_key_iop_abort, psa_key_agreement_iop_init, psa_key_agreement_iop_setup,
  psa_key_agreement_iop_complete, psa_key_agreement_iop_get_num_ops, psa_key_agreement_iop_abort,
} from './iop.js';
export type { psa_generate_key_iop_t, psa_export_public_key_iop_t, psa_key_agreement_iop_t } from './iop.js';

// Curve conversions (`mbedtls/psa_util.h`)
export { mbedtls_ecc_group_to_psa } from './ecc-conversion.js';

// Random generation
export { psa_generate_random } from './random.js';

// Internal Trusted Storage (`psa/internal_trusted_storage.h`)
export { psa_its_set, psa_its_get, psa_its_get_info, psa_its_remove } from './its.js';
export type { psa_storage_uid_t, psa_storage_info_t } from './its.js';
export {
  PSA_STORAGE_FLAG_NONE, PSA_STORAGE_FLAG_WRITE_ONCE, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION,
} from '../storage/its.js';

// Key slot statistics (Mbed TLS)
export { mbedtls_psa_get_stats } from './stats.js';
export type { mbedtls_psa_stats_t } from './stats.js';
