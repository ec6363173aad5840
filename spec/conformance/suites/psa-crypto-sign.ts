/**
 * The functions of the main `psa_crypto` suite about signatures:
 * `signature_size`, `sign_hash_deterministic`, `sign_hash_fail`,
 * `sign_verify_hash`, `verify_hash`, `verify_hash_fail`,
 * `sign_message_deterministic`, `sign_message_fail`, `sign_verify_message`,
 * `verify_message`, `verify_message_fail`, `asymmetric_signature_key_policy`,
 * transliterated from `test_suite_psa_crypto.function`.
 *
 * The interruptible functions are in `psa-crypto-sign-interruptible.ts`.
 */
import * as psa from '../../../src/c/index.js';
import { check, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { importKey, keyBits, updateUsageFlags } from '../helpers.js';

export const suite = 'psa_crypto';

/** A buffer of `PSA_SIGN_OUTPUT_SIZE` for the key, with upstream's checks on that size. */
function signatureBuffer(type: number, key: number, alg: number): Uint8Array {
  const size = psa.PSA_SIGN_OUTPUT_SIZE(type & 0xffff, keyBits(key), alg >>> 0);
  check(size !== 0, 'PSA_SIGN_OUTPUT_SIZE is not 0');
  checkLessOrEqual(size, psa.PSA_SIGNATURE_MAX_SIZE, 'PSA_SIGN_OUTPUT_SIZE');
  return new Uint8Array(size);
}

/** A body run with the library initialised and the key destroyed afterwards. */
function withImported(type: number, data: Uint8Array, usage: number, alg: number, body: (key: number) => void): void {
  checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
  const key = importKey(type, data, usage, alg);
  try {
    body(key);
  } finally {
    psa.psa_destroy_key(key);
  }
}

type Sign = (key: number, alg: number, input: Uint8Array, signature: Uint8Array, length: { value: number }) => number;
type Verify = (key: number, alg: number, input: Uint8Array, signature: Uint8Array) => number;

/** `sign_*_deterministic`: the signature is exactly the expected one. */
function deterministic(usage: number, sign: Sign, name: string) {
  return {
    params: ['int', 'data', 'int', 'data', 'data'] as const,
    run(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, expected: Uint8Array) {
      withImported(type, keyData, usage, alg, (key) => {
        const signature = signatureBuffer(type, key, alg);
        const length = { value: 0xdeadbeef };
        checkSuccess(sign(key, alg >>> 0, input, signature, length), name);
        checkBytes(signature.subarray(0, length.value), expected, 'signature');
      });
    },
  };
}

/** `sign_*_fail`: the expected status, and a length that never exceeds the buffer. */
function signFail(usage: number, sign: Sign, name: string) {
  return {
    params: ['int', 'data', 'int', 'data', 'int', 'int'] as const,
    run(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, size: number, expected: number) {
      const signature = new Uint8Array(size);
      withImported(type, keyData, usage, alg, (key) => {
        const length = { value: 0xdeadbeef };
        checkStatus(sign(key, alg >>> 0, input, signature, length), expected, name);
        checkLessOrEqual(length.value, size, 'signature_length');
      });
    },
  };
}

/** `sign_verify_*`: sign, verify, then verify with the first input bit flipped. */
function signVerify(usage: number, sign: Sign, verify: Verify, name: string) {
  return {
    params: ['int', 'data', 'int', 'data'] as const,
    run(type: number, keyData: Uint8Array, alg: number, inputArg: Uint8Array) {
      const input = Uint8Array.from(inputArg);
      withImported(type, keyData, usage, alg, (key) => {
        const signature = signatureBuffer(type, key, alg);
        const length = { value: 0xdeadbeef };
        checkSuccess(sign(key, alg >>> 0, input, signature, length), `${name} sign`);
        checkLessOrEqual(length.value, signature.length, 'signature_length');
        check(length.value > 0, 'signature_length > 0');
        const produced = signature.subarray(0, length.value);
        checkSuccess(verify(key, alg >>> 0, input, produced), `${name} verify`);
        if (input.length !== 0) {
          input[0] = input[0]! ^ 1;
          checkStatus(verify(key, alg >>> 0, input, produced), psa.PSA_ERROR_INVALID_SIGNATURE, `${name} verify after a flipped bit`);
        }
      });
    },
  };
}

/** `verify_*`: a known-good signature verifies. */
function verifyGood(usage: number, verify: Verify, name: string) {
  return {
    params: ['int', 'data', 'int', 'data', 'data'] as const,
    run(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, signature: Uint8Array) {
      checkLessOrEqual(signature.length, psa.PSA_SIGNATURE_MAX_SIZE, 'signature length');
      withImported(type, keyData, usage, alg, (key) => checkSuccess(verify(key, alg >>> 0, input, signature), name));
    },
  };
}

/** `verify_*_fail`: the expected status. */
function verifyFail(usage: number, verify: Verify, name: string) {
  return {
    params: ['int', 'data', 'int', 'data', 'data', 'int'] as const,
    run(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, signature: Uint8Array, expected: number) {
      withImported(type, keyData, usage, alg, (key) => checkStatus(verify(key, alg >>> 0, input, signature), expected, name));
    },
  };
}

const signHash: Sign = (k, a, i, s, l) => psa.psa_sign_hash(k, a, i, s, l);
const verifyHash: Verify = (k, a, i, s) => psa.psa_verify_hash(k, a, i, s);
const signMessage: Sign = (k, a, i, s, l) => psa.psa_sign_message(k, a, i, s, l);
const verifyMessage: Verify = (k, a, i, s) => psa.psa_verify_message(k, a, i, s);

export const functions: SuiteFunctions = {
  signature_size: {
    params: ['int', 'int', 'int', 'int'],
    setup: 'none',
    run(type: number, bits: number, alg: number, expected: number) {
      checkEqual(psa.PSA_SIGN_OUTPUT_SIZE(type & 0xffff, bits, alg >>> 0), expected, 'PSA_SIGN_OUTPUT_SIZE');
    },
  },

  sign_hash_deterministic: deterministic(psa.PSA_KEY_USAGE_SIGN_HASH, signHash, 'psa_sign_hash'),
  sign_hash_fail: signFail(psa.PSA_KEY_USAGE_SIGN_HASH, signHash, 'psa_sign_hash'),
  sign_verify_hash: signVerify(psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH, signHash, verifyHash, 'hash'),
  verify_hash: verifyGood(psa.PSA_KEY_USAGE_VERIFY_HASH, verifyHash, 'psa_verify_hash'),
  verify_hash_fail: verifyFail(psa.PSA_KEY_USAGE_VERIFY_HASH, verifyHash, 'psa_verify_hash'),
  sign_message_deterministic: deterministic(psa.PSA_KEY_USAGE_SIGN_MESSAGE, signMessage, 'psa_sign_message'),
  sign_message_fail: signFail(psa.PSA_KEY_USAGE_SIGN_MESSAGE, signMessage, 'psa_sign_message'),
  sign_verify_message: signVerify(psa.PSA_KEY_USAGE_SIGN_MESSAGE | psa.PSA_KEY_USAGE_VERIFY_MESSAGE, signMessage, verifyMessage, 'message'),
  verify_message: verifyGood(psa.PSA_KEY_USAGE_VERIFY_MESSAGE, verifyMessage, 'psa_verify_message'),
  verify_message_fail: verifyFail(psa.PSA_KEY_USAGE_VERIFY_MESSAGE, verifyMessage, 'psa_verify_message'),

  asymmetric_signature_key_policy: {
    params: ['int', 'int', 'int', 'data', 'int', 'int', 'int'],
    run(policyUsage: number, policyAlg: number, type: number, keyData: Uint8Array, exerciseAlg: number,
      payloadLengthArg: number, expectedUsageArg: number) {
      const expectedUsage = expectedUsageArg >>> 0;
      const compatible = payloadLengthArg > 0;
      const payload = new Uint8Array(compatible ? payloadLengthArg : 0);
      if (payload.length > 0) payload[0] = 1;
      const alg = exerciseAlg >>> 0;
      checkEqual(expectedUsage, updateUsageFlags(policyUsage >>> 0), 'implied usage flags');
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      const attributes = psa.psa_key_attributes_init();
      psa.psa_set_key_usage_flags(attributes, policyUsage >>> 0);
      psa.psa_set_key_algorithm(attributes, policyAlg >>> 0);
      psa.psa_set_key_type(attributes, type & 0xffff);
      const holder = { value: 0 };
      checkSuccess(psa.psa_import_key(attributes, keyData, holder), 'psa_import_key');
      const key = holder.value;
      try {
        checkEqual(psa.psa_get_key_usage_flags(attributes), expectedUsage, 'usage flags of the attributes');
        const signature = new Uint8Array(psa.PSA_SIGNATURE_MAX_SIZE);
        const length = { value: 0 };
        const expectOk = (usage: number): boolean => compatible && (expectedUsage & usage) !== 0;
        let status = psa.psa_sign_hash(key, alg, payload, signature, length);
        checkStatus(status, expectOk(psa.PSA_KEY_USAGE_SIGN_HASH) ? psa.PSA_SUCCESS : psa.PSA_ERROR_NOT_PERMITTED, 'psa_sign_hash');
        signature.fill(0);
        status = psa.psa_verify_hash(key, alg, payload, signature);
        checkStatus(status, expectOk(psa.PSA_KEY_USAGE_VERIFY_HASH) ? psa.PSA_ERROR_INVALID_SIGNATURE : psa.PSA_ERROR_NOT_PERMITTED, 'psa_verify_hash');
        if (psa.PSA_ALG_IS_SIGN_HASH(alg) && psa.PSA_ALG_IS_HASH(psa.PSA_ALG_SIGN_GET_HASH(alg))) {
          status = psa.psa_sign_message(key, alg, payload, signature, length);
          checkStatus(status, expectOk(psa.PSA_KEY_USAGE_SIGN_MESSAGE) ? psa.PSA_SUCCESS : psa.PSA_ERROR_NOT_PERMITTED, 'psa_sign_message');
          signature.fill(0);
          status = psa.psa_verify_message(key, alg, payload, signature);
          checkStatus(status, expectOk(psa.PSA_KEY_USAGE_VERIFY_MESSAGE) ? psa.PSA_ERROR_INVALID_SIGNATURE : psa.PSA_ERROR_NOT_PERMITTED, 'psa_verify_message');
        }
      } finally {
        psa.psa_destroy_key(key);
      }
    },
  },
};
