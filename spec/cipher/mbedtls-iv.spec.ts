/**
 * Cipher IV lengths as Mbed TLS 3.6 takes them. Its built-in driver's
 * `mbedtls_psa_cipher_set_iv` (library/psa_crypto_cipher.c) refuses any IV
 * whose length is not `PSA_CIPHER_IV_LENGTH` with INVALID_ARGUMENT, and the
 * single-part `psa_cipher_encrypt` / `psa_cipher_decrypt` (psa_crypto.c)
 * generate or read exactly that many bytes: 16 for CTR, CFB, OFB and CBC, 13
 * for CCM* without tag, 12 for ChaCha20. The PSA spec's optional forms (a
 * 1- to 15-byte CTR IV, an 8- or 16-byte ChaCha20 IV) are therefore refused,
 * as a C build of Mbed TLS (and a Nordic device: a 13-byte CTR IV gives -135)
 * refuses them. XTS and XChaCha20, which Mbed TLS lacks, keep the spec's
 * lengths.
 */
import { createDecipheriv } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_CFB,
  PSA_ALG_CTR,
  PSA_ALG_OFB,
  PSA_ALG_STREAM_CIPHER,
  PSA_ALG_XTS,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
} from '../../src/values/index.js';
import { importKey, psa } from './helpers.js';

const statusOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return 0;
};

const aes128 = new Uint8Array(16).fill(0x2b);

describe('psa_cipher_set_iv: exactly PSA_CIPHER_IV_LENGTH bytes (Mbed TLS mbedtls_psa_cipher_set_iv)', () => {
  const rows: Array<{ name: string; type: number; key: Uint8Array; alg: number; good: number[]; bad: number[] }> = [
    { name: 'AES-CTR', type: PSA_KEY_TYPE_AES, key: aes128, alg: PSA_ALG_CTR, good: [16], bad: [1, 8, 12, 13, 15, 17] },
    { name: 'AES-CFB', type: PSA_KEY_TYPE_AES, key: aes128, alg: PSA_ALG_CFB, good: [16], bad: [8, 13, 15, 17] },
    { name: 'AES-OFB', type: PSA_KEY_TYPE_AES, key: aes128, alg: PSA_ALG_OFB, good: [16], bad: [8, 13, 15, 17] },
    { name: 'AES-CBC', type: PSA_KEY_TYPE_AES, key: aes128, alg: PSA_ALG_CBC_NO_PADDING, good: [16], bad: [8, 13, 15, 17] },
    { name: 'AES-CBC-PKCS7', type: PSA_KEY_TYPE_AES, key: aes128, alg: PSA_ALG_CBC_PKCS7, good: [16], bad: [8, 15, 17] },
    { name: 'AES-CCM*-no-tag', type: PSA_KEY_TYPE_AES, key: aes128, alg: PSA_ALG_CCM_STAR_NO_TAG, good: [13], bad: [7, 12, 14, 16] },
    { name: 'ChaCha20', type: PSA_KEY_TYPE_CHACHA20, key: new Uint8Array(32), alg: PSA_ALG_STREAM_CIPHER, good: [12], bad: [8, 11, 13, 16] },
    // Not in Mbed TLS: the spec's lengths.
    { name: 'AES-XTS (spec)', type: PSA_KEY_TYPE_AES, key: new Uint8Array(32).fill(3), alg: PSA_ALG_XTS, good: [16], bad: [8, 15, 17] },
    { name: 'XChaCha20 (spec)', type: PSA_KEY_TYPE_XCHACHA20, key: new Uint8Array(32), alg: PSA_ALG_STREAM_CIPHER, good: [24, 32], bad: [12, 16, 23, 25] },
  ];

  for (const row of rows) {
    it(`${row.name}: ${row.good.join(' or ')} bytes; others INVALID_ARGUMENT and the operation is aborted`, () => {
      const id = importKey(row.type, row.alg, row.key);
      try {
        for (const n of row.good) {
          for (const encrypt of [true, false]) {
            const op = encrypt ? psa.cipherEncryptSetup(id, row.alg) : psa.cipherDecryptSetup(id, row.alg);
            op.setIv(new Uint8Array(n));
            op.abort();
          }
        }
        for (const n of row.bad) {
          for (const encrypt of [true, false]) {
            const op = encrypt ? psa.cipherEncryptSetup(id, row.alg) : psa.cipherDecryptSetup(id, row.alg);
            expect(statusOf(() => op.setIv(new Uint8Array(n))), `${n}-byte IV`).toBe(PSA_ERROR_INVALID_ARGUMENT);
            expect(op.active).toBe(false);
            expect(statusOf(() => op.update(new Uint8Array(16)))).toBe(PSA_ERROR_BAD_STATE);
          }
        }
      } finally {
        psa.destroyKey(id);
      }
    });
  }

  it('psa_cipher_generate_iv gives PSA_CIPHER_IV_LENGTH bytes: 16 for AES-CTR, 12 for ChaCha20', () => {
    const ctr = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CTR, aes128);
    const chacha = importKey(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, new Uint8Array(32));
    expect(psa.cipherEncryptSetup(ctr, PSA_ALG_CTR).generateIv()).toHaveLength(16);
    expect(psa.cipherEncryptSetup(chacha, PSA_ALG_STREAM_CIPHER).generateIv()).toHaveLength(12);
    psa.destroyKey(ctr);
    psa.destroyKey(chacha);
  });
});

describe('single-part AES-CTR: the IV is the whole 16-byte counter block (psa_cipher_encrypt, psa_cipher_decrypt)', () => {
  it('psa_cipher_encrypt writes a 16-byte IV, the initial counter block of the ciphertext that follows (OpenSSL aes-128-ctr)', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CTR, aes128);
    const plain = new Uint8Array(37).fill(0x61);
    const out = psa.cipherEncrypt(id, PSA_ALG_CTR, plain);
    expect(out).toHaveLength(16 + plain.length);
    const d = createDecipheriv('aes-128-ctr', aes128, out.subarray(0, 16));
    expect(new Uint8Array(Buffer.concat([d.update(out.subarray(16)), d.final()]))).toEqual(plain);
    expect(psa.cipherDecrypt(id, PSA_ALG_CTR, out)).toEqual(plain);
    psa.destroyKey(id);
  });

  it('psa_cipher_decrypt of input shorter than the 16-byte IV is INVALID_ARGUMENT (input_length < PSA_CIPHER_IV_LENGTH)', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CTR, aes128);
    for (const n of [0, 8, 13, 15]) {
      expect(statusOf(() => psa.cipherDecrypt(id, PSA_ALG_CTR, new Uint8Array(n))), `${n} bytes`).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    expect(psa.cipherDecrypt(id, PSA_ALG_CTR, new Uint8Array(16))).toEqual(new Uint8Array(0));
    psa.destroyKey(id);
  });

  it('ChaCha20: psa_cipher_decrypt reads a 12-byte IV; 8 bytes of input are INVALID_ARGUMENT', () => {
    const id = importKey(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, new Uint8Array(32));
    const out = psa.cipherEncrypt(id, PSA_ALG_STREAM_CIPHER, new Uint8Array(5));
    expect(out).toHaveLength(12 + 5);
    expect(psa.cipherDecrypt(id, PSA_ALG_STREAM_CIPHER, out)).toEqual(new Uint8Array(5));
    expect(statusOf(() => psa.cipherDecrypt(id, PSA_ALG_STREAM_CIPHER, new Uint8Array(8)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });
});

describe('C facade: psa_cipher_set_iv with a 13-byte AES-CTR IV', () => {
  beforeEach(() => {
    c.mbedtls_psa_crypto_free();
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
  });
  afterEach(() => c.mbedtls_psa_crypto_free());

  it('returns PSA_ERROR_INVALID_ARGUMENT (-135), as Mbed TLS 3.6 and Nordic devices do, and aborts the operation', () => {
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, c.PSA_KEY_TYPE_AES);
    c.psa_set_key_usage_flags(attributes, c.PSA_KEY_USAGE_ENCRYPT | c.PSA_KEY_USAGE_DECRYPT);
    c.psa_set_key_algorithm(attributes, c.PSA_ALG_CTR);
    const key = { value: 0 };
    expect(c.psa_import_key(attributes, aes128, key)).toBe(c.PSA_SUCCESS);
    const op = c.psa_cipher_operation_init();
    expect(c.psa_cipher_encrypt_setup(op, key.value, c.PSA_ALG_CTR)).toBe(c.PSA_SUCCESS);
    expect(c.psa_cipher_set_iv(op, new Uint8Array(13))).toBe(-135);
    const length = { value: 0 };
    expect(c.psa_cipher_update(op, new Uint8Array(4), new Uint8Array(4), length)).toBe(c.PSA_ERROR_BAD_STATE);
    expect(c.psa_cipher_encrypt_setup(op, key.value, c.PSA_ALG_CTR)).toBe(c.PSA_SUCCESS);
    expect(c.psa_cipher_set_iv(op, new Uint8Array(16))).toBe(c.PSA_SUCCESS);
    expect(c.psa_cipher_abort(op)).toBe(c.PSA_SUCCESS);
  });
});
