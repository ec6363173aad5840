/**
 * The cipher functions of the C facade: output lengths and
 * PSA_ERROR_BUFFER_TOO_SMALL exactly where Mbed TLS gives it (before
 * processing when the buffer is below what the update step needs; after it
 * when below the actual output), and output lengths reset on failure.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';

function importKey(type: number, alg: number, data: Uint8Array): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_usage_flags(attributes, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT);
  psa.psa_set_key_algorithm(attributes, alg);
  const key = { value: 0 };
  expect(psa.psa_import_key(attributes, data, key)).toBe(psa.PSA_SUCCESS);
  return key.value;
}

describe('C facade: psa_cipher_*', () => {
  beforeEach(() => {
    psa.mbedtls_psa_crypto_free();
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
  });
  afterEach(() => psa.mbedtls_psa_crypto_free());

  const aesKey = new Uint8Array(16).fill(0x42);

  it('psa_cipher_encrypt: buffer below the IV, below the output, and exactly sufficient', () => {
    const key = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_ALG_CBC_PKCS7, aesKey);
    const length = { value: 99 };
    const input = new Uint8Array(20);
    expect(psa.psa_cipher_encrypt(key, psa.PSA_ALG_CBC_PKCS7, input, new Uint8Array(15), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(0);
    const size = psa.PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(psa.PSA_KEY_TYPE_AES, psa.PSA_ALG_CBC_PKCS7, input.length);
    expect(psa.psa_cipher_encrypt(key, psa.PSA_ALG_CBC_PKCS7, input, new Uint8Array(size - 1), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    const out = new Uint8Array(size);
    expect(psa.psa_cipher_encrypt(key, psa.PSA_ALG_CBC_PKCS7, input, out, length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(48);
    const plain = new Uint8Array(48);
    expect(psa.psa_cipher_decrypt(key, psa.PSA_ALG_CBC_PKCS7, out, plain, length)).toBe(psa.PSA_SUCCESS);
    expect(plain.subarray(0, length.value)).toEqual(input);
  });

  it('psa_cipher_update: BUFFER_TOO_SMALL from the block count before processing, and it aborts', () => {
    const key = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_ALG_ECB_NO_PADDING, aesKey);
    const op = psa.psa_cipher_operation_init();
    const length = { value: 0 };
    expect(psa.psa_cipher_encrypt_setup(op, key, psa.PSA_ALG_ECB_NO_PADDING)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_update(op, new Uint8Array(10), new Uint8Array(0), length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(0);
    expect(psa.psa_cipher_update(op, new Uint8Array(10), new Uint8Array(15), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.psa_cipher_update(op, new Uint8Array(10), new Uint8Array(16), length)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_cipher_abort(op)).toBe(psa.PSA_SUCCESS);
  });

  it('psa_cipher_finish: padding block needs 16 bytes; bad padding wins over a small buffer', () => {
    const key = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_ALG_CBC_PKCS7, aesKey);
    const op = psa.psa_cipher_operation_init();
    const length = { value: 0 };
    const iv = new Uint8Array(16);
    expect(psa.psa_cipher_encrypt_setup(op, key, psa.PSA_ALG_CBC_PKCS7)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_set_iv(op, iv)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_finish(op, new Uint8Array(15), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(op.impl?.active).toBe(false);

    // A ciphertext block whose decryption has bad padding: decrypt with a zero buffer.
    expect(psa.psa_cipher_decrypt_setup(op, key, psa.PSA_ALG_CBC_PKCS7)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_set_iv(op, iv)).toBe(psa.PSA_SUCCESS);
    const ecbKey = importKey(psa.PSA_KEY_TYPE_AES, psa.PSA_ALG_ECB_NO_PADDING, aesKey);
    const block = new Uint8Array(16);
    // E_K(0) decrypts under CBC with a zero IV to 0…0, whose padding byte 0 is invalid.
    expect(psa.psa_cipher_encrypt(ecbKey, psa.PSA_ALG_ECB_NO_PADDING, new Uint8Array(16), block, length)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_update(op, block, new Uint8Array(16), length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(0);
    expect(psa.psa_cipher_finish(op, new Uint8Array(0), length)).toBe(psa.PSA_ERROR_INVALID_PADDING);
    expect(length.value).toBe(0);
  });

  it('psa_cipher_generate_iv: buffer below the IV length is BUFFER_TOO_SMALL', () => {
    const key = importKey(psa.PSA_KEY_TYPE_CHACHA20, psa.PSA_ALG_STREAM_CIPHER, new Uint8Array(32));
    const op = psa.psa_cipher_operation_init();
    const length = { value: 0 };
    expect(psa.psa_cipher_encrypt_setup(op, key, psa.PSA_ALG_STREAM_CIPHER)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_generate_iv(op, new Uint8Array(11), length)).toBe(psa.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.psa_cipher_encrypt_setup(op, key, psa.PSA_ALG_STREAM_CIPHER)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_cipher_generate_iv(op, new Uint8Array(16), length)).toBe(psa.PSA_SUCCESS);
    expect(length.value).toBe(12);
    expect(psa.psa_cipher_abort(op)).toBe(psa.PSA_SUCCESS);
  });
});
