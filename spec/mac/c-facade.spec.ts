/**
 * The MAC functions in C shape: output buffers are treated as Mbed TLS's
 * `psa_wipe_tag_output_buffer` treats them ('!' after the MAC on success,
 * '!' everywhere and length = buffer size on failure), statuses instead of
 * exceptions, and operation objects usable before `psa_crypto_init`.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';
import { memoryStorage } from '../../src/storage/index.js';
import { toHex } from '../keys/helpers.js';

const HMAC256 = psa.PSA_ALG_HMAC(psa.PSA_ALG_SHA_256);
const KEY = new Uint8Array(20).fill(0x0b);
const MSG = new TextEncoder().encode('Hi There');
const EXPECTED = createHmac('sha256', KEY).update(MSG).digest('hex');
const BANG = 0x21;

function importHmacKey(usage: number): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_HMAC);
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, HMAC256);
  const key = { value: 0 };
  expect(psa.psa_import_key(attributes, KEY, key)).toBe(psa.PSA_SUCCESS);
  return key.value;
}

describe('MAC C facade', () => {
  afterEach(() => psa.mbedtls_psa_crypto_free());

  it('psa_mac_compute fills the tail with "!" on success, everything (and length = size) on failure', () => {
    expect(psa.psa_crypto_init({ storage: memoryStorage() })).toBe(psa.PSA_SUCCESS);
    const key = importHmacKey(psa.PSA_KEY_USAGE_SIGN_HASH);
    const mac = new Uint8Array(40);
    const length = { value: 0 };
    expect(psa.psa_mac_compute(key, HMAC256, MSG, mac, length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(32);
    expect(toHex(mac.subarray(0, 32))).toBe(EXPECTED);
    expect(mac.subarray(32).every((b) => b === BANG)).toBe(true);

    const small = new Uint8Array(31);
    expect(psa.psa_mac_compute(key, HMAC256, MSG, small, length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(31);
    expect(small.every((b) => b === BANG)).toBe(true);
    expect(psa.psa_mac_verify(key, HMAC256, MSG, Buffer.from(EXPECTED, 'hex'))).toBe(psa.PSA_ERROR_NOT_PERMITTED);
  });

  it('multipart sign and verify, BAD_STATE rules, BUFFER_TOO_SMALL from sign_finish', () => {
    expect(psa.psa_crypto_init({ storage: memoryStorage() })).toBe(psa.PSA_SUCCESS);
    const key = importHmacKey(psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH);
    const op = psa.psa_mac_operation_init();
    const mac = new Uint8Array(psa.PSA_MAC_MAX_SIZE);
    const length = { value: 0 };
    expect(psa.psa_mac_sign_finish(op, mac, length)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(length.value).toBe(mac.length);

    expect(psa.psa_mac_sign_setup(op, key, HMAC256)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_update(op, MSG.subarray(0, 2))).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_update(op, MSG.subarray(2))).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_sign_finish(op, new Uint8Array(16), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.psa_mac_update(op, MSG)).toBe(psa.PSA_ERROR_BAD_STATE);

    expect(psa.psa_mac_sign_setup(op, key, HMAC256)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_update(op, MSG)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_sign_finish(op, mac, length)).toBe(psa.PSA_SUCCESS);
    expect(toHex(mac.subarray(0, length.value))).toBe(EXPECTED);

    expect(psa.psa_mac_verify_setup(op, key, HMAC256)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_verify_setup(op, key, HMAC256)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_mac_update(op, MSG)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_mac_verify_setup(op, key, HMAC256)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_update(op, MSG)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_verify_finish(op, Buffer.from(EXPECTED, 'hex'))).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_abort(op)).toBe(psa.PSA_SUCCESS);
  });

  it('operations exist before psa_crypto_init; bad arguments give INVALID_ARGUMENT', () => {
    const op = psa.psa_mac_operation_init();
    expect(psa.psa_mac_update(op, MSG)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_mac_abort(op)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_mac_sign_setup(op, 1, HMAC256)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_crypto_init({ storage: memoryStorage() })).toBe(psa.PSA_SUCCESS);
    const call = psa as unknown as Record<string, (...a: unknown[]) => number>;
    expect(call['psa_mac_abort']!(null)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(call['psa_mac_compute']!(1, HMAC256, MSG, 'buffer', { value: 0 })).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
  });
});
