/**
 * The `psa_crypto_util` suite: Mbed TLS's ECDSA signature conversions
 * (`mbedtls_ecdsa_raw_to_der`, `mbedtls_ecdsa_der_to_raw`), here
 * `ecdsaRawToDer` / `ecdsaDerToRaw` of `psa-crypto/formats`. Upstream passes
 * the output buffer's size; ours is the optional size argument. A failure is
 * an `EcdsaSignatureError`, whose `reason` names the ASN.1 error Mbed TLS
 * returns for the same rule; it is mapped back to that code here.
 */
import { EcdsaSignatureError, ecdsaDerToRaw, ecdsaRawToDer, type EcdsaSignatureFailure } from '../../../src/formats/index.js';
import { check, checkBytes, checkEqual } from '../assert.js';
import { TEST_CONSTANTS } from '../constants.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_util';

const ASN1_CODES: Readonly<Record<EcdsaSignatureFailure, string>> = {
  'out-of-data': 'MBEDTLS_ERR_ASN1_OUT_OF_DATA',
  'unexpected-tag': 'MBEDTLS_ERR_ASN1_UNEXPECTED_TAG',
  'invalid-length': 'MBEDTLS_ERR_ASN1_INVALID_LENGTH',
  'length-mismatch': 'MBEDTLS_ERR_ASN1_LENGTH_MISMATCH',
  'invalid-data': 'MBEDTLS_ERR_ASN1_INVALID_DATA',
  'buffer-too-small': 'MBEDTLS_ERR_ASN1_BUF_TOO_SMALL',
};

/** Run a conversion: 0 and its output, or the Mbed TLS ASN.1 code of its failure. */
function convert(f: () => Uint8Array): { ret: number; out?: Uint8Array } {
  try {
    return { ret: 0, out: f() };
  } catch (err) {
    if (err instanceof EcdsaSignatureError) return { ret: Number(TEST_CONSTANTS.get(ASN1_CODES[err.reason])!) };
    throw err;
  }
}

function rawToDer(bits: number, input: Uint8Array, expected: Uint8Array, expectedRet: number): void {
  const { ret, out } = convert(() => ecdsaRawToDer(bits, input, expected.length));
  checkEqual(ret, expectedRet, 'mbedtls_ecdsa_raw_to_der');
  if (expectedRet === 0) checkBytes(out!, expected, 'DER signature');
}

function rawToDerIncremental(bits: number, input: Uint8Array, expected: Uint8Array): void {
  for (let size = 1; size < expected.length; size++) {
    check(convert(() => ecdsaRawToDer(bits, input, size)).ret !== 0, `a DER buffer of ${size} bytes is refused`);
  }
  for (let size = expected.length; size < 2 * expected.length; size++) {
    check(convert(() => ecdsaRawToDer(bits, input, size)).ret === 0, `a DER buffer of ${size} bytes is enough`);
  }
}

function derToRaw(bits: number, input: Uint8Array, expected: Uint8Array, expectedRet: number): void {
  for (let length = 1; length < input.length; length++) {
    const truncated = input.slice(0, length);
    check(convert(() => ecdsaDerToRaw(bits, truncated, expected.length)).ret !== 0, `DER truncated to ${length} bytes is refused`);
  }
  const { ret, out } = convert(() => ecdsaDerToRaw(bits, input, expected.length));
  checkEqual(ret, expectedRet, 'mbedtls_ecdsa_der_to_raw');
  if (expectedRet === 0) checkBytes(out!, expected, 'raw signature');
}

export const functions: SuiteFunctions = {
  ecdsa_raw_to_der: { params: ['int', 'data', 'data', 'int'], run: rawToDer, setup: 'none' },
  ecdsa_raw_to_der_incremental: { params: ['int', 'data', 'data'], run: rawToDerIncremental, setup: 'none' },
  ecdsa_der_to_raw: { params: ['int', 'data', 'data', 'int'], run: derToRaw, setup: 'none' },
};
