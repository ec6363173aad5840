/**
 * `createPsa` options: one plain object, every field optional. Platform
 * presets return such an object. `createPsa` (`src/create.ts`) fills the
 * plug-in defaults, `drivers` and `storage`, before the core sees them: the
 * `Psa` constructor itself requires both.
 * @module
 */
import type { Driver } from '../drivers/driver.js';
import type { Its } from '../storage/its.js';
import type { EntropySource } from './random/entropy.js';

/** How to build a `Psa` instance. */
export interface PsaOptions {
  /** Where persistent keys live (default: a fresh `memoryStorage()`, filled by `createPsa`; required by `new Psa`). */
  storage?: Its;
  /**
   * Drivers in dispatch order (default: `[softwareDriver()]`, filled by
   * `createPsa`; required by `new Psa`). List the software driver last to
   * keep it as the fallback.
   */
  drivers?: readonly Driver[];
  /**
   * The key store model, as Mbed TLS 3.6 builds it (default `'static'`):
   * - `'static'` (a build without `MBEDTLS_PSA_KEY_STORE_DYNAMIC`):
   *   `keySlotCount` slots shared by volatile keys and cached persistent
   *   keys; a volatile key's id is `PSA_KEY_ID_VOLATILE_MIN + slot index`
   *   (0x40000000, 0x40000001, …, reused after destroy), and creating a key
   *   when every slot holds a volatile or in-use key is INSUFFICIENT_MEMORY.
   * - `'dynamic'` (`MBEDTLS_PSA_KEY_STORE_DYNAMIC`, Mbed TLS 3.6's default
   *   configuration): volatile keys without a slot limit, numbered as Mbed
   *   TLS numbers them, `0x40000000 | slice << 25 | index` (slice `s` has
   *   `16 << s` slots: 0x40000000…0x4000000f, then 0x42000000…), the last
   *   destroyed id of the lowest slice with room reused first.
   * The default stays static because this package's tests and its Mbed TLS
   * conformance runner were written against the static store (docs/architecture.md,
   * "Key store model").
   */
  keyStore?: 'static' | 'dynamic';
  /**
   * `MBEDTLS_PSA_KEY_SLOT_COUNT` (default 32): with the static store, the
   * number of slots shared by volatile and loaded persistent keys; with the
   * dynamic store, the number of persistent and built-in keys cached in
   * memory at once (volatile keys do not count), as in Mbed TLS.
   */
  keySlotCount?: number;
  /** Entropy for the random generator (default: `systemEntropy()`, i.e. `crypto.getRandomValues`). */
  entropy?: EntropySource;
}

/** `MBEDTLS_PSA_KEY_SLOT_COUNT`: the default number of key slots. */
export const DEFAULT_KEY_SLOT_COUNT = 32;

/** The default key store model. */
export const DEFAULT_KEY_STORE = 'static';
