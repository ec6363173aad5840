/**
 * The foundation of the `Psa` class: construction from `PsaOptions`, the
 * shared core context, the closed-instance check, and the rule that every
 * public method fails with a `PsaError`. Function groups extend this class
 * one file each (`psa-keys.ts`, `psa-mac.ts`, …), so no file holds them all.
 * @module
 */
import { PsaError } from '../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_GENERIC_ERROR, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import { PSA_KEY_ID_VOLATILE_MAX, PSA_KEY_ID_VOLATILE_MIN } from '../values/index.js';
import { softwareDriver } from '../drivers/software/index.js';
import type { HashSuspendParts } from '../drivers/driver.js';
import type { Its } from '../storage/its.js';
import { memoryStorage } from '../storage/memory.js';
import type { CoreContext } from './context.js';
import { Dispatcher } from './dispatch.js';
import { systemEntropy } from './entropy.js';
import type { HashProvider } from './hash.js';
import { KeyStore, type KeyStoreStats } from './keys/store.js';
import { DEFAULT_KEY_SLOT_COUNT, type PsaOptions } from './options.js';
import { PersistentKeys } from './keys/persistent.js';
import { Rng } from './random.js';
import { checkLength, checkObject, checkUint } from './validate.js';

/** Run a public method: PSA failures pass through, anything else becomes GENERIC_ERROR (never a bare TypeError). */
export function api<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof PsaError) throw err;
    const kind = err instanceof Error ? err.name : typeof err;
    throw new PsaError(PSA_ERROR_GENERIC_ERROR, `${fn}: internal error (${kind})`);
  }
}

/** Construction, lifetime and randomness of a PSA instance. */
export class PsaBase {
  readonly #ctx: CoreContext;
  /** Where hash computations come from (transparent drivers in order). */
  protected readonly hashProvider: HashProvider;
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
    this.hashProvider = {
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

  /** The core context, or BAD_STATE once the instance is closed. */
  protected core(fn: string): CoreContext {
    if (!this.#open) throw new PsaError(PSA_ERROR_BAD_STATE, `${fn}: the PSA instance has been closed`);
    return this.#ctx;
  }

  /** The ITS backend holding this instance's persistent keys. */
  get storage(): Its {
    return this.#ctx.persistent.its;
  }

  /** `psa_generate_random`: `length` random bytes from the instance's DRBG. */
  generateRandom(length: number): Uint8Array {
    const fn = 'psa_generate_random';
    return api(fn, () => this.core(fn).rng.generate(checkLength(length, fn, 'length')));
  }

  /** `mbedtls_psa_get_stats`: how the key slots are used. */
  stats(): KeyStoreStats {
    return api('mbedtls_psa_get_stats', () => this.core('mbedtls_psa_get_stats').store.stats());
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
