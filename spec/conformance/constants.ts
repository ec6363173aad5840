/**
 * Names that the upstream `.function` files define for their own use and that
 * appear in `.data` arguments or dependencies. They are not PSA values and
 * not build options: they only exist so that cases can name a test mode.
 */

/** Value of a test-local name, by C name. */
export const TEST_CONSTANTS: ReadonlyMap<string, bigint> = new Map<string, bigint>([
  // psa_crypto, driver_wrappers: the location of the opaque test driver.
  ['TEST_DRIVER_LOCATION', 0x7fffffn],
  // derive_input: pseudo key type "feed this step with input_integer".
  ['INPUT_INTEGER', 0x10000n],
  // A placeholder argument a test must not use.
  ['UNUSED', 0xdeadbeefn],
  // persistent_key_load_key_from_storage: how the key is created.
  ['IMPORT_KEY', 0n],
  ['GENERATE_KEY', 1n],
  ['DERIVE_KEY', 2n],
  // AEAD multi-part: when the lengths are set.
  ['DO_NOT_SET_LENGTHS', 0n],
  ['SET_LENGTHS_BEFORE_NONCE', 1n],
  ['SET_LENGTHS_AFTER_NONCE', 2n],
  // slot_management: how a key is invalidated.
  ['INVALIDATE_BY_DESTROYING', 0n],
  ['INVALIDATE_BY_PURGING', 1n],
  ['INVALIDATE_BY_SHUTDOWN', 2n],
  ['INVALIDATE_BY_DESTROYING_WITH_SHUTDOWN', 3n],
  ['INVALIDATE_BY_PURGING_WITH_SHUTDOWN', 4n],
  // slot_management create_existent.
  ['KEEP_OPEN', 0n],
  ['PURGE_BEFORE', 1n],
  ['PURGE_AFTER', 2n],
  // slot_management: with a static key store every slot may hold a volatile key.
  ['MAX_VOLATILE_KEYS', 32n],
  // storage_format key_storage_read flags.
  ['TEST_FLAG_EXERCISE', 1n],
  ['TEST_FLAG_READ_ONLY', 2n],
  ['TEST_FLAG_OVERSIZED_KEY', 4n],
  // metadata: algorithm classification flags, one bit per PSA_ALG_IS_xxx macro.
  ['ALG_IS_VENDOR_DEFINED', 1n << 0n],
  ['ALG_IS_HMAC', 1n << 1n],
  ['ALG_IS_BLOCK_CIPHER_MAC', 1n << 2n],
  ['ALG_IS_STREAM_CIPHER', 1n << 3n],
  ['ALG_IS_RSA_PKCS1V15_SIGN', 1n << 4n],
  ['ALG_IS_RSA_PSS', 1n << 5n],
  ['ALG_IS_RSA_PSS_ANY_SALT', 1n << 6n],
  ['ALG_IS_RSA_PSS_STANDARD_SALT', 1n << 7n],
  ['ALG_IS_DSA', 1n << 8n],
  ['ALG_DSA_IS_DETERMINISTIC', 1n << 9n],
  ['ALG_IS_DETERMINISTIC_DSA', 1n << 10n],
  ['ALG_IS_RANDOMIZED_DSA', 1n << 11n],
  ['ALG_IS_ECDSA', 1n << 12n],
  ['ALG_ECDSA_IS_DETERMINISTIC', 1n << 13n],
  ['ALG_IS_DETERMINISTIC_ECDSA', 1n << 14n],
  ['ALG_IS_RANDOMIZED_ECDSA', 1n << 15n],
  ['ALG_IS_HASH_EDDSA', 1n << 16n],
  ['ALG_IS_SIGN_HASH', 1n << 17n],
  ['ALG_IS_HASH_AND_SIGN', 1n << 18n],
  ['ALG_IS_RSA_OAEP', 1n << 19n],
  ['ALG_IS_HKDF', 1n << 20n],
  ['ALG_IS_HKDF_EXTRACT', 1n << 21n],
  ['ALG_IS_HKDF_EXPAND', 1n << 22n],
  ['ALG_IS_FFDH', 1n << 23n],
  ['ALG_IS_ECDH', 1n << 24n],
  ['ALG_IS_WILDCARD', 1n << 25n],
  ['ALG_IS_RAW_KEY_AGREEMENT', 1n << 26n],
  ['ALG_IS_AEAD_ON_BLOCK_CIPHER', 1n << 27n],
  ['ALG_IS_TLS12_PRF', 1n << 28n],
  ['ALG_IS_TLS12_PSK_TO_MS', 1n << 29n],
  // metadata: key type classification flags.
  ['KEY_TYPE_IS_VENDOR_DEFINED', 1n << 0n],
  ['KEY_TYPE_IS_UNSTRUCTURED', 1n << 1n],
  ['KEY_TYPE_IS_PUBLIC_KEY', 1n << 2n],
  ['KEY_TYPE_IS_KEY_PAIR', 1n << 3n],
  ['KEY_TYPE_IS_RSA', 1n << 4n],
  ['KEY_TYPE_IS_DSA', 1n << 5n],
  ['KEY_TYPE_IS_ECC', 1n << 6n],
  ['KEY_TYPE_IS_DH', 1n << 7n],
  // metadata: lifetime classification flags.
  ['KEY_LIFETIME_IS_VOLATILE', 1n << 0n],
  ['KEY_LIFETIME_IS_READ_ONLY', 1n << 1n],
  // 3.6 SE HAL sign_verify flows.
  ['SIGN_IN_SOFTWARE_AND_PARALLEL_CREATION', 0n],
  ['SIGN_IN_DRIVER_AND_PARALLEL_CREATION', 1n],
  ['SIGN_IN_DRIVER_THEN_EXPORT_PUBLIC', 2n],
  // C limits of a 64-bit host.
  ['SIZE_MAX', (1n << 64n) - 1n],
  ['INT_MAX', (1n << 31n) - 1n],
  ['UINT32_MAX', (1n << 32n) - 1n],
  // psa_crypto_util: Mbed TLS ASN.1 error codes (TF-PSA-Crypto 1.0 include/mbedtls/asn1.h;
  // BUF_TOO_SMALL is PSA_ERROR_BUFFER_TOO_SMALL there, include/mbedtls/compat-3-crypto.h).
  ['MBEDTLS_ERR_ASN1_OUT_OF_DATA', -0x60n],
  ['MBEDTLS_ERR_ASN1_UNEXPECTED_TAG', -0x62n],
  ['MBEDTLS_ERR_ASN1_INVALID_LENGTH', -0x64n],
  ['MBEDTLS_ERR_ASN1_LENGTH_MISMATCH', -0x66n],
  ['MBEDTLS_ERR_ASN1_INVALID_DATA', -0x68n],
  ['MBEDTLS_ERR_ASN1_BUF_TOO_SMALL', -138n],
  ...pakeErrorCodes(),
]);

/** Test-local arrays whose `ARRAY_LENGTH(...)` appears in arguments. */
export const TEST_ARRAY_LENGTHS: ReadonlyMap<string, bigint> = new Map([
  // 3.6 SE HAL test driver.
  ['ram_slots', 16n],
]);

/** The error-injection enum of the PAKE tests, numbered from 0 in declaration order. */
function pakeErrorCodes(): Array<[string, bigint]> {
  const names = [
    'ERR_NONE',
    'ERR_INJECT_UNINITIALIZED_ACCESS',
    'ERR_INJECT_DUPLICATE_SETUP',
    'ERR_INJECT_SET_USER',
    'ERR_INJECT_SET_PEER',
    'ERR_INJECT_SET_ROLE',
    'ERR_DUPLICATE_SET_USER',
    'ERR_DUPLICATE_SET_PEER',
    'ERR_INJECT_EMPTY_IO_BUFFER',
    'ERR_INJECT_UNKNOWN_STEP',
    'ERR_INJECT_INVALID_FIRST_STEP',
    'ERR_INJECT_LARGE_BUFFER_SIZE',
    'ERR_INJECT_SMALL_BUFFER_SIZE',
    'ERR_INJECT_VALID_OPERATION_AFTER_FAILURE',
    'ERR_INJECT_ANTICIPATE_KEY_DERIVATION_1',
    'ERR_INJECT_ANTICIPATE_KEY_DERIVATION_2',
  ];
  for (const side of ['CLIENT', 'SERVER']) {
    for (const part of ['PART1', 'PART2']) {
      for (const item of ['KEY_SHARE', 'ZK_PUBLIC', 'ZK_PROOF']) {
        names.push(`ERR_INJECT_ROUND1_${side}_${item}_${part}`);
      }
    }
    for (const item of ['KEY_SHARE', 'ZK_PUBLIC', 'ZK_PROOF']) {
      names.push(`ERR_INJECT_ROUND2_${side}_${item}`);
    }
  }
  names.push(
    'ERR_INJECT_EXTRA_OUTPUT',
    'ERR_INJECT_EXTRA_INPUT',
    'ERR_INJECT_EXTRA_OUTPUT_AT_END',
    'ERR_INJECT_EXTRA_INPUT_AT_END',
    'ERR_IN_SETUP',
    'ERR_IN_SET_USER',
    'ERR_IN_SET_PEER',
    'ERR_IN_SET_ROLE',
    'ERR_IN_SET_PASSWORD_KEY',
    'ERR_IN_INPUT',
    'ERR_IN_OUTPUT_KEY_SHARE',
    'ERR_IN_OUTPUT_ZK_PUBLIC',
    'ERR_IN_OUTPUT_ZK_PROOF',
  );
  return names.map((n, i) => [n, BigInt(i)]);
}
