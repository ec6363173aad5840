/**
 * Ascon-AEAD128 through the public API beyond the known answers: multipart
 * runs with random fragmentations agree with single-part, any change to
 * nonce, additional data, ciphertext or tag is INVALID_SIGNATURE with no
 * plaintext released, and the statuses for key sizes, nonce lengths, tag
 * lengths, policies and key types.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_AEAD_NONCE_LENGTH,
  PSA_AEAD_TAG_LENGTH,
  PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG,
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_ASCON_AEAD128,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_GCM,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ASCON,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { importKey, multipartDecrypt, multipartEncrypt, type Chunking } from '../aead/helpers.js';
import { expectStatus, h, hx } from './vectors.js';

const psa = createPsa();
const RUNS = Number(process.env['AEAD_PROPERTY_RUNS'] ?? 150);
const ASCON = PSA_ALG_ASCON_AEAD128;
const shortened = (t: number): number => PSA_ALG_AEAD_WITH_SHORTENED_TAG(ASCON, t);

const bytes = (min: number, max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: min, maxLength: max });
const chunking: fc.Arbitrary<Chunking> = fc.record({
  ad: fc.array(fc.nat(200), { maxLength: 6 }),
  text: fc.array(fc.nat(200), { maxLength: 8 }),
  declareLengths: fc.boolean(),
});
const keyBytes = fc.oneof(bytes(16, 16), bytes(32, 32));
const tagLength = fc.integer({ min: 4, max: 16 });

describe('Ascon-AEAD128 multipart ≡ single-part', () => {
  it('random keys (both sizes), tags, inputs and fragmentations', () => {
    fc.assert(fc.property(keyBytes, tagLength, bytes(16, 16), bytes(0, 70), bytes(0, 150), chunking, chunking,
      (key, t, nonce, ad, pt, encChunks, decChunks) => {
        const alg = t === 16 ? ASCON : shortened(t);
        const id = importKey(psa, PSA_KEY_TYPE_ASCON, key, alg);
        try {
          const single = psa.aeadEncrypt(id, alg, nonce, ad, pt);
          expect(single.length).toBe(pt.length + t);
          expect(hx(multipartEncrypt(psa, id, alg, nonce, ad, pt, encChunks))).toBe(hx(single));
          expect(hx(psa.aeadDecrypt(id, alg, nonce, ad, single))).toBe(hx(pt));
          expect(hx(multipartDecrypt(psa, id, alg, nonce, ad, single, decChunks))).toBe(hx(pt));
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS });
  });

  it('a shortened tag is the prefix of the full tag, the ciphertext does not change', () => {
    const key = h('000102030405060708090a0b0c0d0e0f'), nonce = h('101112131415161718191a1b1c1d1e1f');
    const pt = new Uint8Array(40).fill(7), ad = new Uint8Array(3).fill(9);
    const id = importKey(psa, PSA_KEY_TYPE_ASCON, key, PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(ASCON, 4));
    const full = psa.aeadEncrypt(id, ASCON, nonce, ad, pt);
    for (let t = 4; t < 16; t++) {
      expect(hx(psa.aeadEncrypt(id, shortened(t), nonce, ad, pt))).toBe(hx(full.subarray(0, pt.length + t)));
    }
    psa.destroyKey(id);
  });
});

describe('Ascon-AEAD128 authentication', () => {
  it('any flipped bit in nonce, additional data, ciphertext or tag is INVALID_SIGNATURE', () => {
    fc.assert(fc.property(keyBytes, tagLength, bytes(16, 16), bytes(0, 40), bytes(0, 60), fc.nat(), fc.nat(7),
      fc.constantFrom('nonce', 'ad', 'sealed'), (key, t, nonce, ad, pt, where, bit, part) => {
        const alg = t === 16 ? ASCON : shortened(t);
        const id = importKey(psa, PSA_KEY_TYPE_ASCON, key, alg);
        try {
          const sealed = psa.aeadEncrypt(id, alg, nonce, ad, pt);
          const target = part === 'nonce' ? nonce : part === 'ad' ? ad : sealed;
          fc.pre(target.length > 0);
          const i = where % target.length;
          target[i] = target[i]! ^ (1 << bit);
          expectStatus(() => psa.aeadDecrypt(id, alg, nonce, ad, sealed), PSA_ERROR_INVALID_SIGNATURE);
          const op = psa.aeadDecryptSetup(id, alg);
          op.setNonce(nonce);
          op.updateAd(ad);
          op.update(sealed.subarray(0, pt.length));
          expectStatus(() => op.verify(sealed.subarray(pt.length)), PSA_ERROR_INVALID_SIGNATURE);
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS });
  });

  it('a truncated or extended tag in multipart verify is INVALID_SIGNATURE', () => {
    const id = importKey(psa, PSA_KEY_TYPE_ASCON, new Uint8Array(16), ASCON);
    const nonce = new Uint8Array(16);
    const sealed = psa.aeadEncrypt(id, ASCON, nonce, new Uint8Array(0), new Uint8Array(5));
    for (const tag of [sealed.subarray(5, 20), new Uint8Array([...sealed.subarray(5), 0])]) {
      const op = psa.aeadDecryptSetup(id, ASCON);
      op.setNonce(nonce);
      op.update(sealed.subarray(0, 5));
      expectStatus(() => op.verify(tag), PSA_ERROR_INVALID_SIGNATURE);
    }
    psa.destroyKey(id);
  });
});

describe('Ascon-AEAD128 statuses', () => {
  it('ASCON keys are 128 or 256 bits: import, generate, export', () => {
    const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_EXPORT;
    for (const n of [0, 1, 8, 15, 17, 24, 31, 33, 64]) {
      expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ASCON, usage, alg: ASCON }, new Uint8Array(n)), PSA_ERROR_INVALID_ARGUMENT);
    }
    for (const bits of [64, 192, 512]) {
      expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_ASCON, bits, usage, alg: ASCON }), PSA_ERROR_INVALID_ARGUMENT);
    }
    for (const bits of [128, 256]) {
      const id = psa.generateKey({ type: PSA_KEY_TYPE_ASCON, bits, usage, alg: ASCON });
      expect(psa.getKeyAttributes(id).bits).toBe(bits);
      expect(psa.exportKey(id).length).toBe(bits / 8);
      expect(psa.aeadEncrypt(id, ASCON, new Uint8Array(16), new Uint8Array(0), new Uint8Array(3)).length).toBe(19);
      psa.destroyKey(id);
    }
  });

  it('the nonce is 16 bytes: other lengths are INVALID_ARGUMENT; generate_nonce gives 16', () => {
    expect(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_ASCON, ASCON)).toBe(16);
    expect(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_ASCON, 128, shortened(8))).toBe(8);
    const id = importKey(psa, PSA_KEY_TYPE_ASCON, new Uint8Array(16), ASCON);
    const empty = new Uint8Array(0);
    for (const n of [0, 1, 8, 12, 13, 15, 17, 24, 32]) {
      const nonce = new Uint8Array(n);
      expectStatus(() => psa.aeadEncrypt(id, ASCON, nonce, empty, empty), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.aeadDecrypt(id, ASCON, nonce, empty, new Uint8Array(16)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.aeadEncryptSetup(id, ASCON).setNonce(nonce), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.aeadDecryptSetup(id, ASCON).setNonce(nonce), PSA_ERROR_INVALID_ARGUMENT);
    }
    const op = psa.aeadEncryptSetup(id, ASCON);
    const nonce = op.generateNonce();
    expect(nonce.length).toBe(16);
    op.updateAd(new Uint8Array([1, 2]));
    const body = op.update(new Uint8Array(20));
    const { ciphertext, tag } = op.finish();
    expect(hx(new Uint8Array([...body, ...ciphertext, ...tag])))
      .toBe(hx(psa.aeadEncrypt(id, ASCON, nonce, new Uint8Array([1, 2]), new Uint8Array(20))));
    psa.destroyKey(id);
  });

  it('tags of 0 to 3 bytes are INVALID_ARGUMENT (single-part and multipart)', () => {
    for (let t = 0; t < 4; t++) {
      const alg = shortened(t);
      const id = importKey(psa, PSA_KEY_TYPE_ASCON, new Uint8Array(16), alg);
      expectStatus(() => psa.aeadEncrypt(id, alg, new Uint8Array(16), new Uint8Array(0), new Uint8Array(4)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.aeadDecrypt(id, alg, new Uint8Array(16), new Uint8Array(0), new Uint8Array(8)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.aeadEncryptSetup(id, alg), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.aeadDecryptSetup(id, alg), PSA_ERROR_INVALID_ARGUMENT);
      psa.destroyKey(id);
    }
  });

  it('ciphertext shorter than the tag is INVALID_ARGUMENT', () => {
    const id = importKey(psa, PSA_KEY_TYPE_ASCON, new Uint8Array(16), ASCON);
    expectStatus(() => psa.aeadDecrypt(id, ASCON, new Uint8Array(16), new Uint8Array(0), new Uint8Array(15)), PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });

  it('at-least-this-length policies admit longer tags only', () => {
    const id = importKey(psa, PSA_KEY_TYPE_ASCON, new Uint8Array(16), PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(ASCON, 8));
    const n = new Uint8Array(16), e = new Uint8Array(0);
    expect(psa.aeadEncrypt(id, shortened(8), n, e, e).length).toBe(8);
    expect(psa.aeadEncrypt(id, ASCON, n, e, e).length).toBe(16);
    expectStatus(() => psa.aeadEncrypt(id, shortened(4), n, e, e), PSA_ERROR_NOT_PERMITTED);
    psa.destroyKey(id);
  });

  it('key types and algorithms must match: NOT_SUPPORTED otherwise', () => {
    const n16 = new Uint8Array(16), n12 = new Uint8Array(12), e = new Uint8Array(0);
    const aes = importKey(psa, PSA_KEY_TYPE_AES, new Uint8Array(16), ASCON);
    expectStatus(() => psa.aeadEncrypt(aes, ASCON, n16, e, e), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.aeadDecryptSetup(aes, ASCON), PSA_ERROR_NOT_SUPPORTED);
    for (const alg of [PSA_ALG_GCM, PSA_ALG_CHACHA20_POLY1305]) {
      const id = importKey(psa, PSA_KEY_TYPE_ASCON, new Uint8Array(32), alg);
      expectStatus(() => psa.aeadEncrypt(id, alg, n12, e, e), PSA_ERROR_NOT_SUPPORTED);
      expectStatus(() => psa.aeadEncryptSetup(id, alg), PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
    psa.destroyKey(aes);
  });

  it('usage flags are enforced', () => {
    const id = psa.importKey({ type: PSA_KEY_TYPE_ASCON, usage: PSA_KEY_USAGE_DECRYPT, alg: ASCON }, new Uint8Array(16));
    expectStatus(() => psa.aeadEncrypt(id, ASCON, new Uint8Array(16), new Uint8Array(0), new Uint8Array(0)), PSA_ERROR_NOT_PERMITTED);
    psa.destroyKey(id);
  });
});
