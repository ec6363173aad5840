/**
 * Differential property tests: random keys, nonces, additional data,
 * plaintexts, tag lengths and fragmentations; psa_aead_encrypt, the
 * multipart API and node:crypto (OpenSSL) must agree bit for bit, and
 * decryption (single-part and multipart) must give the plaintext back.
 * XChaCha20-Poly1305 has no node:crypto counterpart: there the multipart
 * path (our streaming code) is checked against the single-part path
 * (noble's one-shot implementation) and the Wycheproof vectors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_CCM,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_GCM,
  PSA_ALG_XCHACHA20_POLY1305,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
} from '../../src/values/index.js';
import { importKey, multipartDecrypt, multipartEncrypt, nodeEncrypt, type Chunking } from './helpers.js';

const psa = createPsa();
const RUNS = Number(process.env['AEAD_PROPERTY_RUNS'] ?? 200);

const bytes = (min: number, max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: min, maxLength: max });
const chunking: fc.Arbitrary<Chunking> = fc.record({
  ad: fc.array(fc.nat(1000), { maxLength: 6 }),
  text: fc.array(fc.nat(1000), { maxLength: 8 }),
  declareLengths: fc.boolean(),
});

/** Check every path for one input; `reference` is the expected ciphertext ‖ tag, if an independent one exists. */
function checkAll(type: number, key: Uint8Array, alg: number, nonce: Uint8Array, ad: Uint8Array, plaintext: Uint8Array,
  chunks: Chunking, reference: Uint8Array | undefined): void {
  const id = importKey(psa, type, key, alg);
  try {
    const single = psa.aeadEncrypt(id, alg, nonce, ad, plaintext);
    const multi = multipartEncrypt(psa, id, alg, nonce, ad, plaintext, chunks);
    if (reference) expect(Buffer.from(single).toString('hex')).toBe(Buffer.from(reference).toString('hex'));
    expect(Buffer.from(multi).toString('hex')).toBe(Buffer.from(single).toString('hex'));
    expect(psa.aeadDecrypt(id, alg, nonce, ad, single)).toEqual(plaintext);
    expect(multipartDecrypt(psa, id, alg, nonce, ad, single, chunks)).toEqual(plaintext);
  } finally {
    psa.destroyKey(id);
  }
}

describe('AEAD differential tests against node:crypto', () => {
  it('AES-GCM: every key size, nonces of 1 to 40 bytes, tags 4, 8, 12–16', () => {
    fc.assert(fc.property(
      fc.constantFrom(16, 24, 32).chain((n) => bytes(n, n)),
      fc.oneof(bytes(12, 12), bytes(1, 40)),
      fc.constantFrom(4, 8, 12, 13, 14, 15, 16),
      bytes(0, 80), bytes(0, 300), chunking,
      (key, nonce, tagLength, ad, plaintext, chunks) => {
        const alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, tagLength);
        checkAll(PSA_KEY_TYPE_AES, key, alg, nonce, ad, plaintext, chunks, nodeEncrypt(alg, key, nonce, ad, plaintext));
      }), { numRuns: RUNS });
  });

  it('AES-CCM: every key size, nonces of 7 to 13 bytes, tags 4 to 16', () => {
    fc.assert(fc.property(
      fc.constantFrom(16, 24, 32).chain((n) => bytes(n, n)),
      bytes(7, 13),
      fc.constantFrom(4, 6, 8, 10, 12, 14, 16),
      bytes(0, 80), bytes(0, 300), chunking,
      (key, nonce, tagLength, ad, plaintext, chunks) => {
        const alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, tagLength);
        checkAll(PSA_KEY_TYPE_AES, key, alg, nonce, ad, plaintext, chunks, nodeEncrypt(alg, key, nonce, ad, plaintext));
      }), { numRuns: RUNS });
  });

  it('ChaCha20-Poly1305', () => {
    fc.assert(fc.property(bytes(32, 32), bytes(12, 12), bytes(0, 80), bytes(0, 400), chunking,
      (key, nonce, ad, plaintext, chunks) => {
        const alg = PSA_ALG_CHACHA20_POLY1305;
        checkAll(PSA_KEY_TYPE_CHACHA20, key, alg, nonce, ad, plaintext, chunks, nodeEncrypt(alg, key, nonce, ad, plaintext, true));
      }), { numRuns: RUNS });
  });

  it('XChaCha20-Poly1305: multipart (streaming) against single-part (noble)', () => {
    fc.assert(fc.property(bytes(32, 32), bytes(24, 24), bytes(0, 80), bytes(0, 400), chunking,
      (key, nonce, ad, plaintext, chunks) => {
        checkAll(PSA_KEY_TYPE_XCHACHA20, key, PSA_ALG_XCHACHA20_POLY1305, nonce, ad, plaintext, chunks, undefined);
      }), { numRuns: RUNS });
  });

  it('decryption of a modified message or tag fails with INVALID_SIGNATURE and releases nothing', () => {
    fc.assert(fc.property(
      fc.constantFrom(
        [PSA_KEY_TYPE_AES, 16, PSA_ALG_GCM, 12], [PSA_KEY_TYPE_AES, 32, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 8), 7],
        [PSA_KEY_TYPE_AES, 16, PSA_ALG_CCM, 13], [PSA_KEY_TYPE_AES, 24, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4), 7],
        [PSA_KEY_TYPE_CHACHA20, 32, PSA_ALG_CHACHA20_POLY1305, 12], [PSA_KEY_TYPE_XCHACHA20, 32, PSA_ALG_XCHACHA20_POLY1305, 24],
      ),
      fc.uint8Array({ minLength: 64, maxLength: 64 }), bytes(0, 40), bytes(0, 100), fc.nat(), fc.integer({ min: 1, max: 255 }),
      ([type, keyLength, alg, nonceLength], seed, ad, plaintext, where, flip) => {
        const id = importKey(psa, type, seed.subarray(0, keyLength), alg);
        try {
          const nonce = seed.subarray(32, 32 + nonceLength);
          const sealed = psa.aeadEncrypt(id, alg, nonce, ad, plaintext);
          sealed[where % sealed.length]! ^= flip;
          expect(() => psa.aeadDecrypt(id, alg, nonce, ad, sealed)).toThrow(/INVALID_SIGNATURE/);
          expect(() => multipartDecrypt(psa, id, alg, nonce, ad, sealed, { ad: [], text: [], declareLengths: true }))
            .toThrow(/INVALID_SIGNATURE/);
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS });
  });
});
