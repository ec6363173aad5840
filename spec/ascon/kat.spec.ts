/**
 * The SP 800-232 known-answer vectors (test-vectors/ascon-sp800-232.json)
 * through the public API: Ascon-AEAD128 single-part and multipart (both key
 * sizes, 16- and 4-byte tags, rejected tags), Ascon-Hash256 single-part and
 * multipart, Ascon-XOF128 and Ascon-CXOF128 through psa_xof_*.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_ASCON_AEAD128,
  PSA_ALG_ASCON_CXOF128,
  PSA_ALG_ASCON_HASH256,
  PSA_ALG_ASCON_XOF128,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_KEY_TYPE_ASCON,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../src/values/index.js';
import { VECTORS, expectStatus, h, hx, label, pieces } from './vectors.js';

const psa = createPsa();

/** The algorithm for a tag of `tagBytes` bytes (the default identifier for 16). */
const algFor = (tagBytes: number): number =>
  tagBytes === 16 ? PSA_ALG_ASCON_AEAD128 : PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_ASCON_AEAD128, tagBytes);

/** Fragment lengths that cross and land on 16-byte boundaries. */
const AD_CUTS = [1, 15, 0, 16, 3];
const TEXT_CUTS = [5, 11, 17, 0, 16, 2];

describe('Ascon KAT vector file', () => {
  it('names its sources and holds the announced selection', () => {
    expect(Object.keys(VECTORS.source).sort()).toEqual(['acvp', 'lwc']);
    const aead = VECTORS.aead;
    expect(aead.length).toBeGreaterThanOrEqual(20);
    expect(aead.some((c) => c.key.length === 64)).toBe(true);
    expect(aead.some((c) => !c.valid)).toBe(true);
    expect(aead.some((c) => c.tag.length === 8)).toBe(true);
    const adLengths = new Set(aead.map((c) => c.ad.length / 2));
    const textLengths = new Set(aead.map((c) => c.ciphertext.length / 2));
    for (const n of [0, 1, 15, 16, 17, 32]) {
      expect(adLengths.has(n), `AD of ${n} bytes`).toBe(true);
      expect(textLengths.has(n), `message of ${n} bytes`).toBe(true);
    }
    expect(VECTORS.hash256.length).toBeGreaterThan(10);
    expect(VECTORS.xof128.length).toBeGreaterThan(10);
    expect(VECTORS.cxof128.length).toBeGreaterThan(10);
  });
});

describe('Ascon-AEAD128 known answers', () => {
  for (const c of VECTORS.aead) {
    const key = h(c.key), nonce = h(c.nonce), ad = h(c.ad), ct = h(c.ciphertext), tag = h(c.tag);
    const alg = algFor(tag.length);
    const name = `${label(c)}: ${key.length * 8}-bit key, AD ${ad.length}, text ${ct.length}, tag ${tag.length}`;
    it(`${name}${c.valid ? '' : ', rejected'}`, () => {
      const id = psa.importKey({ type: PSA_KEY_TYPE_ASCON, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, key);
      try {
        expect(psa.getKeyAttributes(id).bits).toBe(key.length * 8);
        const sealed = new Uint8Array([...ct, ...tag]);
        if (!c.valid) {
          expectStatus(() => psa.aeadDecrypt(id, alg, nonce, ad, sealed), PSA_ERROR_INVALID_SIGNATURE);
          const op = psa.aeadDecryptSetup(id, alg);
          op.setNonce(nonce);
          for (const p of pieces(ad, AD_CUTS)) op.updateAd(p);
          for (const p of pieces(ct, TEXT_CUTS)) op.update(p);
          expectStatus(() => op.verify(tag), PSA_ERROR_INVALID_SIGNATURE);
          return;
        }
        const pt = h(c.plaintext);
        expect(hx(psa.aeadEncrypt(id, alg, nonce, ad, pt))).toBe(c.ciphertext + c.tag);
        expect(hx(psa.aeadDecrypt(id, alg, nonce, ad, sealed))).toBe(c.plaintext);

        const enc = psa.aeadEncryptSetup(id, alg);
        enc.setLengths(ad.length, pt.length);
        enc.setNonce(nonce);
        for (const p of pieces(ad, AD_CUTS)) enc.updateAd(p);
        const parts = pieces(pt, TEXT_CUTS).map((p) => hx(enc.update(p)));
        const fin = enc.finish();
        expect(parts.join('') + hx(fin.ciphertext)).toBe(c.ciphertext);
        expect(hx(fin.tag)).toBe(c.tag);

        const dec = psa.aeadDecryptSetup(id, alg);
        dec.setNonce(nonce);
        for (const p of pieces(ad, [7, 9, 16])) dec.updateAd(p);
        const plain = pieces(ct, [16, 1, 15]).map((p) => hx(dec.update(p)));
        expect(plain.join('') + hx(dec.verify(tag))).toBe(c.plaintext);
      } finally {
        psa.destroyKey(id);
      }
    });
  }
});

describe('Ascon-Hash256 known answers', () => {
  for (const c of VECTORS.hash256) {
    it(`${label(c)}: ${c.message.length / 2}-byte message`, () => {
      const message = h(c.message);
      expect(hx(psa.hashCompute(PSA_ALG_ASCON_HASH256, message))).toBe(c.digest);
      psa.hashCompare(PSA_ALG_ASCON_HASH256, message, h(c.digest));
      const op = psa.hashSetup(PSA_ALG_ASCON_HASH256);
      for (const p of pieces(message, [3, 8, 0, 13, 8])) op.update(p);
      expect(hx(op.finish())).toBe(c.digest);
    });
  }
});

describe('Ascon-XOF128 known answers', () => {
  for (const c of VECTORS.xof128) {
    it(`${label(c)}: ${c.message.length / 2}-byte message, ${c.output.length / 2} bytes out`, () => {
      const message = h(c.message);
      const one = psa.xofSetup(PSA_ALG_ASCON_XOF128);
      one.update(message);
      expect(hx(one.output(c.output.length / 2))).toBe(c.output);
      one.abort();

      const op = psa.xofSetup(PSA_ALG_ASCON_XOF128);
      for (const p of pieces(message, [9, 7, 0, 8])) op.update(p);
      const outLengths = [3, 8, 0, 5];
      let out = '';
      let left = c.output.length / 2;
      for (const n of outLengths) {
        const take = Math.min(n, left);
        out += hx(op.output(take));
        left -= take;
      }
      out += hx(op.output(left));
      expect(out).toBe(c.output);
      op.abort();
    });
  }
});

describe('Ascon-CXOF128 known answers (customization string = psa_xof_set_context)', () => {
  for (const c of VECTORS.cxof128) {
    const z = h(c.customization ?? '');
    it(`${label(c)}: ${z.length}-byte context, ${c.message.length / 2}-byte message`, () => {
      const op = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
      op.setContext(z);
      for (const p of pieces(h(c.message), [8, 1, 7])) op.update(p);
      const half = Math.floor(c.output.length / 4);
      expect(hx(op.output(half)) + hx(op.output(c.output.length / 2 - half))).toBe(c.output);
      op.abort();
    });
  }
});
