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
  /** Number of key slots shared by volatile and loaded persistent keys (default 32, as `MBEDTLS_PSA_KEY_SLOT_COUNT`). */
  keySlotCount?: number;
  /** Entropy for the random generator (default: `systemEntropy()`, i.e. `crypto.getRandomValues`). */
  entropy?: EntropySource;
}

/** `MBEDTLS_PSA_KEY_SLOT_COUNT`: the default number of key slots. */
export const DEFAULT_KEY_SLOT_COUNT = 32;
