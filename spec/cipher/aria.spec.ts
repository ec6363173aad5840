/**
 * ARIA (RFC 5794) block function `AriaBlock`: known answers in both
 * directions from test-vectors/aria.json (RFC 5794 Appendix A, the ECB
 * vectors of the KISA test vector document as OpenSSL's evpciph_aria.txt
 * carries them), the KISA CBC and CTR vectors run by hand over the block
 * function, the key lengths refused, and differential properties against
 * OpenSSL through `node:crypto` (aria-128/192/256-ecb without padding) for
 * random keys and blocks, both directions, with blocks and keys also passed
 * as views at odd byte offsets; and that `wipe()` leaves nothing derived
 * from the key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARIA_BLOCK, AriaBlock } from '../../src/drivers/software/cipher/aria.js';
import { describeBlockCipherAgainstOpenssl } from './block-properties.js';
import { hex, toHex } from '../keys/helpers.js';

interface BlockCase {
  readonly name: string;
  readonly source: string;
  readonly key: string;
  readonly plaintext: string;
  readonly ciphertext: string;
}
interface ModeCase extends BlockCase {
  readonly mode: 'CBC' | 'CTR';
  readonly iv: string;
}
interface Vectors {
  readonly source: Record<string, string>;
  readonly block: readonly BlockCase[];
  readonly modes: readonly ModeCase[];
}
const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/aria.json', import.meta.url), 'utf8')) as Vectors;

/** Apply `step` to every 16-byte block of a copy of `data`. */
function eachBlock(data: Uint8Array, step: (block: Uint8Array) => void): Uint8Array {
  const out = data.slice();
  for (let at = 0; at < out.length; at += 16) step(out.subarray(at, at + 16));
  return out;
}

describe('AriaBlock known answers', () => {
  it('the vector file names a source for every case and has the expected sets', () => {
    for (const v of [...vectors.block, ...vectors.modes]) expect(vectors.source[v.source], v.name).toBeTypeOf('string');
    expect(vectors.block.filter((v) => v.source === 'rfc5794')).toHaveLength(3);
    expect(vectors.block.filter((v) => v.source === 'kisa')).toHaveLength(3);
    expect(vectors.modes).toHaveLength(6);
  });

  for (const v of vectors.block) {
    it(`${v.name}: encrypt, then decrypt back`, () => {
      const cipher = new AriaBlock(hex(v.key));
      const encrypted = eachBlock(hex(v.plaintext), (b) => cipher.encrypt(b));
      expect(toHex(encrypted)).toBe(v.ciphertext);
      expect(toHex(eachBlock(encrypted, (b) => cipher.decrypt(b)))).toBe(v.plaintext);
      // A fresh instance decrypts the published ciphertext on its own.
      const other = new AriaBlock(hex(v.key));
      expect(toHex(eachBlock(hex(v.ciphertext), (b) => other.decrypt(b)))).toBe(v.plaintext);
      cipher.wipe();
      other.wipe();
    });
  }
});

describe('KISA CBC and CTR vectors over the block function', () => {
  for (const v of vectors.modes) {
    it(`${v.name}: encryption and decryption by hand`, () => {
      const cipher = new AriaBlock(hex(v.key));
      const plain = hex(v.plaintext);
      const cipherText = hex(v.ciphertext);
      const out = new Uint8Array(plain.length);
      const back = new Uint8Array(plain.length);
      if (v.mode === 'CBC') {
        let chain = hex(v.iv);
        for (let at = 0; at < plain.length; at += 16) {
          const block = plain.slice(at, at + 16).map((x, i) => x ^ chain[i]!);
          cipher.encrypt(block);
          out.set(block, at);
          chain = block;
        }
        chain = hex(v.iv);
        for (let at = 0; at < cipherText.length; at += 16) {
          const block = cipherText.slice(at, at + 16);
          cipher.decrypt(block);
          back.set(block.map((x, i) => x ^ chain[i]!), at);
          chain = cipherText.subarray(at, at + 16);
        }
      } else {
        const counter = hex(v.iv);
        for (let at = 0; at < plain.length; at += 16) {
          const stream = counter.slice();
          cipher.encrypt(stream);
          for (let i = 0; i < 16 && at + i < plain.length; i++) {
            out[at + i] = plain[at + i]! ^ stream[i]!;
            back[at + i] = cipherText[at + i]! ^ stream[i]!;
          }
          // 128-bit big-endian increment.
          for (let i = 15; i >= 0 && ++counter[i]! === 256; i--) counter[i] = 0;
        }
      }
      expect(toHex(out)).toBe(v.ciphertext);
      expect(toHex(back)).toBe(v.plaintext);
      cipher.wipe();
    });
  }
});

it('ARIA_BLOCK is 16', () => {
  expect(ARIA_BLOCK).toBe(16);
});

describeBlockCipherAgainstOpenssl('AriaBlock', (key) => new AriaBlock(key), 'aria');
