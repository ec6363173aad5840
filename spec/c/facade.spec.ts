import { afterEach, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';
import { memoryStorage } from '../../src/storage/memory.js';

afterEach(() => psa.mbedtls_psa_crypto_free());

const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('psa-crypto/c', () => {
  it('returns PSA_ERROR_BAD_STATE before psa_crypto_init and after mbedtls_psa_crypto_free', () => {
    const attributes = psa.psa_key_attributes_init();
    psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_RAW_DATA);
    const key = { value: 123 };
    expect(psa.psa_import_key(attributes, new Uint8Array([1]), key)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(key.value).toBe(0);
    expect(psa.psa_generate_random(new Uint8Array(4))).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_generate_random(new Uint8Array(4))).toBe(psa.PSA_SUCCESS);
    psa.mbedtls_psa_crypto_free();
    psa.mbedtls_psa_crypto_free();
    expect(psa.psa_generate_random(new Uint8Array(4))).toBe(psa.PSA_ERROR_BAD_STATE);
  });

  it('follows the attribute setter rules of Mbed TLS', () => {
    const a = psa.psa_key_attributes_init();
    psa.psa_set_key_id(a, 42);
    expect(psa.psa_get_key_lifetime(a)).toBe(psa.PSA_KEY_LIFETIME_PERSISTENT);
    psa.psa_set_key_lifetime(a, psa.PSA_KEY_LIFETIME_VOLATILE);
    expect(psa.psa_get_key_id(a)).toBe(0);
    psa.psa_set_key_usage_flags(a, psa.PSA_KEY_USAGE_VERIFY_HASH);
    expect(psa.psa_get_key_usage_flags(a)).toBe(psa.PSA_KEY_USAGE_VERIFY_HASH | psa.PSA_KEY_USAGE_VERIFY_MESSAGE);
    psa.psa_set_key_bits(a, psa.PSA_MAX_KEY_BITS + 1);
    expect(psa.psa_get_key_bits(a)).toBe(0xffff);
    psa.psa_reset_key_attributes(a);
    expect(a).toEqual(psa.psa_key_attributes_init());
  });

  it('imports, exports into caller buffers and reports BUFFER_TOO_SMALL where C does', () => {
    expect(psa.psa_crypto_init({ storage: memoryStorage() })).toBe(psa.PSA_SUCCESS);
    const a = psa.psa_key_attributes_init();
    psa.psa_set_key_type(a, psa.PSA_KEY_TYPE_AES);
    psa.psa_set_key_usage_flags(a, psa.PSA_KEY_USAGE_EXPORT);
    const key = { value: 0 };
    const material = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(psa.psa_import_key(a, material, key)).toBe(psa.PSA_SUCCESS);
    const length = { value: 99 };
    expect(psa.psa_export_key(key.value, new Uint8Array(15), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(0);
    expect(psa.psa_export_key(key.value, new Uint8Array(0), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    const out = new Uint8Array(20).fill(0xee);
    expect(psa.psa_export_key(key.value, out, length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(16);
    expect(out.subarray(0, 16)).toEqual(material);
    expect(out.subarray(16)).toEqual(new Uint8Array(4));
    const got = psa.psa_key_attributes_init();
    expect(psa.psa_get_key_attributes(key.value, got)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_get_key_bits(got)).toBe(128);
    expect(psa.psa_get_key_attributes(0x4000ffff, got)).toBe(psa.PSA_ERROR_INVALID_HANDLE);
    expect(got).toEqual(psa.psa_key_attributes_init());
    expect(psa.psa_destroy_key(key.value)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_destroy_key(key.value)).toBe(psa.PSA_ERROR_INVALID_HANDLE);
  });

  it('keeps persistent keys in the default storage across free and init', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const a = psa.psa_key_attributes_init();
    psa.psa_set_key_id(a, 0x3fff0001);
    psa.psa_set_key_type(a, psa.PSA_KEY_TYPE_RAW_DATA);
    psa.psa_set_key_usage_flags(a, psa.PSA_KEY_USAGE_EXPORT);
    const key = { value: 0 };
    expect(psa.psa_import_key(a, new Uint8Array([1, 2, 3]), key)).toBe(psa.PSA_SUCCESS);
    expect(key.value).toBe(0x3fff0001);
    psa.mbedtls_psa_crypto_free();
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const out = new Uint8Array(3);
    expect(psa.psa_export_key(0x3fff0001, out, { value: 0 })).toBe(psa.PSA_SUCCESS);
    expect(out).toEqual(new Uint8Array([1, 2, 3]));
    expect(psa.psa_destroy_key(0x3fff0001)).toBe(psa.PSA_SUCCESS);
  });

  it('runs multipart hashes in caller-owned operation objects', () => {
    const op = psa.psa_hash_operation_init(); // before init, as a C static initialiser would
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_hash_update(op, new Uint8Array(1))).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_hash_setup(op, psa.PSA_ALG_SHA_256)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_hash_setup(op, psa.PSA_ALG_SHA_256)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_hash_setup(op, psa.PSA_ALG_SHA_256)).toBe(psa.PSA_SUCCESS); // the failed setup aborted it
    expect(psa.psa_hash_update(op, new TextEncoder().encode('ab'))).toBe(psa.PSA_SUCCESS);
    const copy = psa.psa_hash_operation_init();
    expect(psa.psa_hash_clone(op, copy)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_hash_update(op, new TextEncoder().encode('c'))).toBe(psa.PSA_SUCCESS);
    const hash = new Uint8Array(32);
    const length = { value: 0 };
    expect(psa.psa_hash_finish(op, new Uint8Array(31), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.psa_hash_update(copy, new TextEncoder().encode('c'))).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_hash_finish(copy, hash, length)).toBe(psa.PSA_SUCCESS);
    expect(Buffer.from(hash).toString('hex')).toBe(SHA256_ABC);
    expect(psa.psa_hash_compare(psa.PSA_ALG_SHA_256, new TextEncoder().encode('abd'), hash)).toBe(psa.PSA_ERROR_INVALID_SIGNATURE);
    expect(psa.psa_hash_abort(op)).toBe(psa.PSA_SUCCESS);
  });

  it('never throws for nonsense arguments', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const any: any = psa;
    expect(any.psa_import_key(null, new Uint8Array(1), { value: 0 })).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(any.psa_import_key(psa.psa_key_attributes_init(), 'abc', { value: 0 })).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(any.psa_export_key(1, null, { value: 0 })).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(any.psa_hash_update(undefined, new Uint8Array(1))).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(any.psa_its_set('x', new Uint8Array(1), 0)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(any.psa_get_key_attributes(1, null)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(any.psa_crypto_init(5)).toBe(psa.PSA_SUCCESS); // already initialised: no-op, as in C
  });
});
