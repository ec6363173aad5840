/**
 * DH keys of the software driver: import (lengths as Mbed TLS), public key
 * against node:crypto, generation (range and length), unsupported sizes.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dhKeys } from '../../src/drivers/software/dh/keys.js';
import { DH_GROUP_SIZES, dhGroup } from '../../src/drivers/software/dh/groups.js';
import { bigIntFromBytes } from '../../src/drivers/software/dh/math.js';
import { PSA_DH_FAMILY_RFC3526, PSA_DH_FAMILY_RFC7919 } from '../../src/values/key-types.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import { statusOf } from '../../src/values/error.js';
import { dhAttributes, hex, nodePublic } from './helpers.js';

function statusOfCall(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    return statusOf(e);
  }
}

const FAMILIES = [PSA_DH_FAMILY_RFC7919, PSA_DH_FAMILY_RFC3526];

describe('DH key import', () => {
  it('accepts key pairs and public keys of every group length; bits = 8 × length', () => {
    for (const family of FAMILIES) {
      for (const bits of DH_GROUP_SIZES) {
        const data = randomBytes(bits / 8);
        for (const pair of [true, false]) {
          const kb = dhKeys.importKey(dhAttributes(family, 0, pair), data);
          expect(kb.bits).toBe(bits);
          expect(hex(kb.keyBuffer)).toBe(hex(data));
        }
      }
    }
  });

  it('keeps leading zero bytes (the length is the group length)', () => {
    const data = new Uint8Array(256);
    data[255] = 7;
    expect(dhKeys.importKey(dhAttributes(PSA_DH_FAMILY_RFC7919, 0), data).keyBuffer).toEqual(data);
  });

  it('answers NOT_SUPPORTED for any other length (as Mbed TLS)', () => {
    for (const length of [0, 1, 128, 255, 257, 383, 1025]) {
      for (const pair of [true, false]) {
        expect(statusOfCall(() => dhKeys.importKey(dhAttributes(PSA_DH_FAMILY_RFC7919, 0, pair), new Uint8Array(length)))).toBe(
          PSA_ERROR_NOT_SUPPORTED,
        );
      }
    }
  });

  it('answers NOT_SUPPORTED for a family without groups', () => {
    expect(statusOfCall(() => dhKeys.importKey(dhAttributes(0x07, 0), new Uint8Array(256)))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('DH public key', () => {
  it('equals node:crypto g^x mod p, left-padded, for every group (RFC 7919 and RFC 3526)', () => {
    for (const family of FAMILIES) {
      for (const bits of DH_GROUP_SIZES) {
        const group = dhGroup(family, bits)!;
        const x = randomBytes(bits / 8);
        x[0] = x[0]! & 0x7f; // below p
        const attrs = dhAttributes(family, bits);
        const kb = dhKeys.importKey(attrs, x);
        const pub = dhKeys.exportPublicKey(attrs, kb.keyBuffer);
        expect(pub.length).toBe(bits / 8);
        expect(hex(pub)).toBe(hex(nodePublic(group, x)));
      }
    }
  });

  it('of a public key is the key itself', () => {
    const y = randomBytes(384);
    expect(hex(dhKeys.exportPublicKey(dhAttributes(PSA_DH_FAMILY_RFC7919, 3072, false), y))).toBe(hex(y));
  });

  // A guard against pathological slowness, not a benchmark: about 0.7 s alone
  // on a developer machine, several times more while the whole suite runs in parallel.
  it('stays within seconds for an 8192-bit group', () => {
    const attrs = dhAttributes(PSA_DH_FAMILY_RFC7919, 8192);
    const x = randomBytes(1024);
    x[0] = 0x12;
    const start = performance.now();
    dhKeys.exportPublicKey(attrs, x);
    expect(performance.now() - start).toBeLessThan(8000);
  });
});

describe('DH key generation', () => {
  it('draws x in [2, p−2] with the group length', () => {
    for (const bits of [2048, 3072]) {
      const group = dhGroup(PSA_DH_FAMILY_RFC7919, bits)!;
      for (let i = 0; i < 8; i++) {
        const kb = dhKeys.generateKey!(dhAttributes(PSA_DH_FAMILY_RFC7919, bits), (n) => randomBytes(n), new Uint8Array(0));
        expect(kb.bits).toBe(bits);
        expect(kb.keyBuffer.length).toBe(bits / 8);
        const x = bigIntFromBytes(kb.keyBuffer);
        expect(x >= 2n && x <= group.p - 2n).toBe(true);
      }
    }
  });

  it('maps the draw k to k − 1 and redraws values outside [3, p−1]', () => {
    const group = dhGroup(PSA_DH_FAMILY_RFC7919, 2048)!;
    const draws = [new Uint8Array(256).fill(0xff), new Uint8Array(256), Uint8Array.from({ length: 256 }, (_, i) => (i === 255 ? 3 : 0))];
    const kb = dhKeys.generateKey!(dhAttributes(PSA_DH_FAMILY_RFC7919, 2048), () => draws.shift()!, new Uint8Array(0));
    expect(bigIntFromBytes(kb.keyBuffer)).toBe(2n);
    expect(draws.length).toBe(0);
    expect(group.p < 256n ** 256n - 1n).toBe(true);
  });

  it('answers NOT_SUPPORTED for sizes without a group and for public keys', () => {
    const rnd = (n: number): Uint8Array => randomBytes(n);
    for (const bits of [0, 1024, 2040, 2049, 16384]) {
      expect(statusOfCall(() => dhKeys.generateKey!(dhAttributes(PSA_DH_FAMILY_RFC7919, bits), rnd, new Uint8Array(0)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    }
    expect(statusOfCall(() => dhKeys.generateKey!(dhAttributes(PSA_DH_FAMILY_RFC7919, 2048, false), rnd, new Uint8Array(0)))).toBe(
      PSA_ERROR_NOT_SUPPORTED,
    );
    expect(PSA_ERROR_INVALID_ARGUMENT).not.toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});
