/**
 * The `psa_crypto_init` suite: initialisation and shutdown of the library.
 * Every case starts with the library not initialised. The entropy plumbing
 * cases configure Mbed TLS's entropy collector and NV seed file, which this
 * implementation does not have; they are skipped with that reason.
 */
import * as psa from '../../../src/c/index.js';
import { checkEqual, checkStatus, checkSuccess, CheckFailure } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { leakMessage } from '../runner.js';

export const suite = 'psa_crypto_init';

/** `MBEDTLS_TEST_PSA_INTERNAL_KEYS` of this build. */
const INTERNAL_KEYS = 0;

/** `check_stats()`: the key store of a fresh library is empty. */
function checkStats(when: string): void {
  const stats = {} as psa.mbedtls_psa_stats_t;
  psa.mbedtls_psa_get_stats(stats);
  checkEqual(stats.volatile_slots, INTERNAL_KEYS, `volatile slots ${when}`);
  checkEqual(stats.persistent_slots, 0, `persistent slots ${when}`);
  checkEqual(stats.external_slots, 0, `external slots ${when}`);
  checkEqual(stats.half_filled_slots, 0, `half-filled slots ${when}`);
  checkEqual(stats.locked_slots, 0, `locked slots ${when}`);
}

/** `PSA_DONE()`: the leak check, then `mbedtls_psa_crypto_free()`. */
function psaDone(when: string): void {
  const stats = {} as psa.mbedtls_psa_stats_t;
  psa.mbedtls_psa_get_stats(stats);
  const leak = leakMessage(stats as unknown as Record<string, number>);
  psa.mbedtls_psa_crypto_free();
  if (leak !== undefined) throw new CheckFailure(`${leak} (${when})`);
}

const ENTROPY_REASON =
  'Mbed TLS entropy plumbing (mbedtls_psa_crypto_configure_entropy_sources, entropy accumulator thresholds): ' +
  'this implementation draws randomness from the EntropySource given to createPsa, not from mbedtls_entropy sources';
const NV_SEED_REASON =
  'Mbed TLS NV seed file (MBEDTLS_ENTROPY_NV_SEED): not part of this implementation';

export const functions: SuiteFunctions = {
  create_nv_seed: { params: [], skip: NV_SEED_REASON },
  entropy_from_nv_seed: { params: ['int', 'int'], skip: NV_SEED_REASON },
  custom_entropy_sources: { params: ['int', 'int'], skip: ENTROPY_REASON },
  fake_entropy_source: { params: ['int', 'int', 'int', 'int', 'int', 'int'], skip: ENTROPY_REASON },
  psa_threaded_init: {
    params: ['int'],
    skip: 'needs MBEDTLS_THREADING_PTHREAD: JavaScript runs psa_crypto_init on a single thread, so there is no concurrent initialisation to test',
  },

  init_deinit: {
    params: ['int'],
    setup: 'free',
    run(count: number) {
      for (let i = 0; i < count; i++) {
        checkSuccess(psa.psa_crypto_init(), `psa_crypto_init, round ${i}`);
        checkStats(`after the first init of round ${i}`);
        checkSuccess(psa.psa_crypto_init(), `second psa_crypto_init, round ${i}`);
        checkStats(`after the second init of round ${i}`);
        psaDone(`round ${i}`);
      }
      psaDone('at the end');
    },
  },

  deinit_without_init: {
    params: ['int'],
    setup: 'free',
    run(count: number) {
      for (let i = 0; i < count; i++) {
        checkSuccess(psa.psa_crypto_init(), `psa_crypto_init, round ${i}`);
        psaDone(`round ${i}`);
      }
      psaDone('at the end');
    },
  },

  validate_module_init_generate_random: {
    params: ['int'],
    setup: 'free',
    run(count: number) {
      for (let i = 0; i < count; i++) {
        checkSuccess(psa.psa_crypto_init(), `psa_crypto_init, round ${i}`);
        psaDone(`round ${i}`);
      }
      const random = new Uint8Array(10);
      checkStatus(psa.psa_generate_random(random), psa.PSA_ERROR_BAD_STATE, 'psa_generate_random');
    },
  },

  validate_module_init_key_based: {
    params: ['int'],
    setup: 'free',
    run(count: number) {
      const data = new Uint8Array(10);
      const attributes = psa.psa_key_attributes_init();
      const key = { value: psa.mbedtls_svc_key_id_make(0xdead, 0xdead) };
      for (let i = 0; i < count; i++) {
        checkSuccess(psa.psa_crypto_init(), `psa_crypto_init, round ${i}`);
        psaDone(`round ${i}`);
      }
      psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_RAW_DATA);
      checkStatus(psa.psa_import_key(attributes, data, key), psa.PSA_ERROR_BAD_STATE, 'psa_import_key');
      checkEqual(key.value, 0, 'key id after the failed import');
    },
  },
};
