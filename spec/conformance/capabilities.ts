/**
 * What this build of psa-crypto provides, in the vocabulary of the Mbed TLS
 * configuration: the macros a C build of the same feature set would define.
 * The conformance runner decides from this (and only this) which `depends_on`
 * tokens hold. One entry per line: extend it as mechanisms land.
 *
 * Deliberately absent (their cases skip as "dependency not met"):
 * - MBEDTLS_THREADING_PTHREAD: no threads;
 * - MBEDTLS_TEST_HOOKS: no internal test hooks;
 * - PSA_CRYPTO_DRIVER_TEST: no test driver (opaque location 0x7fffff);
 * - MBEDTLS_PSA_STATIC_KEY_SLOTS, MBEDTLS_PSA_KEY_STORE_DYNAMIC: the key store
 *   is the hybrid one: a fixed number of slots shared by volatile keys and
 *   cached persistent keys, volatile ids = PSA_KEY_ID_VOLATILE_MIN + slot index;
 * - MBEDTLS_PSA_CRYPTO_KEY_ID_ENCODES_OWNER: key ids carry no owner;
 * - MBEDTLS_PSA_CRYPTO_EXTERNAL_RNG, MBEDTLS_ENTROPY_NV_SEED: the random
 *   generator is not Mbed TLS's entropy/DRBG stack;
 * - MBEDTLS_PSA_CRYPTO_SE_C, MBEDTLS_PSA_CRYPTO_BUILTIN_KEYS,
 *   MBEDTLS_ECP_RESTARTABLE, MBEDTLS_PSA_CRYPTO_SPM;
 * - every PSA_WANT_ALG_* of a MAC, cipher, AEAD, signature, asymmetric
 *   encryption, key agreement, key derivation or PAKE algorithm, and every
 *   asymmetric key type (import of RSA/ECC/DH keys is not supported yet).
 */

import { AEAD_CAPABILITIES } from './capabilities/aead.js';
import { DH_KEY_CAPABILITIES } from './capabilities/keys-dh.js';
import { ECC_KEY_CAPABILITIES } from './capabilities/keys-ecc.js';
import { RSA_KEY_CAPABILITIES } from './capabilities/keys-rsa.js';
import { ASYMMETRIC_ENCRYPTION_CAPABILITIES } from './capabilities/asymmetric-encryption.js';
import { KEY_AGREEMENT_CAPABILITIES } from './capabilities/key-agreement.js';
import { KEY_DERIVATION_CAPABILITIES } from './capabilities/key-derivation.js';
import { SIGN_CAPABILITIES } from './capabilities/sign.js';
import { SIGN_RSA_CAPABILITIES } from './capabilities/sign-rsa.js';
import { CIPHER_CAPABILITIES } from './capabilities/cipher.js';
import { MAC_CAPABILITIES } from './capabilities/mac.js';
import { WRAP_CAPABILITIES } from './capabilities/wrap.js';
import { XOF_CAPABILITIES } from './capabilities/xof.js';
import { PAKE_CAPABILITIES } from './capabilities/pake.js';

/** Configuration macros that are defined (`#if defined(NAME)` holds). */
export const DEFINED: ReadonlySet<string> = new Set([
  ...MAC_CAPABILITIES,
  ...CIPHER_CAPABILITIES,
  ...AEAD_CAPABILITIES,
  ...WRAP_CAPABILITIES,
  ...XOF_CAPABILITIES,
  ...ECC_KEY_CAPABILITIES,
  ...RSA_KEY_CAPABILITIES,
  ...DH_KEY_CAPABILITIES,
  ...SIGN_CAPABILITIES,
  ...SIGN_RSA_CAPABILITIES,
  ...ASYMMETRIC_ENCRYPTION_CAPABILITIES,
  ...KEY_AGREEMENT_CAPABILITIES,
  ...KEY_DERIVATION_CAPABILITIES,
  ...PAKE_CAPABILITIES,

  // Core and storage.
  'MBEDTLS_PSA_CRYPTO_C',
  'MBEDTLS_PSA_CRYPTO_CLIENT',
  'MBEDTLS_PSA_CRYPTO_STORAGE_C',
  'MBEDTLS_PSA_ITS_FILE_C',

  // Hash algorithms.
  'PSA_WANT_ALG_MD5',
  'PSA_WANT_ALG_RIPEMD160',
  'PSA_WANT_ALG_SHA_1',
  'PSA_WANT_ALG_SHA_224',
  'PSA_WANT_ALG_SHA_256',
  'PSA_WANT_ALG_SHA_384',
  'PSA_WANT_ALG_SHA_512',
  'PSA_WANT_ALG_SHA_512_224',
  'PSA_WANT_ALG_SHA_512_256',
  'PSA_WANT_ALG_SHA3_224',
  'PSA_WANT_ALG_SHA3_256',
  'PSA_WANT_ALG_SHA3_384',
  'PSA_WANT_ALG_SHA3_512',
  'PSA_WANT_ALG_SHAKE256_512',
  // Hashes Mbed TLS does not have (no upstream case depends on them).
  'PSA_WANT_ALG_BLAKE2S_HASH256',
  'PSA_WANT_ALG_BLAKE2B_HASH512',
  'PSA_WANT_ALG_AES_MMO_ZIGBEE',
  'PSA_WANT_ALG_ASCON_HASH256',
  'PSA_WANT_ALG_SM3',

  // The hashes are computed by the built-in (software) implementation.
  'MBEDTLS_PSA_BUILTIN_HASH',
  'MBEDTLS_PSA_BUILTIN_ALG_MD5',
  'MBEDTLS_PSA_BUILTIN_ALG_RIPEMD160',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_1',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_224',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_256',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_384',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_512',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_512_224',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA_512_256',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA3_224',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA3_256',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA3_384',
  'MBEDTLS_PSA_BUILTIN_ALG_SHA3_512',
  'MBEDTLS_PSA_BUILTIN_ALG_SHAKE256_512',

  // Key types: the unstructured ones that import/export/generate/copy accept.
  'PSA_WANT_KEY_TYPE_RAW_DATA',
  'PSA_WANT_KEY_TYPE_HMAC',
  'PSA_WANT_KEY_TYPE_DERIVE',
  'PSA_WANT_KEY_TYPE_PASSWORD',
  'PSA_WANT_KEY_TYPE_PASSWORD_HASH',
  'PSA_WANT_KEY_TYPE_PEPPER',
  'PSA_WANT_KEY_TYPE_AES',
  'PSA_WANT_KEY_TYPE_ARIA',
  'PSA_WANT_KEY_TYPE_CAMELLIA',
  'PSA_WANT_KEY_TYPE_DES',
  'PSA_WANT_KEY_TYPE_CHACHA20',
  'PSA_WANT_KEY_TYPE_ASCON',
]);

/**
 * Integer-valued configuration names, as `#if NAME op VALUE` and argument
 * expressions see them. Names also exported by `src/values` take their value
 * from there; these are the build's choices for the others.
 */
export const CONFIG_VALUES: ReadonlyMap<string, bigint> = new Map([
  // Key store: 32 slots, no slot reserved for internal keys.
  ['MBEDTLS_PSA_KEY_SLOT_COUNT', 32n],
  ['MBEDTLS_TEST_PSA_INTERNAL_KEYS', 0n],
  // Built-in key id range (vendor range).
  ['MBEDTLS_PSA_KEY_ID_BUILTIN_MIN', 0x7fff0000n],
  ['MBEDTLS_PSA_KEY_ID_BUILTIN_MAX', 0x7fffefffn],
  // Location of the opaque test driver (the driver itself is not built).
  ['PSA_CRYPTO_TEST_DRIVER_LOCATION', 0x7fffffn],
  // Largest single request to the random generator before it reseeds (Mbed TLS default).
  ['MBEDTLS_CTR_DRBG_MAX_REQUEST', 1024n],
  // Limits of the PSA build.
  ['PSA_MAX_KEY_BITS', 0xfff8n],
  // The largest key buffer the key store holds: a key of PSA_MAX_KEY_BITS (8191 bytes; every
  // structured key format is smaller). The store has no separate buffer limit.
  ['MBEDTLS_PSA_KEY_BUFFER_MAX_SIZE', 8191n],
  ['PSA_VENDOR_RSA_MAX_KEY_BITS', 4096n],
  ['PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS', 1024n],
  ['PSA_VENDOR_PBKDF2_MAX_ITERATIONS', 0xffffffffn],
  ['PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED', 0xffffffffn],
  ['PSA_CRYPTO_ITS_RANDOM_SEED_UID', 0xffffff52n],
  ['PSA_CRYPTO_MAX_STORAGE_SIZE', 8191n],
]);

/** Whether `#if defined(name)` holds for a configuration name of this build. */
export function isConfigDefined(name: string): boolean {
  return DEFINED.has(name) || CONFIG_VALUES.has(name);
}
