/**
 * The software KW / KWP implementation on its own: the RFC 3394 §4 and
 * RFC 5649 §6 test vectors, agreement with OpenSSL (node:crypto
 * `id-aesN-wrap` / `id-aesN-wrap-pad`) on random inputs, and the statuses
 * of malformed and tampered ciphertexts.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kwpUnwrap, kwpWrap, kwpWrappedLength, kwUnwrap, kwWrap, kwWrappedLength } from '../../src/drivers/software/wrap/kw.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE } from '../../src/values/status.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

/** The KEK of RFC 3394 §4: 00 01 02 … (its first 16, 24 or 32 bytes). */
const RFC3394_KEK = hex('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F');
const RFC3394_DATA = hex('00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F');

/** RFC 3394 §4.1–4.6: [KEK bytes, key-data bytes, ciphertext]. */
const RFC3394: readonly [number, number, string][] = [
  [16, 16, '1FA68B0A8112B447 AEF34BD8FB5A7B82 9D3E862371D2CFE5'],
  [24, 16, '96778B25AE6CA435 F92B5B97C050AED2 468AB8A17AD84E5D'],
  [32, 16, '64E8C3F9CE0F5BA2 63E9777905818A2A 93C8191E7D6E8AE7'],
  [24, 24, '031D33264E15D332 68F24EC260743EDC E1C6C7DDEE725A93 6BA814915C6762D2'],
  [32, 24, 'A8F9BC1612C68B3F F6E6F4FBE30E71E4 769C8B80A32CB895 8CD5D17D6B254DA1'],
  [32, 32, '28C9F404C4B810F4 CBCCB35CFB87F826 3F5786E2D80ED326 CBC7F0E71A99F43B FB988B9B7A02DD21'],
];

/** RFC 5649 §6 (192-bit KEK): [key data, ciphertext]. */
const RFC5649_KEK = hex('5840df6e29b02af1 ab493b705bf16ea1 ae8338f4dcc176a8');
const RFC5649: readonly [string, string][] = [
  ['c37b7e6492584340 bed1220780894115 5068f738', '138bdeaa9b8fa7fc 61f97742e72248ee 5ae6ae5360d1ae6a 5f54f373fa543b6a'],
  ['466f7250617369', 'afbeb0f07dfbf541 9200f2ccb50bb24f'],
];

const ICV1 = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
const ICV2 = Buffer.from('a65959a6', 'hex');

function opensslWrap(kek: Uint8Array, data: Uint8Array, padded: boolean): string {
  const name = `id-aes${kek.length * 8}-wrap${padded ? '-pad' : ''}`;
  const c = createCipheriv(name, kek, padded ? ICV2 : ICV1);
  return Buffer.concat([c.update(data), c.final()]).toString('hex');
}

function opensslUnwrap(kek: Uint8Array, wrapped: Uint8Array, padded: boolean): string {
  const name = `id-aes${kek.length * 8}-wrap${padded ? '-pad' : ''}`;
  const d = createDecipheriv(name, kek, padded ? ICV2 : ICV1);
  return Buffer.concat([d.update(wrapped), d.final()]).toString('hex');
}

const kekArb = fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

describe('KW (RFC 3394 / SP 800-38F)', () => {
  it.each(RFC3394)('RFC 3394 vector: %i-byte KEK, %i-byte key data', (kekLength, dataLength, ciphertext) => {
    const kek = RFC3394_KEK.subarray(0, kekLength);
    const data = RFC3394_DATA.subarray(0, dataLength);
    expect(toHex(kwWrap(kek, data))).toBe(toHex(hex(ciphertext)));
    expect(toHex(kwUnwrap(kek, hex(ciphertext)))).toBe(toHex(data));
  });

  it('agrees with OpenSSL on random keys and data', () => {
    const dataArb = fc.integer({ min: 2, max: 40 }).chain((n) => fc.uint8Array({ minLength: 8 * n, maxLength: 8 * n }));
    fc.assert(fc.property(kekArb, dataArb, (kek, data) => {
      const ours = kwWrap(kek, data);
      expect(toHex(ours)).toBe(opensslWrap(kek, data, false));
      expect(toHex(kwUnwrap(kek, ours))).toBe(opensslUnwrap(kek, ours, false));
    }), { numRuns: 60 });
  });

  it('rejects key data that is not a multiple of 8 bytes of at least 16 (INVALID_ARGUMENT)', () => {
    const kek = RFC3394_KEK.subarray(0, 16);
    for (const n of [0, 1, 7, 8, 15, 17, 20, 23]) {
      expectStatus(() => kwWrap(kek, new Uint8Array(n)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => kwWrappedLength(n), PSA_ERROR_INVALID_ARGUMENT);
    }
    expect(kwWrappedLength(16)).toBe(24);
  });

  it('rejects ciphertext lengths no wrap produces (INVALID_ARGUMENT) and bad KEK sizes', () => {
    const kek = RFC3394_KEK.subarray(0, 16);
    for (const n of [0, 8, 16, 23, 25, 31]) expectStatus(() => kwUnwrap(kek, new Uint8Array(n)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => kwWrap(new Uint8Array(15), new Uint8Array(16)), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('detects any single-bit change of the ciphertext (INVALID_SIGNATURE)', () => {
    const [kekLength, , ciphertext] = RFC3394[3]!;
    const kek = RFC3394_KEK.subarray(0, kekLength);
    const good = hex(ciphertext);
    for (let bit = 0; bit < good.length * 8; bit++) {
      const bad = good.slice();
      bad[bit >> 3]! ^= 1 << (bit & 7);
      expectStatus(() => kwUnwrap(kek, bad), PSA_ERROR_INVALID_SIGNATURE);
    }
    expectStatus(() => kwUnwrap(RFC3394_KEK.subarray(8, 8 + kekLength), good), PSA_ERROR_INVALID_SIGNATURE);
  });

  it('leaves the caller’s ciphertext untouched', () => {
    const c = hex(RFC3394[0]![2]);
    const copy = c.slice();
    kwUnwrap(RFC3394_KEK.subarray(0, 16), c);
    expect(c).toEqual(copy);
  });
});

describe('KWP (RFC 5649 / SP 800-38F)', () => {
  it.each(RFC5649)('RFC 5649 vector: key data %s', (data, ciphertext) => {
    expect(toHex(kwpWrap(RFC5649_KEK, hex(data)))).toBe(toHex(hex(ciphertext)));
    expect(toHex(kwpUnwrap(RFC5649_KEK, hex(ciphertext)))).toBe(toHex(hex(data)));
  });

  it('agrees with OpenSSL on random keys and data of every length from 1 byte', () => {
    fc.assert(fc.property(kekArb, fc.uint8Array({ minLength: 1, maxLength: 300 }), (kek, data) => {
      const ours = kwpWrap(kek, data);
      expect(ours.length).toBe(kwpWrappedLength(data.length));
      expect(toHex(ours)).toBe(opensslWrap(kek, data, true));
      expect(toHex(kwpUnwrap(kek, ours))).toBe(toHex(data));
    }), { numRuns: 100 });
  });

  it('rejects empty key data and impossible ciphertext lengths (INVALID_ARGUMENT)', () => {
    expectStatus(() => kwpWrap(RFC5649_KEK, new Uint8Array(0)), PSA_ERROR_INVALID_ARGUMENT);
    for (const n of [0, 8, 15, 17, 23]) expectStatus(() => kwpUnwrap(RFC5649_KEK, new Uint8Array(n)), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('detects any single-bit change, for one-block and multi-block ciphertexts (INVALID_SIGNATURE)', () => {
    for (const [, ciphertext] of RFC5649) {
      const good = hex(ciphertext);
      for (let bit = 0; bit < good.length * 8; bit++) {
        const bad = good.slice();
        bad[bit >> 3]! ^= 1 << (bit & 7);
        expectStatus(() => kwpUnwrap(RFC5649_KEK, bad), PSA_ERROR_INVALID_SIGNATURE);
      }
    }
  });

  it('rejects a KW ciphertext and accepts nothing KW-shaped as KWP (different integrity values)', () => {
    const kek = RFC3394_KEK.subarray(0, 16);
    expectStatus(() => kwpUnwrap(kek, hex(RFC3394[0]![2])), PSA_ERROR_INVALID_SIGNATURE);
    expectStatus(() => kwUnwrap(kek, kwpWrap(kek, RFC3394_DATA.subarray(0, 16))), PSA_ERROR_INVALID_SIGNATURE);
  });
});
