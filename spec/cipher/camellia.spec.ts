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
import { describe, expect, it } from 'vitest';
import { CAMELLIA_BLOCK, CamelliaBlock } from '../../src/drivers/software/cipher/camellia.js';
import { describeBlockCipherAgainstOpenssl } from './block-properties.js';
import { hex, toHex } from '../keys/helpers.js';

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

describe('CamelliaBlock known answers against OpenSSL', () => {
  it('the known-answer blocks agree with OpenSSL too', () => {
    for (const v of vectors.block) expect(toHex(openssl(hex(v.key), hex(v.plaintext), true)), v.name).toBe(v.ciphertext);
  });
});

it('CAMELLIA_BLOCK is 16', () => {
  expect(CAMELLIA_BLOCK).toBe(16);
});

describeBlockCipherAgainstOpenssl('CamelliaBlock', (key) => new CamelliaBlock(key), 'camellia');
