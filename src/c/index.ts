/**
 * `psa-crypto/c`: the PSA Crypto API in C shape, for line-by-line ports of C
 * code. Every function has its C name and parameter order and returns the
 * `psa_status_t` number; nothing throws, whatever the arguments: a value of
 * the wrong type (a detached or Proxy-wrapped buffer, a frozen holder, a
 * Symbol) is `PSA_ERROR_INVALID_ARGUMENT`, an operation object of another
 * kind `PSA_ERROR_BAD_STATE` (`holder.ts`), and the `void` accessors and the
 * getters have a defined answer for a non-structure (`attributes.ts`: a
 * setter does nothing, a getter returns 0).
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

export * from '../values/index.js';

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
