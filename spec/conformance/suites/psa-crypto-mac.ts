/**
 * The functions of the main `psa_crypto` suite about MACs:
 * `mac_operation_init`, `mac_setup`, `mac_bad_order`, `mac_sign`,
 * `mac_verify`, `mac_sign_verify_multi`, `mac_key_policy`, transliterated
 * from `test_suite_psa_crypto.function`.
 *
 * Upstream checks `operation.id` to tell an active operation from an
 * inactive one; here it is the `active` flag of the operation's
 * implementation.
 */
import * as psa from '../../../src/c/index.js';
import { CheckFailure, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

import { importKey } from '../helpers.js';

export const suite = 'psa_crypto';

type Operation = psa.psa_mac_operation_t;

/** `ASSERT_OPERATION_IS_ACTIVE` / `_INACTIVE`. */
function checkActive(operation: Operation, expected: boolean, when: string): void {
  if ((operation.impl?.active === true) !== expected) {
    throw new CheckFailure(`the operation is ${expected ? 'inactive' : 'still active'} ${when}`);
  }
}

/** `mbedtls_test_update_key_usage_flags`. */
function updateUsageFlags(usage: number): number {
  let u = usage >>> 0;
  if (u & psa.PSA_KEY_USAGE_SIGN_HASH) u |= psa.PSA_KEY_USAGE_SIGN_MESSAGE;
  if (u & psa.PSA_KEY_USAGE_VERIFY_HASH) u |= psa.PSA_KEY_USAGE_VERIFY_MESSAGE;
  return u >>> 0;
}

/**
 * `exercise_mac_setup`: import the key (SIGN_HASH), sign-setup, abort; when
 * the setup failed, repeat it to check the status again. Returns the status.
 */
function exerciseMacSetup(type: number, keyData: Uint8Array, alg: number, operation: Operation): number {
  const key = importKey(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH, alg);
  try {
    const status = psa.psa_mac_sign_setup(operation, key, alg);
    checkSuccess(psa.psa_mac_abort(operation), 'psa_mac_abort after setup');
    if (status !== psa.PSA_SUCCESS) {
      checkStatus(psa.psa_mac_sign_setup(operation, key, alg), status, 'psa_mac_sign_setup again');
    }
    return status;
  } finally {
    psa.psa_destroy_key(key);
  }
}

/** `mac_multipart_internal_func`: the input in parts of `partLength` (with empty parts between when asked). */
function macMultipart(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, partLength: number,
  expectedMac: Uint8Array, isVerify: boolean, zeroParts: boolean, step: string): void {
  const key = importKey(type, keyData, isVerify ? psa.PSA_KEY_USAGE_VERIFY_HASH : psa.PSA_KEY_USAGE_SIGN_HASH, alg);
  const operation = psa.psa_mac_operation_init();
  try {
    checkSuccess(isVerify ? psa.psa_mac_verify_setup(operation, key, alg) : psa.psa_mac_sign_setup(operation, key, alg),
      `setup, ${step}`);
    for (let offset = 0, count = 0, part = 0; offset < input.length; offset += part, count++) {
      part = zeroParts && (count & 1) ? 0 : Math.min(partLength, input.length - offset);
      checkSuccess(psa.psa_mac_update(operation, input.subarray(offset, offset + part)), `psa_mac_update, ${step}`);
    }
    if (isVerify) {
      checkSuccess(psa.psa_mac_verify_finish(operation, expectedMac), `psa_mac_verify_finish, ${step}`);
    } else {
      const mac = new Uint8Array(psa.PSA_MAC_MAX_SIZE);
      const macLength = { value: 0 };
      checkSuccess(psa.psa_mac_sign_finish(operation, mac, macLength), `psa_mac_sign_finish, ${step}`);
      checkBytes(mac.subarray(0, macLength.value), expectedMac, `MAC, ${step}`);
    }
  } finally {
    psa.psa_destroy_key(key);
    psa.psa_mac_abort(operation);
  }
}

/** The two statuses `mac_key_policy` expects from a verification, given the sign and verify expectations. */
function verifyExpectation(status: number, expectedSign: number, expectedVerify: number, what: string): void {
  if (expectedSign !== psa.PSA_SUCCESS && expectedVerify === psa.PSA_SUCCESS) {
    checkStatus(status, psa.PSA_ERROR_INVALID_SIGNATURE, what);
  } else {
    checkStatus(status, expectedVerify, what);
  }
}

/** HMAC-SHA-256 with 32 bytes 0xaa over bb bb bb bb (the fixed data of `mac_bad_order`). */
const BAD_ORDER_KEY = new Uint8Array(32).fill(0xaa);
const BAD_ORDER_INPUT = Uint8Array.from([0xbb, 0xbb, 0xbb, 0xbb]);
const BAD_ORDER_MAC = Uint8Array.from([
  0x74, 0x65, 0x93, 0x8c, 0xeb, 0x1d, 0xb3, 0x76, 0x5a, 0x38, 0xe7, 0xdd, 0x85, 0xc5, 0xad, 0x4f,
  0x07, 0xe7, 0xd5, 0xb2, 0x64, 0xf0, 0x1a, 0x1a, 0x2c, 0xf9, 0x18, 0xca, 0x59, 0x7e, 0x5d, 0xf6,
]);

export const functions: SuiteFunctions = {
  mac_operation_init: {
    params: [],
    // Upstream runs this without initialising the library.
    setup: 'free',
    run() {
      const input = new Uint8Array(1);
      const ways: Array<[string, Operation]> = [
        ['psa_mac_operation_init_short()', psa.psa_mac_operation_init()],
        ['psa_mac_operation_init()', psa.psa_mac_operation_init()],
        ['PSA_MAC_OPERATION_INIT', psa.psa_mac_operation_init()],
        ['a zeroed structure', {} as Operation],
      ];
      for (const [how, op] of ways) {
        checkStatus(psa.psa_mac_update(op, input), psa.PSA_ERROR_BAD_STATE, `psa_mac_update on ${how}`);
      }
      for (const [how, op] of ways) checkSuccess(psa.psa_mac_abort(op), `psa_mac_abort on ${how}`);
    },
  },

  mac_setup: {
    params: ['int', 'data', 'int', 'int'],
    run(keyType: number, keyData: Uint8Array, algArg: number, expectedStatus: number) {
      const operation = psa.psa_mac_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      checkStatus(exerciseMacSetup(keyType, keyData, algArg >>> 0, operation), expectedStatus, 'psa_mac_sign_setup');
      // The operation object should be reusable (KNOWN_SUPPORTED_MAC_ALG: HMAC-SHA-256).
      const smokeKey = new Uint8Array(16).fill(0x6b); // "kkkkkkkkkkkkkkkk"
      checkSuccess(exerciseMacSetup(psa.PSA_KEY_TYPE_HMAC, smokeKey, psa.PSA_ALG_HMAC(psa.PSA_ALG_SHA_256), operation),
        'psa_mac_sign_setup of a known supported MAC on the reused operation');
    },
  },

  mac_bad_order: {
    params: [],
    depends: ['PSA_WANT_KEY_TYPE_HMAC', 'PSA_WANT_ALG_HMAC', 'PSA_WANT_ALG_SHA_256'],
    run() {
      const alg = psa.PSA_ALG_HMAC(psa.PSA_ALG_SHA_256);
      const operation = psa.psa_mac_operation_init();
      const signMac = new Uint8Array(psa.PSA_MAC_MAX_SIZE + 10);
      const signMacLength = { value: 0 };
      const input = BAD_ORDER_INPUT;
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      const key = importKey(psa.PSA_KEY_TYPE_HMAC, BAD_ORDER_KEY, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH, alg);
      const signSetup = (what: string): void => checkSuccess(psa.psa_mac_sign_setup(operation, key, alg), what);
      const verifySetup = (what: string): void => checkSuccess(psa.psa_mac_verify_setup(operation, key, alg), what);
      const update = (what: string): void => checkSuccess(psa.psa_mac_update(operation, input), what);
      const signFinish = (): number => psa.psa_mac_sign_finish(operation, signMac, signMacLength);
      const verifyFinish = (): number => psa.psa_mac_verify_finish(operation, BAD_ORDER_MAC);
      const abort = (what: string): void => checkSuccess(psa.psa_mac_abort(operation), what);
      try {
        checkStatus(psa.psa_mac_update(operation, input), psa.PSA_ERROR_BAD_STATE, 'update without setup');
        abort('abort');
        checkStatus(signFinish(), psa.PSA_ERROR_BAD_STATE, 'sign finish without setup');
        abort('abort');
        checkStatus(verifyFinish(), psa.PSA_ERROR_BAD_STATE, 'verify finish without setup');
        abort('abort');

        signSetup('setup');
        checkActive(operation, true, 'after setup');
        checkStatus(psa.psa_mac_sign_setup(operation, key, alg), psa.PSA_ERROR_BAD_STATE, 'setup twice');
        checkActive(operation, false, 'after a second setup');
        abort('abort');
        checkActive(operation, false, 'after abort');

        signSetup('setup'); update('update'); checkSuccess(signFinish(), 'sign finish');
        checkStatus(psa.psa_mac_update(operation, input), psa.PSA_ERROR_BAD_STATE, 'update after sign finish');
        abort('abort');

        verifySetup('verify setup'); update('update'); checkSuccess(verifyFinish(), 'verify finish');
        checkStatus(psa.psa_mac_update(operation, input), psa.PSA_ERROR_BAD_STATE, 'update after verify finish');
        abort('abort');

        signSetup('setup'); update('update'); checkSuccess(signFinish(), 'sign finish');
        checkStatus(signFinish(), psa.PSA_ERROR_BAD_STATE, 'sign finish twice');
        abort('abort');

        verifySetup('verify setup'); update('update'); checkSuccess(verifyFinish(), 'verify finish');
        checkStatus(verifyFinish(), psa.PSA_ERROR_BAD_STATE, 'verify finish twice');
        abort('abort');

        signSetup('setup'); update('update');
        checkActive(operation, true, 'before verify finish of a sign operation');
        checkStatus(verifyFinish(), psa.PSA_ERROR_BAD_STATE, 'verify finish of a sign operation');
        checkActive(operation, false, 'after verify finish of a sign operation');
        abort('abort');
        checkActive(operation, false, 'after abort');

        verifySetup('verify setup'); update('update');
        checkActive(operation, true, 'before sign finish of a verify operation');
        checkStatus(signFinish(), psa.PSA_ERROR_BAD_STATE, 'sign finish of a verify operation');
        checkActive(operation, false, 'after sign finish of a verify operation');
        abort('abort');
        checkActive(operation, false, 'after abort');
      } finally {
        psa.psa_mac_abort(operation);
        checkSuccess(psa.psa_destroy_key(key), 'psa_destroy_key');
      }
    },
  },

  mac_sign_verify_multi: {
    params: ['int', 'data', 'int', 'data', 'int', 'data'],
    run(keyType: number, keyData: Uint8Array, algArg: number, input: Uint8Array, isVerify: number, expectedMac: Uint8Array) {
      const alg = algArg >>> 0;
      for (let partLength = 1; partLength <= input.length; partLength++) {
        macMultipart(keyType, keyData, alg, input, partLength, expectedMac, isVerify !== 0, false, `parts of ${partLength}`);
        macMultipart(keyType, keyData, alg, input, partLength, expectedMac, isVerify !== 0, true,
          `parts of ${partLength} with empty parts`);
      }
    },
  },

  mac_sign: {
    params: ['int', 'data', 'int', 'data', 'data'],
    run(keyType: number, keyData: Uint8Array, algArg: number, input: Uint8Array, expectedMac: Uint8Array) {
      const alg = algArg >>> 0;
      const macBufferSize = psa.PSA_MAC_LENGTH(keyType & 0xffff, psa.PSA_BYTES_TO_BITS(keyData.length), alg);
      checkLessOrEqual(macBufferSize, psa.PSA_MAC_MAX_SIZE, 'PSA_MAC_LENGTH');
      checkEqual(expectedMac.length, macBufferSize, 'PSA_MAC_LENGTH is exact');
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      const key = importKey(keyType, keyData, psa.PSA_KEY_USAGE_SIGN_HASH, alg);
      const operation = psa.psa_mac_operation_init();
      try {
        for (const size of [0, 1, expectedMac.length - 1, expectedMac.length, expectedMac.length + 1]) {
          const expected = size >= expectedMac.length ? psa.PSA_SUCCESS : psa.PSA_ERROR_BUFFER_TOO_SMALL;
          const actual = new Uint8Array(size);
          const macLength = { value: 0 };
          checkStatus(psa.psa_mac_compute(key, alg, input, actual, macLength), expected, `psa_mac_compute into ${size} bytes`);
          if (expected === psa.PSA_SUCCESS) checkBytes(actual.subarray(0, macLength.value), expectedMac, `psa_mac_compute MAC, ${size}`);
          actual.fill(0);
          checkSuccess(psa.psa_mac_sign_setup(operation, key, alg), 'psa_mac_sign_setup');
          checkSuccess(psa.psa_mac_update(operation, input), 'psa_mac_update');
          checkStatus(psa.psa_mac_sign_finish(operation, actual, macLength), expected, `psa_mac_sign_finish into ${size} bytes`);
          checkSuccess(psa.psa_mac_abort(operation), 'psa_mac_abort');
          if (expected === psa.PSA_SUCCESS) checkBytes(actual.subarray(0, macLength.value), expectedMac, `multipart MAC, ${size}`);
        }
      } finally {
        psa.psa_mac_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  mac_verify: {
    params: ['int', 'data', 'int', 'data', 'data'],
    run(keyType: number, keyData: Uint8Array, algArg: number, input: Uint8Array, expectedMac: Uint8Array) {
      const alg = algArg >>> 0;
      checkLessOrEqual(expectedMac.length, psa.PSA_MAC_MAX_SIZE, 'expected MAC length');
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      const key = importKey(keyType, keyData, psa.PSA_KEY_USAGE_VERIFY_HASH, alg);
      const operation = psa.psa_mac_operation_init();
      const oneShot = (mac: Uint8Array): number => psa.psa_mac_verify(key, alg, input, mac);
      const multipart = (mac: Uint8Array, what: string): number => {
        checkSuccess(psa.psa_mac_verify_setup(operation, key, alg), `psa_mac_verify_setup (${what})`);
        checkSuccess(psa.psa_mac_update(operation, input), `psa_mac_update (${what})`);
        return psa.psa_mac_verify_finish(operation, mac);
      };
      const bad = psa.PSA_ERROR_INVALID_SIGNATURE;
      try {
        checkSuccess(oneShot(expectedMac), 'psa_mac_verify');
        checkSuccess(multipart(expectedMac, 'correct MAC'), 'psa_mac_verify_finish');
        const short = expectedMac.subarray(0, expectedMac.length - 1);
        checkStatus(oneShot(short), bad, 'psa_mac_verify of a MAC one byte short');
        checkStatus(multipart(short, 'short MAC'), bad, 'psa_mac_verify_finish of a MAC one byte short');
        const perturbed = new Uint8Array(expectedMac.length + 1);
        perturbed.set(expectedMac);
        checkStatus(oneShot(perturbed), bad, 'psa_mac_verify of a MAC one byte long');
        checkStatus(multipart(perturbed, 'long MAC'), bad, 'psa_mac_verify_finish of a MAC one byte long');
        const changed = perturbed.subarray(0, expectedMac.length);
        for (let i = 0; i < expectedMac.length; i++) {
          changed[i]! ^= 1;
          checkStatus(oneShot(changed), bad, `psa_mac_verify with byte ${i} changed`);
          checkStatus(multipart(changed, `byte ${i} changed`), bad, `psa_mac_verify_finish with byte ${i} changed`);
          changed[i]! ^= 1;
        }
      } finally {
        psa.psa_mac_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },

  mac_key_policy: {
    params: ['int', 'int', 'int', 'data', 'int', 'int', 'int'],
    run(policyUsageArg: number, policyAlgArg: number, keyType: number, keyData: Uint8Array, exerciseAlgArg: number,
      expectedSign: number, expectedVerify: number) {
      const policyUsage = policyUsageArg >>> 0;
      const exerciseAlg = exerciseAlgArg >>> 0;
      const operation = psa.psa_mac_operation_init();
      let mac = new Uint8Array(psa.PSA_MAC_MAX_SIZE);
      const macLength = { value: 0 };
      const input = new Uint8Array(128);
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      const attributes = psa.psa_key_attributes_init();
      psa.psa_set_key_usage_flags(attributes, policyUsage);
      psa.psa_set_key_algorithm(attributes, policyAlgArg >>> 0);
      psa.psa_set_key_type(attributes, keyType & 0xffff);
      const keyHolder = { value: 0 };
      checkSuccess(psa.psa_import_key(attributes, keyData, keyHolder), 'psa_import_key');
      const key = keyHolder.value;
      try {
        checkEqual(psa.psa_get_key_usage_flags(attributes), updateUsageFlags(policyUsage), 'usage flags after set');
        checkStatus(psa.psa_mac_sign_setup(operation, key, exerciseAlg), expectedSign, 'psa_mac_sign_setup');
        checkStatus(psa.psa_mac_compute(key, exerciseAlg, input, mac, macLength), expectedSign, 'psa_mac_compute');

        checkSuccess(psa.psa_mac_abort(operation), 'psa_mac_abort');
        let status = psa.psa_mac_sign_setup(operation, key, exerciseAlg);
        if (status === psa.PSA_SUCCESS) {
          status = psa.psa_mac_update(operation, input);
          if (status === psa.PSA_SUCCESS) {
            checkStatus(psa.psa_mac_sign_finish(operation, mac, macLength), expectedSign, 'psa_mac_sign_finish');
          } else {
            checkStatus(status, expectedSign, 'psa_mac_update');
          }
        } else {
          checkStatus(status, expectedSign, 'psa_mac_sign_setup (multipart)');
        }
        checkSuccess(psa.psa_mac_abort(operation), 'psa_mac_abort');

        // The C test verifies `mac_len` bytes of `mac`: after a failed sign, Mbed TLS set
        // mac_len to the buffer size and the buffer to '!' (an unachievable MAC).
        mac = mac.subarray(0, macLength.value);
        verifyExpectation(psa.psa_mac_verify(key, exerciseAlg, input, mac), expectedSign, expectedVerify, 'psa_mac_verify');

        status = psa.psa_mac_verify_setup(operation, key, exerciseAlg);
        if (status === psa.PSA_SUCCESS) {
          status = psa.psa_mac_update(operation, input);
          if (status === psa.PSA_SUCCESS) {
            verifyExpectation(psa.psa_mac_verify_finish(operation, mac), expectedSign, expectedVerify, 'psa_mac_verify_finish');
          } else {
            checkStatus(status, expectedVerify, 'psa_mac_update (verify)');
          }
        } else {
          checkStatus(status, expectedVerify, 'psa_mac_verify_setup');
        }
        psa.psa_mac_abort(operation);
        checkStatus(psa.psa_mac_verify_setup(operation, key, exerciseAlg), expectedVerify, 'psa_mac_verify_setup (last)');
      } finally {
        psa.psa_mac_abort(operation);
        psa.psa_destroy_key(key);
      }
    },
  },
};
