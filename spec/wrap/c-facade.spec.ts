/**
 * `psa_wrap_key` / `psa_unwrap_key` in C shape: the spec's parameter order,
 * caller buffers, BUFFER_TOO_SMALL, and out-parameters zeroed on failure.
 * Also: a wrapping key held by an opaque driver without wrap entry points is
 * NOT_SUPPORTED (no fallback to the software driver).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import { testOpaqueDriver } from '../drivers/test-drivers.js';
import { hex, toHex } from '../keys/helpers.js';

afterEach(() => psa.mbedtls_psa_crypto_free());

/** RFC 3394 §4.1. */
const KEK = hex('000102030405060708090A0B0C0D0E0F');
const DATA = hex('00112233445566778899AABBCCDDEEFF');
const WRAPPED = hex('1FA68B0A8112B447 AEF34BD8FB5A7B82 9D3E862371D2CFE5');

function importKey(type: number, usage: number, alg: number, material: Uint8Array, lifetime?: number): number {
  const a = psa.psa_key_attributes_init();
  psa.psa_set_key_type(a, type);
  psa.psa_set_key_usage_flags(a, usage);
  psa.psa_set_key_algorithm(a, alg);
  if (lifetime !== undefined) psa.psa_set_key_lifetime(a, lifetime);
  const id = { value: 0 };
  expect(psa.psa_import_key(a, material, id)).toBe(psa.PSA_SUCCESS);
  return id.value;
}

describe('psa_wrap_key / psa_unwrap_key (C shape)', () => {
  it('wraps into the caller buffer and unwraps into a new key', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const kek = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_KEY_USAGE_WRAP | psa.PSA_KEY_USAGE_UNWRAP, psa.PSA_ALG_KW, KEK);
    const key = importKey(psa.PSA_KEY_TYPE_RAW_DATA, psa.PSA_KEY_USAGE_EXPORT, 0, DATA);
    const size = psa.PSA_WRAP_KEY_OUTPUT_SIZE(psa.PSA_KEY_TYPE_AES, psa.PSA_ALG_KW, psa.PSA_KEY_TYPE_RAW_DATA, 128);
    const out = new Uint8Array(size + 5).fill(0xee);
    const length = { value: -1 };
    expect(psa.psa_wrap_key(kek, psa.PSA_ALG_KW, key, out, length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(24);
    expect(toHex(out.subarray(0, 24))).toBe(toHex(WRAPPED));

    const a = psa.psa_key_attributes_init();
    psa.psa_set_key_type(a, psa.PSA_KEY_TYPE_RAW_DATA);
    psa.psa_set_key_usage_flags(a, psa.PSA_KEY_USAGE_EXPORT);
    const id = { value: 0 };
    expect(psa.psa_unwrap_key(a, kek, psa.PSA_ALG_KW, out.subarray(0, length.value), id)).toBe(psa.PSA_SUCCESS);
    const exported = new Uint8Array(16);
    const n = { value: 0 };
    expect(psa.psa_export_key(id.value, exported, n)).toBe(psa.PSA_SUCCESS);
    expect(toHex(exported)).toBe(toHex(DATA));
  });

  it('reports BUFFER_TOO_SMALL and INVALID_SIGNATURE with zeroed out-parameters', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const kek = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_KEY_USAGE_WRAP | psa.PSA_KEY_USAGE_UNWRAP, psa.PSA_ALG_KW, KEK);
    const key = importKey(psa.PSA_KEY_TYPE_RAW_DATA, psa.PSA_KEY_USAGE_EXPORT, 0, DATA);
    const length = { value: 99 };
    expect(psa.psa_wrap_key(kek, psa.PSA_ALG_KW, key, new Uint8Array(23), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(0);
    const a = psa.psa_key_attributes_init();
    psa.psa_set_key_type(a, psa.PSA_KEY_TYPE_RAW_DATA);
    const id = { value: 99 };
    const bad = WRAPPED.slice();
    bad[23]! ^= 1;
    expect(psa.psa_unwrap_key(a, kek, psa.PSA_ALG_KW, bad, id)).toBe(psa.PSA_ERROR_INVALID_SIGNATURE);
    expect(id.value).toBe(0);
    expect(psa.psa_unwrap_key(a, kek, psa.PSA_ALG_KWP, WRAPPED, id)).toBe(psa.PSA_ERROR_NOT_PERMITTED);
  });

  it('returns BAD_STATE before psa_crypto_init', () => {
    const length = { value: 5 };
    expect(psa.psa_wrap_key(1, psa.PSA_ALG_KW, 2, new Uint8Array(24), length)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(length.value).toBe(0);
  });

  it('gives NOT_SUPPORTED for an opaque wrapping key whose driver cannot wrap', () => {
    const location = 0x7fff01;
    expect(psa.psa_crypto_init({ drivers: [testOpaqueDriver(location), softwareDriver()] })).toBe(psa.PSA_SUCCESS);
    const lifetime = psa.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(psa.PSA_KEY_PERSISTENCE_VOLATILE, location);
    const kek = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_KEY_USAGE_WRAP | psa.PSA_KEY_USAGE_UNWRAP, psa.PSA_ALG_KW, KEK, lifetime);
    const key = importKey(psa.PSA_KEY_TYPE_RAW_DATA, psa.PSA_KEY_USAGE_EXPORT, 0, DATA);
    expect(psa.psa_wrap_key(kek, psa.PSA_ALG_KW, key, new Uint8Array(24), { value: 0 })).toBe(psa.PSA_ERROR_NOT_SUPPORTED);
    const a = psa.psa_key_attributes_init();
    psa.psa_set_key_type(a, psa.PSA_KEY_TYPE_RAW_DATA);
    expect(psa.psa_unwrap_key(a, kek, psa.PSA_ALG_KW, WRAPPED, { value: 0 })).toBe(psa.PSA_ERROR_NOT_SUPPORTED);
  });
});
