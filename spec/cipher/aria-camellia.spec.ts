/**
 * ARIA (RFC 5794) and Camellia (RFC 3713) through the PSA API: every mode
 * Mbed TLS 3.6 offers them in (ECB, CBC without padding and with PKCS#7,
 * CTR, CFB-128, CCM* without tag; GCM and CCM) against OpenSSL
 * (`node:crypto`'s aria-* and camellia-* ciphers; OpenSSL has no
 * Camellia-GCM or -CCM, so those run against the draft-kato-ipsec-camellia-gcm
 * and RFC 5528 known answers), single-part and multipart over random
 * chunkings; and the statuses of what Mbed TLS refuses with these keys:
 * OFB and XTS NOT_SUPPORTED (no `cipher_wrap.c` entry), CMAC
 * INVALID_ARGUMENT (`mbedtls_cipher_cmac_starts` takes AES and 3DES only),
 * sizes other than 128/192/256 bits INVALID_ARGUMENT
 * (`psa_validate_unstructured_key_bit_size`).
 */
import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_CBC_MAC,
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CCM,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_CFB,
  PSA_ALG_CMAC,
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_GCM,
  PSA_ALG_OFB,
  PSA_ALG_XTS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_CAMELLIA,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
} from '../../src/values/index.js';
import { multipartDecrypt, multipartEncrypt, nodeEncrypt } from '../aead/helpers.js';
import { expectStatus } from '../keys/helpers.js';
import { bytes, concat, cuts, importKey, multipart, psa, RUNS, split } from './helpers.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

const FAMILIES = [
  { label: 'ARIA', type: PSA_KEY_TYPE_ARIA, openssl: 'aria' },
  { label: 'Camellia', type: PSA_KEY_TYPE_CAMELLIA, openssl: 'camellia' },
];

const MODES = [
  { label: 'ECB', alg: PSA_ALG_ECB_NO_PADDING, suffix: 'ecb', iv: false, wholeBlocks: true, padding: false },
  { label: 'CBC', alg: PSA_ALG_CBC_NO_PADDING, suffix: 'cbc', iv: true, wholeBlocks: true, padding: false },
  { label: 'CBC-PKCS7', alg: PSA_ALG_CBC_PKCS7, suffix: 'cbc', iv: true, wholeBlocks: false, padding: true },
  { label: 'CTR', alg: PSA_ALG_CTR, suffix: 'ctr', iv: true, wholeBlocks: false, padding: false },
  { label: 'CFB', alg: PSA_ALG_CFB, suffix: 'cfb', iv: true, wholeBlocks: false, padding: false },
];

function openssl(name: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array, padding: boolean): Uint8Array {
  const c = createCipheriv(name, key, iv);
  c.setAutoPadding(padding);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

const keyLength = fc.constantFrom(16, 24, 32);
const key = keyLength.chain((n) => bytes(n));

for (const family of FAMILIES) {
  describe(`${family.label} cipher modes against OpenSSL`, () => {
    for (const mode of MODES) {
      it(`${mode.label}: single-part and multipart, both directions, 128/192/256-bit keys`, () => {
        const message = mode.wholeBlocks ? fc.nat({ max: 12 }).chain((n) => bytes(16 * n)) : fc.uint8Array({ maxLength: 200 });
        fc.assert(fc.property(key, bytes(16), message, cuts(200), cuts(210), (k, iv, plain, c1, c2) => {
          const name = `${family.openssl}-${k.length * 8}-${mode.suffix}`;
          const id = importKey(family.type, mode.alg, k);
          try {
            const ivArg = mode.iv ? iv : undefined;
            const expected = openssl(name, k, mode.iv ? iv : null, plain, mode.padding);
            const single = psa.cipherEncrypt(id, mode.alg, plain);
            const ivLength = mode.iv ? 16 : 0;
            expect(single.subarray(ivLength)).toEqual(openssl(name, k, mode.iv ? single.subarray(0, ivLength) : null, plain, mode.padding));
            expect(multipart(true, id, mode.alg, ivArg, split(plain, c1))).toEqual(expected);
            expect(psa.cipherDecrypt(id, mode.alg, concat(ivArg ?? new Uint8Array(0), expected))).toEqual(plain);
            expect(multipart(false, id, mode.alg, ivArg, split(expected, c2))).toEqual(plain);
          } finally {
            psa.destroyKey(id);
          }
        }), { numRuns: RUNS, seed: 20261208 });
      });
    }

    it('CCM* without tag is CTR from the counter block 0x01 ‖ nonce ‖ 0x0001 (checked with OpenSSL CTR)', () => {
      fc.assert(fc.property(key, bytes(13), fc.uint8Array({ maxLength: 100 }), cuts(100), (k, nonce, plain, c) => {
        const id = importKey(family.type, PSA_ALG_CCM_STAR_NO_TAG, k);
        try {
          const counter = concat(Uint8Array.of(1), nonce, Uint8Array.of(0, 1));
          const expected = openssl(`${family.openssl}-${k.length * 8}-ctr`, k, counter, plain, false);
          expect(multipart(true, id, PSA_ALG_CCM_STAR_NO_TAG, nonce, split(plain, c))).toEqual(expected);
          expect(psa.cipherDecrypt(id, PSA_ALG_CCM_STAR_NO_TAG, concat(nonce, expected))).toEqual(plain);
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS, seed: 20261208 });
    });

    it('OFB and XTS are NOT_SUPPORTED, CMAC INVALID_ARGUMENT, CBC-MAC NOT_SUPPORTED (as Mbed TLS 3.6)', () => {
      for (const alg of [PSA_ALG_OFB, PSA_ALG_XTS]) {
        const id = importKey(family.type, alg, new Uint8Array(32));
        expectStatus(() => psa.cipherEncrypt(id, alg, new Uint8Array(16)), PSA_ERROR_NOT_SUPPORTED);
        expectStatus(() => psa.cipherDecryptSetup(id, alg), PSA_ERROR_NOT_SUPPORTED);
        psa.destroyKey(id);
      }
      for (const [alg, status] of [[PSA_ALG_CMAC, PSA_ERROR_INVALID_ARGUMENT], [PSA_ALG_CBC_MAC, PSA_ERROR_NOT_SUPPORTED]] as const) {
        const id = psa.importKey({ type: family.type, usage: PSA_KEY_USAGE_SIGN_MESSAGE, alg }, new Uint8Array(16));
        expectStatus(() => psa.macCompute(id, alg, new Uint8Array(16)), status);
        expectStatus(() => psa.macSignSetup(id, alg), status);
        psa.destroyKey(id);
      }
    });

    it('keys of 128, 192 and 256 bits import and generate; other sizes are INVALID_ARGUMENT', () => {
      const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
      for (const length of [0, 8, 15, 17, 20, 40, 64]) {
        expectStatus(() => psa.importKey({ type: family.type, usage, alg: PSA_ALG_CTR }, new Uint8Array(length)), PSA_ERROR_INVALID_ARGUMENT);
      }
      for (const bits of [64, 136, 512]) {
        expectStatus(() => psa.generateKey({ type: family.type, bits, usage, alg: PSA_ALG_CTR }), PSA_ERROR_INVALID_ARGUMENT);
      }
      for (const bits of [128, 192, 256]) {
        const id = psa.generateKey({ type: family.type, bits, usage, alg: PSA_ALG_GCM });
        const sealed = psa.aeadEncrypt(id, PSA_ALG_GCM, new Uint8Array(12), new Uint8Array(0), new Uint8Array(33));
        expect(psa.aeadDecrypt(id, PSA_ALG_GCM, new Uint8Array(12), new Uint8Array(0), sealed)).toEqual(new Uint8Array(33));
        expect(psa.getKeyAttributes(id).bits).toBe(bits);
        psa.destroyKey(id);
      }
    });
  });
}

describe('ARIA-GCM and ARIA-CCM against OpenSSL', () => {
  const chunking = fc.record({ ad: cuts(40), text: cuts(120), declareLengths: fc.boolean() });
  const cases = [
    { label: 'GCM', base: PSA_ALG_GCM, nonce: fc.integer({ min: 1, max: 32 }), tags: [4, 8, 12, 13, 14, 15, 16] },
    { label: 'CCM', base: PSA_ALG_CCM, nonce: fc.integer({ min: 7, max: 13 }), tags: [4, 6, 8, 10, 12, 14, 16] },
  ];
  for (const c of cases) {
    it(`${c.label}: single-part and multipart, every nonce and tag length OpenSSL takes, both directions`, () => {
      const input = fc.record({
        k: key, nonce: c.nonce.chain((n) => bytes(n)), tag: fc.constantFrom(...c.tags),
        ad: fc.uint8Array({ maxLength: 40 }), plain: fc.uint8Array({ maxLength: 120 }), e: chunking, d: chunking,
      });
      fc.assert(fc.property(input, ({ k, nonce, tag, ad, plain, e, d }) => {
        const alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(c.base, tag);
        const id = psa.importKey({ type: PSA_KEY_TYPE_ARIA, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, k);
        try {
          const expected = nodeEncrypt(alg, k, nonce, ad, plain, false, 'aria');
          expect(psa.aeadEncrypt(id, alg, nonce, ad, plain)).toEqual(expected);
          expect(multipartEncrypt(psa, id, alg, nonce, ad, plain, e)).toEqual(expected);
          expect(psa.aeadDecrypt(id, alg, nonce, ad, expected)).toEqual(plain);
          expect(multipartDecrypt(psa, id, alg, nonce, ad, expected, d)).toEqual(plain);
          const forged = Uint8Array.from(expected);
          forged[forged.length - 1]! ^= 1;
          expectStatus(() => psa.aeadDecrypt(id, alg, nonce, ad, forged), PSA_ERROR_INVALID_SIGNATURE);
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS, seed: 20261208 });
    });
  }
});

interface GcmVector { name: string; key: string; nonce: string; aad: string; plaintext: string; ciphertext: string; tag: string }
const camelliaGcm = (JSON.parse(readFileSync(new URL('../../test-vectors/camellia-gcm.json', import.meta.url), 'utf8')) as { gcm: GcmVector[] }).gcm;

describe('Camellia-GCM known answers (draft-kato-ipsec-camellia-gcm)', () => {
  for (const v of camelliaGcm) {
    it(`${v.name}: single-part and multipart, then decryption and a forged tag`, () => {
      const id = importKey(PSA_KEY_TYPE_CAMELLIA, PSA_ALG_GCM, hex(v.key));
      try {
        const sealed = concat(hex(v.ciphertext), hex(v.tag));
        const [nonce, ad, plain] = [hex(v.nonce), hex(v.aad), hex(v.plaintext)];
        expect(psa.aeadEncrypt(id, PSA_ALG_GCM, nonce, ad, plain)).toEqual(sealed);
        const chunking = { ad: [3, 17], text: [1, 20, 33], declareLengths: false };
        expect(multipartEncrypt(psa, id, PSA_ALG_GCM, nonce, ad, plain, chunking)).toEqual(sealed);
        expect(psa.aeadDecrypt(id, PSA_ALG_GCM, nonce, ad, sealed)).toEqual(plain);
        sealed[sealed.length - 16]! ^= 0x80;
        expectStatus(() => psa.aeadDecrypt(id, PSA_ALG_GCM, nonce, ad, sealed), PSA_ERROR_INVALID_SIGNATURE);
      } finally {
        psa.destroyKey(id);
      }
    });
  }
});

interface CcmVector { name: string; key: string; nonce: string; aad: string; plaintext: string; ciphertext: string; tag: string; tagLength: number }
const camelliaCcm = (JSON.parse(readFileSync(new URL('../../test-vectors/camellia.json', import.meta.url), 'utf8')) as { ccm: CcmVector[] }).ccm;

describe('Camellia-CCM known answers (RFC 5528 §4.2)', () => {
  for (const v of camelliaCcm) {
    it(`${v.name}: single-part and multipart, then decryption and a forged tag`, () => {
      const alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, v.tagLength);
      const id = importKey(PSA_KEY_TYPE_CAMELLIA, alg, hex(v.key));
      try {
        const sealed = concat(hex(v.ciphertext), hex(v.tag));
        const [nonce, ad, plain] = [hex(v.nonce), hex(v.aad), hex(v.plaintext)];
        expect(psa.aeadEncrypt(id, alg, nonce, ad, plain)).toEqual(sealed);
        const chunking = { ad: [1, 5], text: [2, 17], declareLengths: true };
        expect(multipartEncrypt(psa, id, alg, nonce, ad, plain, chunking)).toEqual(sealed);
        expect(multipartDecrypt(psa, id, alg, nonce, ad, sealed, chunking)).toEqual(plain);
        sealed[0]! ^= 0x01;
        expectStatus(() => psa.aeadDecrypt(id, alg, nonce, ad, sealed), PSA_ERROR_INVALID_SIGNATURE);
      } finally {
        psa.destroyKey(id);
      }
    });
  }
});
