/**
 * Key derivation test functions of the `psa_crypto` suite: setup and
 * capacity rules, the input state machine (`derive_input`, `derive_output`),
 * whole-capacity reads, derived keys (`derive_key*`), policies, and the
 * functions that feed a key agreement into a KDF (`key_agreement_*`,
 * `agreement_key_policy`, moved here from the key agreement suite).
 */
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_IS_TLS12_PRF,
  PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_ALG_NONE,
  PSA_BITS_TO_BYTES,
  PSA_BYTES_TO_BITS,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INSUFFICIENT_DATA,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_KEY_PAIR,
  PSA_KEY_TYPE_NONE,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_SUCCESS,
  PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE,
} from '../../../src/values/index.js';
import { check, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import { INPUT1, INPUT2, keyAgreementWithSelf, setupKeyDerivation } from '../exercise/key-derivation.js';
import { Skip, type SuiteFunctions } from '../framework.js';
import { guarded, startSession, u16, u32 } from '../helpers.js';

export const suite = 'psa_crypto';

/** `INPUT_INTEGER` of `derive_input`: feed the step with `psa_key_derivation_input_integer`. */
const INPUT_INTEGER = 0x10000;
/** The largest PBKDF2 cost `derive_output` runs (RFC 6070 #4 has 16 777 216). */
const MAX_RUN_COST = 100_000n;

/** `mbedtls_test_parse_binary_string`: up to 8 bytes, big-endian. */
function parseBinary(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

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

/** Run `body` with a fresh operation, aborting it and destroying `keys` afterwards. */
function withOperation(keys: number[], body: (op: psa.psa_key_derivation_operation_t) => void): void {
  const op = psa.psa_key_derivation_operation_init();
  try {
    body(op);
  } finally {
    psa.psa_key_derivation_abort(op);
    for (const k of keys) psa.psa_destroy_key(k);
  }
}

function deriveKeyPolicy(policyUsage: number, policyAlg: number, keyType: number, keyData: Uint8Array, exerciseAlg: number): void {
  startSession();
  const key = importKey(u32(policyUsage), u32(policyAlg), u16(keyType), keyData);
  withOperation([key], (op) => {
    const alg = u32(exerciseAlg);
    checkSuccess(psa.psa_key_derivation_setup(op, alg), 'psa_key_derivation_setup');
    if (PSA_ALG_IS_TLS12_PRF(alg) || PSA_ALG_IS_TLS12_PSK_TO_MS(alg)) {
      checkSuccess(psa.psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_SEED, new Uint8Array(0)), 'input seed');
    }
    const status = psa.psa_key_derivation_input_key(op, PSA_KEY_DERIVATION_INPUT_SECRET, key);
    const permitted = u32(policyAlg) === alg && (u32(policyUsage) & PSA_KEY_USAGE_DERIVE) !== 0;
    checkStatus(status, permitted ? PSA_SUCCESS : PSA_ERROR_NOT_PERMITTED, 'psa_key_derivation_input_key');
  });
}

function agreementKeyPolicy(policyUsage: number, policyAlg: number, keyType: number, keyData: Uint8Array, exerciseAlg: number, expected: number): void {
  startSession();
  const key = importKey(u32(policyUsage), u32(policyAlg), u16(keyType), keyData);
  withOperation([key], (op) => {
    checkSuccess(psa.psa_key_derivation_setup(op, u32(exerciseAlg)), 'psa_key_derivation_setup');
    checkStatus(keyAgreementWithSelf(op, key), expected, 'key agreement with self');
  });
}

function keyDerivationInit(): void {
  const ops = [psa.psa_key_derivation_operation_init(), psa.psa_key_derivation_operation_init(), {}];
  const capacity = { value: 0 };
  for (const op of ops) checkStatus(psa.psa_key_derivation_get_capacity(op, capacity), PSA_ERROR_BAD_STATE, 'get_capacity of a fresh operation');
  for (const op of ops) checkSuccess(psa.psa_key_derivation_abort(op), 'abort of a fresh operation');
}

function deriveSetup(alg: number, expected: number): void {
  startSession();
  withOperation([], (op) => checkStatus(psa.psa_key_derivation_setup(op, u32(alg)), expected, 'psa_key_derivation_setup'));
}

function deriveSetCapacity(alg: number, capacity: bigint, expected: number): void {
  startSession();
  withOperation([], (op) => {
    checkSuccess(psa.psa_key_derivation_setup(op, u32(alg)), 'psa_key_derivation_setup');
    checkStatus(psa.psa_key_derivation_set_capacity(op, BigInt.asUintN(64, capacity)), expected, 'psa_key_derivation_set_capacity');
  });
}

function deriveInput(alg: number, ...args: (number | Uint8Array)[]): void {
  startSession();
  const a = u32(alg);
  const keys: number[] = [];
  withOperation(keys, (op) => {
    if (a !== PSA_ALG_NONE) checkSuccess(psa.psa_key_derivation_setup(op, a), 'psa_key_derivation_setup');
    for (let i = 0; i < 3; i++) {
      const step = u16(args[4 * i] as number);
      const keyType = (args[4 * i + 1] as number) >>> 0;
      const input = args[4 * i + 2] as Uint8Array;
      const expected = args[4 * i + 3] as number;
      const what = `step ${i + 1}`;
      if (step === 0) continue;
      if ((keyType & 0xffff) !== PSA_KEY_TYPE_NONE && keyType !== INPUT_INTEGER) {
        const key = importKey(PSA_KEY_USAGE_DERIVE, a, u16(keyType), input);
        keys.push(key);
        if (PSA_KEY_TYPE_IS_KEY_PAIR(u16(keyType)) && step === PSA_KEY_DERIVATION_INPUT_SECRET) {
          checkStatus(keyAgreementWithSelf(op, key), expected, `${what}: key agreement with self`);
        } else {
          checkStatus(psa.psa_key_derivation_input_key(op, step, key), expected, `${what}: psa_key_derivation_input_key`);
        }
      } else if (keyType === INPUT_INTEGER) {
        checkStatus(psa.psa_key_derivation_input_integer(op, step, parseBinary(input)), expected, `${what}: psa_key_derivation_input_integer`);
      } else {
        checkStatus(psa.psa_key_derivation_input_bytes(op, step, input), expected, `${what}: psa_key_derivation_input_bytes`);
      }
    }
    const outputType = u16(args[12] as number);
    const expectedOutput = args[13] as number;
    let status: number;
    if (outputType !== PSA_KEY_TYPE_NONE) {
      const attributes = psa.psa_key_attributes_init();
      psa.psa_set_key_type(attributes, outputType);
      psa.psa_set_key_bits(attributes, 8);
      const out = { value: 0 };
      status = psa.psa_key_derivation_output_key(attributes, op, out);
      keys.push(out.value);
    } else {
      status = psa.psa_key_derivation_output_bytes(op, new Uint8Array(1));
    }
    checkStatus(status, expectedOutput, 'output');
  });
}

function deriveInputInvalidCost(alg: number, cost: bigint): void {
  startSession();
  withOperation([], (op) => {
    checkSuccess(psa.psa_key_derivation_setup(op, u32(alg)), 'psa_key_derivation_setup');
    checkStatus(psa.psa_key_derivation_input_integer(op, PSA_KEY_DERIVATION_INPUT_COST, BigInt.asUintN(64, cost)), PSA_ERROR_NOT_SUPPORTED,
      'psa_key_derivation_input_integer');
  });
}

function deriveOverCapacity(alg: number): void {
  startSession();
  const a = u32(alg);
  const key = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, new Uint8Array(22).fill(0x0b));
  withOperation([key], (op) => {
    setupKeyDerivation(op, key, a, INPUT1, INPUT2, 42);
    checkStatus(psa.psa_key_derivation_setup(op, a), PSA_ERROR_BAD_STATE, 'second setup');
    checkSuccess(psa.psa_key_derivation_output_bytes(op, new Uint8Array(42)), 'output the capacity');
    checkStatus(psa.psa_key_derivation_output_bytes(op, new Uint8Array(42)), PSA_ERROR_INSUFFICIENT_DATA, 'output beyond the capacity');
  });
}

function deriveActionsWithoutSetup(): void {
  const op = psa.psa_key_derivation_operation_init();
  const capacity = { value: 0 };
  checkStatus(psa.psa_key_derivation_output_bytes(op, new Uint8Array(16)), PSA_ERROR_BAD_STATE, 'output_bytes without setup');
  checkStatus(psa.psa_key_derivation_get_capacity(op, capacity), PSA_ERROR_BAD_STATE, 'get_capacity without setup');
  checkSuccess(psa.psa_key_derivation_abort(op), 'abort');
  checkStatus(psa.psa_key_derivation_output_bytes(op, new Uint8Array(16)), PSA_ERROR_BAD_STATE, 'output_bytes after abort');
  checkStatus(psa.psa_key_derivation_get_capacity(op, capacity), PSA_ERROR_BAD_STATE, 'get_capacity after abort');
}

function deriveOutput(alg: number, ...args: (number | Uint8Array)[]): void {
  startSession();
  const a = u32(alg);
  const peerKey = args[12] as Uint8Array;
  const requested = (args[13] as number) >>> 0;
  const expectedOutputs = [args[14] as Uint8Array, args[15] as Uint8Array];
  const otherKeyInputType = args[16] as number;
  const keyInputType = args[17] as number;
  const deriveType = args[18] as number;
  const keys: number[] = [];
  withOperation(keys, (op) => {
    checkSuccess(psa.psa_key_derivation_setup(op, a), 'psa_key_derivation_setup');
    checkSuccess(psa.psa_key_derivation_set_capacity(op, requested), 'psa_key_derivation_set_capacity');
    for (let i = 0; i < 4; i++) {
      const step = u16(args[3 * i] as number);
      const input = args[3 * i + 1] as Uint8Array;
      const expected = args[3 * i + 2] as number;
      const what = `step ${i + 1}`;
      let status: number;
      if (step === 0) continue;
      if (step === PSA_KEY_DERIVATION_INPUT_COST) {
        if (parseBinary(input) > MAX_RUN_COST) throw new Skip('PBKDF2 with millions of iterations takes minutes in pure TypeScript; lower costs run');
        status = psa.psa_key_derivation_input_integer(op, step, parseBinary(input));
      } else if ((step === PSA_KEY_DERIVATION_INPUT_PASSWORD || step === PSA_KEY_DERIVATION_INPUT_SECRET) && keyInputType === 1) {
        const key = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_DERIVE, input);
        keys.push(key);
        if (PSA_ALG_IS_TLS12_PSK_TO_MS(a)) {
          const attributes = psa.psa_key_attributes_init();
          checkSuccess(psa.psa_get_key_attributes(key, attributes), 'psa_get_key_attributes');
          checkLessOrEqual(PSA_BITS_TO_BYTES(psa.psa_get_key_bits(attributes)), PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE, 'PSK size');
        }
        status = psa.psa_key_derivation_input_key(op, step, key);
      } else if (step === PSA_KEY_DERIVATION_INPUT_OTHER_SECRET && otherKeyInputType !== 0) {
        if (otherKeyInputType === 2) {
          const key = importKey(PSA_KEY_USAGE_DERIVE, a, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), input);
          keys.push(key);
          status = psa.psa_key_derivation_key_agreement(op, PSA_KEY_DERIVATION_INPUT_OTHER_SECRET, key, peerKey);
        } else {
          const key = importKey(PSA_KEY_USAGE_DERIVE, a, otherKeyInputType === 11 ? PSA_KEY_TYPE_RAW_DATA : PSA_KEY_TYPE_DERIVE, input);
          keys.push(key);
          status = psa.psa_key_derivation_input_key(op, step, key);
        }
      } else {
        status = psa.psa_key_derivation_input_bytes(op, step, input);
      }
      checkStatus(status, expected, what);
      if (expected !== PSA_SUCCESS) return;
    }
    const capacity = { value: 0 };
    checkSuccess(psa.psa_key_derivation_get_capacity(op, capacity), 'psa_key_derivation_get_capacity');
    checkEqual(capacity.value, requested, 'capacity after the inputs');
    let expectedCapacity = requested;
    if (deriveType === 1) {
      const attributes = psa.psa_key_attributes_init();
      psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
      psa.psa_set_key_algorithm(attributes, a);
      psa.psa_set_key_type(attributes, PSA_KEY_TYPE_DERIVE);
      psa.psa_set_key_bits(attributes, PSA_BYTES_TO_BITS(requested));
      const out = { value: 0 };
      checkStatus(psa.psa_key_derivation_output_key(attributes, op, out), keyInputType === 1 ? PSA_SUCCESS : PSA_ERROR_NOT_PERMITTED,
        'psa_key_derivation_output_key');
      keys.push(out.value);
      return;
    }
    for (const [i, expected] of expectedOutputs.entries()) {
      const buffer = new Uint8Array(expected.length);
      const status = psa.psa_key_derivation_output_bytes(op, buffer);
      if (expectedCapacity === 0 && expected.length === 0) {
        check(status === PSA_SUCCESS || status === PSA_ERROR_INSUFFICIENT_DATA, `output ${i + 1}: 0 bytes at capacity 0`);
        continue;
      }
      if (expectedCapacity === 0 || expected.length > expectedCapacity) {
        checkStatus(status, PSA_ERROR_INSUFFICIENT_DATA, `output ${i + 1} beyond the capacity`);
        expectedCapacity = 0;
        continue;
      }
      checkSuccess(status, `output ${i + 1}`);
      checkBytes(buffer, expected, `output ${i + 1}`);
      expectedCapacity -= expected.length;
      checkSuccess(psa.psa_key_derivation_get_capacity(op, capacity), 'psa_key_derivation_get_capacity');
      checkEqual(capacity.value, expectedCapacity, `capacity after output ${i + 1}`);
    }
    checkSuccess(psa.psa_key_derivation_abort(op), 'psa_key_derivation_abort');
  });
}

const INPUT4 = ['int', 'int', 'data', 'int'] as const;

export const functions: SuiteFunctions = {
  key_derivation_init: { params: [], run: keyDerivationInit },
  derive_setup: { params: ['int', 'int'], run: guarded(deriveSetup) },
  derive_set_capacity: { params: ['int', 'int64', 'int'], run: guarded(deriveSetCapacity) },
  derive_input: { params: ['int', ...INPUT4, ...INPUT4, ...INPUT4, 'int', 'int'], run: guarded(deriveInput) },
  derive_input_invalid_cost: { params: ['int', 'int64'], run: guarded(deriveInputInvalidCost) },
  derive_over_capacity: { params: ['int'], run: guarded(deriveOverCapacity) },
  derive_actions_without_setup: { params: [], run: deriveActionsWithoutSetup },
  derive_output: {
    params: ['int', 'int', 'data', 'int', 'int', 'data', 'int', 'int', 'data', 'int', 'int', 'data', 'int', 'data', 'int', 'data', 'data', 'int', 'int', 'int'],
    run: guarded(deriveOutput),
  },
  derive_key_policy: { params: ['int', 'int', 'int', 'data', 'int'], run: guarded(deriveKeyPolicy) },
  agreement_key_policy: { params: ['int', 'int', 'int', 'data', 'int', 'int'], run: guarded(agreementKeyPolicy) },
};
