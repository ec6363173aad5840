/**
 * Evaluation of `depends_on` tokens against this build's capabilities, plus
 * the dependencies that the upstream `.function` files declare for a whole
 * suite (`BEGIN_DEPENDENCIES`) or for one test function (`BEGIN_CASE`).
 *
 * Token grammar: `NAME` (defined), `!NAME` (not defined), or an expression
 * such as `NAME op VALUE` evaluated like `#if`.
 */
import { isConfigDefined } from './capabilities.js';
import { TEST_CONSTANTS } from './constants.js';
import { UnknownIdentifierError, evaluate, isKnownName } from './expr.js';
import type { Scope } from './expr.js';

/** Dependencies of every case of a suite (the `.function` file's `BEGIN_DEPENDENCIES`). */
export const SUITE_DEPENDENCIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['psa_crypto', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_attributes', ['MBEDTLS_PSA_CRYPTO_CLIENT']],
  ['psa_crypto_constant_time', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_driver_wrappers', ['MBEDTLS_PSA_CRYPTO_C', 'PSA_CRYPTO_DRIVER_TEST']],
  ['psa_crypto_ecp', ['MBEDTLS_PSA_CRYPTO_C', 'MBEDTLS_PSA_BUILTIN_KEY_TYPE_ECC_PUBLIC_KEY']],
  ['psa_crypto_entropy', []],
  ['psa_crypto_generate_key', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_hash', ['MBEDTLS_PSA_CRYPTO_CLIENT']],
  ['psa_crypto_init', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_low_hash', ['MBEDTLS_PSA_BUILTIN_HASH']],
  ['psa_crypto_memory', ['MBEDTLS_PSA_CRYPTO_C', 'MBEDTLS_TEST_HOOKS']],
  ['psa_crypto_metadata', ['MBEDTLS_PSA_CRYPTO_CLIENT']],
  ['psa_crypto_not_supported', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_op_fail', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_pake', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_persistent_key', ['MBEDTLS_PSA_CRYPTO_C', 'MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  ['psa_crypto_slot_management', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_storage_format', ['MBEDTLS_PSA_CRYPTO_C', 'MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  ['psa_crypto_util', []],
  ['psa_its', ['MBEDTLS_PSA_ITS_FILE_C']],
]);

/**
 * Dependencies of single test functions (`BEGIN_CASE depends_on:`), keyed
 * `suite.function`. Suite files may restate them in `TestFunction.depends`;
 * both lists apply.
 */
export const FUNCTION_DEPENDENCIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['psa_crypto.cipher_bad_order', ['PSA_WANT_KEY_TYPE_AES', 'PSA_WANT_ALG_CBC_PKCS7']],
  ['psa_crypto.concurrently_generate_keys', ['MBEDTLS_THREADING_PTHREAD']],
  ['psa_crypto.concurrently_use_same_persistent_key', ['MBEDTLS_THREADING_PTHREAD', 'MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  ['psa_crypto.derive_ecjpake_to_pms', ['PSA_WANT_ALG_SHA_256', 'PSA_WANT_ALG_TLS12_ECJPAKE_TO_PMS']],
  ['psa_crypto.ecc_conversion_functions', ['PSA_WANT_KEY_TYPE_ECC_PUBLIC_KEY']],
  ['psa_crypto.ecc_conversion_functions_fail', ['PSA_WANT_KEY_TYPE_ECC_PUBLIC_KEY']],
  ['psa_crypto.ecjpake_rounds', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto.ecjpake_rounds_inject', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto.ecjpake_setup', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto.hash_bad_order', ['PSA_WANT_ALG_SHA_256']],
  ['psa_crypto.hash_clone_source_state', ['PSA_WANT_ALG_SHA_256']],
  ['psa_crypto.hash_clone_target_state', ['PSA_WANT_ALG_SHA_256']],
  ['psa_crypto.hash_finish_bad_args', ['PSA_WANT_ALG_SHA_256']],
  ['psa_crypto.hash_verify_bad_args', ['PSA_WANT_ALG_SHA_256']],
  ['psa_crypto.import_large_key', ['!MBEDTLS_PSA_STATIC_KEY_SLOTS']],
  ['psa_crypto.import_rsa_made_up', ['MBEDTLS_ASN1_WRITE_C']],
  ['psa_crypto.interruptible_signverify_hash_edgecase_tests', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.interruptible_signverify_hash_ops_tests', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.interruptible_signverify_hash_state_test', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.key_agreement_interruptible', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.mac_bad_order', ['PSA_WANT_KEY_TYPE_HMAC', 'PSA_WANT_ALG_HMAC', 'PSA_WANT_ALG_SHA_256']],
  ['psa_crypto.persistent_key_load_key_from_storage', ['MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  ['psa_crypto.sign_hash_fail_interruptible', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.sign_hash_interruptible', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.sign_verify_hash_interruptible', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.verify_hash_fail_interruptible', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto.verify_hash_interruptible', ['MBEDTLS_ECP_RESTARTABLE']],
  ['psa_crypto_driver_wrappers.builtin_key_export', ['PSA_CRYPTO_DRIVER_TEST', 'MBEDTLS_PSA_CRYPTO_BUILTIN_KEYS']],
  ['psa_crypto_driver_wrappers.builtin_pubkey_export', ['PSA_CRYPTO_DRIVER_TEST', 'MBEDTLS_PSA_CRYPTO_BUILTIN_KEYS']],
  ['psa_crypto_ecp.generate_key', ['MBEDTLS_PSA_BUILTIN_KEY_TYPE_ECC_KEY_PAIR_GENERATE']],
  ['psa_crypto_entropy.external_rng_failure_generate', ['MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG']],
  ['psa_crypto_entropy.external_rng_failure_sign', ['MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG']],
  ['psa_crypto_hash.hmac', ['MBEDTLS_PSA_CRYPTO_C']],
  ['psa_crypto_init.create_nv_seed', ['MBEDTLS_ENTROPY_NV_SEED', '!MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG']],
  ['psa_crypto_init.custom_entropy_sources', ['!MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG']],
  ['psa_crypto_init.entropy_from_nv_seed', ['MBEDTLS_ENTROPY_NV_SEED', '!MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG']],
  ['psa_crypto_init.fake_entropy_source', ['!MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG']],
  ['psa_crypto_init.psa_threaded_init', ['MBEDTLS_THREADING_PTHREAD']],
  ['psa_crypto_metadata.dh_key_family', ['PSA_KEY_TYPE_DH_PUBLIC_KEY', 'PSA_KEY_TYPE_DH_KEY_PAIR']],
  ['psa_crypto_metadata.ecc_key_family', ['PSA_KEY_TYPE_ECC_PUBLIC_KEY', 'PSA_KEY_TYPE_ECC_KEY_PAIR']],
  ['psa_crypto_pake.ecjpake_rounds', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_pake.ecjpake_rounds_inject', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_pake.ecjpake_setup', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_pake.pake_input_getters_cipher_suite', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_pake.pake_input_getters_password', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_pake.pake_input_getters_peer', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_pake.pake_input_getters_user', ['PSA_WANT_ALG_JPAKE']],
  ['psa_crypto_slot_management.create_existent', ['MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  ['psa_crypto_slot_management.fill_key_store', ['MAX_VOLATILE_KEYS']],
  ['psa_crypto_slot_management.key_slot_eviction_to_import_new_key', ['MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  [
    'psa_crypto_slot_management.non_reusable_key_slots_integrity_in_case_of_key_slot_starvation',
    ['MBEDTLS_PSA_CRYPTO_STORAGE_C', '!MBEDTLS_PSA_KEY_STORE_DYNAMIC'],
  ],
  ['psa_crypto_slot_management.persistent_slot_lifecycle', ['MBEDTLS_PSA_CRYPTO_STORAGE_C']],
  ['psa_crypto_util.ecdsa_der_to_raw', ['PSA_HAVE_ALG_SOME_ECDSA']],
  ['psa_crypto_util.ecdsa_raw_to_der', ['PSA_HAVE_ALG_SOME_ECDSA']],
  ['psa_crypto_util.ecdsa_raw_to_der_incremental', ['PSA_HAVE_ALG_SOME_ECDSA']],
]);

/** Outcome of a dependency check: `undefined` = all met, otherwise why the case skips. */
export type DependencyVerdict = string | undefined;

/**
 * Whether `#if defined(name)` holds: a configuration macro of this build, a
 * test-local name, or a PSA macro that `src/values` provides (headers define
 * every `PSA_*` encoding macro unconditionally).
 */
export function isDefined(name: string, scope: Scope): boolean {
  return isConfigDefined(name) || TEST_CONSTANTS.has(name) || isKnownName(scope, name);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Check one token; returns the skip reason when it does not hold. */
export function checkToken(token: string, scope: Scope): DependencyVerdict {
  const t = token.trim();
  if (t.startsWith('!') && NAME.test(t.slice(1).trim())) {
    return isDefined(t.slice(1).trim(), scope) ? `dependency not met: ${t}` : undefined;
  }
  if (NAME.test(t)) {
    return isDefined(t, scope) ? undefined : `dependency not met: ${t}`;
  }
  try {
    return evaluate(t, scope) !== 0n ? undefined : `dependency not met: ${t}`;
  } catch (err) {
    if (err instanceof UnknownIdentifierError) return `unknown identifier ${err.identifier}`;
    throw err;
  }
}

/** Check tokens in order; the first one that fails decides the reason. */
export function checkTokens(tokens: readonly string[], scope: Scope): DependencyVerdict {
  for (const token of tokens) {
    const verdict = checkToken(token, scope);
    if (verdict !== undefined) return verdict;
  }
  return undefined;
}
