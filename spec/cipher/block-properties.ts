/**
 * Properties every 16-byte block function with 128/192/256-bit keys must
 * have: 16-byte blocks, other key lengths a PsaError with INVALID_ARGUMENT;
 * and, checked against
 * OpenSSL's ECB of the same cipher (`node:crypto`): random keys and blocks
 * in both directions, blocks and keys given as views at odd offsets (the
 * bytes around them untouched), a schedule independent of the caller's key
 * array afterwards, and `wipe()` leaving nothing of the key (the old
 * ciphertext is gone, two wiped instances of one key size act alike, and
 * the zeroed schedules still invert each other).
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockCipher16 } from '../../src/drivers/software/cipher/block.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../src/values/status.js';
import { expectStatus } from '../keys/helpers.js';

const SEED = 20261208;
const bytesOf = (length: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: length, maxLength: length });
const keyLength = fc.constantFrom(16, 24, 32);

/**
 * The suites for one cipher.
 * @param label the class name, for the test titles
 * @param create a keyed instance
 * @param opensslName OpenSSL's cipher prefix (`aria`, `camellia`): `<name>-<bits>-ecb`
 */
export function describeBlockCipherAgainstOpenssl(label: string, create: (key: Uint8Array) => BlockCipher16, opensslName: string): void {
  const openssl = (key: Uint8Array, data: Uint8Array, encrypt: boolean): Uint8Array => {
    const name = `${opensslName}-${key.length * 8}-ecb`;
    const c = encrypt ? createCipheriv(name, key, null) : createDecipheriv(name, key, null);
    c.setAutoPadding(false);
    return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  };

  describe(`${label} key lengths`, () => {
    it('blockLength is 16; keys of 16, 24 and 32 bytes are accepted', () => {
      for (const length of [16, 24, 32]) expect(create(new Uint8Array(length)).blockLength).toBe(16);
    });

    it('keys of 0, 8, 15, 17, 23, 33 and 64 bytes are a PsaError with INVALID_ARGUMENT', () => {
      for (const length of [0, 8, 15, 17, 23, 33, 64]) expectStatus(() => create(new Uint8Array(length)), PSA_ERROR_INVALID_ARGUMENT);
    });
  });

  describe(`${label} against OpenSSL (node:crypto ${opensslName}-*-ecb)`, () => {
    it('random keys and blocks, both directions, blocks also at odd offsets of a larger buffer', () => {
      fc.assert(
        fc.property(keyLength.chain(bytesOf), bytesOf(16), bytesOf(16), fc.integer({ min: 0, max: 7 }), (k, plain, other, pad) => {
          const cipher = create(k);
          const expected = openssl(k, plain, true);
          const block = plain.slice();
          cipher.encrypt(block);
          expect(block).toEqual(expected);
          cipher.decrypt(block);
          expect(block).toEqual(plain);
          const down = other.slice();
          cipher.decrypt(down);
          expect(down).toEqual(openssl(k, other, false));
          const offset = 2 * pad + 1;
          const buffer = new Uint8Array(offset + 16 + 3).fill(0xa5);
          const view = buffer.subarray(offset, offset + 16);
          view.set(plain);
          cipher.encrypt(view);
          expect(view).toEqual(expected);
          cipher.decrypt(view);
          expect(view).toEqual(plain);
          view.set(other);
          cipher.decrypt(view);
          expect(view).toEqual(openssl(k, other, false));
          expect(buffer.subarray(0, offset).every((x) => x === 0xa5)).toBe(true);
          expect(buffer.subarray(offset + 16).every((x) => x === 0xa5)).toBe(true);
        }),
        { numRuns: 200, seed: SEED },
      );
    });

    it('a key passed as a view at an odd offset is read as its own bytes', () => {
      fc.assert(
        fc.property(keyLength.chain(bytesOf), bytesOf(16), (k, plain) => {
          const buffer = new Uint8Array(k.length + 6).fill(0x5a);
          buffer.set(k, 3);
          const block = plain.slice();
          create(buffer.subarray(3, 3 + k.length)).encrypt(block);
          expect(block).toEqual(openssl(k, plain, true));
        }),
        { numRuns: 50, seed: SEED },
      );
    });
  });

  describe(`${label} key material`, () => {
    it('keeps its own schedule: changing the caller key array afterwards changes nothing', () => {
      fc.assert(
        fc.property(keyLength.chain(bytesOf), bytesOf(16), (k, plain) => {
          const mine = k.slice();
          const cipher = create(mine);
          mine.fill(0xff);
          const block = plain.slice();
          cipher.encrypt(block);
          expect(block).toEqual(openssl(k, plain, true));
          cipher.decrypt(block);
          expect(block).toEqual(plain);
        }),
        { numRuns: 50, seed: SEED },
      );
    });

    it('wipe() leaves nothing of the key: the old ciphertext is gone and two wiped keys act alike', () => {
      fc.assert(
        fc.property(keyLength, bytesOf(32), bytesOf(32), bytesOf(16), (length, k1, k2, plain) => {
          const a = create(k1.subarray(0, length));
          const b = create(k2.subarray(0, length));
          const before = openssl(k1.subarray(0, length), plain, true);
          const beforeDown = openssl(k1.subarray(0, length), plain, false);
          a.wipe();
          b.wipe();
          const x = plain.slice();
          const y = plain.slice();
          a.encrypt(x);
          b.encrypt(y);
          expect(x).not.toEqual(before);
          // Every round key is zero: the output depends on the key size only, not on the key.
          expect(x).toEqual(y);
          const down = plain.slice();
          a.decrypt(down);
          expect(down).not.toEqual(beforeDown);
          // The zeroed decryption schedule still inverts the zeroed encryption schedule.
          a.decrypt(x);
          b.decrypt(y);
          expect(x).toEqual(plain);
          expect(y).toEqual(plain);
        }),
        { numRuns: 100, seed: SEED },
      );
    });
  });
}
