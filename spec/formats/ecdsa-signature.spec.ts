/**
 * ECDSA signature conversions against node:crypto (OpenSSL): the same
 * signature in `dsaEncoding: 'der'` and `'ieee-p1363'` (raw r ‖ s) form,
 * converted both ways, plus the failure reasons of hand-made encodings.
 */
import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EcdsaSignatureError, ecdsaDerToRaw, ecdsaRawToDer } from '../../src/formats/index.js';
import * as v from '../../src/values/index.js';

const reasonOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof EcdsaSignatureError) return e.reason;
    throw e;
  }
};

describe('ecdsaRawToDer / ecdsaDerToRaw', () => {
  for (const [curve, bits] of [['P-256', 256], ['P-384', 384], ['P-521', 521]] as const) {
    it(`${curve}: agree with node:crypto's DER and IEEE P1363 forms`, () => {
      const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: curve });
      for (let i = 0; i < 20; i++) {
        const data = crypto.randomBytes(20);
        // Each form is checked by node's verification of the other form.
        const der = new Uint8Array(crypto.sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
        const raw = ecdsaDerToRaw(bits, der);
        expect(raw.length).toBe(2 * Math.ceil(bits / 8));
        expect(crypto.verify('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
        expect(ecdsaRawToDer(bits, raw)).toEqual(der);
        const raw2 = new Uint8Array(crypto.sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
        const der2 = ecdsaRawToDer(bits, raw2);
        expect(crypto.verify('sha256', data, { key: privateKey, dsaEncoding: 'der' }, der2)).toBe(true);
        expect(ecdsaDerToRaw(bits, der2)).toEqual(raw2);
      }
    });
  }

  it('failure reasons and statuses', () => {
    const raw = new Uint8Array(64).fill(0x11);
    expect(reasonOf(() => ecdsaRawToDer(0, new Uint8Array(0)))).toBe('invalid-data');
    expect(reasonOf(() => ecdsaRawToDer(256, raw.subarray(1)))).toBe('invalid-data');
    expect(reasonOf(() => ecdsaRawToDer(256, new Uint8Array(64)))).toBe('invalid-data');
    expect(reasonOf(() => ecdsaRawToDer(256, raw, 69))).toBe('buffer-too-small');
    expect(ecdsaRawToDer(256, raw, 70).length).toBe(70);
    const der = ecdsaRawToDer(256, raw);
    expect(reasonOf(() => ecdsaDerToRaw(256, der, 63))).toBe('buffer-too-small');
    expect(reasonOf(() => ecdsaDerToRaw(256, new Uint8Array([...der, 0])))).toBe('length-mismatch');
    expect(reasonOf(() => ecdsaDerToRaw(256, new Uint8Array([0x31, ...der.subarray(1)])))).toBe('unexpected-tag');
    expect(reasonOf(() => ecdsaDerToRaw(256, new Uint8Array([0x30, 0x85, 0, 0, 0, 0, 0])))).toBe('invalid-length');
    expect(reasonOf(() => ecdsaDerToRaw(256, der.subarray(0, 10)))).toBe('out-of-data');
    expect(reasonOf(() => ecdsaDerToRaw(256, new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01])))).toBe('invalid-data');
    // Long-form lengths are accepted as Mbed TLS's parser does, and 02 01 00 is a zero coordinate.
    const want = new Uint8Array(64);
    want[63] = 5;
    expect(ecdsaDerToRaw(256, new Uint8Array([0x30, 0x81, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x05]))).toEqual(want);
    expect(() => ecdsaRawToDer(256, raw, 10)).toThrow(expect.objectContaining({ status: v.PSA_ERROR_BUFFER_TOO_SMALL }));
    expect(() => ecdsaDerToRaw(256, new Uint8Array([0x31]))).toThrow(expect.objectContaining({ status: v.PSA_ERROR_INVALID_ARGUMENT }));
  });
});
