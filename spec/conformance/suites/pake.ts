/**
 * The `psa_crypto_pake` suite: EC J-PAKE through the C facade, transliterated
 * from the behaviour of `test_suite_psa_crypto_pake.function`:
 * - `ecjpake_setup` walks setup / set_role / set_user / set_peer and the
 *   first input or output, injecting the error the case names at one stage;
 * - `ecjpake_rounds` runs a full exchange between a "server" and a "client"
 *   operation (optionally destroying the password key after setup, or asking
 *   for the shared key too early), and both shared keys must be importable;
 * - `ecjpake_rounds_inject` corrupts, repeats or adds one message part and
 *   expects the receiving side's status;
 * - `ecjpake_size_macros` checks the J-PAKE size macros.
 * The `pake_input_getters_*` tests exercise Mbed TLS's C driver-interface
 * getters (`psa_crypto_driver_pake_get_password` …), which this package does
 * not have: its drivers receive the inputs as one `PakeInputs` object.
 */
import * as psa from '../../../src/c/index.js';
import { CheckFailure, check, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import { TEST_CONSTANTS } from '../constants.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_pake';

/** The value of a test-local `ERR_*` enumerator. */
function err(name: string): number {
  const v = TEST_CONSTANTS.get(name);
  if (v === undefined) throw new CheckFailure(`unknown error stage ${name}`);
  return Number(v);
}

const SERVER_ID = new TextEncoder().encode('server');
const CLIENT_ID = new TextEncoder().encode('client');

/** Thrown to end a test early when the injected error was seen (upstream's `goto exit` / `break`). */
class Done extends Error {}

function importPassword(type: number, usage: number, alg: number, password: Uint8Array): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage >>> 0);
  psa.psa_set_key_algorithm(attributes, alg >>> 0);
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, password, key), 'psa_import_key (password)');
  return key.value;
}

function cipherSuite(alg: number, primitive: number): psa.psa_pake_cipher_suite_t {
  const cs = psa.psa_pake_cipher_suite_init();
  psa.psa_pake_cs_set_algorithm(cs, alg >>> 0);
  psa.psa_pake_cs_set_primitive(cs, primitive >>> 0);
  return cs;
}

function ecjpakeSetup(
  policyAlg: number,
  setupAlg: number,
  keyType: number,
  keyUsage: number,
  primitive: number,
  user: string,
  peer: string,
  testInput: number,
  errStage: number,
  expectedError: number,
): void {
  const outSize = (step: number): number => psa.PSA_PAKE_OUTPUT_SIZE(setupAlg >>> 0, primitive >>> 0, step);
  const keyShare = new Uint8Array(outSize(psa.PSA_PAKE_STEP_KEY_SHARE));
  const zkPublic = new Uint8Array(outSize(psa.PSA_PAKE_STEP_ZK_PUBLIC));
  const zkProof = new Uint8Array(outSize(psa.PSA_PAKE_STEP_ZK_PROOF));
  const largeInput = new Uint8Array(psa.PSA_PAKE_INPUT_MAX_SIZE + 1);
  // The C test imports sizeof("abcd"): the string and its terminating NUL.
  const key = importPassword(keyType, keyUsage, policyAlg, Uint8Array.of(0x61, 0x62, 0x63, 0x64, 0));
  const cs = cipherSuite(setupAlg, primitive);
  const op = psa.psa_pake_operation_init();
  const userId = new TextEncoder().encode(user);
  const peerId = new TextEncoder().encode(peer);
  const attributes = psa.psa_key_attributes_init();
  const sharedKey = { value: 0 };
  const length = { value: 0 };

  /** SETUP_ALWAYS_CHECK_STEP: success unless this is the stage under test. */
  const always = (status: number, stage: string, what: string): void => {
    if (errStage !== err(stage)) {
      checkSuccess(status, what);
    } else {
      checkStatus(status, expectedError, what);
      throw new Done();
    }
  };
  /** SETUP_CONDITIONAL_CHECK_STEP: run only at the stage under test. */
  const conditional = (call: () => number, stage: string, what: string): void => {
    if (errStage === err(stage)) {
      checkStatus(call(), expectedError, what);
      throw new Done();
    }
  };

  try {
    checkSuccess(psa.psa_pake_abort(op), 'psa_pake_abort (fresh)');
    if (errStage === err('ERR_INJECT_UNINITIALIZED_ACCESS')) {
      checkStatus(psa.psa_pake_set_user(op, userId), expectedError, 'set_user uninitialised');
      checkStatus(psa.psa_pake_set_peer(op, peerId), expectedError, 'set_peer uninitialised');
      checkStatus(psa.psa_pake_set_role(op, psa.PSA_PAKE_ROLE_SERVER), expectedError, 'set_role uninitialised');
      checkStatus(psa.psa_pake_output(op, psa.PSA_PAKE_STEP_KEY_SHARE, keyShare, length), expectedError, 'output uninitialised');
      checkStatus(psa.psa_pake_input(op, psa.PSA_PAKE_STEP_KEY_SHARE, keyShare.subarray(0, 0)), expectedError, 'input uninitialised');
      checkStatus(psa.psa_pake_get_shared_key(op, attributes, sharedKey), expectedError, 'get_shared_key uninitialised');
      throw new Done();
    }
    if (errStage !== err('ERR_IN_SETUP') && errStage !== err('ERR_IN_SET_PASSWORD_KEY')) {
      checkSuccess(psa.psa_pake_setup(op, key, cs), 'psa_pake_setup');
    } else {
      checkStatus(psa.psa_pake_setup(op, key, cs), expectedError, 'psa_pake_setup');
      throw new Done();
    }
    conditional(() => psa.psa_pake_setup(op, key, cs), 'ERR_INJECT_DUPLICATE_SETUP', 'duplicate setup');
    conditional(() => psa.psa_pake_set_role(op, psa.PSA_PAKE_ROLE_SERVER), 'ERR_INJECT_SET_ROLE', 'set_role SERVER');
    always(psa.psa_pake_set_role(op, psa.PSA_PAKE_ROLE_NONE), 'ERR_IN_SET_ROLE', 'set_role NONE');
    always(psa.psa_pake_set_user(op, userId), 'ERR_IN_SET_USER', 'set_user');
    always(psa.psa_pake_set_peer(op, peerId), 'ERR_IN_SET_PEER', 'set_peer');
    conditional(() => psa.psa_pake_set_user(op, userId), 'ERR_DUPLICATE_SET_USER', 'duplicate set_user');
    conditional(() => psa.psa_pake_set_peer(op, peerId), 'ERR_DUPLICATE_SET_PEER', 'duplicate set_peer');
    if (testInput) {
      conditional(() => psa.psa_pake_input(op, psa.PSA_PAKE_STEP_ZK_PROOF, zkProof.subarray(0, 0)), 'ERR_INJECT_EMPTY_IO_BUFFER', 'empty input');
      conditional(() => psa.psa_pake_input(op, psa.PSA_PAKE_STEP_ZK_PROOF + 10, zkProof), 'ERR_INJECT_UNKNOWN_STEP', 'unknown step');
      conditional(() => psa.psa_pake_input(op, psa.PSA_PAKE_STEP_ZK_PROOF, zkProof), 'ERR_INJECT_INVALID_FIRST_STEP', 'invalid first step');
      always(psa.psa_pake_input(op, psa.PSA_PAKE_STEP_KEY_SHARE, keyShare), 'ERR_IN_INPUT', 'input KEY_SHARE');
      conditional(() => psa.psa_pake_input(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, largeInput), 'ERR_INJECT_LARGE_BUFFER_SIZE', 'large input');
      conditional(() => {
        psa.psa_pake_input(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, zkPublic.subarray(0, zkPublic.length - 1));
        return psa.psa_pake_input(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, zkPublic);
      }, 'ERR_INJECT_VALID_OPERATION_AFTER_FAILURE', 'valid input after a failure');
    } else {
      conditional(() => psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PROOF, zkProof.subarray(0, 0), length), 'ERR_INJECT_EMPTY_IO_BUFFER', 'empty output');
      conditional(() => psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PROOF + 10, zkProof, length), 'ERR_INJECT_UNKNOWN_STEP', 'unknown step');
      conditional(() => psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PROOF, zkProof, length), 'ERR_INJECT_INVALID_FIRST_STEP', 'invalid first step');
      always(psa.psa_pake_output(op, psa.PSA_PAKE_STEP_KEY_SHARE, keyShare, length), 'ERR_IN_OUTPUT_KEY_SHARE', 'output KEY_SHARE');
      check(length.value > 0, 'KEY_SHARE output is not empty');
      conditional(() => psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, zkPublic.subarray(0, zkPublic.length - 1), length),
        'ERR_INJECT_SMALL_BUFFER_SIZE', 'small output buffer');
      conditional(() => {
        psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, zkPublic.subarray(0, zkPublic.length - 1), length);
        return psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, zkPublic, length);
      }, 'ERR_INJECT_VALID_OPERATION_AFTER_FAILURE', 'valid output after a failure');
      always(psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PUBLIC, zkPublic, length), 'ERR_IN_OUTPUT_ZK_PUBLIC', 'output ZK_PUBLIC');
      always(psa.psa_pake_output(op, psa.PSA_PAKE_STEP_ZK_PROOF, zkProof, length), 'ERR_IN_OUTPUT_ZK_PROOF', 'output ZK_PROOF');
    }
  } catch (e) {
    if (!(e instanceof Done)) throw e;
  } finally {
    checkSuccess(psa.psa_destroy_key(key), 'psa_destroy_key (password)');
    checkSuccess(psa.psa_pake_abort(op), 'psa_pake_abort');
    psa.psa_destroy_key(sharedKey.value);
  }
}

/** One message part sent from `from` to the peer. */
interface Part {
  readonly step: number;
  readonly data: Uint8Array;
}

/**
 * Upstream `ecjpake_do_round`: the server's outputs, the client's inputs
 * (before or after its outputs), then the server's inputs, with the error of
 * `errStage` injected (a byte of a part flipped, or an extra call) and
 * `expectedError` expected from the receiving side. Returns normally at the
 * end of the round or when the injected error was seen.
 */
function doRound(
  alg: number,
  primitive: number,
  server: psa.psa_pake_operation_t,
  client: psa.psa_pake_operation_t,
  clientInputFirst: boolean,
  round: 1 | 2,
  errStage: number,
  expectedError: number,
): void {
  const size = (step: number): number => psa.PSA_PAKE_OUTPUT_SIZE(alg >>> 0, primitive >>> 0, step);
  const steps = [psa.PSA_PAKE_STEP_KEY_SHARE, psa.PSA_PAKE_STEP_ZK_PUBLIC, psa.PSA_PAKE_STEP_ZK_PROOF];
  const parts = round === 1 ? ['PART1', 'PART2'] : [''];
  const bufferLength = (size(steps[0]!) + size(steps[1]!) + size(steps[2]!)) * 2;

  /** Every output of `op` for this round, with the injection for `side`. */
  const outputs = (op: psa.psa_pake_operation_t, side: 'SERVER' | 'CLIENT'): Part[] => {
    const list: Part[] = [];
    for (const part of parts) {
      for (const [i, step] of steps.entries()) {
        const buffer = new Uint8Array(bufferLength);
        const length = { value: 0 };
        checkSuccess(psa.psa_pake_output(op, step, buffer, length), `${side} output round ${round} step ${step}`);
        if (i < 2) checkEqual(length.value, size(step), `${side} output length`);
        else checkLessOrEqual(length.value, size(step), `${side} ZK_PROOF length`);
        const item = ['KEY_SHARE', 'ZK_PUBLIC', 'ZK_PROOF'][i]!;
        const stage = round === 1 ? `ERR_INJECT_ROUND1_${side}_${item}_${part}` : `ERR_INJECT_ROUND2_${side}_${item}`;
        const data = buffer.subarray(0, length.value);
        if (errStage === err(stage)) data[7]! ^= 1;
        list.push({ step, data });
      }
    }
    return list;
  };

  /** Feed `list` to `op`; true when the injected error was seen (and checked). */
  const inputs = (op: psa.psa_pake_operation_t, list: readonly Part[], what: string): boolean => {
    for (const { step, data } of list) {
      const status = psa.psa_pake_input(op, step, data);
      if (errStage !== err('ERR_NONE') && status !== psa.PSA_SUCCESS) {
        checkStatus(status, expectedError, what);
        return true;
      }
      checkSuccess(status, what);
    }
    return false;
  };

  /** Fail if one of the inputs should have reported the injected error. */
  const mustHaveFailed = (side: 'SERVER' | 'CLIENT'): void => {
    const names = round === 1
      ? ['PART1', 'PART2'].flatMap((p) => ['KEY_SHARE', 'ZK_PUBLIC', 'ZK_PROOF'].map((i) => `ERR_INJECT_ROUND1_${side}_${i}_${p}`))
      : ['KEY_SHARE', 'ZK_PUBLIC', 'ZK_PROOF'].map((i) => `ERR_INJECT_ROUND2_${side}_${i}`);
    if (names.some((n) => err(n) === errStage)) throw new CheckFailure('one of the psa_pake_input calls should have returned the expected error');
  };

  const serverOut = outputs(server, 'SERVER');
  if (round === 1 && errStage === err('ERR_INJECT_EXTRA_OUTPUT')) {
    checkStatus(psa.psa_pake_output(server, psa.PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(bufferLength), { value: 0 }), expectedError, 'extra output');
    return;
  }
  if (clientInputFirst) {
    if (inputs(client, serverOut, 'client input')) return;
    if (round === 1 && errStage === err('ERR_INJECT_EXTRA_INPUT')) {
      checkStatus(psa.psa_pake_input(client, psa.PSA_PAKE_STEP_KEY_SHARE, serverOut[3]!.data), expectedError, 'extra input');
      return;
    }
    mustHaveFailed('SERVER');
  }
  const clientOut = outputs(client, 'CLIENT');
  if (round === 2 && clientInputFirst && errStage === err('ERR_INJECT_EXTRA_OUTPUT_AT_END')) {
    checkStatus(psa.psa_pake_output(client, psa.PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(bufferLength), { value: 0 }), expectedError, 'extra output at end');
    return;
  }
  if (!clientInputFirst) {
    if (inputs(client, serverOut, 'client input')) return;
    mustHaveFailed('SERVER');
  }
  if (inputs(server, clientOut, 'server input')) return;
  if (round === 2 && errStage === err('ERR_INJECT_EXTRA_INPUT_AT_END')) {
    checkStatus(psa.psa_pake_input(server, psa.PSA_PAKE_STEP_KEY_SHARE, clientOut[0]!.data), expectedError, 'extra input at end');
    return;
  }
  mustHaveFailed('CLIENT');
}

/** Two operations set up as Mbed TLS's tests do: "server" and "client" identities. */
function parties(key: number, alg: number, primitive: number): { server: psa.psa_pake_operation_t; client: psa.psa_pake_operation_t } {
  const cs = cipherSuite(alg, primitive);
  const server = psa.psa_pake_operation_init();
  const client = psa.psa_pake_operation_init();
  checkSuccess(psa.psa_pake_setup(server, key, cs), 'psa_pake_setup (server)');
  checkSuccess(psa.psa_pake_setup(client, key, cs), 'psa_pake_setup (client)');
  checkSuccess(psa.psa_pake_set_user(server, SERVER_ID), 'set_user (server)');
  checkSuccess(psa.psa_pake_set_peer(server, CLIENT_ID), 'set_peer (server)');
  checkSuccess(psa.psa_pake_set_user(client, CLIENT_ID), 'set_user (client)');
  checkSuccess(psa.psa_pake_set_peer(client, SERVER_ID), 'set_peer (client)');
  return { server, client };
}

function ecjpakeRounds(alg: number, primitive: number, deriveAlg: number, password: Uint8Array, clientInputFirst: number, destroyKey: number, errStage: number): void {
  const key = importPassword(psa.PSA_KEY_TYPE_PASSWORD, psa.PSA_KEY_USAGE_DERIVE, alg, password);
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_DERIVE);
  psa.psa_set_key_algorithm(attributes, alg >>> 0);
  psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_PASSWORD);
  const serverDerive = psa.psa_key_derivation_operation_init();
  const clientDerive = psa.psa_key_derivation_operation_init();
  const shared = { value: 0 };
  let server: psa.psa_pake_operation_t | undefined;
  let client: psa.psa_pake_operation_t | undefined;
  try {
    checkSuccess(psa.psa_key_derivation_setup(serverDerive, deriveAlg >>> 0), 'psa_key_derivation_setup (server)');
    checkSuccess(psa.psa_key_derivation_setup(clientDerive, deriveAlg >>> 0), 'psa_key_derivation_setup (client)');
    if (psa.PSA_ALG_IS_TLS12_PRF(deriveAlg >>> 0) || psa.PSA_ALG_IS_TLS12_PSK_TO_MS(deriveAlg >>> 0)) {
      checkSuccess(psa.psa_key_derivation_input_bytes(serverDerive, psa.PSA_KEY_DERIVATION_INPUT_SEED, new Uint8Array(0)), 'seed (server)');
      checkSuccess(psa.psa_key_derivation_input_bytes(clientDerive, psa.PSA_KEY_DERIVATION_INPUT_SEED, new Uint8Array(0)), 'seed (client)');
    }
    ({ server, client } = parties(key, alg, primitive));
    if (destroyKey === 1) psa.psa_destroy_key(key);
    const early = (): void => {
      checkStatus(psa.psa_pake_get_shared_key(server!, attributes, shared), psa.PSA_ERROR_BAD_STATE, 'early get_shared_key (server)');
      checkStatus(psa.psa_pake_get_shared_key(client!, attributes, shared), psa.PSA_ERROR_BAD_STATE, 'early get_shared_key (client)');
    };
    if (errStage === err('ERR_INJECT_ANTICIPATE_KEY_DERIVATION_1')) return early();
    doRound(alg, primitive, server, client, clientInputFirst !== 0, 1, err('ERR_NONE'), psa.PSA_SUCCESS);
    if (errStage === err('ERR_INJECT_ANTICIPATE_KEY_DERIVATION_2')) return early();
    doRound(alg, primitive, server, client, clientInputFirst !== 0, 2, err('ERR_NONE'), psa.PSA_SUCCESS);
    checkSuccess(psa.psa_pake_get_shared_key(server, attributes, shared), 'get_shared_key (server)');
    const serverBits = keyBits(shared.value);
    psa.psa_destroy_key(shared.value);
    checkSuccess(psa.psa_pake_get_shared_key(client, attributes, shared), 'get_shared_key (client)');
    checkEqual(keyBits(shared.value), serverBits, 'shared key sizes');
  } finally {
    psa.psa_key_derivation_abort(serverDerive);
    psa.psa_key_derivation_abort(clientDerive);
    psa.psa_destroy_key(key);
    psa.psa_destroy_key(shared.value);
    if (server) psa.psa_pake_abort(server);
    if (client) psa.psa_pake_abort(client);
  }
}

function keyBits(key: number): number {
  const a = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, a), 'psa_get_key_attributes (shared key)');
  return psa.psa_get_key_bits(a);
}

function ecjpakeRoundsInject(alg: number, primitive: number, clientInputFirst: number, password: Uint8Array, errStage: number, expectedError: number, injectInSecondRound: number): void {
  const key = importPassword(psa.PSA_KEY_TYPE_PASSWORD, psa.PSA_KEY_USAGE_DERIVE, alg, password);
  let ops: { server: psa.psa_pake_operation_t; client: psa.psa_pake_operation_t } | undefined;
  try {
    ops = parties(key, alg, primitive);
    doRound(alg, primitive, ops.server, ops.client, clientInputFirst !== 0, 1, injectInSecondRound ? err('ERR_NONE') : errStage, expectedError);
    if (!injectInSecondRound && errStage !== err('ERR_NONE')) return;
    doRound(alg, primitive, ops.server, ops.client, clientInputFirst !== 0, 2, errStage, expectedError);
  } finally {
    psa.psa_destroy_key(key);
    if (ops) {
      psa.psa_pake_abort(ops.server);
      psa.psa_pake_abort(ops.client);
    }
  }
}

function ecjpakeSizeMacros(): void {
  const alg = psa.PSA_ALG_JPAKE(psa.PSA_ALG_SHA_256);
  const bits = 256;
  const prim = psa.PSA_PAKE_PRIMITIVE(psa.PSA_PAKE_PRIMITIVE_TYPE_ECC, psa.PSA_ECC_FAMILY_SECP_R1, bits);
  const keyType = psa.PSA_KEY_TYPE_ECC_KEY_PAIR(psa.PSA_ECC_FAMILY_SECP_R1);
  const out = (step: number): number => psa.PSA_PAKE_OUTPUT_SIZE(alg, prim, step);
  const inp = (step: number): number => psa.PSA_PAKE_INPUT_SIZE(alg, prim, step);
  checkEqual(out(psa.PSA_PAKE_STEP_KEY_SHARE), psa.PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(keyType, bits), 'KEY_SHARE output size');
  checkEqual(out(psa.PSA_PAKE_STEP_ZK_PUBLIC), psa.PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(keyType, bits), 'ZK_PUBLIC output size');
  checkEqual(out(psa.PSA_PAKE_STEP_ZK_PROOF), psa.PSA_BITS_TO_BYTES(bits), 'ZK_PROOF output size');
  for (const step of [psa.PSA_PAKE_STEP_KEY_SHARE, psa.PSA_PAKE_STEP_ZK_PUBLIC, psa.PSA_PAKE_STEP_ZK_PROOF]) {
    checkEqual(out(step), inp(step), `input size = output size for step ${step}`);
    checkLessOrEqual(out(step), psa.PSA_PAKE_OUTPUT_MAX_SIZE, 'PSA_PAKE_OUTPUT_MAX_SIZE');
    checkLessOrEqual(inp(step), psa.PSA_PAKE_INPUT_MAX_SIZE, 'PSA_PAKE_INPUT_MAX_SIZE');
  }
}

const GETTERS = "Mbed TLS's C driver-interface getters (psa_crypto_driver_pake_get_*) do not exist here: drivers receive the collected inputs as one PakeInputs object";

export const functions: SuiteFunctions = {
  ecjpake_setup: {
    params: ['int', 'int', 'int', 'int', 'int', 'string', 'string', 'int', 'int', 'int'],
    run: ecjpakeSetup,
    depends: ['PSA_WANT_ALG_JPAKE'],
  },
  ecjpake_rounds: { params: ['int', 'int', 'int', 'data', 'int', 'int', 'int'], run: ecjpakeRounds, depends: ['PSA_WANT_ALG_JPAKE'] },
  ecjpake_rounds_inject: { params: ['int', 'int', 'int', 'data', 'int', 'int', 'int'], run: ecjpakeRoundsInject, depends: ['PSA_WANT_ALG_JPAKE'] },
  ecjpake_size_macros: { params: [], run: ecjpakeSizeMacros, setup: 'none' },
  pake_input_getters_password: { params: [], skip: GETTERS },
  pake_input_getters_cipher_suite: { params: [], skip: GETTERS },
  pake_input_getters_user: { params: [], skip: GETTERS },
  pake_input_getters_peer: { params: [], skip: GETTERS },
};
