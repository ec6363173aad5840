/**
 * Key derivation test functions of the `psa_crypto` suite that read a whole
 * derivation or make keys from it (`derive_full`, `derive_key*`,
 * `derive_ecjpake_to_pms`), and those that feed a key agreement into a KDF
 * (`key_agreement_setup`, `_output`, `_capacity`, moved here from the key
 * agreement suite).
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_IS_HKDF,
  PSA_ALG_KEY_AGREEMENT_GET_KDF,
  PSA_ALG_TLS12_ECJPAKE_TO_PMS,
  PSA_BYTES_TO_BITS,
  PSA_ERROR_INSUFFICIENT_DATA,
  PSA_ERROR_INSUFFICIENT_MEMORY,
  PSA_EXPORT_KEY_OUTPUT_SIZE,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_UNLIMITED_CAPACITY,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import type { psa_key_derivation_operation_t } from '../../../src/c/key-derivation.js';
import { checkBytes, checkEqual, checkStatus, checkSuccess } from '../assert.js';
import { setupKeyDerivation } from '../exercise/key-derivation.js';
import { Skip, type SuiteFunctions } from '../framework.js';
import { exerciseKey, guarded, startSession, u16, u32 } from '../helpers.js';

export const suite = 'psa_crypto';

const SIZE_MAX = (1n << 64n) - 1n;

/** Import `data` as a key with usage, algorithm and type; returns its id. */
function importKey(usage: number, alg: number, type: number, data: Uint8Array): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');
  return key.value;
}

/** Run `body` with a fresh operation, aborting it and destroying the keys in `keys` afterwards. */
function withOperation(keys: number[], body: (op: psa_key_derivation_operation_t) => void): void {
  const op = psa.psa_key_derivation_operation_init();
  try {
    body(op);
  } finally {
    psa.psa_key_derivation_abort(op);
    for (const k of keys) psa.psa_destroy_key(k);
  }
}

/** Attributes of an exportable derived key with no algorithm. */
function exportable(type: number, bits: number): ReturnType<typeof psa.psa_key_attributes_init> {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, 0);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);
  return attributes;
}

/** The export of `key` (buffer of `size` bytes). */
function exportOf(key: number, size: number): Uint8Array {
  const buffer = new Uint8Array(size);
  const length = { value: 0 };
  checkSuccess(psa.psa_export_key(key, buffer, length), 'psa_export_key');
  return buffer.subarray(0, length.value);
}

function deriveFull(alg: number, keyData: Uint8Array, input1: Uint8Array, input2: Uint8Array, requested: number): void {
  startSession();
  const a = u32(alg);
  const key = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, keyData);
  withOperation([key], (op) => {
    setupKeyDerivation(op, key, a, input1, input2, requested >>> 0);
    const capacity = { value: 0 };
    checkSuccess(psa.psa_key_derivation_get_capacity(op, capacity), 'psa_key_derivation_get_capacity');
    let expected = requested >>> 0;
    checkEqual(capacity.value, expected, 'initial capacity');
    while (capacity.value > 0) {
      const size = Math.min(32, capacity.value);
      checkSuccess(psa.psa_key_derivation_output_bytes(op, new Uint8Array(size)), 'psa_key_derivation_output_bytes');
      expected -= size;
      checkSuccess(psa.psa_key_derivation_get_capacity(op, capacity), 'psa_key_derivation_get_capacity');
      checkEqual(capacity.value, expected, 'capacity');
    }
    checkStatus(psa.psa_key_derivation_output_bytes(op, new Uint8Array(1)), PSA_ERROR_INSUFFICIENT_DATA, 'output beyond the capacity');
    checkSuccess(psa.psa_key_derivation_abort(op), 'psa_key_derivation_abort');
  });
}

function deriveEcjpakeToPms(input: Uint8Array, expectedInput: number, step: number, capacity: number, expectedCapacity: number,
  expectedOutput: Uint8Array, expectedOutputStatus: number): void {
  startSession();
  withOperation([], (op) => {
    checkSuccess(psa.psa_key_derivation_setup(op, PSA_ALG_TLS12_ECJPAKE_TO_PMS), 'psa_key_derivation_setup');
    checkStatus(psa.psa_key_derivation_set_capacity(op, capacity >>> 0), expectedCapacity, 'psa_key_derivation_set_capacity');
    checkStatus(psa.psa_key_derivation_input_bytes(op, u16(step), input), expectedInput, 'psa_key_derivation_input_bytes');
    if (expectedInput !== PSA_SUCCESS) return;
    const output = new Uint8Array(expectedOutput.length);
    checkStatus(psa.psa_key_derivation_output_bytes(op, output), expectedOutputStatus, 'psa_key_derivation_output_bytes');
    if (expectedOutput.length !== 0 && expectedOutputStatus === PSA_SUCCESS) checkBytes(output, expectedOutput, 'output');
  });
}

function deriveKeyExercise(alg: number, keyData: Uint8Array, input1: Uint8Array, input2: Uint8Array,
  type: number, bits: number, usage: number, derivedAlg: number): void {
  startSession();
  const a = u32(alg);
  const base = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, keyData);
  const keys = [base];
  withOperation(keys, (op) => {
    setupKeyDerivation(op, base, a, input1, input2, Math.ceil(bits / 8));
    const attributes = psa.psa_key_attributes_init();
    psa.psa_set_key_usage_flags(attributes, u32(usage));
    psa.psa_set_key_algorithm(attributes, u32(derivedAlg));
    psa.psa_set_key_type(attributes, u16(type));
    psa.psa_set_key_bits(attributes, bits);
    const derived = { value: 0 };
    checkSuccess(psa.psa_key_derivation_output_key(attributes, op, derived), 'psa_key_derivation_output_key');
    keys.push(derived.value);
    const got = psa.psa_key_attributes_init();
    checkSuccess(psa.psa_get_key_attributes(derived.value, got), 'psa_get_key_attributes');
    checkEqual(psa.psa_get_key_type(got), u16(type), 'derived key type');
    checkEqual(psa.psa_get_key_bits(got), bits, 'derived key bits');
    exerciseKey(derived.value, u32(usage), u32(derivedAlg));
  });
}

function deriveKeyExport(alg: number, keyData: Uint8Array, input1: Uint8Array, input2: Uint8Array, bytes1: number, bytes2: number): void {
  startSession();
  const a = u32(alg);
  const base = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, keyData);
  const keys = [base];
  withOperation(keys, (op) => {
    const capacity = bytes1 + bytes2;
    setupKeyDerivation(op, base, a, input1, input2, capacity);
    const output = new Uint8Array(capacity);
    checkSuccess(psa.psa_key_derivation_output_bytes(op, output), 'psa_key_derivation_output_bytes');
    checkSuccess(psa.psa_key_derivation_abort(op), 'psa_key_derivation_abort');
    setupKeyDerivation(op, base, a, input1, input2, capacity);
    const exported = new Uint8Array(capacity);
    let at = 0;
    for (const size of [bytes1, bytes2]) {
      const derived = { value: 0 };
      checkSuccess(psa.psa_key_derivation_output_key(exportable(PSA_KEY_TYPE_RAW_DATA, PSA_BYTES_TO_BITS(size)), op, derived),
        'psa_key_derivation_output_key');
      keys.push(derived.value);
      const part = exportOf(derived.value, size);
      checkEqual(part.length, size, 'exported length');
      exported.set(part, at);
      at += size;
    }
    checkBytes(exported, output, 'keys against bytes');
  });
}

function deriveKeyType(alg: number, keyData: Uint8Array, input1: Uint8Array, input2: Uint8Array, type: number, bits: number, expected: Uint8Array): void {
  deriveKeyCustom(alg, keyData, input1, input2, type, bits, 0, new Uint8Array(0), PSA_SUCCESS, expected);
}

function deriveKeyCustom(alg: number, keyData: Uint8Array, input1: Uint8Array, input2: Uint8Array, type: number, bits: number,
  flags: number, customData: Uint8Array, expectedStatus: number, expected: Uint8Array): void {
  startSession();
  const a = u32(alg);
  const base = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, keyData);
  const keys = [base];
  withOperation(keys, (op) => {
    setupKeyDerivation(op, base, a, input1, input2, PSA_KEY_DERIVATION_UNLIMITED_CAPACITY);
    const derived = { value: 0 };
    const status = psa.psa_key_derivation_output_key_custom(exportable(u16(type), bits), op, { flags: flags >>> 0 }, customData, derived);
    keys.push(derived.value);
    checkStatus(status, expectedStatus, 'psa_key_derivation_output_key_custom');
    if (status === PSA_SUCCESS) checkBytes(exportOf(derived.value, PSA_EXPORT_KEY_OUTPUT_SIZE(u16(type), bits)), expected, 'exported key');
  });
}

function deriveKey(alg: number, keyData: Uint8Array, input1: Uint8Array, input2: Uint8Array, type: number, bits: number,
  expectedStatus: number, isLargeOutput: number): void {
  startSession();
  const a = u32(alg);
  const base = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, keyData);
  const keys = [base];
  withOperation(keys, (op) => {
    setupKeyDerivation(op, base, a, input1, input2, SIZE_MAX);
    const derived = { value: 0 };
    const status = psa.psa_key_derivation_output_key(exportable(u16(type), bits >>> 0), op, derived);
    keys.push(derived.value);
    if (isLargeOutput > 0 && status === PSA_ERROR_INSUFFICIENT_MEMORY) throw new Skip('not enough memory for a large key (TEST_ASSUME)');
    checkStatus(status, expectedStatus, 'psa_key_derivation_output_key');
  });
}

function keyAgreementSetup(alg: number, ourType: number, ourAlg: number, ourKey: Uint8Array, peerKey: Uint8Array, expected: number): void {
  startSession();
  const key = importKey(PSA_KEY_USAGE_DERIVE, u32(ourAlg), u16(ourType), ourKey);
  withOperation([key], (op) => {
    const status = psa.psa_key_derivation_setup(op, u32(alg));
    if (status === PSA_SUCCESS) {
      checkStatus(psa.psa_key_derivation_key_agreement(op, PSA_KEY_DERIVATION_INPUT_SECRET, key, peerKey), expected, 'key agreement');
    } else {
      checkStatus(status, expected, 'psa_key_derivation_setup');
    }
  });
}

/** Set up `alg`, agree `key` with `peerKey` as SECRET and give an empty info to HKDF (the vectors are for info = ""). */
function agreeInto(op: psa_key_derivation_operation_t, alg: number, key: number, peerKey: Uint8Array): void {
  checkSuccess(psa.psa_key_derivation_setup(op, alg), 'psa_key_derivation_setup');
  checkSuccess(psa.psa_key_derivation_key_agreement(op, PSA_KEY_DERIVATION_INPUT_SECRET, key, peerKey), 'psa_key_derivation_key_agreement');
  if (PSA_ALG_IS_HKDF(PSA_ALG_KEY_AGREEMENT_GET_KDF(alg))) {
    checkSuccess(psa.psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_INFO, new Uint8Array(0)), 'input info');
  }
}

function keyAgreementCapacity(alg: number, ourType: number, ourKey: Uint8Array, peerKey: Uint8Array, expectedCapacity: number): void {
  startSession();
  const a = u32(alg);
  const key = importKey(PSA_KEY_USAGE_DERIVE, a, u16(ourType), ourKey);
  withOperation([key], (op) => {
    agreeInto(op, a, key, peerKey);
    const capacity = { value: 0 };
    checkSuccess(psa.psa_key_derivation_get_capacity(op, capacity), 'psa_key_derivation_get_capacity');
    checkEqual(capacity.value, expectedCapacity >>> 0, 'advertised capacity');
    let left = capacity.value;
    while (left > 16) {
      checkSuccess(psa.psa_key_derivation_output_bytes(op, new Uint8Array(16)), 'psa_key_derivation_output_bytes');
      left -= 16;
    }
    checkSuccess(psa.psa_key_derivation_output_bytes(op, new Uint8Array(left)), 'psa_key_derivation_output_bytes (rest)');
    checkStatus(psa.psa_key_derivation_output_bytes(op, new Uint8Array(1)), PSA_ERROR_INSUFFICIENT_DATA, 'output beyond the capacity');
  });
}

function keyAgreementOutput(alg: number, ourType: number, ourKey: Uint8Array, peerKey: Uint8Array, expected1: Uint8Array, expected2: Uint8Array): void {
  startSession();
  const a = u32(alg);
  const key = importKey(PSA_KEY_USAGE_DERIVE, a, u16(ourType), ourKey);
  withOperation([key], (op) => {
    agreeInto(op, a, key, peerKey);
    for (const [i, expected] of [expected1, expected2].entries()) {
      if (i === 1 && expected.length === 0) break;
      const output = new Uint8Array(expected.length);
      checkSuccess(psa.psa_key_derivation_output_bytes(op, output), `psa_key_derivation_output_bytes ${i + 1}`);
      checkBytes(output, expected, `output ${i + 1}`);
    }
  });
}

const DERIVE_BASE = ['int', 'data', 'data', 'data'] as const;

export const functions: SuiteFunctions = {
  derive_full: { params: [...DERIVE_BASE, 'int'], run: guarded(deriveFull) },
  derive_ecjpake_to_pms: { params: ['data', 'int', 'int', 'int', 'int', 'data', 'int'], run: guarded(deriveEcjpakeToPms) },
  derive_key_exercise: { params: [...DERIVE_BASE, 'int', 'int', 'int', 'int'], run: guarded(deriveKeyExercise) },
  derive_key_export: { params: [...DERIVE_BASE, 'int', 'int'], run: guarded(deriveKeyExport) },
  derive_key_type: { params: [...DERIVE_BASE, 'int', 'int', 'data'], run: guarded(deriveKeyType) },
  derive_key_custom: { params: [...DERIVE_BASE, 'int', 'int', 'int', 'data', 'int', 'data'], run: guarded(deriveKeyCustom) },
  derive_key: { params: [...DERIVE_BASE, 'int', 'int', 'int', 'int'], run: guarded(deriveKey) },
  key_agreement_setup: { params: ['int', 'int', 'int', 'data', 'data', 'int'], run: guarded(keyAgreementSetup) },
  key_agreement_output: { params: ['int', 'int', 'data', 'data', 'data', 'data'], run: guarded(keyAgreementOutput) },
  key_agreement_capacity: { params: ['int', 'int', 'data', 'data', 'int'], run: guarded(keyAgreementCapacity) },
};
