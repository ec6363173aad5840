/**
 * `mbedtls_psa_get_stats`: how the key slots of the current instance are used.
 * @module
 */
import type { KeyStoreStats } from '../core/keys/store.js';
import { instance, status } from './instance.js';

/** `mbedtls_psa_stats_t`. */
export type mbedtls_psa_stats_t = KeyStoreStats;

/** `mbedtls_psa_get_stats`: fills `stats` (all zero when not initialised). */
export function mbedtls_psa_get_stats(stats: mbedtls_psa_stats_t): void {
  const s = status(() => Object.assign(stats, instance().stats()));
  if (s !== 0) {
    // a structure that refuses writes (or none) is left as it is: the function is void, with no status to give
    status(() => Object.assign(stats, {
      volatile_slots: 0, persistent_slots: 0, external_slots: 0, half_filled_slots: 0, cache_slots: 0,
      empty_slots: 0, locked_slots: 0, max_open_internal_key_id: 0, max_open_external_key_id: 0,
    }));
  }
}
