/**
 * The parts of a `Psa` instance that the function groups share. Function
 * modules take this object instead of the class so that each stays a small
 * set of plain functions that can be read on its own.
 * @module
 */
import type { Dispatcher } from './dispatch.js';
import type { KeyStore } from './keys/store.js';
import type { PersistentKeys } from './keys/persistent.js';
import type { Rng } from './random/index.js';

/** Shared state of one instance. */
export interface CoreContext {
  readonly store: KeyStore;
  readonly persistent: PersistentKeys;
  readonly dispatch: Dispatcher;
  readonly rng: Rng;
}
