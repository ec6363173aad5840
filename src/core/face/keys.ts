/**
 * Key management methods of `Psa`: `psa_import_key`, `psa_generate_key(_custom)`,
 * `psa_attach_key`, `psa_copy_key`, `psa_destroy_key`, `psa_purge_key`,
 * `psa_export_key`, `psa_export_public_key`, `psa_get_key_attributes` and
 * `psa_check_key_usage` (PSA 1.4). Each checks its JavaScript arguments and
 * calls `keys/management.ts` (`keys/attach.ts`, `keys/usage.ts`), as Mbed
 * TLS's `psa_crypto.c` does.
 *
 * Every method that takes a key id can also give, besides the statuses it
 * lists: `PSA_ERROR_INSUFFICIENT_MEMORY` when a persistent key must be
 * loaded and every key slot is in use, and `PSA_ERROR_STORAGE_FAILURE`,
 * `PSA_ERROR_DATA_CORRUPT` or `PSA_ERROR_DATA_INVALID` when its record
 * cannot be read.
 * @module
 */
import type { GenerateKeyOptions } from '../../drivers/driver.js';
import { PsaError } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { resolveAttributes, type KeyAttributes, type ResolvedKeyAttributes } from '../keys/attributes.js';
import { attachKey as attach } from '../keys/attach.js';
import * as keys from '../keys/management.js';
import { checkKeyUsage } from '../keys/usage.js';
import { checkBytes, checkObject, checkUint } from '../validate.js';
import { api, guardMethods } from './api.js';
import { coreOf } from './instance.js';

/** The key management methods of `Psa`. */
export interface KeyMethods {
  /**
   * `psa_import_key`: returns the new key's id.
   * @param attributes type, policy (usage, alg), lifetime and, for a persistent key, id; `bits` 0 or the size of `data`
   * @param data the key in its PSA export format
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: empty or malformed `data`, bad attributes (a volatile key with an id, a persistent id outside the user range, a size that does not match `data`)
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key type or size no driver imports
   * @throws {PsaError} `PSA_ERROR_ALREADY_EXISTS`: a persistent key with this id exists
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_MEMORY`: every key slot is in use
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_STORAGE`, `PSA_ERROR_STORAGE_FAILURE`: a persistent key cannot be stored
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_GCM }, keyBytes);
   */
  importKey(attributes: KeyAttributes, data: Uint8Array): number;

  /**
   * `psa_generate_key`: returns the new key's id. `options.onProgress`
   * reports the progress of an RSA generation (see `KeyGenerationProgress`);
   * a callback that throws abandons the generation (its `PsaError` is
   * rethrown, anything else is `PSA_ERROR_GENERIC_ERROR`).
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: no size, a public-key type, bad attributes, `options` not an object or `onProgress` not a function
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key type or size no driver generates
   * @throws {PsaError} `PSA_ERROR_ALREADY_EXISTS`: a persistent key with this id exists
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: the entropy source failed
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_MEMORY`, `PSA_ERROR_INSUFFICIENT_STORAGE`, `PSA_ERROR_STORAGE_FAILURE`: no slot, or a persistent key cannot be stored
   * @throws {PsaError} `PSA_ERROR_GENERIC_ERROR`: the progress callback threw something that is not a `PsaError`
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const id = psa.generateKey({
   *   type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256,
   *   usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, alg: PSA_ALG_ECDSA(PSA_ALG_SHA_256),
   * });
   */
  generateKey(attributes: KeyAttributes, options?: GenerateKeyOptions): number;

  /**
   * `psa_generate_key_custom`: generation with custom production parameters; `options` as for `generateKey`.
   * @param custom `psa_custom_key_parameters_t`: `flags` must be 0
   * @param customData for an RSA key pair, the public exponent (big-endian); empty otherwise
   * @throws {PsaError} as `generateKey`; `PSA_ERROR_INVALID_ARGUMENT` also for non-zero flags or custom data for a type that takes none
   */
  generateKeyCustom(attributes: KeyAttributes, custom: keys.CustomKeyParameters, customData: Uint8Array, options?: GenerateKeyOptions): number;

  /**
   * `psa_attach_key`: a volatile key id for key material the implementation
   * already holds in the location of `attributes.lifetime`, named by `label`
   * (its meaning is the location's driver's). Returns the new key's id.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a non-volatile lifetime, or a key whose type or size differs from `attributes`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the location's driver provides no keys to attach
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_MEMORY`: every key slot is in use
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  attachKey(attributes: KeyAttributes, label: Uint8Array): number;

  /**
   * `psa_copy_key`: returns the id of the copy.
   * @param attributes the copy's lifetime, id and policy (intersected with the source's); `type` and `bits` 0 or the source's
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such source key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the source lacks `PSA_KEY_USAGE_COPY`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a type or size other than the source's, or policies with no algorithm in common
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a copy to another location
   * @throws {PsaError} `PSA_ERROR_ALREADY_EXISTS`: a persistent key with the target id exists
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  copyKey(source: number, attributes: KeyAttributes): number;

  /**
   * `psa_destroy_key`.
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key (id 0 is a no-op)
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: a read-only key, or one whose storage entry is write-once (the record stays; its copy in memory is still dropped)
   * @throws {PsaError} `PSA_ERROR_STORAGE_FAILURE`, `PSA_ERROR_DATA_INVALID`: its storage entry cannot be removed
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  destroyKey(id: number): void;

  /**
   * `psa_purge_key`: drop the copy in memory of a persistent or built-in key (it stays in
   * storage); SUCCESS too when it is not loaded.
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key anywhere (the spec's status for an invalid id)
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  purgeKey(id: number): void;

  /**
   * `psa_export_key`: the key in its PSA export format.
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks `PSA_KEY_USAGE_EXPORT` (public keys are always exportable)
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key type, or a secure-element driver, that does not export
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const material = psa.exportKey(id);
   */
  exportKey(id: number): Uint8Array;

  /**
   * `psa_export_public_key`: the public part of an asymmetric key.
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a symmetric key
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key type or driver that cannot derive the public key
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  exportPublicKey(id: number): Uint8Array;

  /**
   * `psa_get_key_attributes`.
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  getKeyAttributes(id: number): ResolvedKeyAttributes;

  /**
   * `psa_check_key_usage` (PSA 1.4): throws unless the key may be used as
   * asked. Answers for the WRAP and UNWRAP usages through the key-wrapping
   * group (KW and KWP with an AES key); no other operation is answered as
   * supported yet.
   * @param usage a single `PSA_KEY_USAGE_xxx` flag
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: not a single usage flag, or `alg` not a specific algorithm for it (`PSA_ALG_NONE` for a key-management usage)
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks `usage` or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the operation is not supported with this key
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  checkKeyUsage(id: number, alg: number, usage: number): void;
}

/** The optional options of `generateKey`: INVALID_ARGUMENT unless an object whose `onProgress` is a function or absent. */
function checkGenerateOptions(options: GenerateKeyOptions | undefined, fn: string): GenerateKeyOptions {
  if (options === undefined) return {};
  const o = checkObject(options, fn, 'options') as GenerateKeyOptions;
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new PsaError(PSA_ERROR_INVALID_ARGUMENT, `${fn}: options.onProgress must be a function`);
  }
  return o.onProgress ? { onProgress: o.onProgress } : {};
}

/** The bodies of `KeyMethods`, assigned to `Psa.prototype`. */
export const keyMethods: KeyMethods & ThisType<KeyMethods> = guardMethods({
  importKey(attributes, data) {
    const fn = 'psa_import_key';
    return api(fn, () => keys.importKey(coreOf(this, fn), resolveAttributes(attributes, fn), checkBytes(data, fn, 'data')));
  },

  generateKey(attributes, options) {
    const fn = 'psa_generate_key';
    return api(fn, () => keys.generateKey(coreOf(this, fn), resolveAttributes(attributes, fn), undefined, undefined, checkGenerateOptions(options, fn)));
  },

  generateKeyCustom(attributes, custom, customData, options) {
    const fn = 'psa_generate_key_custom';
    return api(fn, () => {
      const flags = checkUint(checkObject(custom, fn, 'custom').flags, fn, 'custom.flags');
      const checked = checkGenerateOptions(options, fn);
      return keys.generateKey(coreOf(this, fn), resolveAttributes(attributes, fn), { flags }, checkBytes(customData, fn, 'customData'), checked);
    });
  },

  attachKey(attributes, label) {
    const fn = 'psa_attach_key';
    return api(fn, () => attach(coreOf(this, fn), resolveAttributes(attributes, fn), checkBytes(label, fn, 'label')));
  },

  copyKey(source, attributes) {
    const fn = 'psa_copy_key';
    return api(fn, () => keys.copyKey(coreOf(this, fn), checkUint(source, fn, 'source'), resolveAttributes(attributes, fn)));
  },

  destroyKey(id) {
    const fn = 'psa_destroy_key';
    api(fn, () => keys.destroyKey(coreOf(this, fn), checkUint(id, fn, 'key')));
  },

  purgeKey(id) {
    const fn = 'psa_purge_key';
    api(fn, () => keys.purgeKey(coreOf(this, fn), checkUint(id, fn, 'key')));
  },

  exportKey(id) {
    const fn = 'psa_export_key';
    return api(fn, () => keys.exportKey(coreOf(this, fn), checkUint(id, fn, 'key')));
  },

  exportPublicKey(id) {
    const fn = 'psa_export_public_key';
    return api(fn, () => keys.exportPublicKey(coreOf(this, fn), checkUint(id, fn, 'key')));
  },

  getKeyAttributes(id) {
    const fn = 'psa_get_key_attributes';
    return api(fn, () => keys.getKeyAttributes(coreOf(this, fn), checkUint(id, fn, 'key')));
  },

  checkKeyUsage(id, alg, usage) {
    const fn = 'psa_check_key_usage';
    api(fn, () => checkKeyUsage(coreOf(this, fn), checkUint(id, fn, 'key'), checkUint(alg, fn, 'alg'), checkUint(usage, fn, 'usage')));
  },
});
