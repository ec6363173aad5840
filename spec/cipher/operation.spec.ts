/**
 * Unit tests of the cipher functions: published known answers (NIST SP
 * 800-38A, RFC 8439), the statuses of the state machine, IV rules, padding
 * errors, unsupported combinations and bad JavaScript input.
 */
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_CFB,
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_OFB,
  PSA_ALG_STREAM_CIPHER,
  PSA_ALG_XTS,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_PADDING,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../src/values/index.js';
import { concat, importKey, multipart, psa } from './helpers.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const status = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return 0;
};

// NIST SP 800-38A, F.3.13 (CFB128-AES128) and F.4.1 (OFB-AES128), first two blocks.
const SP800_38A_KEY = hex('2b7e151628aed2a6abf7158809cf4f3c');
const SP800_38A_IV = hex('000102030405060708090a0b0c0d0e0f');
const SP800_38A_PLAIN = hex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51');

describe('known answers', () => {
  it('CFB-128 (SP 800-38A F.3.13)', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CFB, SP800_38A_KEY);
    const ct = hex('3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b');
    expect(multipart(true, id, PSA_ALG_CFB, SP800_38A_IV, [SP800_38A_PLAIN.subarray(0, 5), SP800_38A_PLAIN.subarray(5)])).toEqual(ct);
    expect(psa.cipherDecrypt(id, PSA_ALG_CFB, concat(SP800_38A_IV, ct))).toEqual(SP800_38A_PLAIN);
    psa.destroyKey(id);
  });

  it('OFB (SP 800-38A F.4.1)', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_OFB, SP800_38A_KEY);
    const ct = hex('3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed825');
    expect(multipart(true, id, PSA_ALG_OFB, SP800_38A_IV, [SP800_38A_PLAIN.subarray(0, 17), SP800_38A_PLAIN.subarray(17)])).toEqual(ct);
    psa.destroyKey(id);
  });

  it('ChaCha20, RFC 8439 §2.4.2 with a block prepended (counter 1 is the second block of a 12-byte-IV stream)', () => {
    // As Mbed TLS's "PSA symmetric decrypt: ChaCha20, RFC7539 sunscreen": a
    // 12-byte IV starts at counter 0, so the RFC's block 1 follows 64 bytes.
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const id = importKey(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, key);
    const plain = new TextEncoder().encode("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
    const iv = hex('000000000000004a00000000');
    const out = multipart(true, id, PSA_ALG_STREAM_CIPHER, iv, [new Uint8Array(64), plain]);
    expect(out.subarray(64, 96)).toEqual(hex('6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b'));
    psa.destroyKey(id);
  });
});

describe('state machine and IVs', () => {
  const key = new Uint8Array(16).fill(7);

  it('IV functions on ECB are BAD_STATE and abort the operation', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, key);
    const op = psa.cipherEncryptSetup(id, PSA_ALG_ECB_NO_PADDING);
    expect(status(() => op.generateIv())).toBe(PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    psa.destroyKey(id);
  });

  it('a wrong IV length is INVALID_ARGUMENT and aborts (Mbed TLS mbedtls_psa_cipher_set_iv: exactly PSA_CIPHER_IV_LENGTH)', () => {
    const cases: Array<[number, ...number[]]> = [
      [PSA_ALG_CBC_NO_PADDING, 15, 17], [PSA_ALG_CFB, 8, 17], [PSA_ALG_OFB, 12, 32], [PSA_ALG_CCM_STAR_NO_TAG, 12, 14],
      [PSA_ALG_CTR, 0, 1, 8, 13, 15, 17, 25],
    ];
    for (const [alg, ...lengths] of cases) {
      const id = importKey(PSA_KEY_TYPE_AES, alg, key);
      for (const n of lengths) {
        const op = psa.cipherEncryptSetup(id, alg);
        expect(status(() => op.setIv(new Uint8Array(n))), `alg 0x${alg.toString(16)}, ${n}-byte IV`).toBe(PSA_ERROR_INVALID_ARGUMENT);
        expect(op.active).toBe(false);
      }
      psa.destroyKey(id);
    }
  });

  it('a CTR IV is the whole 16-byte counter block; a shorter one is INVALID_ARGUMENT, not zero-padded (Mbed TLS 3.6)', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CTR, key);
    const data = new Uint8Array(40).fill(0x33);
    const iv = concat(hex('0a0b0c'), new Uint8Array(13));
    const c = createCipheriv('aes-128-ctr', key, iv);
    const expected = new Uint8Array(Buffer.concat([c.update(data), c.final()]));
    expect(multipart(true, id, PSA_ALG_CTR, iv, [data])).toEqual(expected);
    expect(status(() => multipart(true, id, PSA_ALG_CTR, hex('0a0b0c'), [data]))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });

  it('ChaCha20 accepts 12-byte IVs only (Mbed TLS mbedtls_psa_cipher_set_iv; the spec\'s 8- and 16-byte forms are optional)', () => {
    const id = importKey(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, new Uint8Array(32));
    for (const n of [0, 7, 8, 11, 13, 16, 24]) {
      const op = psa.cipherEncryptSetup(id, PSA_ALG_STREAM_CIPHER);
      expect(status(() => op.setIv(new Uint8Array(n)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    psa.destroyKey(id);
  });

  it('the operation keeps its own key: destroying the key does not stop it', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, key);
    const op = psa.cipherEncryptSetup(id, PSA_ALG_CBC_PKCS7);
    const iv = op.generateIv();
    psa.destroyKey(id);
    const out = concat(op.update(new Uint8Array(20)), op.finish());
    const c = createCipheriv('aes-128-cbc', key, iv);
    expect(out).toEqual(new Uint8Array(Buffer.concat([c.update(new Uint8Array(20)), c.final()])));
  });

  it('CBC-PKCS#7 decryption holds back the last block until finish', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, key);
    const ct = psa.cipherEncrypt(id, PSA_ALG_CBC_PKCS7, new Uint8Array(32));
    const op = psa.cipherDecryptSetup(id, PSA_ALG_CBC_PKCS7);
    op.setIv(ct.subarray(0, 16));
    expect(op.update(ct.subarray(16, 48)).length).toBe(16);
    expect(op.update(ct.subarray(48)).length).toBe(16);
    expect(op.finish().length).toBe(0);
    psa.destroyKey(id);
  });
});

describe('failures', () => {
  const key = new Uint8Array(16).fill(9);
  const iv = new Uint8Array(16).fill(1);

  it('every kind of bad PKCS#7 padding is INVALID_PADDING, single-part and multipart', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, key);
    const lastBlocks = [
      new Uint8Array(16), // padding byte 0
      new Uint8Array(16).fill(17), // longer than a block
      new Uint8Array(16).fill(0xff),
      concat(new Uint8Array(12), hex('03010303')), // inconsistent padding bytes
      concat(new Uint8Array(13), hex('020202')), // 3 claims 3 but one byte differs below
    ];
    lastBlocks[4]![15] = 3;
    for (const block of lastBlocks) {
      const c = createCipheriv('aes-128-cbc', key, iv);
      c.setAutoPadding(false);
      const ct = new Uint8Array(Buffer.concat([c.update(concat(new Uint8Array(16), block)), c.final()]));
      expect(status(() => psa.cipherDecrypt(id, PSA_ALG_CBC_PKCS7, concat(iv, ct)))).toBe(PSA_ERROR_INVALID_PADDING);
      expect(status(() => multipart(false, id, PSA_ALG_CBC_PKCS7, iv, [ct]))).toBe(PSA_ERROR_INVALID_PADDING);
    }
    psa.destroyKey(id);
  });

  it('incomplete blocks are INVALID_ARGUMENT', () => {
    for (const alg of [PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7]) {
      const id = importKey(PSA_KEY_TYPE_AES, alg, key);
      const ivPart = alg === PSA_ALG_ECB_NO_PADDING ? new Uint8Array(0) : iv;
      expect(status(() => psa.cipherDecrypt(id, alg, concat(ivPart, new Uint8Array(15))))).toBe(PSA_ERROR_INVALID_ARGUMENT);
      if (alg !== PSA_ALG_CBC_PKCS7) expect(status(() => psa.cipherEncrypt(id, alg, new Uint8Array(17)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
      psa.destroyKey(id);
    }
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, key);
    expect(status(() => psa.cipherDecrypt(id, PSA_ALG_CBC_PKCS7, iv))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });

  it('XTS needs a double-length key and at least one block', () => {
    const short = importKey(PSA_KEY_TYPE_AES, PSA_ALG_XTS, key);
    expect(status(() => psa.cipherEncryptSetup(short, PSA_ALG_XTS))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(short);
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_XTS, Uint8Array.from({ length: 32 }, (_, i) => i));
    expect(status(() => psa.cipherEncrypt(id, PSA_ALG_XTS, new Uint8Array(15)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });

  it('unsupported key type / algorithm pairs are NOT_SUPPORTED, as in Mbed TLS', () => {
    const aes = importKey(PSA_KEY_TYPE_AES, PSA_ALG_STREAM_CIPHER, key);
    expect(status(() => psa.cipherEncryptSetup(aes, PSA_ALG_STREAM_CIPHER))).toBe(PSA_ERROR_NOT_SUPPORTED);
    psa.destroyKey(aes);
    const chacha = importKey(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CTR, new Uint8Array(32));
    expect(status(() => psa.cipherEncrypt(chacha, PSA_ALG_CTR, new Uint8Array(1)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    psa.destroyKey(chacha);
  });

  it('policy: decryption needs DECRYPT usage', () => {
    const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CTR }, key);
    expect(status(() => psa.cipherDecryptSetup(id, PSA_ALG_CTR))).toBe(PSA_ERROR_NOT_PERMITTED);
    psa.destroyKey(id);
  });

  it('bad JavaScript input is INVALID_ARGUMENT, never a TypeError', () => {
    const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CTR, key);
    const bad: unknown[] = ['abc', [1, 2], null, undefined, 12];
    for (const value of bad) {
      expect(status(() => psa.cipherEncrypt(id, PSA_ALG_CTR, value as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
      const op = psa.cipherEncryptSetup(id, PSA_ALG_CTR);
      expect(status(() => op.setIv(value as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    expect(status(() => psa.cipherEncrypt(id, 'ctr' as unknown as number, new Uint8Array(1)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => psa.cipherEncrypt(-1.5, PSA_ALG_CTR, new Uint8Array(1)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });
});
