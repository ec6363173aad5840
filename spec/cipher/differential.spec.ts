/**
 * Differential property tests of the cipher functions against OpenSSL
 * (`node:crypto`): random keys, IVs and messages; the single-part output,
 * the multipart output over random chunkings, and decryption must all agree
 * with OpenSSL's. XChaCha20 and the original 64-bit-nonce ChaCha20 are not
 * in OpenSSL; they are compared with noble's one-shot functions, which share
 * no code with the streaming implementation under test.
 */
import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xchacha20 } from '@noble/ciphers/chacha.js';
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
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
} from '../../src/values/index.js';
import { bytes, concat, cuts, importKey, multipart, psa, RUNS, split } from './helpers.js';

/** OpenSSL's result for `name` (padding only for CBC-PKCS#7). */
function openssl(name: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array, padding = false): Uint8Array {
  const c = createCipheriv(name, key, iv);
  c.setAutoPadding(padding);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

interface AesMode {
  readonly alg: number;
  readonly name: (bits: number) => string;
  readonly iv: boolean;
  readonly wholeBlocks: boolean;
  readonly padding?: boolean;
}

const AES_MODES: Record<string, AesMode> = {
  ECB: { alg: PSA_ALG_ECB_NO_PADDING, name: (b) => `aes-${b}-ecb`, iv: false, wholeBlocks: true },
  CBC: { alg: PSA_ALG_CBC_NO_PADDING, name: (b) => `aes-${b}-cbc`, iv: true, wholeBlocks: true },
  'CBC-PKCS7': { alg: PSA_ALG_CBC_PKCS7, name: (b) => `aes-${b}-cbc`, iv: true, wholeBlocks: false, padding: true },
  CTR: { alg: PSA_ALG_CTR, name: (b) => `aes-${b}-ctr`, iv: true, wholeBlocks: false },
  CFB: { alg: PSA_ALG_CFB, name: (b) => `aes-${b}-cfb`, iv: true, wholeBlocks: false },
  OFB: { alg: PSA_ALG_OFB, name: (b) => `aes-${b}-ofb`, iv: true, wholeBlocks: false },
};

describe('AES modes against OpenSSL', () => {
  for (const [label, mode] of Object.entries(AES_MODES)) {
    for (const bits of [128, 192, 256]) {
      it(`${label} AES-${bits}: single-part and multipart, both directions`, () => {
        const message = mode.wholeBlocks
          ? fc.nat({ max: 6 }).chain((n) => bytes(16 * n))
          : fc.uint8Array({ maxLength: 100 });
        fc.assert(fc.property(bytes(bits / 8), bytes(16), message, cuts(100), cuts(120), (key, iv, plain, c1, c2) => {
          const id = importKey(PSA_KEY_TYPE_AES, mode.alg, key);
          try {
            const ivOrNull = mode.iv ? iv : null;
            const expected = openssl(mode.name(bits), key, ivOrNull, plain, mode.padding);
            // Single-part encryption: a random IV, then OpenSSL's ciphertext for that IV.
            const single = psa.cipherEncrypt(id, mode.alg, plain);
            const ivLength = mode.iv ? 16 : 0;
            const generated = single.subarray(0, ivLength);
            expect(single.subarray(ivLength)).toEqual(openssl(mode.name(bits), key, mode.iv ? generated : null, plain, mode.padding));
            // Multipart encryption over a random chunking.
            const ivArg = mode.iv ? iv : undefined;
            expect(multipart(true, id, mode.alg, ivArg, split(plain, c1))).toEqual(expected);
            // Decryption, single-part and multipart.
            expect(psa.cipherDecrypt(id, mode.alg, concat(mode.iv ? iv : new Uint8Array(0), expected))).toEqual(plain);
            expect(multipart(false, id, mode.alg, ivArg, split(expected, c2))).toEqual(plain);
          } finally {
            psa.destroyKey(id);
          }
        }), { numRuns: RUNS });
      });
    }
  }
});

describe('AES-128-XTS against OpenSSL', () => {
  it('single-part and multipart, both directions, with ciphertext stealing', () => {
    const key = bytes(32).filter((k) => k.subarray(0, 16).some((b, i) => b !== k[16 + i]));
    fc.assert(fc.property(key, bytes(16), fc.uint8Array({ minLength: 16, maxLength: 100 }), cuts(100), cuts(100), (k, iv, plain, c1, c2) => {
      const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_XTS, k);
      try {
        const expected = openssl('aes-128-xts', k, iv, plain);
        const single = psa.cipherEncrypt(id, PSA_ALG_XTS, plain);
        expect(single.subarray(16)).toEqual(openssl('aes-128-xts', k, single.subarray(0, 16), plain));
        expect(multipart(true, id, PSA_ALG_XTS, iv, split(plain, c1))).toEqual(expected);
        expect(psa.cipherDecrypt(id, PSA_ALG_XTS, concat(iv, expected))).toEqual(plain);
        expect(multipart(false, id, PSA_ALG_XTS, iv, split(expected, c2))).toEqual(plain);
      } finally {
        psa.destroyKey(id);
      }
    }), { numRuns: RUNS });
  });
});

describe('CCM* without tag', () => {
  it('is CTR from the counter block 0x01 ‖ nonce ‖ 0x0001 (OpenSSL AES-CTR)', () => {
    fc.assert(fc.property(bytes(16), bytes(13), fc.uint8Array({ maxLength: 100 }), cuts(100), (key, nonce, plain, c) => {
      const id = importKey(PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG, key);
      try {
        const counter = concat(Uint8Array.of(1), nonce, Uint8Array.of(0, 1));
        const expected = openssl('aes-128-ctr', key, counter, plain);
        expect(multipart(true, id, PSA_ALG_CCM_STAR_NO_TAG, nonce, split(plain, c))).toEqual(expected);
        expect(psa.cipherDecrypt(id, PSA_ALG_CCM_STAR_NO_TAG, concat(nonce, expected))).toEqual(plain);
      } finally {
        psa.destroyKey(id);
      }
    }), { numRuns: RUNS });
  });
});

describe('ChaCha20 and XChaCha20', () => {
  const counter = fc.nat({ max: 0x7fffffff });
  const le = (n: number, width: number): Uint8Array => {
    const out = new Uint8Array(width);
    new DataView(out.buffer).setUint32(0, n, true);
    return out;
  };

  it('ChaCha20 with a 12-byte IV agrees with OpenSSL at counter 0 (OpenSSL IV = LE counter ‖ nonce)', () => {
    fc.assert(fc.property(bytes(32), bytes(12), fc.uint8Array({ maxLength: 300 }), cuts(300), (key, nonce, plain, c) => {
      const id = importKey(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER, key);
      try {
        const atZero = openssl('chacha20', key, concat(le(0, 4), nonce), plain);
        expect(multipart(true, id, PSA_ALG_STREAM_CIPHER, nonce, split(plain, c))).toEqual(atZero);
        expect(multipart(false, id, PSA_ALG_STREAM_CIPHER, nonce, split(plain, c))).toEqual(atZero);
        expect(psa.cipherDecrypt(id, PSA_ALG_STREAM_CIPHER, concat(nonce, atZero))).toEqual(plain);
        const single = psa.cipherEncrypt(id, PSA_ALG_STREAM_CIPHER, plain);
        expect(single.subarray(12)).toEqual(openssl('chacha20', key, concat(le(0, 4), single.subarray(0, 12)), plain));
      } finally {
        psa.destroyKey(id);
      }
    }), { numRuns: RUNS });
  });

  it('XChaCha20 with 24- and 32-byte IVs agrees with noble xchacha20', () => {
    fc.assert(fc.property(bytes(32), bytes(24), counter, fc.uint8Array({ maxLength: 300 }), cuts(300), (key, nonce, ctr, plain, c) => {
      const id = importKey(PSA_KEY_TYPE_XCHACHA20, PSA_ALG_STREAM_CIPHER, key);
      try {
        const expected = xchacha20(key, nonce, plain);
        expect(multipart(true, id, PSA_ALG_STREAM_CIPHER, nonce, split(plain, c))).toEqual(expected);
        expect(psa.cipherDecrypt(id, PSA_ALG_STREAM_CIPHER, concat(nonce, expected))).toEqual(plain);
        const iv32 = concat(le(ctr, 8), nonce);
        expect(multipart(true, id, PSA_ALG_STREAM_CIPHER, iv32, split(plain, c))).toEqual(xchacha20(key, nonce, plain, undefined, ctr));
      } finally {
        psa.destroyKey(id);
      }
    }), { numRuns: RUNS });
  });
});
