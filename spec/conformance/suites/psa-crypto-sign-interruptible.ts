/**
 * The interruptible sign/verify hash functions of the main `psa_crypto`
 * suite (they need MBEDTLS_ECP_RESTARTABLE): `sign_hash_interruptible`,
 * `verify_hash_interruptible`, `sign_verify_hash_interruptible`,
 * `sign_hash_fail_interruptible`, `verify_hash_fail_interruptible`,
 * `interruptible_signverify_hash_ops_tests`, `interruptible_signverify_hash_state_test`
 * and `interruptible_signverify_hash_edgecase_tests`, transliterated from
 * `test_suite_psa_crypto.function`.
 */
import * as psa from '../../../src/c/index.js';
import { check, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

import { importKey } from '../helpers.js';

export const suite = 'psa_crypto';

/** Upstream `interruptible_signverify_get_minmax_completes`. */
function minmaxCompletes(maxOps: number, expectedStatus: number): [number, number] {
  if (maxOps === 0 || maxOps === 1) return [expectedStatus === psa.PSA_SUCCESS ? 2 : 1, psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED];
  return [1, 1];
}

/** A signature buffer of `PSA_SIGN_OUTPUT_SIZE` for the key. */
function signatureBuffer(type: number, key: number, alg: number): Uint8Array {
  const attributes = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, attributes), 'psa_get_key_attributes');
  const size = psa.PSA_SIGN_OUTPUT_SIZE(type & 0xffff, psa.psa_get_key_bits(attributes), alg >>> 0);
  check(size !== 0, 'PSA_SIGN_OUTPUT_SIZE is not 0');
  checkLessOrEqual(size, psa.PSA_SIGNATURE_MAX_SIZE, 'PSA_SIGN_OUTPUT_SIZE');
  return new Uint8Array(size);
}

/** Call `complete` until it is not INCOMPLETE, checking that each successful call makes progress. */
function loop(complete: () => number, numOps: () => number, checkTwice: boolean): { status: number; completes: number } {
  let status: number;
  let completes = 0;
  let prior = numOps();
  do {
    status = complete();
    completes++;
    if (status === psa.PSA_SUCCESS || status === psa.PSA_OPERATION_INCOMPLETE) {
      const n = numOps();
      check(n > prior, 'every complete makes progress');
      prior = n;
      if (checkTwice) checkEqual(numOps(), prior, 'get_num_ops twice');
    }
  } while (status === psa.PSA_OPERATION_INCOMPLETE);
  return { status, completes };
}

/** Run `body` with the library initialised, max_ops reset and the key destroyed afterwards. */
function session(type: number, data: Uint8Array, usage: number, alg: number, body: (key: number) => void): void {
  checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
  const key = importKey(type, data, usage, alg);
  try {
    body(key);
  } finally {
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    psa.psa_destroy_key(key);
  }
}

/** Verify to the end; the final status. */
function verifyAll(key: number, alg: number, hash: Uint8Array, signature: Uint8Array): { status: number; completes: number } {
  const op = psa.psa_verify_hash_interruptible_operation_init();
  checkSuccess(psa.psa_verify_hash_start(op, key, alg >>> 0, hash, signature), 'psa_verify_hash_start');
  const r = loop(() => psa.psa_verify_hash_complete(op), () => psa.psa_verify_hash_get_num_ops(op), true);
  checkSuccess(psa.psa_verify_hash_abort(op), 'psa_verify_hash_abort');
  checkEqual(psa.psa_verify_hash_get_num_ops(op), 0, 'num_ops after abort');
  return r;
}

function signHashInterruptible(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, expected: Uint8Array, maxOps: number): void {
  session(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH, alg, (key) => {
    const signature = signatureBuffer(type, key, alg);
    psa.psa_interruptible_set_max_ops(maxOps >>> 0);
    const [min, max] = minmaxCompletes(maxOps >>> 0, psa.PSA_SUCCESS);
    const op = psa.psa_sign_hash_interruptible_operation_init();
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops before start');
    checkSuccess(psa.psa_sign_hash_start(op, key, alg >>> 0, input), 'psa_sign_hash_start');
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops after start');
    const length = { value: 0xdeadbeef };
    const r = loop(() => psa.psa_sign_hash_complete(op, signature, length), () => psa.psa_sign_hash_get_num_ops(op), true);
    checkSuccess(r.status, 'psa_sign_hash_complete');
    checkLessOrEqual(min, r.completes, 'completes ≥ min');
    checkLessOrEqual(r.completes, max, 'completes ≤ max');
    checkBytes(signature.subarray(0, length.value), expected, 'signature');
    checkSuccess(psa.psa_sign_hash_abort(op), 'psa_sign_hash_abort');
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops after abort');
  });
}

function verifyHashInterruptible(type: number, keyData: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array, maxOps: number): void {
  checkLessOrEqual(signature.length, psa.PSA_SIGNATURE_MAX_SIZE, 'signature length');
  session(type, keyData, psa.PSA_KEY_USAGE_VERIFY_HASH, alg, (key) => {
    psa.psa_interruptible_set_max_ops(maxOps >>> 0);
    const [min, max] = minmaxCompletes(maxOps >>> 0, psa.PSA_SUCCESS);
    const r = verifyAll(key, alg, hash, signature);
    checkSuccess(r.status, 'psa_verify_hash_complete');
    checkLessOrEqual(min, r.completes, 'completes ≥ min');
    checkLessOrEqual(r.completes, max, 'completes ≤ max');
    if (hash.length !== 0) {
      const altered = hash.slice();
      altered[0]! ^= 1;
      checkStatus(verifyAll(key, alg, altered, signature).status, psa.PSA_ERROR_INVALID_SIGNATURE, 'altered hash');
    }
  });
}

function signVerifyHashInterruptible(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, maxOps: number): void {
  session(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH, alg, (key) => {
    const signature = signatureBuffer(type, key, alg);
    psa.psa_interruptible_set_max_ops(maxOps >>> 0);
    const [min, max] = minmaxCompletes(maxOps >>> 0, psa.PSA_SUCCESS);
    const op = psa.psa_sign_hash_interruptible_operation_init();
    checkSuccess(psa.psa_sign_hash_start(op, key, alg >>> 0, input), 'psa_sign_hash_start');
    const length = { value: 0 };
    const r = loop(() => psa.psa_sign_hash_complete(op, signature, length), () => psa.psa_sign_hash_get_num_ops(op), false);
    checkSuccess(r.status, 'psa_sign_hash_complete');
    checkLessOrEqual(min, r.completes, 'sign completes ≥ min');
    checkLessOrEqual(r.completes, max, 'sign completes ≤ max');
    checkSuccess(psa.psa_sign_hash_abort(op), 'psa_sign_hash_abort');
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops after abort');
    checkLessOrEqual(length.value, signature.length, 'signature length');
    check(length.value > 0, 'signature length > 0');
    const produced = signature.subarray(0, length.value);
    const v = verifyAll(key, alg, input, produced);
    checkSuccess(v.status, 'psa_verify_hash_complete');
    checkLessOrEqual(min, v.completes, 'verify completes ≥ min');
    checkLessOrEqual(v.completes, max, 'verify completes ≤ max');
    if (input.length !== 0) {
      const altered = input.slice();
      altered[0]! ^= 1;
      checkStatus(verifyAll(key, alg, altered, produced).status, psa.PSA_ERROR_INVALID_SIGNATURE, 'altered input');
    }
  });
}

function signHashFailInterruptible(type: number, keyData: Uint8Array, alg: number, input: Uint8Array, signatureSize: number,
  expectedStart: number, expectedComplete: number, maxOps: number): void {
  const signature = new Uint8Array(signatureSize);
  session(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH, alg, (key) => {
    psa.psa_interruptible_set_max_ops(maxOps >>> 0);
    const [min, max] = minmaxCompletes(maxOps >>> 0, expectedComplete);
    const op = psa.psa_sign_hash_interruptible_operation_init();
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops before start');
    const length = { value: 0 };
    checkStatus(psa.psa_sign_hash_start(op, key, alg >>> 0, input), expectedStart, 'psa_sign_hash_start');
    if (expectedStart !== psa.PSA_SUCCESS) {
      checkStatus(psa.psa_sign_hash_complete(op, signature, length), psa.PSA_ERROR_BAD_STATE, 'complete after a failed start');
      checkStatus(psa.psa_sign_hash_start(op, key, alg >>> 0, input), psa.PSA_ERROR_BAD_STATE, 'start after a failed start');
    }
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops before complete');
    const r = loop(() => psa.psa_sign_hash_complete(op, signature, length), () => psa.psa_sign_hash_get_num_ops(op), false);
    checkStatus(r.status, expectedComplete, 'psa_sign_hash_complete');
    checkStatus(psa.psa_sign_hash_complete(op, signature, length), psa.PSA_ERROR_BAD_STATE, 'complete after the end');
    checkSuccess(psa.psa_sign_hash_abort(op), 'psa_sign_hash_abort');
    checkEqual(psa.psa_sign_hash_get_num_ops(op), 0, 'num_ops after abort');
    checkLessOrEqual(length.value, signatureSize, 'signature length');
    checkLessOrEqual(min, r.completes, 'completes ≥ min');
    checkLessOrEqual(r.completes, max, 'completes ≤ max');
  });
}

function verifyHashFailInterruptible(type: number, keyData: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array,
  expectedStart: number, expectedComplete: number, maxOps: number): void {
  session(type, keyData, psa.PSA_KEY_USAGE_VERIFY_HASH, alg, (key) => {
    psa.psa_interruptible_set_max_ops(maxOps >>> 0);
    const [min, max] = minmaxCompletes(maxOps >>> 0, expectedComplete);
    const op = psa.psa_verify_hash_interruptible_operation_init();
    checkEqual(psa.psa_verify_hash_get_num_ops(op), 0, 'num_ops before start');
    checkStatus(psa.psa_verify_hash_start(op, key, alg >>> 0, hash, signature), expectedStart, 'psa_verify_hash_start');
    if (expectedStart !== psa.PSA_SUCCESS) {
      checkStatus(psa.psa_verify_hash_complete(op), psa.PSA_ERROR_BAD_STATE, 'complete after a failed start');
      checkStatus(psa.psa_verify_hash_start(op, key, alg >>> 0, hash, signature), psa.PSA_ERROR_BAD_STATE, 'start after a failed start');
    }
    checkEqual(psa.psa_verify_hash_get_num_ops(op), 0, 'num_ops before complete');
    const r = loop(() => psa.psa_verify_hash_complete(op), () => psa.psa_verify_hash_get_num_ops(op), false);
    checkStatus(r.status, expectedComplete, 'psa_verify_hash_complete');
    checkStatus(psa.psa_verify_hash_complete(op), psa.PSA_ERROR_BAD_STATE, 'complete after the end');
    checkLessOrEqual(min, r.completes, 'completes ≥ min');
    checkLessOrEqual(r.completes, max, 'completes ≤ max');
    checkSuccess(psa.psa_verify_hash_abort(op), 'psa_verify_hash_abort');
    checkEqual(psa.psa_verify_hash_get_num_ops(op), 0, 'num_ops after abort');
  });
}

/** Sign to the end with the current max_ops; returns the length and the op count. */
function signAll(key: number, alg: number, input: Uint8Array, signature: Uint8Array, readOps: boolean): { length: number; ops: number } {
  const op = psa.psa_sign_hash_interruptible_operation_init();
  checkSuccess(psa.psa_sign_hash_start(op, key, alg >>> 0, input), 'psa_sign_hash_start');
  const length = { value: 0 };
  let status: number;
  let ops = 0;
  do {
    status = psa.psa_sign_hash_complete(op, signature, length);
    if (readOps) ops = psa.psa_sign_hash_get_num_ops(op);
  } while (status === psa.PSA_OPERATION_INCOMPLETE);
  checkSuccess(status, 'psa_sign_hash_complete');
  if (!readOps) ops = psa.psa_sign_hash_get_num_ops(op);
  checkSuccess(psa.psa_sign_hash_abort(op), 'psa_sign_hash_abort');
  return { length: length.value, ops };
}

/** Verify to the end with the current max_ops; returns the op count. */
function verifyOps(key: number, alg: number, input: Uint8Array, signature: Uint8Array, readOps: boolean): number {
  const op = psa.psa_verify_hash_interruptible_operation_init();
  checkSuccess(psa.psa_verify_hash_start(op, key, alg >>> 0, input, signature), 'psa_verify_hash_start');
  let status: number;
  let ops = 0;
  do {
    status = psa.psa_verify_hash_complete(op);
    if (readOps) ops = psa.psa_verify_hash_get_num_ops(op);
  } while (status === psa.PSA_OPERATION_INCOMPLETE);
  checkSuccess(status, 'psa_verify_hash_complete');
  if (!readOps) ops = psa.psa_verify_hash_get_num_ops(op);
  checkSuccess(psa.psa_verify_hash_abort(op), 'psa_verify_hash_abort');
  return ops;
}

function opsTests(type: number, keyData: Uint8Array, alg: number, input: Uint8Array): void {
  session(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH, alg, (key) => {
    const signature = signatureBuffer(type, key, alg);
    // The default max_ops is unlimited.
    const sop = psa.psa_sign_hash_interruptible_operation_init();
    checkSuccess(psa.psa_sign_hash_start(sop, key, alg >>> 0, input), 'psa_sign_hash_start');
    checkEqual(psa.psa_interruptible_get_max_ops(), psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED, 'default max_ops');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'psa_sign_hash_abort');
    const vop = psa.psa_verify_hash_interruptible_operation_init();
    checkSuccess(psa.psa_verify_hash_start(vop, key, alg >>> 0, input, signature), 'psa_verify_hash_start');
    checkEqual(psa.psa_interruptible_get_max_ops(), psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED, 'default max_ops');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'psa_verify_hash_abort');
    psa.psa_interruptible_set_max_ops(0xbeef);
    checkEqual(psa.psa_interruptible_get_max_ops(), 0xbeef, 'max_ops set');
    // Changing max_ops in the middle of an operation.
    psa.psa_interruptible_set_max_ops(1);
    const length = { value: 0 };
    checkSuccess(psa.psa_sign_hash_start(sop, key, alg >>> 0, input), 'psa_sign_hash_start');
    checkStatus(psa.psa_sign_hash_complete(sop, signature, length), psa.PSA_OPERATION_INCOMPLETE, 'sign with max_ops 1');
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    checkSuccess(psa.psa_sign_hash_complete(sop, signature, length), 'sign with max_ops unlimited');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'psa_sign_hash_abort');
    const produced = signature.subarray(0, length.value);
    psa.psa_interruptible_set_max_ops(1);
    checkSuccess(psa.psa_verify_hash_start(vop, key, alg >>> 0, input, produced), 'psa_verify_hash_start');
    checkStatus(psa.psa_verify_hash_complete(vop), psa.PSA_OPERATION_INCOMPLETE, 'verify with max_ops 1');
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    checkSuccess(psa.psa_verify_hash_complete(vop), 'verify with max_ops unlimited');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'psa_verify_hash_abort');
    // Not reading num_ops between calls loses no ops.
    psa.psa_interruptible_set_max_ops(1);
    const first = signAll(key, alg, input, signature, true);
    const second = signAll(key, alg, input, signature, false);
    checkEqual(second.ops, first.ops, 'sign num_ops');
    const signed = signature.subarray(0, second.length);
    checkEqual(verifyOps(key, alg, input, signed, false), verifyOps(key, alg, input, signed, true), 'verify num_ops');
  });
}

/** `interruptible_signverify_hash_state_test`: complete before start, abort at any point, start twice. */
function stateTest(type: number, keyData: Uint8Array, alg: number, input: Uint8Array): void {
  session(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH, alg, (key) => {
    const signature = signatureBuffer(type, key, alg);
    const length = { value: 0xdeadbeef };
    const sop = psa.psa_sign_hash_interruptible_operation_init();
    const vop = psa.psa_verify_hash_interruptible_operation_init();
    const a = alg >>> 0;
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    checkStatus(psa.psa_sign_hash_complete(sop, signature, length), psa.PSA_ERROR_BAD_STATE, 'sign complete before start');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort');
    checkStatus(psa.psa_verify_hash_complete(vop), psa.PSA_ERROR_BAD_STATE, 'verify complete before start');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort');
    // Abort right after start, and after an incomplete step.
    checkSuccess(psa.psa_sign_hash_start(sop, key, a, input), 'sign start');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort after start');
    psa.psa_interruptible_set_max_ops(1);
    checkSuccess(psa.psa_sign_hash_start(sop, key, a, input), 'sign start');
    checkStatus(psa.psa_sign_hash_complete(sop, signature, length), psa.PSA_OPERATION_INCOMPLETE, 'sign complete with max_ops 1');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort after a step');
    // Abort after the end.
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    checkSuccess(psa.psa_sign_hash_start(sop, key, a, input), 'sign start');
    checkSuccess(psa.psa_sign_hash_complete(sop, signature, length), 'sign complete');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort after the end');
    const produced = signature.subarray(0, length.value);
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort');
    checkSuccess(psa.psa_verify_hash_start(vop, key, a, input, produced), 'verify start');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort after start');
    psa.psa_interruptible_set_max_ops(1);
    checkSuccess(psa.psa_verify_hash_start(vop, key, a, input, produced), 'verify start');
    checkStatus(psa.psa_verify_hash_complete(vop), psa.PSA_OPERATION_INCOMPLETE, 'verify complete with max_ops 1');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort after a step');
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    checkSuccess(psa.psa_verify_hash_start(vop, key, a, input, produced), 'verify start');
    checkSuccess(psa.psa_verify_hash_complete(vop), 'verify complete');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort after the end');
    // Start twice.
    checkSuccess(psa.psa_sign_hash_start(sop, key, a, input), 'sign start');
    checkStatus(psa.psa_sign_hash_start(sop, key, a, input), psa.PSA_ERROR_BAD_STATE, 'sign start twice');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort');
    checkSuccess(psa.psa_verify_hash_start(vop, key, a, input, produced), 'verify start');
    checkStatus(psa.psa_verify_hash_start(vop, key, a, input, produced), psa.PSA_ERROR_BAD_STATE, 'verify start twice');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort');
  });
}

/** `interruptible_signverify_hash_edgecase_tests`: a zero-size buffer mid-way, and inputs freed (overwritten) after start. */
function edgecaseTests(type: number, keyData: Uint8Array, alg: number, input: Uint8Array): void {
  session(type, keyData, psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH, alg, (key) => {
    const signature = signatureBuffer(type, key, alg);
    const length = { value: 0xdeadbeef };
    const sop = psa.psa_sign_hash_interruptible_operation_init();
    const vop = psa.psa_verify_hash_interruptible_operation_init();
    const a = alg >>> 0;
    psa.psa_interruptible_set_max_ops(1);
    checkSuccess(psa.psa_sign_hash_start(sop, key, a, input), 'sign start');
    checkStatus(psa.psa_sign_hash_complete(sop, signature, length), psa.PSA_OPERATION_INCOMPLETE, 'sign complete with max_ops 1');
    checkStatus(psa.psa_sign_hash_complete(sop, signature.subarray(0, 0), length), psa.PSA_ERROR_BUFFER_TOO_SMALL, 'sign complete into 0 bytes');
    checkStatus(psa.psa_sign_hash_complete(sop, signature.subarray(0, 0), length), psa.PSA_ERROR_BAD_STATE, 'sign complete after the error');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort');
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    // The operation keeps its own copy of the hash: overwriting the caller's buffer changes nothing.
    const buffer = Uint8Array.from(input);
    checkSuccess(psa.psa_sign_hash_start(sop, key, a, buffer), 'sign start');
    buffer.fill(0x21);
    checkSuccess(psa.psa_sign_hash_complete(sop, signature, length), 'sign complete');
    checkSuccess(psa.psa_sign_hash_abort(sop), 'sign abort');
    const buffer2 = Uint8Array.from(input);
    checkSuccess(psa.psa_verify_hash_start(vop, key, a, buffer2, signature.subarray(0, length.value)), 'verify start');
    buffer2.fill(0x21);
    checkSuccess(psa.psa_verify_hash_complete(vop), 'verify complete');
    checkSuccess(psa.psa_verify_hash_abort(vop), 'verify abort');
  });
}

export const functions: SuiteFunctions = {
  interruptible_signverify_hash_state_test: { params: ['int', 'data', 'int', 'data'], run: stateTest },
  interruptible_signverify_hash_edgecase_tests: { params: ['int', 'data', 'int', 'data'], run: edgecaseTests },
  interruptible_signverify_hash_ops_tests: { params: ['int', 'data', 'int', 'data'], run: opsTests },
  sign_hash_interruptible: { params: ['int', 'data', 'int', 'data', 'data', 'int'], run: signHashInterruptible },
  verify_hash_interruptible: { params: ['int', 'data', 'int', 'data', 'data', 'int'], run: verifyHashInterruptible },
  sign_verify_hash_interruptible: { params: ['int', 'data', 'int', 'data', 'int'], run: signVerifyHashInterruptible },
  sign_hash_fail_interruptible: {
    params: ['int', 'data', 'int', 'data', 'int', 'int', 'int', 'int'], run: signHashFailInterruptible,
  },
  verify_hash_fail_interruptible: {
    params: ['int', 'data', 'int', 'data', 'data', 'int', 'int', 'int'], run: verifyHashFailInterruptible,
  },
};
