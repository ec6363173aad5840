/**
 * The C shape of AEAD: caller-allocated buffers, BUFFER_TOO_SMALL where
 * Mbed TLS gives it, failed single-part calls leaving a zeroed output, the
 * `'!'` filling of tag buffers by psa_aead_finish, `size_t` lengths as
 * bigints, and operations initialised before psa_crypto_init.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';

const GCM = psa.PSA_ALG_GCM;
const nonce = new Uint8Array(12).fill(3);
const empty = new Uint8Array(0);

function importGcmKey(): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, psa.PSA_KEY_TYPE_AES);
  psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT);
  psa.psa_set_key_algorithm(attributes, GCM);
  const key = { value: 0 };
  expect(psa.psa_import_key(attributes, new Uint8Array(16).fill(9), key)).toBe(psa.PSA_SUCCESS);
  return key.value;
}

describe('AEAD in C shape', () => {
  let key = 0;
  const operation = psa.psa_aead_operation_init();

  beforeEach(() => {
    psa.mbedtls_psa_crypto_free();
    expect(psa.psa_aead_update_ad(operation, empty)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    key = importGcmKey();
  });
  afterEach(() => {
    psa.psa_aead_abort(operation);
    psa.psa_destroy_key(key);
    psa.mbedtls_psa_crypto_free();
  });

  it('single-part: BUFFER_TOO_SMALL one byte short, exact sizes work, failures zero the output', () => {
    const pt = new Uint8Array(20).fill(1);
    const length = { value: 99 };
    const small = new Uint8Array(35).fill(0xee);
    expect(psa.psa_aead_encrypt(key, GCM, nonce, empty, pt, small, length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(0);
    expect(small.every((b) => b === 0)).toBe(true);
    const sealed = new Uint8Array(36);
    expect(psa.psa_aead_encrypt(key, GCM, nonce, empty, pt, sealed, length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(36);

    const out = new Uint8Array(19).fill(0xee);
    expect(psa.psa_aead_decrypt(key, GCM, nonce, empty, sealed, out, length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    const plain = new Uint8Array(20).fill(0xee);
    sealed[35]! ^= 0x80;
    expect(psa.psa_aead_decrypt(key, GCM, nonce, empty, sealed, plain, length)).toBe(psa.PSA_ERROR_INVALID_SIGNATURE);
    expect(length.value).toBe(0);
    expect(plain.every((b) => b === 0)).toBe(true);
    sealed[35]! ^= 0x80;
    expect(psa.psa_aead_decrypt(key, GCM, nonce, empty, sealed, plain, length)).toBe(psa.PSA_SUCCESS);
    expect(plain).toEqual(pt);
    expect(psa.psa_aead_decrypt(key, GCM, nonce, empty, sealed.subarray(0, 15), plain, length)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('multipart: nonce, update and tag buffers too small give BUFFER_TOO_SMALL and abort', () => {
    const nonceLength = { value: 5 };
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_generate_nonce(operation, new Uint8Array(11), nonceLength)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(nonceLength.value).toBe(0);
    expect(psa.psa_aead_set_nonce(operation, nonce)).toBe(psa.PSA_ERROR_BAD_STATE);

    const length = { value: 0 };
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_set_nonce(operation, nonce)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_update(operation, new Uint8Array(10), new Uint8Array(9), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.psa_aead_update(operation, empty, empty, length)).toBe(psa.PSA_ERROR_BAD_STATE);

    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_set_nonce(operation, nonce)).toBe(psa.PSA_SUCCESS);
    const tag = new Uint8Array(15);
    const tagLength = { value: 0 };
    expect(psa.psa_aead_finish(operation, empty, length, tag, tagLength)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(tagLength.value).toBe(15);
    expect(tag.every((b) => b === 0x21)).toBe(true);
  });

  it('finish writes the tag and fills the rest of the tag buffer with "!"', () => {
    const length = { value: 0 };
    const tagLength = { value: 0 };
    const tag = new Uint8Array(20);
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    const generated = new Uint8Array(psa.PSA_AEAD_NONCE_MAX_SIZE);
    const nonceLength = { value: 0 };
    expect(psa.psa_aead_generate_nonce(operation, generated, nonceLength)).toBe(psa.PSA_SUCCESS);
    expect(nonceLength.value).toBe(12);
    const out = new Uint8Array(5);
    expect(psa.psa_aead_update(operation, new Uint8Array(5).fill(4), out, length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(5);
    expect(psa.psa_aead_finish(operation, empty, length, tag, tagLength)).toBe(psa.PSA_SUCCESS);
    expect(tagLength.value).toBe(16);
    expect(Array.from(tag.subarray(16))).toEqual([0x21, 0x21, 0x21, 0x21]);

    const sealed = new Uint8Array(21);
    expect(psa.psa_aead_encrypt(key, GCM, generated.subarray(0, 12), empty, new Uint8Array(5).fill(4), sealed, length)).toBe(psa.PSA_SUCCESS);
    expect(sealed.subarray(0, 5)).toEqual(out);
    expect(sealed.subarray(5)).toEqual(tag.subarray(0, 16));

    expect(psa.psa_aead_decrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_set_nonce(operation, generated.subarray(0, 12))).toBe(psa.PSA_SUCCESS);
    const plain = new Uint8Array(5);
    expect(psa.psa_aead_update(operation, out, plain, length)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_verify(operation, empty, length, tag.subarray(0, 16))).toBe(psa.PSA_SUCCESS);
    expect(plain).toEqual(new Uint8Array(5).fill(4));
  });

  it('set_lengths takes size_t values beyond 2^53 as bigints', () => {
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_set_lengths(operation, (1n << 64n) - 1n, 0)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_set_lengths(operation, (1n << 61n) - 1n, 0xfffffffe0)).toBe(psa.PSA_SUCCESS);
    // 2^40 − 32 is past GCM's 2^36 − 32 (SP 800-38D), whatever type carries it.
    expect(psa.psa_aead_abort(operation)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_set_lengths(operation, 0, 0xffffffffe0n)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('a second setup on an active operation checks the algorithm first, then gives BAD_STATE', () => {
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_encrypt_setup(operation, key, psa.PSA_ALG_CTR)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.psa_aead_set_nonce(operation, nonce)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_aead_encrypt_setup(operation, key, GCM)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_decrypt_setup(operation, key, GCM)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_aead_set_nonce(operation, nonce)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_aead_abort(operation)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_aead_abort(operation)).toBe(psa.PSA_SUCCESS);
  });
});
