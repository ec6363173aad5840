/**
 * WPA3-SAE through `psa-crypto/c`, following the application flow of PSA 1.5
 * §10.13.12: the H2E password token of the IEEE 802.11 Annex J.10 vector
 * (SSID, password, identifier) derived into a key and exported, then STA-A
 * and STA-B (two operations) exchanging commits, salts, counters and
 * confirms into caller buffers sized by `PSA_PAKE_OUTPUT_SIZE`, with the
 * statuses the C functions return.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as psa from '../../../src/c/index.js';

afterEach(() => psa.mbedtls_psa_crypto_free());

interface Vector {
  ssid: string;
  password: string;
  identifier: string;
  PT: string;
}
const { vectors } = JSON.parse(readFileSync(new URL('../../../test-vectors/wpa3-sae-h2e.json', import.meta.url), 'utf8')) as { vectors: Vector[] };
const J10 = vectors[0]!;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const ALG = psa.PSA_ALG_WPA3_SAE_FIXED(psa.PSA_ALG_SHA_256);
const G19 = psa.PSA_PAKE_PRIMITIVE(psa.PSA_PAKE_PRIMITIVE_TYPE_ECC, psa.PSA_ECC_FAMILY_SECP_R1, 256);
const MAC_A = hex('020000000001');
const MAC_B = hex('020000000002');

/** The password token key derived as §10.13.12's example does (group 19, SHA-256). */
function deriveToken(): number {
  const pwAttr = psa.psa_key_attributes_init();
  psa.psa_set_key_type(pwAttr, psa.PSA_KEY_TYPE_PASSWORD);
  psa.psa_set_key_usage_flags(pwAttr, psa.PSA_KEY_USAGE_DERIVE);
  psa.psa_set_key_algorithm(pwAttr, psa.PSA_ALG_WPA3_SAE_ANY);
  const pw = { value: 0 };
  expect(psa.psa_import_key(pwAttr, text(J10.password), pw)).toBe(psa.PSA_SUCCESS);
  const kdf = psa.psa_key_derivation_operation_init();
  expect(psa.psa_key_derivation_setup(kdf, psa.PSA_ALG_WPA3_SAE_H2E(psa.PSA_ALG_SHA_256))).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_key_derivation_input_bytes(kdf, psa.PSA_KEY_DERIVATION_INPUT_SALT, text(J10.ssid))).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_key_derivation_input_key(kdf, psa.PSA_KEY_DERIVATION_INPUT_PASSWORD, pw.value)).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_key_derivation_input_bytes(kdf, psa.PSA_KEY_DERIVATION_INPUT_INFO, text(J10.identifier))).toBe(psa.PSA_SUCCESS);
  const ptAttr = psa.psa_key_attributes_init();
  psa.psa_set_key_type(ptAttr, psa.PSA_KEY_TYPE_WPA3_SAE_ECC(psa.PSA_ECC_FAMILY_SECP_R1));
  psa.psa_set_key_bits(ptAttr, 256);
  psa.psa_set_key_usage_flags(ptAttr, psa.PSA_KEY_USAGE_DERIVE | psa.PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(ptAttr, psa.PSA_ALG_WPA3_SAE_ANY);
  const pt = { value: 0 };
  expect(psa.psa_key_derivation_output_key(ptAttr, kdf, pt)).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_key_derivation_abort(kdf)).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_destroy_key(pw.value)).toBe(psa.PSA_SUCCESS);
  return pt.value;
}

/** A set-up STA operation. */
function sta(token: number, me: Uint8Array, peer: Uint8Array): psa.psa_pake_operation_t {
  const suite = psa.psa_pake_cipher_suite_init();
  psa.psa_pake_cs_set_algorithm(suite, ALG);
  psa.psa_pake_cs_set_primitive(suite, G19);
  const op = psa.psa_pake_operation_init();
  expect(psa.psa_pake_setup(op, token, suite)).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_pake_set_user(op, me)).toBe(psa.PSA_SUCCESS);
  expect(psa.psa_pake_set_peer(op, peer)).toBe(psa.PSA_SUCCESS);
  return op;
}

/** `psa_pake_output` into a buffer of `PSA_PAKE_OUTPUT_SIZE` bytes; checks the length written. */
function output(op: psa.psa_pake_operation_t, step: number): Uint8Array {
  const size = psa.PSA_PAKE_OUTPUT_SIZE(ALG, G19, step);
  const buffer = new Uint8Array(size);
  const length = { value: 0 };
  expect(psa.psa_pake_output(op, step, buffer, length)).toBe(psa.PSA_SUCCESS);
  expect(length.value).toBe(size);
  return buffer;
}

describe('WPA3-SAE through psa-crypto/c', () => {
  it('the documented flow: Annex J.10 token, then STA-A and STA-B agree on PMKID and PMK', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const token = deriveToken();
    const exported = new Uint8Array(64);
    const exportedLength = { value: 0 };
    expect(psa.psa_export_key(token, exported, exportedLength)).toBe(psa.PSA_SUCCESS);
    expect(toHex(exported.subarray(0, exportedLength.value))).toBe(J10.PT);

    const a = sta(token, MAC_A, MAC_B);
    const b = sta(token, MAC_B, MAC_A);
    const commitA = output(a, psa.PSA_PAKE_STEP_COMMIT);
    expect(commitA.length).toBe(96);
    expect(psa.psa_pake_input(b, psa.PSA_PAKE_STEP_COMMIT, commitA)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_pake_input(a, psa.PSA_PAKE_STEP_COMMIT, output(b, psa.PSA_PAKE_STEP_COMMIT))).toBe(psa.PSA_SUCCESS);
    for (const op of [a, b]) {
      expect(psa.psa_pake_input(op, psa.PSA_PAKE_STEP_SALT, new Uint8Array(32))).toBe(psa.PSA_SUCCESS);
      expect(psa.psa_pake_input(op, psa.PSA_PAKE_STEP_CONFIRM_COUNT, Uint8Array.of(1, 0))).toBe(psa.PSA_SUCCESS);
    }
    const confirmA = output(a, psa.PSA_PAKE_STEP_CONFIRM);
    const confirmB = output(b, psa.PSA_PAKE_STEP_CONFIRM);
    expect(confirmA.length).toBe(34);
    expect(psa.psa_pake_input(b, psa.PSA_PAKE_STEP_CONFIRM, confirmA)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_pake_input(a, psa.PSA_PAKE_STEP_CONFIRM, confirmB)).toBe(psa.PSA_SUCCESS);
    expect(toHex(output(a, psa.PSA_PAKE_STEP_KEY_ID))).toBe(toHex(output(b, psa.PSA_PAKE_STEP_KEY_ID)));

    const pmks = [a, b].map((op) => {
      const attr = psa.psa_key_attributes_init();
      psa.psa_set_key_type(attr, psa.PSA_KEY_TYPE_DERIVE);
      psa.psa_set_key_usage_flags(attr, psa.PSA_KEY_USAGE_DERIVE | psa.PSA_KEY_USAGE_EXPORT);
      psa.psa_set_key_algorithm(attr, psa.PSA_ALG_HKDF(psa.PSA_ALG_SHA_256));
      const key = { value: 0 };
      expect(psa.psa_pake_get_shared_key(op, attr, key)).toBe(psa.PSA_SUCCESS);
      const pmk = new Uint8Array(32);
      const length = { value: 0 };
      expect(psa.psa_export_key(key.value, pmk, length)).toBe(psa.PSA_SUCCESS);
      expect(length.value).toBe(32);
      return toHex(pmk);
    });
    expect(pmks[0]).toBe(pmks[1]);
  });

  it('size macros and setup statuses', () => {
    expect(psa.PSA_PAKE_OUTPUT_SIZE(ALG, G19, psa.PSA_PAKE_STEP_COMMIT)).toBe(96);
    expect(psa.PSA_PAKE_OUTPUT_SIZE(ALG, G19, psa.PSA_PAKE_STEP_CONFIRM)).toBe(34);
    expect(psa.PSA_PAKE_OUTPUT_SIZE(ALG, G19, psa.PSA_PAKE_STEP_KEY_ID)).toBe(16);
    expect(psa.PSA_PAKE_INPUT_SIZE(ALG, G19, psa.PSA_PAKE_STEP_CONFIRM_COUNT)).toBe(2);
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const token = deriveToken();
    const suite = psa.psa_pake_cipher_suite_init();
    psa.psa_pake_cs_set_algorithm(suite, psa.PSA_ALG_WPA3_SAE_GDH(psa.PSA_ALG_SHA_384));
    psa.psa_pake_cs_set_primitive(suite, G19);
    const op = psa.psa_pake_operation_init();
    expect(psa.psa_pake_setup(op, token, suite)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.psa_pake_abort(op)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_pake_set_context(sta(token, MAC_A, MAC_B), new Uint8Array(1))).toBe(psa.PSA_ERROR_BAD_STATE);
  });
});
