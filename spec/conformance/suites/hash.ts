/**
 * The `psa_crypto_hash` suite: multi-part hashing (finish, verify, clone at
 * every split point) and HMAC over the hashes.
 */
import * as psa from '../../../src/c/index.js';
import { checkBytes, checkStatus, checkSuccess } from '../assert.js';
import { Skip } from '../framework.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_hash';

type MacCompute = (key: number, alg: number, input: Uint8Array, mac: Uint8Array, macLength: { value: number }) => number;
type MacVerify = (key: number, alg: number, input: Uint8Array, mac: Uint8Array) => number;

/** A facade function that may not exist yet; its absence skips the case. */
function facadeFunction<T>(name: string): T {
  const f = (psa as unknown as Record<string, unknown>)[name];
  if (typeof f !== 'function') throw new Skip(`${name} is not in the C facade yet`);
  return f as T;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

export const functions: SuiteFunctions = {
  hash_finish: {
    params: ['int', 'data', 'data'],
    run(algArg: number, input: Uint8Array, expectedHash: Uint8Array) {
      const alg = algArg >>> 0;
      const actual = new Uint8Array(psa.PSA_HASH_MAX_SIZE);
      const actualLength = { value: 0 };
      const operation = psa.psa_hash_operation_init();
      try {
        checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
        checkSuccess(psa.psa_hash_setup(operation, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_update(operation, input), 'psa_hash_update');
        checkSuccess(psa.psa_hash_finish(operation, actual, actualLength), 'psa_hash_finish');
        checkBytes(actual.subarray(0, actualLength.value), expectedHash, 'hash');
      } finally {
        psa.psa_hash_abort(operation);
      }
    },
  },

  hmac: {
    params: ['int', 'string', 'data'],
    // The cases only name their hash: upstream builds always have HMAC. The
    // test computes HMACs, so it needs the HMAC algorithm and key type too.
    depends: ['MBEDTLS_PSA_CRYPTO_C', 'PSA_WANT_ALG_HMAC', 'PSA_WANT_KEY_TYPE_HMAC'],
    run(algArg: number, input: string, expectedMac: Uint8Array) {
      const macCompute = facadeFunction<MacCompute>('psa_mac_compute');
      const macVerify = facadeFunction<MacVerify>('psa_mac_verify');
      const alg = psa.PSA_ALG_HMAC(algArg >>> 0);
      const keyData = new Uint8Array(32).fill(0xaa);
      const attributes = psa.psa_key_attributes_init();
      const key = { value: 0 };

      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_SIGN_MESSAGE | psa.PSA_KEY_USAGE_VERIFY_MESSAGE);
      psa.psa_set_key_algorithm(attributes, alg);
      psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_HMAC);
      checkSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
      try {
        const mac = new Uint8Array(psa.PSA_MAC_MAX_SIZE + 10);
        const macLength = { value: 0 };
        const message = ascii(input);
        checkSuccess(macCompute(key.value, alg, message, mac, macLength), 'psa_mac_compute');
        checkBytes(mac.subarray(0, macLength.value), expectedMac, 'MAC');
        checkSuccess(macVerify(key.value, alg, message, expectedMac), 'psa_mac_verify');
        const corrupted = expectedMac.slice();
        corrupted[0]! ^= 0x7f;
        checkStatus(macVerify(key.value, alg, message, corrupted), psa.PSA_ERROR_INVALID_SIGNATURE, 'psa_mac_verify of a corrupted MAC');
      } finally {
        checkSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
      }
    },
  },

  hash_verify: {
    params: ['int', 'data', 'data'],
    run(algArg: number, input: Uint8Array, expectedHash: Uint8Array) {
      const alg = algArg >>> 0;
      const operation = psa.psa_hash_operation_init();
      try {
        checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
        checkSuccess(psa.psa_hash_setup(operation, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_update(operation, input), 'psa_hash_update');
        checkSuccess(psa.psa_hash_verify(operation, expectedHash), 'psa_hash_verify');
      } finally {
        psa.psa_hash_abort(operation);
      }
    },
  },

  hash_multi_part: {
    params: ['int', 'data', 'data'],
    run(algArg: number, input: Uint8Array, expectedHash: Uint8Array) {
      const alg = algArg >>> 0;
      const actual = new Uint8Array(psa.PSA_HASH_MAX_SIZE);
      const actualLength = { value: 0 };
      const operation = psa.psa_hash_operation_init();
      const operation2 = psa.psa_hash_operation_init();
      try {
        checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
        // Every split point, from nothing before the clone to everything before it.
        for (let len = 0; len <= input.length; len++) {
          const at = `split at ${len}`;
          actual.fill(0);
          checkSuccess(psa.psa_hash_setup(operation, alg), `psa_hash_setup, ${at}`);
          checkSuccess(psa.psa_hash_update(operation, input.subarray(0, len)), `first psa_hash_update, ${at}`);
          checkSuccess(psa.psa_hash_clone(operation, operation2), `psa_hash_clone, ${at}`);
          checkSuccess(psa.psa_hash_update(operation, input.subarray(len)), `second psa_hash_update, ${at}`);
          checkSuccess(psa.psa_hash_update(operation2, input.subarray(len)), `psa_hash_update of the clone, ${at}`);

          checkSuccess(psa.psa_hash_finish(operation, actual, actualLength), `psa_hash_finish, ${at}`);
          checkBytes(actual.subarray(0, actualLength.value), expectedHash, `hash, ${at}`);
          checkSuccess(psa.psa_hash_finish(operation2, actual, actualLength), `psa_hash_finish of the clone, ${at}`);
          checkBytes(actual.subarray(0, actualLength.value), expectedHash, `hash of the clone, ${at}`);
        }
      } finally {
        psa.psa_hash_abort(operation);
        psa.psa_hash_abort(operation2);
      }
    },
  },
};
