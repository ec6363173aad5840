/**
 * WPA3-SAE exchanges in the finite-field groups 17 and 18 (RFC 3526, 6144
 * and 8192 bits) against hostapd, as ffc.spec.ts checks groups 15 and 16:
 * each exponentiation takes up to a second here, so these run in
 * `npm run test:slow`.
 */
import { describe, it } from 'vitest';
import { FFC_GROUPS, checkExchange } from './ffc-helpers.js';

describe.each(FFC_GROUPS.filter((v) => v.group >= 17).map((v) => [v.group, v] as const))('WPA3-SAE finite-field group %i against hostapd', (_group, v) => {
  for (const x of v.exchanges) {
    it(`${x.variant}: commits, confirms, PMKID and PMK of both STAs`, () => {
      checkExchange(v, x);
    }, 120_000);
  }
});
