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
 * @module
 */
export * from '../values/index.js';
export { psa_crypto_init, mbedtls_psa_crypto_free, type Out } from './instance.js';
export * from './attributes.js';
export * from './keys.js';
export * from './hash.js';
export * from './mac.js';
export * from './cipher.js';
export * from './aead.js';
export * from './wrap.js';
export * from './xof.js';
export * from './sign.js';
export * from './asymmetric-encryption.js';
export * from './key-agreement.js';
export * from './encapsulation.js';
export * from './key-derivation.js';
export * from './pake.js';
export * from './iop.js';
export * from './ecc-conversion.js';
export * from './random.js';
export * from './its.js';
export * from './stats.js';
export { PSA_STORAGE_FLAG_NONE, PSA_STORAGE_FLAG_WRITE_ONCE, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION } from '../storage/its.js';
