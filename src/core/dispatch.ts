/**
 * Driver dispatch (design §4): keys in location 0 go to the transparent
 * drivers in order, where only `PSA_ERROR_NOT_SUPPORTED` passes the call on;
 * keys in another location go to the one opaque driver that owns it, with no
 * fallback; an unknown location is `PSA_ERROR_INVALID_ARGUMENT`.
 * @module
 */
import { fail, PsaError } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import { PSA_KEY_LIFETIME_GET_LOCATION, PSA_KEY_LOCATION_LOCAL_STORAGE, describe } from '../values/index.js';
import type {
  Driver,
  DriverEntryPoints,
  DriverKeyAttributes,
  GenerateKeyOptions,
  HashContext,
  KeyBuffer,
  OpaqueDriver,
  TransparentDriver,
} from '../drivers/driver.js';
import type { XofContext } from '../drivers/xof.js';
import type { HashProvider } from './hash.js';
import type { BuiltinKey } from './keys/store.js';

/** The drivers of one `Psa` instance and the rules for choosing among them. */
export class Dispatcher {
  readonly transparent: readonly TransparentDriver[];
  private readonly opaque = new Map<number, OpaqueDriver>();

  constructor(drivers: readonly Driver[]) {
    const transparent: TransparentDriver[] = [];
    for (const driver of drivers) {
      if (driver.kind === 'transparent') {
        transparent.push(driver);
      } else {
        if (driver.location === PSA_KEY_LOCATION_LOCAL_STORAGE || this.opaque.has(driver.location)) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `createPsa: opaque driver '${driver.name}' has a location that is taken`);
        }
        this.opaque.set(driver.location, driver);
      }
      driver.init?.();
    }
    this.transparent = transparent;
  }

  /**
   * The opaque driver for a key's lifetime, `undefined` for local storage;
   * INVALID_ARGUMENT when no driver owns the location.
   */
  opaqueFor(lifetime: number, fn: string): OpaqueDriver | undefined {
    const location = PSA_KEY_LIFETIME_GET_LOCATION(lifetime);
    if (location === PSA_KEY_LOCATION_LOCAL_STORAGE) return undefined;
    const driver = this.opaque.get(location);
    if (!driver) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no driver for ${describe(lifetime, 'lifetime')}`);
    return driver;
  }

  /**
   * Call `entry` on each transparent driver that has it, in order; a driver
   * throwing NOT_SUPPORTED passes to the next. NOT_SUPPORTED when none takes it.
   */
  transparentCall<T>(fn: string, has: (d: DriverEntryPoints) => boolean, entry: (d: TransparentDriver) => T): T {
    for (const driver of this.transparent) {
      if (!has(driver)) continue;
      try {
        return entry(driver);
      } catch (err) {
        if (err instanceof PsaError && err.status === PSA_ERROR_NOT_SUPPORTED) continue;
        throw err;
      }
    }
    return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: no driver supports this`);
  }

  /**
   * Call an entry point for an operation with a key: the key's opaque driver
   * (NOT_SUPPORTED when it lacks the entry point; no fallback), or for local
   * keys the transparent drivers in order, as `transparentCall`.
   */
  keyCall<T>(lifetime: number, fn: string, has: (d: DriverEntryPoints) => boolean, entry: (d: DriverEntryPoints) => T): T {
    const opaque = this.opaqueFor(lifetime, fn);
    if (opaque) {
      if (!has(opaque)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: driver '${opaque.name}' does not support this`);
      return entry(opaque);
    }
    return this.transparentCall(fn, has, entry);
  }

  /** Import key material into its location. */
  importKey(attributes: DriverKeyAttributes, data: Uint8Array, fn: string): KeyBuffer {
    const opaque = this.opaqueFor(attributes.lifetime, fn);
    if (opaque) {
      if (!opaque.importKey) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: driver '${opaque.name}' cannot import keys`);
      return opaque.importKey(attributes, data);
    }
    return this.transparentCall(fn, (d) => d.importKey !== undefined, (d) => d.importKey!(attributes, data));
  }

  /** Generate a key in its location. */
  generateKey(
    attributes: DriverKeyAttributes,
    random: (length: number) => Uint8Array,
    fn: string,
    customData: Uint8Array = new Uint8Array(0),
    options: GenerateKeyOptions = {},
  ): KeyBuffer {
    const opaque = this.opaqueFor(attributes.lifetime, fn);
    if (opaque) {
      if (!opaque.generateKey) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: driver '${opaque.name}' cannot generate keys`);
      return opaque.generateKey(attributes, random, customData, options);
    }
    return this.transparentCall(fn, (d) => d.generateKey !== undefined, (d) => d.generateKey!(attributes, random, customData, options));
  }

  /** The export representation of an opaque key, if its driver releases it at all. */
  exportOpaqueKey(driver: OpaqueDriver, attributes: DriverKeyAttributes, keyBuffer: Uint8Array, fn: string): Uint8Array {
    if (!driver.exportKey) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: driver '${driver.name}' never exports key material`);
    return driver.exportKey(attributes, keyBuffer);
  }

  /** The public key of a key pair. */
  exportPublicKey(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, fn: string): Uint8Array {
    const opaque = this.opaqueFor(attributes.lifetime, fn);
    if (opaque) {
      if (!opaque.exportPublicKey) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: driver '${opaque.name}' cannot export public keys`);
      return opaque.exportPublicKey(attributes, keyBuffer);
    }
    return this.transparentCall(fn, (d) => d.exportPublicKey !== undefined, (d) => d.exportPublicKey!(attributes, keyBuffer));
  }

  /** Copy a key inside an opaque driver. */
  copyOpaqueKey(driver: OpaqueDriver, attributes: DriverKeyAttributes, keyBuffer: Uint8Array, fn: string): KeyBuffer {
    if (!driver.copyKey) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: driver '${driver.name}' cannot copy keys`);
    return driver.copyKey(attributes, keyBuffer);
  }

  /** A built-in key from whichever opaque driver provides it. */
  builtinKey(id: number): BuiltinKey | undefined {
    for (const driver of this.opaque.values()) {
      const key = driver.getBuiltinKey?.(id);
      if (key) {
        const a = key.attributes;
        return {
          attributes: { id, lifetime: a.lifetime, type: a.type, bits: key.bits, usage: a.usage, alg: a.alg, alg2: a.alg2 },
          keyBuffer: key.keyBuffer,
        };
      }
    }
    return undefined;
  }

  /** Start a hash in the first transparent driver that supports `alg`. */
  hashSetup(alg: number, fn: string): HashContext {
    return this.transparentCall(fn, (d) => d.hashSetup !== undefined, (d) => d.hashSetup!(alg));
  }

  /**
   * Where the instance's hash computations come from: the transparent
   * drivers in order, for `psa_hash_setup`, `psa_hash_resume` and
   * `psa_hash_compute` (a driver without a single-part entry point computes
   * through its multipart one). Hash operations and the signature functions
   * draw on it.
   */
  readonly hashes: HashProvider = {
    setup: (alg) => this.hashSetup(alg, 'psa_hash_setup'),
    resume: (alg, parts) =>
      this.transparentCall('psa_hash_resume', (d) => d.hashResume !== undefined, (d) => d.hashResume!(alg, parts)),
    compute: (alg, input) =>
      this.transparentCall('psa_hash_compute', (d) => d.hashCompute !== undefined || d.hashSetup !== undefined, (d) => {
        if (d.hashCompute) return d.hashCompute(alg, input);
        const c = d.hashSetup!(alg);
        c.update(input);
        return c.finish();
      }),
    supports: (alg) => this.transparent.some((d) => d.hashAlgorithms?.includes(alg >>> 0) === true),
  };

  /** `psa_xof_setup`: start an XOF in the first transparent driver that supports `alg`. */
  xofSetup(alg: number, fn: string): XofContext {
    return this.transparentCall(fn, (d) => d.xofSetup !== undefined, (d) => d.xofSetup!(alg));
  }
}
