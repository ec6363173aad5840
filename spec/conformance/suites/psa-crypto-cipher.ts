/**
 * The cipher functions of the main `psa_crypto` suite that check setup,
 * policy, single-part calls and failures (the multipart known-answer
 * functions are in `psa-crypto-cipher-multipart.ts`, the call-order check in
 * `psa-crypto-cipher-order.ts`).
 *
 * Upstream runs `cipher_encrypt_fail` and `cipher_decrypt_fail` without
 * initialising the library when the expected status is BAD_STATE, and
 * `cipher_operation_init` without initialising it at all: those functions
 * start uninitialised and call `psa_crypto_init()` themselves.
 */
import * as psa from '../../../src/c/index.js';
import { checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import { DEFINED } from '../capabilities.js';
import type { SuiteFunctions } from '../framework.js';
import { updateUsageFlags } from '../helpers.js';

export const suite = 'psa_crypto';

type Operation = psa.psa_cipher_operation_t;

/** Import `data` as a key of `type` with the given policy; asserts success. */
export function importCipherKey(type: number, usage: number, alg: number, data: Uint8Array): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage >>> 0);
  psa.psa_set_key_algorithm(attributes, alg >>> 0);
  psa.psa_set_key_type(attributes, type & 0xffff);
  const key = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');
  return key.value;
}

/** `KNOWN_SUPPORTED_CIPHER_ALG` / `_KEY_TYPE` of the test framework (AES-CTR first). */
function knownSupportedCipher(): [number, number] | undefined {
  if (!DEFINED.has('PSA_WANT_KEY_TYPE_AES')) return undefined;
  const choices: Array<[string, number]> = [
    ['PSA_WANT_ALG_CTR', psa.PSA_ALG_CTR],
    ['PSA_WANT_ALG_CBC_NO_PADDING', psa.PSA_ALG_CBC_NO_PADDING],
    ['PSA_WANT_ALG_CFB', psa.PSA_ALG_CFB],
    ['PSA_WANT_ALG_OFB', psa.PSA_ALG_OFB],
  ];
  const found = choices.find(([name]) => DEFINED.has(name));
  return found ? [found[1], psa.PSA_KEY_TYPE_AES] : undefined;
}

/** `exercise_cipher_setup`: import, encrypt-setup, abort; on failure set up again to leave the object in that state. */
function exerciseCipherSetup(type: number, keyData: Uint8Array, alg: number, operation: Operation): number {
  const key = importCipherKey(type, psa.PSA_KEY_USAGE_ENCRYPT, alg, keyData);
  try {
    const status = psa.psa_cipher_encrypt_setup(operation, key, alg);
    checkSuccess(psa.psa_cipher_abort(operation), 'psa_cipher_abort after setup');
    if (status !== psa.PSA_SUCCESS) {
      checkStatus(psa.psa_cipher_encrypt_setup(operation, key, alg), status, 'psa_cipher_encrypt_setup again');
    }
    return status;
  } finally {
    psa.psa_destroy_key(key);
  }
}

/** IV ‖ input, as the single-part decryption tests build it. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export const functions: SuiteFunctions = {
  cipher_key_policy: {
    params: ['int', 'int', 'int', 'data', 'int'],
    run(policyUsageArg: number, policyAlgArg: number, keyType: number, keyData: Uint8Array, exerciseAlgArg: number) {
      const policyUsage = policyUsageArg >>> 0;
      const policyAlg = policyAlgArg >>> 0;
      const exerciseAlg = exerciseAlgArg >>> 0;
      const operation = psa.psa_cipher_operation_init();
      // Upstream passes the algorithm to the key-type macro, which gives 0 for it.
      const input = new Uint8Array(psa.PSA_BLOCK_CIPHER_BLOCK_LENGTH(exerciseAlg & 0xffff));
      const output = new Uint8Array(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, exerciseAlg, input.length));
      const length = { value: 0 };
      const key = importCipherKey(keyType, policyUsage, policyAlg, keyData);
      try {
        checkEqual(policyUsage, updateUsageFlags(policyUsage), 'no implied usage flags');
        const permits = (flag: number): boolean => policyAlg === exerciseAlg && (policyUsage & flag) !== 0;
        const expect = (status: number, flag: number, what: string): void => {
          if (permits(flag)) checkSuccess(status, what);
          else checkStatus(status, psa.PSA_ERROR_NOT_PERMITTED, what);
        };
        expect(psa.psa_cipher_encrypt(key, exerciseAlg, input, output, length), psa.PSA_KEY_USAGE_ENCRYPT, 'psa_cipher_encrypt');
        expect(psa.psa_cipher_encrypt_setup(operation, key, exerciseAlg), psa.PSA_KEY_USAGE_ENCRYPT, 'psa_cipher_encrypt_setup');
        psa.psa_cipher_abort(operation);
        expect(psa.psa_cipher_decrypt(key, exerciseAlg, output, input, length), psa.PSA_KEY_USAGE_DECRYPT, 'psa_cipher_decrypt');
        expect(psa.psa_cipher_decrypt_setup(operation, key, exerciseAlg), psa.PSA_KEY_USAGE_DECRYPT, 'psa_cipher_decrypt_setup');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_operation_init: {
    params: [],
    setup: 'free',
    run() {
      const input = new Uint8Array(1);
      const output = new Uint8Array(1);
      const ways: Array<[string, Operation]> = [
        ['psa_cipher_operation_init_short()', psa.psa_cipher_operation_init()],
        ['psa_cipher_operation_init()', psa.psa_cipher_operation_init()],
        ['PSA_CIPHER_OPERATION_INIT', psa.psa_cipher_operation_init()],
        ['a zeroed structure', {} as Operation],
      ];
      for (const [how, op] of ways) {
        checkStatus(psa.psa_cipher_update(op, input, output, { value: 0 }), psa.PSA_ERROR_BAD_STATE, `psa_cipher_update on ${how}`);
      }
      for (const [how, op] of ways) checkSuccess(psa.psa_cipher_abort(op), `psa_cipher_abort on ${how}`);
    },
  },

  cipher_setup: {
    params: ['int', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, expectedStatus: number) {
      const operation = psa.psa_cipher_operation_init();
      try {
        checkStatus(exerciseCipherSetup(keyType, keyData, algArg >>> 0, operation), expectedStatus, 'psa_cipher_encrypt_setup');
        const known = knownSupportedCipher();
        if (known !== undefined) {
          const smokeKey = new TextEncoder().encode('kkkkkkkkkkkkkkkk');
          checkSuccess(exerciseCipherSetup(known[1], smokeKey, known[0], operation), 'setup of a supported cipher on the reused operation');
        }
      } finally {
        psa.psa_cipher_abort(operation);
      }
    },
  },

  cipher_encrypt_fail: {
    params: ['int', 'int', 'data', 'data', 'int'],
    setup: 'free',
    run(algArg: number, keyType: number, keyData: Uint8Array, input: Uint8Array, expectedStatus: number) {
      const alg = algArg >>> 0;
      const iv = new Uint8Array(psa.PSA_CIPHER_IV_MAX_SIZE);
      const ivLength = { value: 0 };
      let output = new Uint8Array(0);
      const operation = psa.psa_cipher_operation_init();
      let key = 0;
      try {
        if (expectedStatus !== psa.PSA_ERROR_BAD_STATE) {
          checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
          output = new Uint8Array(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length));
          key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT, alg, keyData);
        }
        const length = { value: 0 };
        checkStatus(psa.psa_cipher_encrypt(key, alg, input, output, length), expectedStatus, 'psa_cipher_encrypt');
        let status = psa.psa_cipher_encrypt_setup(operation, key, alg);
        if (status === psa.PSA_SUCCESS) {
          if (alg !== psa.PSA_ALG_ECB_NO_PADDING) {
            checkSuccess(psa.psa_cipher_generate_iv(operation, iv, ivLength), 'psa_cipher_generate_iv');
          }
          status = psa.psa_cipher_update(operation, input, output, length);
          if (status === psa.PSA_SUCCESS) {
            const done = length.value;
            status = psa.psa_cipher_finish(operation, output.subarray(done), length);
          }
        }
        checkStatus(status, expectedStatus, 'multipart encryption');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_encrypt_validate_iv_length: {
    params: ['int', 'int', 'data', 'data', 'int', 'int'],
    run(algArg: number, keyType: number, keyData: Uint8Array, input: Uint8Array, ivLength: number, expected: number) {
      const alg = algArg >>> 0;
      const output = new Uint8Array(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length));
      const operation = psa.psa_cipher_operation_init();
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT, alg, keyData);
      try {
        checkSuccess(psa.psa_cipher_encrypt_setup(operation, key, alg), 'psa_cipher_encrypt_setup');
        checkStatus(psa.psa_cipher_set_iv(operation, output.subarray(0, ivLength)), expected, 'psa_cipher_set_iv');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_bad_key: {
    params: ['int', 'int', 'data'],
    run(algArg: number, keyType: number, keyData: Uint8Array) {
      const alg = algArg >>> 0;
      const operation = psa.psa_cipher_operation_init();
      checkEqual(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, 16), 0, 'PSA_CIPHER_ENCRYPT_OUTPUT_SIZE');
      checkEqual(psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, 16), 0, 'PSA_CIPHER_UPDATE_OUTPUT_SIZE');
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_ENCRYPT, alg, keyData);
      try {
        checkStatus(psa.psa_cipher_encrypt_setup(operation, key, alg), psa.PSA_ERROR_INVALID_ARGUMENT, 'psa_cipher_encrypt_setup');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_decrypt_fail: {
    params: ['int', 'int', 'data', 'data', 'data', 'int'],
    setup: 'free',
    run(algArg: number, keyType: number, keyData: Uint8Array, iv: Uint8Array, inputArg: Uint8Array, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_cipher_operation_init();
      let key = 0;
      try {
        if (expectedStatus !== psa.PSA_ERROR_BAD_STATE) {
          checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
          key = importCipherKey(keyType, psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
        }
        const input = concat(iv, inputArg);
        const output = new Uint8Array(psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, input.length));
        const length = { value: 0 };
        checkStatus(psa.psa_cipher_decrypt(key, alg, input, output, length), expectedStatus, 'psa_cipher_decrypt');
        let status = psa.psa_cipher_decrypt_setup(operation, key, alg);
        if (status === psa.PSA_SUCCESS) {
          const multi = new Uint8Array(psa.PSA_CIPHER_UPDATE_OUTPUT_SIZE(keyType, alg, inputArg.length) +
            psa.PSA_CIPHER_FINISH_OUTPUT_SIZE(keyType, alg));
          if (iv.length > 0) status = psa.psa_cipher_set_iv(operation, iv);
          if (status === psa.PSA_SUCCESS) {
            status = psa.psa_cipher_update(operation, inputArg, multi, length);
            if (status === psa.PSA_SUCCESS) status = psa.psa_cipher_finish(operation, multi.subarray(length.value), length);
          }
        }
        checkStatus(status, expectedStatus, 'multipart decryption');
      } finally {
        psa.psa_cipher_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_decrypt: {
    params: ['int', 'int', 'data', 'data', 'data', 'data'],
    run(algArg: number, keyType: number, keyData: Uint8Array, iv: Uint8Array, inputArg: Uint8Array, expectedOutput: Uint8Array) {
      const alg = algArg >>> 0;
      const input = concat(iv, inputArg);
      const output = new Uint8Array(psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, input.length));
      const length = { value: 0 };
      const key = importCipherKey(keyType, psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
      try {
        checkSuccess(psa.psa_cipher_decrypt(key, alg, input, output, length), 'psa_cipher_decrypt');
        checkLessOrEqual(length.value, psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'output length');
        checkLessOrEqual(length.value, psa.PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(input.length), 'output length (max)');
        checkBytes(output.subarray(0, length.value), expectedOutput, 'plaintext');
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },

  cipher_verify_output: {
    params: ['int', 'int', 'data', 'data'],
    run(algArg: number, keyType: number, keyData: Uint8Array, input: Uint8Array) {
      const alg = algArg >>> 0;
      const usage = psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT;
      const key = importCipherKey(keyType, usage, alg, keyData);
      try {
        const output1 = new Uint8Array(psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length));
        const length1 = { value: 0 };
        checkSuccess(psa.psa_cipher_encrypt(key, alg, input, output1, length1), 'psa_cipher_encrypt');
        checkLessOrEqual(length1.value, psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'encrypt length');
        checkLessOrEqual(length1.value, psa.PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(input.length), 'encrypt length (max)');
        const output2 = new Uint8Array(length1.value);
        const length2 = { value: 0 };
        checkSuccess(psa.psa_cipher_decrypt(key, alg, output1.subarray(0, length1.value), output2, length2), 'psa_cipher_decrypt');
        checkLessOrEqual(length2.value, psa.PSA_CIPHER_DECRYPT_OUTPUT_SIZE(keyType, alg, length1.value), 'decrypt length');
        checkLessOrEqual(length2.value, psa.PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(length1.value), 'decrypt length (max)');
        checkBytes(output2.subarray(0, length2.value), input, 'round trip');
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },
};
