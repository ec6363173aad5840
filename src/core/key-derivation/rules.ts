/**
 * The static rules of `psa_key_derivation_setup` and of key inputs, as in
 * Mbed TLS (`psa_crypto.c`): which KDFs and key agreements are supported,
 * each KDF's initial (maximum) capacity, and which key types each input step
 * accepts. The KDF itself runs in a driver (`keyDerivationSetup`).
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ALG_CMAC,
  PSA_ALG_ECDH,
  PSA_ALG_FFDH,
  PSA_ALG_GET_HASH,
  PSA_ALG_IS_HKDF,
  PSA_ALG_IS_HKDF_EXPAND,
  PSA_ALG_IS_HKDF_EXTRACT,
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_IS_KEY_DERIVATION,
  PSA_ALG_IS_PBKDF2_HMAC,
  PSA_ALG_IS_RAW_KEY_AGREEMENT,
  PSA_ALG_IS_TLS12_PRF,
  PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_ALG_KEY_AGREEMENT_GET_BASE,
  PSA_ALG_KEY_AGREEMENT_GET_KDF,
  PSA_ALG_PBKDF2_AES_CMAC_PRF_128,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_TLS12_ECJPAKE_TO_PMS,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_KEY_DERIVATION_UNLIMITED_CAPACITY,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_NONE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_MAC_LENGTH,
  describe,
} from '../../values/index.js';
import { PSA_ALG_IS_SRP_PASSWORD_HASH } from '../../values/srp.js';
import { PSA_ALG_IS_WPA3_SAE_H2E } from '../../values/alg-predicates.js';
import {
  PSA_ALG_IS_SP800_108_COUNTER_HMAC,
  PSA_ALG_SP800_108_COUNTER_CMAC,
  PSA_KEY_DERIVATION_INPUT_CONTEXT,
  PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_CAMELLIA,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_SM4,
} from '../../values/index.js';

/** Whether `kdf` is one of the SP 800-108 counter-mode KDFs (HMAC family or CMAC). */
function isSp800108(kdf: number): boolean {
  return PSA_ALG_IS_SP800_108_COUNTER_HMAC(kdf) || kdf === PSA_ALG_SP800_108_COUNTER_CMAC;
}

const UINT32_MAX = 0xffffffff;
/** The initial (and largest) capacity of both SP 800-108 KDFs: 2^29 − 1 bytes, so that L (in bits) fits 32 bits. */
const SP800_108_MAX_CAPACITY = 0x1fffffff;
/** The capacity of a WPA3-SAE H2E derivation: the size of the largest password token (x ‖ y on P-521). */
const WPA3_SAE_H2E_CAPACITY = 2 * 66;

/** The KDF of an operation algorithm: the KDF part of a key agreement + KDF, else `alg` itself. */
export function kdfAlgOf(alg: number): number {
  return PSA_ALG_IS_KEY_AGREEMENT(alg) ? PSA_ALG_KEY_AGREEMENT_GET_KDF(alg) : alg;
}

/** `is_kdf_alg_supported`: the KDF families this package implements. */
function isKdfSupported(kdf: number): boolean {
  return PSA_ALG_IS_HKDF(kdf) || PSA_ALG_IS_HKDF_EXTRACT(kdf) || PSA_ALG_IS_HKDF_EXPAND(kdf)
    || PSA_ALG_IS_TLS12_PRF(kdf) || PSA_ALG_IS_TLS12_PSK_TO_MS(kdf) || kdf === PSA_ALG_TLS12_ECJPAKE_TO_PMS
    || PSA_ALG_IS_PBKDF2_HMAC(kdf) || kdf === PSA_ALG_PBKDF2_AES_CMAC_PRF_128
    || isSp800108(kdf) || PSA_ALG_IS_WPA3_SAE_H2E(kdf) || PSA_ALG_IS_SRP_PASSWORD_HASH(kdf);
}

/** `psa_key_derivation_set_maximum_capacity`: the initial capacity of `kdf` (NOT_SUPPORTED for an unsupported hash). */
function maximumCapacity(kdf: number, fn: string): number {
  if (kdf === PSA_ALG_TLS12_ECJPAKE_TO_PMS) return PSA_HASH_LENGTH(PSA_ALG_SHA_256);
  if (kdf === PSA_ALG_PBKDF2_AES_CMAC_PRF_128) return UINT32_MAX * PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_CMAC);
  if (kdf === PSA_ALG_SP800_108_COUNTER_CMAC) return SP800_108_MAX_CAPACITY;
  const hash = PSA_ALG_GET_HASH(kdf);
  const hashSize = PSA_HASH_LENGTH(hash);
  // A hash the drivers lack is NOT_SUPPORTED at their `keyDerivationSetup`.
  if (hashSize === 0) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(kdf, 'alg')} is not supported`);
  if (PSA_ALG_IS_HKDF(kdf) || PSA_ALG_IS_HKDF_EXPAND(kdf)) return 255 * hashSize;
  if (PSA_ALG_IS_HKDF_EXTRACT(kdf)) return hashSize;
  const tlsHash = hash === PSA_ALG_SHA_256 || hash === PSA_ALG_SHA_384;
  // Mbed TLS gives the TLS 1.2 PRF the capacity SIZE_MAX (its vectors set that capacity and
  // expect SUCCESS); the output itself stops after 255 blocks, in the driver's block generator
  // (`psa_key_derivation_tls12_prf_generate_next_block`: CORRUPTION_DETECTED past it).
  if (PSA_ALG_IS_TLS12_PRF(kdf) && tlsHash) return PSA_KEY_DERIVATION_UNLIMITED_CAPACITY;
  if (PSA_ALG_IS_TLS12_PSK_TO_MS(kdf) && tlsHash) return 48;
  if (PSA_ALG_IS_PBKDF2_HMAC(kdf)) return UINT32_MAX * hashSize;
  if (PSA_ALG_IS_SP800_108_COUNTER_HMAC(kdf)) return SP800_108_MAX_CAPACITY;
  // One password token key; its size is the largest token (P-521: 132 bytes).
  if (PSA_ALG_IS_WPA3_SAE_H2E(kdf)) return WPA3_SAE_H2E_CAPACITY;
  // One SRP key pair: the password hash, one hash long.
  if (PSA_ALG_IS_SRP_PASSWORD_HASH(kdf)) return hashSize;
  return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(kdf, 'alg')} is not supported`);
}

/**
 * The checks of `psa_key_derivation_setup` for `alg`: a KDF, or a
 * key agreement (ECDH, FFDH) combined with a KDF that takes free-form
 * secrets. Returns the initial capacity. INVALID_ARGUMENT for a raw key
 * agreement or a non-derivation algorithm, NOT_SUPPORTED for what this
 * package does not implement.
 */
export function setupCapacity(alg: number, fn: string): number {
  if (PSA_ALG_IS_RAW_KEY_AGREEMENT(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} has no KDF`);
  if (PSA_ALG_IS_KEY_AGREEMENT(alg)) {
    const ka = PSA_ALG_KEY_AGREEMENT_GET_BASE(alg);
    if (ka !== PSA_ALG_ECDH && ka !== PSA_ALG_FFDH) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(ka, 'alg')} is not supported`);
    const kdf = PSA_ALG_KEY_AGREEMENT_GET_KDF(alg);
    if (kdf === PSA_ALG_TLS12_ECJPAKE_TO_PMS || kdf === PSA_ALG_SP800_108_COUNTER_CMAC) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(kdf, 'alg')} cannot follow a key agreement`);
    }
    if (!isKdfSupported(kdf)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(kdf, 'alg')} is not supported`);
    return maximumCapacity(kdf, fn);
  }
  if (!PSA_ALG_IS_KEY_DERIVATION(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a key derivation algorithm`);
  if (!isKdfSupported(alg)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
  return maximumCapacity(alg, fn);
}

/**
 * `psa_key_derivation_check_input_type`: whether a key of `keyType`
 * (`PSA_KEY_TYPE_NONE` for bytes) may be given as `step`. Secrets are DERIVE
 * keys; a password is a PASSWORD or DERIVE key; salts, labels, infos and
 * seeds are RAW_DATA keys.
 */
export function inputTypeAllowed(step: number, keyType: number): boolean {
  if (keyType === PSA_KEY_TYPE_NONE) return true;
  switch (step) {
    case PSA_KEY_DERIVATION_INPUT_SECRET:
    case PSA_KEY_DERIVATION_INPUT_OTHER_SECRET:
      return keyType === PSA_KEY_TYPE_DERIVE;
    case PSA_KEY_DERIVATION_INPUT_LABEL:
    case PSA_KEY_DERIVATION_INPUT_SALT:
    case PSA_KEY_DERIVATION_INPUT_INFO:
    case PSA_KEY_DERIVATION_INPUT_SEED:
      return keyType === PSA_KEY_TYPE_RAW_DATA;
    case PSA_KEY_DERIVATION_INPUT_PASSWORD:
      return keyType === PSA_KEY_TYPE_PASSWORD || keyType === PSA_KEY_TYPE_DERIVE;
    default:
      return false;
  }
}

/**
 * SP 800-108 input key types (PSA 1.5 §10.6): the HMAC variant's SECRET is
 * an HMAC or DERIVE key or bytes; the CMAC variant's SECRET must be an AES
 * key given with `psa_key_derivation_input_key` (bytes are
 * INVALID_ARGUMENT, other block ciphers NOT_SUPPORTED); LABEL and CONTEXT
 * are bytes or RAW_DATA keys.
 */
function sp800108InputAllowed(kdf: number, step: number, keyType: number, fn: string): boolean {
  if (step !== PSA_KEY_DERIVATION_INPUT_SECRET) {
    return keyType === PSA_KEY_TYPE_NONE || ((step === PSA_KEY_DERIVATION_INPUT_LABEL || step === PSA_KEY_DERIVATION_INPUT_CONTEXT) && keyType === PSA_KEY_TYPE_RAW_DATA);
  }
  if (kdf !== PSA_ALG_SP800_108_COUNTER_CMAC) return keyType === PSA_KEY_TYPE_NONE || keyType === PSA_KEY_TYPE_HMAC || keyType === PSA_KEY_TYPE_DERIVE;
  if (keyType === PSA_KEY_TYPE_AES) return true;
  if (keyType === PSA_KEY_TYPE_ARIA || keyType === PSA_KEY_TYPE_CAMELLIA || keyType === PSA_KEY_TYPE_SM4) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: SP 800-108 CMAC is implemented with AES keys only`);
  }
  return false;
}

/**
 * Whether input `step` of a `keyType` key (`PSA_KEY_TYPE_NONE` for bytes)
 * is allowed for the operation's KDF `kdf`: the per-algorithm rules where
 * the spec has them (SP 800-108), else `inputTypeAllowed`.
 */
export function inputAllowed(kdf: number, step: number, keyType: number, fn: string): boolean {
  if (isSp800108(kdf)) return sp800108InputAllowed(kdf, step, keyType, fn);
  return inputTypeAllowed(step, keyType);
}
