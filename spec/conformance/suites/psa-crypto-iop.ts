/**
 * The interruptible key operations of the main `psa_crypto` suite
 * (TF-PSA-Crypto 1.0, `MBEDTLS_ECP_RESTARTABLE`), transliterated from the
 * behaviour of `test_suite_psa_crypto.function`: `generate_key_iop_init`,
 * `export_public_key_iop_init`, `key_agreement_iop_init`,
 * `iop_export_public_key`, `key_agreement_interruptible`, and the curve
 * conversions `ecc_conversion_functions` / `_fail`. The op bounds use Mbed
 * TLS's documented minimum per-call budgets for its default window size
 * (`MBEDTLS_ECP_WINDOW_SIZE` 4).
 */
import * as psa from '../../../src/c/index.js';
import { check, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto';

/** `MBEDTLS_ECP_OPS_CHK`: the ops of a public-key check. */
const MBEDTLS_ECP_OPS_CHK = 3;

/** `interruptible_operations_get_min_num_ops` with window size 4 (Mbed TLS's `mbedtls_ecp_set_max_ops` documentation). */
function minNumOps(bits: number): number {
  if (bits === 192 || bits === 255 || bits === 256) return 160;
  if (bits === 384) return 320;
  if (bits === 448 || bits === 512 || bits === 521) return 640;
  return 0;
}

/** The three `*_iop_init` tests: every way of initialising gives an object that abort accepts. */
function initTest(init: () => object, abort: (op: never) => number, what: string): () => void {
  return () => {
    for (const op of [init(), {}, init()]) checkSuccess(abort(op as never), `${what} abort`);
  };
}

function iopExportPublicKey(typeArg: number, bits: number, usageArg: number, algArg: number, maxOpsArg: number, expectedStatusArg: number): void {
  const type = typeArg & 0xffff;
  const maxOps = maxOpsArg >>> 0;
  let expected = expectedStatusArg;
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usageArg >>> 0);
  psa.psa_set_key_algorithm(attributes, algArg >>> 0);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);
  const key = { value: 0 };
  const publicKey = { value: 0 };
  const op = psa.psa_export_public_key_iop_init();
  const output = new Uint8Array(psa.PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  const outputLength = { value: 0 };
  try {
    checkSuccess(psa.psa_generate_key(attributes, key), 'psa_generate_key');
    checkStatus(psa.psa_export_public_key_iop_complete(op, output, outputLength), psa.PSA_ERROR_BAD_STATE, 'complete before setup');
    checkSuccess(psa.psa_export_public_key_iop_abort(op), 'abort');
    checkStatus(psa.psa_export_public_key_iop_setup(op, key.value), expected, 'setup');
    checkStatus(psa.psa_export_public_key_iop_setup(op, key.value), psa.PSA_ERROR_BAD_STATE, 'setup twice');
    checkSuccess(psa.psa_export_public_key_iop_abort(op), 'abort');
    checkStatus(psa.psa_export_public_key_iop_setup(op, key.value), expected, 'setup after abort');
    if (expected !== psa.PSA_SUCCESS) expected = psa.PSA_ERROR_BAD_STATE;
    let prior = psa.psa_export_public_key_iop_get_num_ops(op);
    checkEqual(prior, 0, 'num_ops after setup');
    psa.psa_interruptible_set_max_ops(maxOps);
    const min = minNumOps(bits);
    let status: number;
    do {
      status = psa.psa_export_public_key_iop_complete(op, output, outputLength);
      if (status === psa.PSA_SUCCESS || status === psa.PSA_OPERATION_INCOMPLETE) {
        const n = psa.psa_export_public_key_iop_get_num_ops(op);
        checkLessOrEqual(prior + 1, n, 'num_ops grows');
        checkLessOrEqual(n - prior, maxOps <= min ? min : maxOps, 'ops per call');
        prior = n;
      }
    } while (status === psa.PSA_OPERATION_INCOMPLETE);
    checkStatus(status, expected, 'complete');
    checkStatus(psa.psa_export_public_key_iop_complete(op, output, outputLength), psa.PSA_ERROR_BAD_STATE, 'complete twice');
    checkSuccess(psa.psa_export_public_key_iop_abort(op), 'abort');
    checkEqual(psa.psa_export_public_key_iop_get_num_ops(op), 0, 'num_ops after abort');
    if (expected !== psa.PSA_SUCCESS) return;

    const reference = new Uint8Array(psa.PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    const referenceLength = { value: 0 };
    checkSuccess(psa.psa_export_public_key(key.value, reference, referenceLength), 'psa_export_public_key');
    const ref = reference.subarray(0, referenceLength.value);
    checkBytes(output.subarray(0, outputLength.value), ref, 'interruptible export = one-shot export');

    // A new setup resets the op count.
    checkSuccess(psa.psa_export_public_key_iop_setup(op, key.value), 'setup again');
    do status = psa.psa_export_public_key_iop_complete(op, output, outputLength); while (status === psa.PSA_OPERATION_INCOMPLETE);
    checkSuccess(status, 'complete again');
    checkSuccess(psa.psa_export_public_key_iop_setup(op, key.value), 'setup after success');
    checkEqual(psa.psa_export_public_key_iop_get_num_ops(op), 0, 'num_ops after a new setup');
    checkSuccess(psa.psa_export_public_key_iop_abort(op), 'abort');

    // A buffer one byte short.
    checkSuccess(psa.psa_export_public_key_iop_setup(op, key.value), 'setup (short buffer)');
    do status = psa.psa_export_public_key_iop_complete(op, output.subarray(0, ref.length - 1), outputLength); while (status === psa.PSA_OPERATION_INCOMPLETE);
    checkStatus(status, psa.PSA_ERROR_BUFFER_TOO_SMALL, 'complete into a short buffer');
    checkSuccess(psa.psa_export_public_key_iop_abort(op), 'abort');

    // A public key is exported with no computation.
    const pubAttributes = psa.psa_key_attributes_init();
    psa.psa_set_key_usage_flags(pubAttributes, usageArg >>> 0);
    psa.psa_set_key_type(pubAttributes, psa.PSA_KEY_TYPE_ECC_PUBLIC_KEY(type & 0xff));
    psa.psa_set_key_algorithm(pubAttributes, algArg >>> 0);
    checkSuccess(psa.psa_import_key(pubAttributes, ref, publicKey), 'import the public key');
    checkSuccess(psa.psa_export_public_key_iop_setup(op, publicKey.value), 'setup (public key)');
    output.fill(0);
    do {
      status = psa.psa_export_public_key_iop_complete(op, output, outputLength);
      if (status === psa.PSA_SUCCESS || status === psa.PSA_OPERATION_INCOMPLETE) checkEqual(psa.psa_export_public_key_iop_get_num_ops(op), 0, 'no ops for a public key');
    } while (status === psa.PSA_OPERATION_INCOMPLETE);
    checkSuccess(status, 'complete (public key)');
    checkBytes(output.subarray(0, outputLength.value), ref, 'exported public key');
  } finally {
    psa.psa_export_public_key_iop_abort(op);
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    psa.psa_destroy_key(key.value);
    psa.psa_destroy_key(publicKey.value);
  }
}

function keyAgreementInterruptible(alg: number, ourTypeArg: number, ourKeyData: Uint8Array, peerKeyData: Uint8Array, expectedOutput: Uint8Array, maxOpsArg: number): void {
  const maxOps = maxOpsArg >>> 0;
  const type = ourTypeArg & 0xffff;
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_DERIVE | psa.PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, alg >>> 0);
  psa.psa_set_key_type(attributes, type);
  const ourKey = { value: 0 };
  const outputKey = { value: 0 };
  const op = psa.psa_key_agreement_iop_init();
  try {
    checkSuccess(psa.psa_import_key(attributes, ourKeyData, ourKey), 'psa_import_key');
    const got = psa.psa_key_attributes_init();
    checkSuccess(psa.psa_get_key_attributes(ourKey.value, got), 'psa_get_key_attributes');
    const bits = psa.psa_get_key_bits(got);
    const shared = psa.psa_key_attributes_init();
    psa.psa_set_key_type(shared, psa.PSA_KEY_TYPE_DERIVE);
    psa.psa_set_key_usage_flags(shared, psa.PSA_KEY_USAGE_DERIVE | psa.PSA_KEY_USAGE_EXPORT);
    checkLessOrEqual(expectedOutput.length, psa.PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(type, bits), 'PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE');
    checkLessOrEqual(psa.PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(type, bits), psa.PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE, 'PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE');
    psa.psa_interruptible_set_max_ops(maxOps);
    checkEqual(psa.psa_key_agreement_iop_get_num_ops(op), 0, 'num_ops before setup');
    checkStatus(psa.psa_key_agreement_iop_complete(op, outputKey), psa.PSA_ERROR_BAD_STATE, 'complete before setup');
    checkSuccess(psa.psa_key_agreement_iop_setup(op, ourKey.value, peerKeyData, alg >>> 0, shared), 'setup');
    checkStatus(psa.psa_key_agreement_iop_setup(op, ourKey.value, peerKeyData, alg >>> 0, shared), psa.PSA_ERROR_BAD_STATE, 'setup twice');
    let prior = psa.psa_key_agreement_iop_get_num_ops(op);
    checkEqual(prior, MBEDTLS_ECP_OPS_CHK, 'num_ops after setup (the peer key check)');
    const min = minNumOps(bits);
    let status: number;
    do {
      status = psa.psa_key_agreement_iop_complete(op, outputKey);
      if (status === psa.PSA_SUCCESS || status === psa.PSA_OPERATION_INCOMPLETE) {
        const n = psa.psa_key_agreement_iop_get_num_ops(op);
        checkLessOrEqual(n - prior, maxOps <= min ? min : maxOps, 'ops per call');
        prior = n;
        checkEqual(psa.psa_key_agreement_iop_get_num_ops(op), prior, 'get_num_ops twice');
      }
    } while (status === psa.PSA_OPERATION_INCOMPLETE);
    checkSuccess(status, 'complete');
    checkStatus(psa.psa_key_agreement_iop_complete(op, { value: 0 }), psa.PSA_ERROR_BAD_STATE, 'complete after success');
    const out = new Uint8Array(expectedOutput.length);
    const outLength = { value: 0 };
    checkSuccess(psa.psa_export_key(outputKey.value, out, outLength), 'psa_export_key');
    checkBytes(out.subarray(0, outLength.value), expectedOutput, 'shared secret');
    checkSuccess(psa.psa_key_agreement_iop_abort(op), 'abort');
    checkEqual(psa.psa_key_agreement_iop_get_num_ops(op), 0, 'num_ops after abort');
    checkSuccess(psa.psa_key_agreement_iop_setup(op, ourKey.value, peerKeyData, alg >>> 0, shared), 'setup after abort');
    checkSuccess(psa.psa_key_agreement_iop_abort(op), 'abort');
  } finally {
    psa.psa_key_agreement_iop_abort(op);
    psa.psa_interruptible_set_max_ops(psa.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    psa.psa_destroy_key(ourKey.value);
    psa.psa_destroy_key(outputKey.value);
  }
}

function eccConversionFunctions(grpId: number, family: number, bits: number): void {
  const size = { value: -1 };
  checkEqual(psa.mbedtls_ecc_group_to_psa(grpId, size), family, 'mbedtls_ecc_group_to_psa');
  checkEqual(size.value, bits, 'bits');
  checkEqual(psa.mbedtls_ecc_group_from_psa(family, bits), grpId, 'mbedtls_ecc_group_from_psa');
}

function eccConversionFunctionsFail(): void {
  const bits = { value: -1 };
  checkEqual(psa.mbedtls_ecc_group_to_psa(psa.MBEDTLS_ECP_DP_MAX, bits), 0, 'to_psa(MAX)');
  checkEqual(bits.value, 0, 'bits for MAX');
  checkEqual(psa.mbedtls_ecc_group_to_psa(psa.MBEDTLS_ECP_DP_NONE, bits), 0, 'to_psa(NONE)');
  checkEqual(bits.value, 0, 'bits for NONE');
  checkEqual(psa.mbedtls_ecc_group_from_psa(0, 192), psa.MBEDTLS_ECP_DP_NONE, 'from_psa(0, 192)');
  checkEqual(psa.mbedtls_ecc_group_from_psa(psa.PSA_ECC_FAMILY_SECP_R1, 512), psa.MBEDTLS_ECP_DP_NONE, 'from_psa(SECP_R1, 512)');
  checkEqual(psa.mbedtls_ecc_group_from_psa(psa.PSA_ECC_FAMILY_TWISTED_EDWARDS, 255), psa.MBEDTLS_ECP_DP_NONE, 'from_psa(Edwards 255)');
  checkEqual(psa.mbedtls_ecc_group_from_psa(psa.PSA_ECC_FAMILY_TWISTED_EDWARDS, 448), psa.MBEDTLS_ECP_DP_NONE, 'from_psa(Edwards 448)');
  check(true, 'done');
}

export const functions: SuiteFunctions = {
  generate_key_iop_init: { params: [], run: initTest(psa.psa_generate_key_iop_init, psa.psa_generate_key_iop_abort, 'generate_key_iop') },
  export_public_key_iop_init: { params: [], run: initTest(psa.psa_export_public_key_iop_init, psa.psa_export_public_key_iop_abort, 'export_public_key_iop') },
  key_agreement_iop_init: { params: [], run: initTest(psa.psa_key_agreement_iop_init, psa.psa_key_agreement_iop_abort, 'key_agreement_iop') },
  iop_export_public_key: { params: ['int', 'int', 'int', 'int', 'int', 'int'], run: iopExportPublicKey },
  key_agreement_interruptible: { params: ['int', 'int', 'data', 'data', 'data', 'int'], run: keyAgreementInterruptible, depends: ['MBEDTLS_ECP_RESTARTABLE'] },
  ecc_conversion_functions: { params: ['int', 'int', 'int'], run: eccConversionFunctions, setup: 'none' },
  ecc_conversion_functions_fail: { params: [], run: eccConversionFunctionsFail, setup: 'none' },
};
