/**
 * `Psa`: the TypeScript face of the PSA Crypto API. Methods are the C
 * functions in camelCase with the same argument order; outputs are
 * returned, failures thrown as `PsaError`. Several instances can coexist;
 * nothing is global.
 * @module
 */
import { PsaError } from '../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_GENERIC_ERROR, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import { PSA_KEY_ID_VOLATILE_MAX, PSA_KEY_ID_VOLATILE_MIN } from '../values/index.js';
import { softwareDriver } from '../drivers/software/index.js';
import type { HashSuspendParts } from '../drivers/driver.js';
import type { Its } from '../storage/its.js';
import { memoryStorage } from '../storage/memory.js';
import { resolveAttributes, type KeyAttributes, type ResolvedKeyAttributes } from './attributes.js';
import type { CoreContext } from './context.js';
import { Dispatcher } from './dispatch.js';
import { systemEntropy } from './entropy.js';
import { hashCompare, hashCompute, HashOperation, type HashProvider } from './hash.js';
import * as keys from './key-management.js';
import { KeyStore, type KeyStoreStats } from './key-store.js';
import { checkKeyUsage } from './key-usage.js';
import { DEFAULT_KEY_SLOT_COUNT, type PsaOptions } from './options.js';
import { PersistentKeys } from './persistent-keys.js';
import { Rng } from './random.js';
import { checkBytes, checkLength, checkObject, checkUint } from './validate.js';

/** Run a public method: PSA failures pass through, anything else becomes GENERIC_ERROR (never a bare TypeError). */
function api<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof PsaError) throw err;
    const kind = err instanceof Error ? err.name : typeof err;
    throw new PsaError(PSA_ERROR_GENERIC_ERROR, `${fn}: internal error (${kind})`);
  }
}

/** One PSA Crypto instance: a key store, its storage, its drivers and its random generator. */
export class Psa {
  readonly #ctx: CoreContext;
  readonly #hash: HashProvider;
  #open = true;

  /** Use `createPsa(options)`. */
  constructor(options: PsaOptions = {}) {
    const o = checkObject(options, 'createPsa', 'options') as PsaOptions;
    const slotCount = o.keySlotCount === undefined
      ? DEFAULT_KEY_SLOT_COUNT
      : checkUint(o.keySlotCount, 'createPsa', 'keySlotCount');
    if (slotCount < 1 || slotCount > PSA_KEY_ID_VOLATILE_MAX - PSA_KEY_ID_VOLATILE_MIN + 1) {
      throw new PsaError(PSA_ERROR_INVALID_ARGUMENT, 'createPsa: keySlotCount out of range');
    }
    const dispatch = new Dispatcher(o.drivers ?? [softwareDriver()]);
    const persistent = new PersistentKeys(o.storage ?? memoryStorage());
    const store = new KeyStore(slotCount, persistent, (id) => dispatch.builtinKey(id));
    this.#ctx = { store, persistent, dispatch, rng: new Rng(o.entropy ?? systemEntropy()) };
    this.#hash = {
      setup: (alg) => dispatch.hashSetup(alg, 'psa_hash_setup'),
      resume: (alg: number, parts: HashSuspendParts) =>
        dispatch.transparentCall('psa_hash_resume', (d) => d.hashResume !== undefined, (d) => d.hashResume!(alg, parts)),
      compute: (alg, input) =>
        dispatch.transparentCall('psa_hash_compute', (d) => d.hashCompute !== undefined || d.hashSetup !== undefined, (d) => {
          if (d.hashCompute) return d.hashCompute(alg, input);
          const c = d.hashSetup!(alg);
          c.update(input);
          return c.finish();
        }),
    };
  }

  #check(fn: string): CoreContext {
    if (!this.#open) throw new PsaError(PSA_ERROR_BAD_STATE, `${fn}: the PSA instance has been closed`);
    return this.#ctx;
  }

  /** The ITS backend holding this instance's persistent keys. */
  get storage(): Its {
    return this.#ctx.persistent.its;
  }

  /** `psa_import_key`: returns the new key's id. */
  importKey(attributes: KeyAttributes, data: Uint8Array): number {
    const fn = 'psa_import_key';
    return api(fn, () => keys.importKey(this.#check(fn), resolveAttributes(attributes, fn), checkBytes(data, fn, 'data')));
  }

  /** `psa_generate_key`: returns the new key's id. */
  generateKey(attributes: KeyAttributes): number {
    const fn = 'psa_generate_key';
    return api(fn, () => keys.generateKey(this.#check(fn), resolveAttributes(attributes, fn)));
  }

  /** `psa_generate_key_custom`: generation with custom production parameters. */
  generateKeyCustom(attributes: KeyAttributes, custom: keys.CustomKeyParameters, customData: Uint8Array): number {
    const fn = 'psa_generate_key_custom';
    return api(fn, () => {
      const flags = checkUint(checkObject(custom, fn, 'custom').flags, fn, 'custom.flags');
      return keys.generateKey(this.#check(fn), resolveAttributes(attributes, fn), { flags }, checkBytes(customData, fn, 'customData'));
    });
  }

  /** `psa_copy_key`: returns the id of the copy. */
  copyKey(source: number, attributes: KeyAttributes): number {
    const fn = 'psa_copy_key';
    return api(fn, () => keys.copyKey(this.#check(fn), checkUint(source, fn, 'source'), resolveAttributes(attributes, fn)));
  }

  /** `psa_destroy_key`. */
  destroyKey(id: number): void {
    const fn = 'psa_destroy_key';
    api(fn, () => keys.destroyKey(this.#check(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_purge_key`. */
  purgeKey(id: number): void {
    const fn = 'psa_purge_key';
    api(fn, () => keys.purgeKey(this.#check(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_export_key`: the key in its PSA export format. */
  exportKey(id: number): Uint8Array {
    const fn = 'psa_export_key';
    return api(fn, () => keys.exportKey(this.#check(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_export_public_key`: the public part of an asymmetric key. */
  exportPublicKey(id: number): Uint8Array {
    const fn = 'psa_export_public_key';
    return api(fn, () => keys.exportPublicKey(this.#check(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_get_key_attributes`. */
  getKeyAttributes(id: number): ResolvedKeyAttributes {
    const fn = 'psa_get_key_attributes';
    return api(fn, () => keys.getKeyAttributes(this.#check(fn), checkUint(id, fn, 'key')));
  }

  /** `psa_check_key_usage` (PSA 1.4): throws unless the key may be used as asked. */
  checkKeyUsage(id: number, alg: number, usage: number): void {
    const fn = 'psa_check_key_usage';
    api(fn, () => checkKeyUsage(this.#check(fn), checkUint(id, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkUint(usage, fn, 'usage'), () => false));
  }

  /** `psa_hash_compute`. `hashSize` (optional) is the C caller's buffer size. */
  hashCompute(alg: number, input: Uint8Array, hashSize?: number): Uint8Array {
    const fn = 'psa_hash_compute';
    return api(fn, () => (this.#check(fn), hashCompute(this.#hash, alg, input, hashSize)));
  }

  /** `psa_hash_compare`: throws INVALID_SIGNATURE unless `hash` is the digest of `input`. */
  hashCompare(alg: number, input: Uint8Array, hash: Uint8Array): void {
    const fn = 'psa_hash_compare';
    api(fn, () => (this.#check(fn), hashCompare(this.#hash, alg, input, hash)));
  }

  /** A new, inactive hash operation (`psa_hash_operation_init`). */
  hashOperation(): HashOperation {
    return api('psa_hash_operation_init', () => (this.#check('psa_hash_operation_init'), new HashOperation(this.#hash)));
  }

  /** `psa_hash_setup`: an active hash operation. */
  hashSetup(alg: number): HashOperation {
    const fn = 'psa_hash_setup';
    return api(fn, () => {
      const op = new HashOperation(this.#check(fn) && this.#hash);
      op.setup(alg);
      return op;
    });
  }

  /** `psa_hash_resume`: an active hash operation continuing from a suspend state. */
  hashResume(state: Uint8Array): HashOperation {
    const fn = 'psa_hash_resume';
    return api(fn, () => {
      const op = new HashOperation(this.#check(fn) && this.#hash);
      op.resume(state);
      return op;
    });
  }

  /** `psa_generate_random`: `length` random bytes from the instance's DRBG. */
  generateRandom(length: number): Uint8Array {
    const fn = 'psa_generate_random';
    return api(fn, () => this.#check(fn).rng.generate(checkLength(length, fn, 'length')));
  }

  /** `mbedtls_psa_get_stats`: how the key slots are used. */
  stats(): KeyStoreStats {
    return api('mbedtls_psa_get_stats', () => this.#check('mbedtls_psa_get_stats').store.stats());
  }

  /**
   * `mbedtls_psa_crypto_free`: wipe every key from memory and refuse further
   * calls (BAD_STATE). Persistent keys stay in storage.
   */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#ctx.store.close();
  }
}

/** Create a PSA Crypto instance (`psa_crypto_init` for the TypeScript face). */
export function createPsa(options: PsaOptions = {}): Psa {
  return api('createPsa', () => new Psa(options));
}
