/**
 * Key management and hashing methods of `Psa` (`psa_import_key`, `psa_attach_key` …
 * `psa_check_key_usage`, `psa_hash_*`): thin wrappers that check JavaScript
 * arguments and call `keys/management.ts` / `hash.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes, type ResolvedKeyAttributes } from './keys/attributes.js';
import { hashCompare, hashCompute, HashOperation } from './hash.js';
import { attachKey as attach } from './keys/attach.js';
import * as keys from './keys/management.js';
import { checkKeyUsage } from './keys/usage.js';
import type { GenerateKeyOptions } from '../drivers/driver.js';
import { api, PsaBase } from './psa-base.js';
import { checkBytes, checkObject, checkUint } from './validate.js';
import { PsaError } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';

/** The optional options of `generateKey`: INVALID_ARGUMENT unless an object whose `onProgress` is a function or absent. */
function checkGenerateOptions(options: GenerateKeyOptions | undefined, fn: string): GenerateKeyOptions {
  if (options === undefined) return {};
  const o = checkObject(options, fn, 'options') as GenerateKeyOptions;
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new PsaError(PSA_ERROR_INVALID_ARGUMENT, `${fn}: options.onProgress must be a function`);
  }
  return o.onProgress ? { onProgress: o.onProgress } : {};
}

/** `PsaBase` plus key management and hashing. */
export class PsaKeys extends PsaBase {
  /** `psa_import_key`: returns the new key's id. */
  importKey(attributes: KeyAttributes, data: Uint8Array): number {
    const fn = 'psa_import_key';
    return api(fn, () => keys.importKey(this.core(fn), resolveAttributes(attributes, fn), checkBytes(data, fn, 'data')));
  }

  /**
   * `psa_generate_key`: returns the new key's id. `options.onProgress`
   * reports the progress of an RSA generation (see `KeyGenerationProgress`);
   * a callback that throws abandons the generation (its `PsaError` is
   * rethrown, anything else is `PSA_ERROR_GENERIC_ERROR`).
   */
  generateKey(attributes: KeyAttributes, options?: GenerateKeyOptions): number {
    const fn = 'psa_generate_key';
    return api(fn, () => keys.generateKey(this.core(fn), resolveAttributes(attributes, fn), undefined, undefined, checkGenerateOptions(options, fn)));
  }

  /** `psa_generate_key_custom`: generation with custom production parameters; `options` as for `generateKey`. */
  generateKeyCustom(attributes: KeyAttributes, custom: keys.CustomKeyParameters, customData: Uint8Array, options?: GenerateKeyOptions): number {
    const fn = 'psa_generate_key_custom';
    return api(fn, () => {
      const flags = checkUint(checkObject(custom, fn, 'custom').flags, fn, 'custom.flags');
      const checked = checkGenerateOptions(options, fn);
      return keys.generateKey(this.core(fn), resolveAttributes(attributes, fn), { flags }, checkBytes(customData, fn, 'customData'), checked);
    });
  }

  /**
   * `psa_attach_key`: a volatile key id for key material the implementation
   * already holds in the location of `attributes.lifetime`, named by `label`
   * (its meaning is the location's driver's). Returns the new key's id.
   */
  attachKey(attributes: KeyAttributes, label: Uint8Array): number {
    const fn = 'psa_attach_key';
    return api(fn, () => attach(this.core(fn), resolveAttributes(attributes, fn), checkBytes(label, fn, 'label')));
  }

  /** `psa_copy_key`: returns the id of the copy. */
  copyKey(source: number, attributes: KeyAttributes): number {
    const fn = 'psa_copy_key';
    return api(fn, () => keys.copyKey(this.core(fn), checkUint(source, fn, 'source'), resolveAttributes(attributes, fn)));
  }

  /** `psa_destroy_key`. */
  destroyKey(id: number): void {
    const fn = 'psa_destroy_key';
    api(fn, () => keys.destroyKey(this.core(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_purge_key`. */
  purgeKey(id: number): void {
    const fn = 'psa_purge_key';
    api(fn, () => keys.purgeKey(this.core(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_export_key`: the key in its PSA export format. */
  exportKey(id: number): Uint8Array {
    const fn = 'psa_export_key';
    return api(fn, () => keys.exportKey(this.core(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_export_public_key`: the public part of an asymmetric key. */
  exportPublicKey(id: number): Uint8Array {
    const fn = 'psa_export_public_key';
    return api(fn, () => keys.exportPublicKey(this.core(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_get_key_attributes`. */
  getKeyAttributes(id: number): ResolvedKeyAttributes {
    const fn = 'psa_get_key_attributes';
    return api(fn, () => keys.getKeyAttributes(this.core(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_check_key_usage` (PSA 1.4): throws unless the key may be used as asked. */
  checkKeyUsage(id: number, alg: number, usage: number): void {
    const fn = 'psa_check_key_usage';
    api(fn, () => checkKeyUsage(this.core(fn), checkUint(id, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkUint(usage, fn, 'usage'), () => false));
  }

  /** `psa_hash_compute`. `hashSize` (optional) is the C caller's buffer size. */
  hashCompute(alg: number, input: Uint8Array, hashSize?: number): Uint8Array {
    const fn = 'psa_hash_compute';
    return api(fn, () => (this.core(fn), hashCompute(this.hashProvider, alg, input, hashSize)));
  }

  /** `psa_hash_compare`: throws INVALID_SIGNATURE unless `hash` is the digest of `input`. */
  hashCompare(alg: number, input: Uint8Array, hash: Uint8Array): void {
    const fn = 'psa_hash_compare';
    api(fn, () => (this.core(fn), hashCompare(this.hashProvider, alg, input, hash)));
  }

  /** A new, inactive hash operation (`psa_hash_operation_init`). */
  hashOperation(): HashOperation {
    const fn = 'psa_hash_operation_init';
    return api(fn, () => (this.core(fn), new HashOperation(this.hashProvider)));
  }

  /** `psa_hash_setup`: an active hash operation. */
  hashSetup(alg: number): HashOperation {
    const op = this.hashOperation();
    api('psa_hash_setup', () => op.setup(alg));
    return op;
  }

  /** `psa_hash_resume`: an active hash operation continuing from a suspend state. */
  hashResume(state: Uint8Array): HashOperation {
    const op = this.hashOperation();
    api('psa_hash_resume', () => op.resume(state));
    return op;
  }
}
