/**
 * Camellia (RFC 3713) block function `CamelliaBlock`: known answers in both
 * directions from test-vectors/camellia.json (RFC 3713 Appendix A, the ECB
 * entries of OpenSSL's evpciph_camellia.txt, the NTT t_camellia.txt entries
 * of Mbed TLS's self-test), the RFC 5528 Camellia-CTR vectors run by hand
 * over the block function (counter block nonce ‖ IV ‖ 32-bit counter from 1),
 * the key lengths refused, and differential properties against OpenSSL
 * through `node:crypto` (camellia-128/192/256-ecb without padding) for
 * random keys and blocks, both directions, with blocks also passed as views
 * at odd byte offsets. The RFC 5528 CCM vectors in the same file are for the
 * AEAD layer and are not run here.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAMELLIA_BLOCK, CamelliaBlock } from '../../src/drivers/software/cipher/camellia.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../src/values/status.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

interface BlockCase {
  readonly name: string;
  readonly source: string;
  readonly key: string;
  readonly plaintext: string;
  readonly ciphertext: string;
}
interface CtrCase {
  readonly name: string;
  readonly source: string;
  readonly key: string;
  readonly nonce: string;
  readonly iv: string;
  readonly counterBlock: string;
  readonly plaintext: string;
  readonly ciphertext: string;
}
interface CcmCase {
  readonly name: string;
  readonly source: string;
  readonly nonce: string;
  readonly plaintext: string;
  readonly ciphertext: string;
  readonly tag: string;
  readonly tagLength: number;
}
interface Vectors {
  readonly source: Record<string, string>;
  readonly block: readonly BlockCase[];
  readonly ctr: readonly CtrCase[];
  readonly ccm: readonly CcmCase[];
}
const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/camellia.json', import.meta.url), 'utf8')) as Vectors;

const SEED = 20261208;
const RUNS = 200;

const bytesOf = (length: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: length, maxLength: length });
const keyLength = fc.constantFrom(16, 24, 32);

/** OpenSSL's Camellia ECB on one block, no padding. */
function openssl(key: Uint8Array, block: Uint8Array, encrypt: boolean): Uint8Array {
  const name = `camellia-${key.length * 8}-ecb`;
  const c = encrypt ? createCipheriv(name, key, null) : createDecipheriv(name, key, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
}

describe('CamelliaBlock known answers', () => {
  it('the vector file names a source for every case and has the expected sets', () => {
    for (const v of [...vectors.block, ...vectors.ctr, ...vectors.ccm]) expect(vectors.source[v.source], v.name).toBeTypeOf('string');
    expect(vectors.block.filter((v) => v.source === 'rfc3713')).toHaveLength(3);
    expect(vectors.ctr).toHaveLength(9);
    expect(vectors.ccm).toHaveLength(24);
  });

  for (const v of vectors.block) {
    it(`${v.name}: encrypt, then decrypt back`, () => {
      const cipher = new CamelliaBlock(hex(v.key));
      const block = hex(v.plaintext);
      cipher.encrypt(block);
      expect(toHex(block)).toBe(v.ciphertext);
      cipher.decrypt(block);
      expect(toHex(block)).toBe(v.plaintext);
      // A fresh instance decrypts the published ciphertext on its own.
      const other = new CamelliaBlock(hex(v.key));
      const back = hex(v.ciphertext);
      other.decrypt(back);
      expect(toHex(back)).toBe(v.plaintext);
      cipher.wipe();
      other.wipe();
    });
  }
});

describe('RFC 5528 Camellia-CTR over the block function', () => {
  for (const v of vectors.ctr) {
    it(`${v.name}: nonce ‖ IV ‖ counter from 1`, () => {
      const cipher = new CamelliaBlock(hex(v.key));
      const counter = new Uint8Array(16);
      counter.set(hex(v.nonce), 0);
      counter.set(hex(v.iv), 4);
      counter[15] = 1;
      expect(toHex(counter)).toBe(v.counterBlock);
      const plain = hex(v.plaintext);
      const out = new Uint8Array(plain.length);
      const stream = new Uint8Array(16);
      for (let at = 0; at < plain.length; at += 16) {
        stream.set(counter);
        cipher.encrypt(stream);
        for (let i = 0; i < 16 && at + i < plain.length; i++) out[at + i] = plain[at + i]! ^ stream[i]!;
        // Increment the 32-bit big-endian block counter (the vectors stay far from its wrap).
        const view = new DataView(counter.buffer);
        view.setUint32(12, (view.getUint32(12) + 1) >>> 0);
      }
      expect(toHex(out)).toBe(v.ciphertext);
      cipher.wipe();
    });
  }
});

describe('CamelliaBlock key lengths', () => {
  it('CAMELLIA_BLOCK is 16 and blockLength is 16', () => {
    expect(CAMELLIA_BLOCK).toBe(16);
    expect(new CamelliaBlock(new Uint8Array(16)).blockLength).toBe(16);
  });

  it('keys of 0, 8, 15, 17, 23, 33 and 64 bytes are INVALID_ARGUMENT', () => {
    for (const length of [0, 8, 15, 17, 23, 33, 64]) {
      expectStatus(() => new CamelliaBlock(new Uint8Array(length)), PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('keys of 16, 24 and 32 bytes are accepted', () => {
    for (const length of [16, 24, 32]) expect(() => new CamelliaBlock(new Uint8Array(length))).not.toThrow();
  });
});

describe('CamelliaBlock against OpenSSL (node:crypto camellia-*-ecb)', () => {
  it('the known-answer blocks agree with OpenSSL too', () => {
    for (const v of vectors.block) expect(toHex(openssl(hex(v.key), hex(v.plaintext), true)), v.name).toBe(v.ciphertext);
  });

  it('random keys and blocks, both directions, blocks also at odd offsets of a larger buffer', () => {
    fc.assert(
      fc.property(keyLength.chain(bytesOf), bytesOf(16), bytesOf(16), fc.integer({ min: 0, max: 7 }), (k, plain, other, pad) => {
        const cipher = new CamelliaBlock(k);
        const expected = openssl(k, plain, true);
        const block = plain.slice();
        cipher.encrypt(block);
        expect(block).toEqual(expected);
        cipher.decrypt(block);
        expect(block).toEqual(plain);
        // Decryption of an arbitrary block against OpenSSL's decryption.
        const down = other.slice();
        cipher.decrypt(down);
        expect(down).toEqual(openssl(k, other, false));
        // The same block as a view at an odd byte offset, the bytes around it untouched.
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
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('a key passed as a view at an odd offset is read as its own bytes', () => {
    fc.assert(
      fc.property(keyLength.chain(bytesOf), bytesOf(16), (k, plain) => {
        const buffer = new Uint8Array(k.length + 6).fill(0x5a);
        buffer.set(k, 3);
        const block = plain.slice();
        new CamelliaBlock(buffer.subarray(3, 3 + k.length)).encrypt(block);
        expect(block).toEqual(openssl(k, plain, true));
      }),
      { numRuns: 50, seed: SEED },
    );
  });
});

describe('CamelliaBlock key material', () => {
  it('keeps its own schedule: changing the caller key array afterwards changes nothing', () => {
    fc.assert(
      fc.property(keyLength.chain(bytesOf), bytesOf(16), (k, plain) => {
        const mine = k.slice();
        const cipher = new CamelliaBlock(mine);
        mine.fill(0xff);
        const block = plain.slice();
        cipher.encrypt(block);
        expect(block).toEqual(openssl(k, plain, true));
      }),
      { numRuns: 50, seed: SEED },
    );
  });

  it('wipe() leaves nothing of the key: the old ciphertext is gone and two wiped keys act alike', () => {
    fc.assert(
      fc.property(keyLength, bytesOf(32), bytesOf(32), bytesOf(16), (length, k1, k2, plain) => {
        const a = new CamelliaBlock(k1.subarray(0, length));
        const b = new CamelliaBlock(k2.subarray(0, length));
        const before = openssl(k1.subarray(0, length), plain, true);
        a.wipe();
        b.wipe();
        const x = plain.slice();
        const y = plain.slice();
        a.encrypt(x);
        b.encrypt(y);
        expect(x).not.toEqual(before);
        // Every subkey is zero, so the output depends on the key size only, not on the key.
        expect(x).toEqual(y);
        // The zeroed decryption order still inverts the zeroed encryption order.
        a.decrypt(x);
        b.decrypt(y);
        expect(x).toEqual(plain);
        expect(y).toEqual(plain);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
