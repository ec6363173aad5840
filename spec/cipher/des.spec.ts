/**
 * DES (FIPS 46-3) and TDEA (NIST SP 800-67) block function `DesBlock`:
 * known answers in both directions from test-vectors/des.json (NIST CAVP
 * TDES files with the SP 800-20 tables, the SP 800-67 and FIPS 81
 * examples, Mbed TLS's and OpenSSL's destest vectors), applied in the mode
 * each source states (ECB, CBC, CFB-64, chained here by hand over the block
 * function); the key lengths refused; `desSetOddParity`; and differential
 * properties against OpenSSL through `node:crypto`: `des-ede3-ecb` for
 * 24-byte keys, `des-ede-ecb` for 16-byte keys, and single DES as
 * `des-ede3-ecb` under K ‖ K ‖ K (keying option 3 is single DES). Plain
 * `des-ecb` lives in OpenSSL 3's legacy provider; Node 20 here does not load
 * it (`createCipheriv('des-ecb', …)` fails with "unsupported"), so the
 * single-DES property compares with `des-ecb` only where it loads.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DES_BLOCK, DesBlock, desSetOddParity } from '../../src/drivers/software/cipher/des.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../src/values/status.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

interface Case {
  readonly name: string;
  readonly source: string;
  readonly mode: 'ECB' | 'CBC' | 'CFB64';
  readonly key: string;
  readonly iv?: string;
  readonly plaintext: string;
  readonly ciphertext: string;
}
interface Vectors {
  readonly source: Record<string, string>;
  readonly cases: readonly Case[];
}
const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/des.json', import.meta.url), 'utf8')) as Vectors;

const SEED = 20261208;
const RUNS = 200;

const bytes8 = (): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: 8, maxLength: 8 });
const keyOf = (length: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: length, maxLength: length });
const xor8 = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((x, i) => x ^ b[i]!);

/** The mode of a case over the block function, encrypting or decrypting `data` (a multiple of 8 bytes). */
function applyMode(cipher: DesBlock, mode: Case['mode'], iv: Uint8Array, data: Uint8Array, encrypt: boolean): Uint8Array {
  const out = new Uint8Array(data.length);
  let chain = iv.slice();
  for (let at = 0; at < data.length; at += 8) {
    const input = data.slice(at, at + 8);
    let block: Uint8Array;
    if (mode === 'ECB') {
      block = input.slice();
      if (encrypt) cipher.encrypt(block);
      else cipher.decrypt(block);
    } else if (mode === 'CBC') {
      if (encrypt) {
        block = xor8(input, chain);
        cipher.encrypt(block);
        chain = block.slice();
      } else {
        block = input.slice();
        cipher.decrypt(block);
        block = xor8(block, chain);
        chain = input;
      }
    } else {
      const stream = chain.slice();
      cipher.encrypt(stream);
      block = xor8(input, stream);
      chain = encrypt ? block.slice() : input;
    }
    out.set(block, at);
  }
  return out;
}

describe('DES and TDEA known answers (test-vectors/des.json)', () => {
  it('every case names a source the file describes', () => {
    expect(vectors.cases.length).toBeGreaterThan(30);
    for (const v of vectors.cases) expect(vectors.source[v.source], v.name).toBeTypeOf('string');
  });

  for (const v of vectors.cases) {
    it(`${v.name} (${v.mode}, ${v.key.length / 2}-byte key): encryption and decryption`, () => {
      const cipher = new DesBlock(hex(v.key));
      const iv = hex(v.iv ?? '');
      expect(toHex(applyMode(cipher, v.mode, iv, hex(v.plaintext), true))).toBe(v.ciphertext);
      expect(toHex(applyMode(cipher, v.mode, iv, hex(v.ciphertext), false))).toBe(v.plaintext);
      if (v.mode === 'CFB64') {
        // CFB uses only the forward cipher: check the inverse on the first keystream block too.
        const stream = xor8(hex(v.plaintext).subarray(0, 8), hex(v.ciphertext).subarray(0, 8));
        cipher.decrypt(stream);
        expect(toHex(stream)).toBe(v.iv);
      }
      cipher.wipe();
    });
  }

  it('single-DES cases give the same answers as TDEA with K1 = K2 = K3 (16- and 24-byte keys)', () => {
    const single = vectors.cases.filter((v) => v.key.length === 16);
    expect(single.length).toBeGreaterThan(20);
    for (const v of single) {
      for (const key of [v.key.repeat(2), v.key.repeat(3)]) {
        const iv = hex(v.iv ?? '');
        expect(toHex(applyMode(new DesBlock(hex(key)), v.mode, iv, hex(v.plaintext), true)), v.name).toBe(v.ciphertext);
      }
    }
  });
});

describe('DesBlock keys', () => {
  it('blocks are 8 bytes', () => {
    expect(DES_BLOCK).toBe(8);
    for (const length of [8, 16, 24]) expect(new DesBlock(new Uint8Array(length)).blockLength).toBe(8);
  });

  it('key lengths other than 8, 16 and 24 bytes are INVALID_ARGUMENT', () => {
    for (const length of [0, 7, 9, 15, 17, 23, 25, 32]) {
      expectStatus(() => new DesBlock(new Uint8Array(length).fill(0x5a)), PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('parity bits are ignored: flipping bit 0 of any key byte changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(8, 16, 24).chain((n) => fc.tuple(keyOf(n), keyOf(n))), bytes8(), ([key, flips], block) => {
        const other = key.map((b, i) => b ^ (flips[i]! & 1));
        const a = block.slice();
        const b = block.slice();
        new DesBlock(key).encrypt(a);
        new DesBlock(other).encrypt(b);
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the weak keys of FIPS 74 make encryption an involution: E_K(E_K(x)) = x', () => {
    for (const key of ['0101010101010101', 'fefefefefefefefe', 'e0e0e0e0f1f1f1f1', '1f1f1f1f0e0e0e0e']) {
      const cipher = new DesBlock(hex(key));
      fc.assert(
        fc.property(bytes8(), (x) => {
          const block = x.slice();
          cipher.encrypt(block);
          cipher.encrypt(block);
          expect(block).toEqual(x);
        }),
        { numRuns: 50, seed: SEED },
      );
    }
  });

  it('the complementation property: E_~K(~P) = ~E_K(P)', () => {
    fc.assert(
      fc.property(bytes8(), bytes8(), (key, plain) => {
        const a = plain.slice();
        new DesBlock(key).encrypt(a);
        const b = plain.map((x) => ~x & 0xff);
        new DesBlock(key.map((x) => ~x & 0xff)).encrypt(b);
        expect(b).toEqual(a.map((x) => ~x & 0xff));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('desSetOddParity', () => {
  const ones = (x: number): number => [...x.toString(2)].filter((c) => c === '1').length;

  it('every byte ends with odd parity and only bit 0 changes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (key) => {
        const fixed = key.slice();
        desSetOddParity(fixed);
        for (let i = 0; i < key.length; i++) {
          expect(ones(fixed[i]!) % 2).toBe(1);
          expect((fixed[i]! ^ key[i]!) & 0xfe).toBe(0);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('every byte value: odd-parity bytes are kept, the others get bit 0 flipped', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    desSetOddParity(all);
    for (let i = 0; i < 256; i++) expect(all[i]).toBe(ones(i) % 2 === 1 ? i : i ^ 1);
    const key = hex('0000000000000000fefefefefefefefe');
    desSetOddParity(key);
    expect(toHex(key)).toBe('0101010101010101fefefefefefefefe');
  });
});

/** One block through OpenSSL's ECB without padding. */
function openssl(name: string, k: Uint8Array, block: Uint8Array, encrypt: boolean): Uint8Array {
  const c = encrypt ? createCipheriv(name, k, null) : createDecipheriv(name, k, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
}

/** The OpenSSL cipher and key equivalent to a DES or TDEA key: single DES as TDEA with K1 = K2 = K3. */
function reference(k: Uint8Array): [name: string, key: Uint8Array] {
  if (k.length === 16) return ['des-ede-ecb', k];
  return ['des-ede3-ecb', k.length === 8 ? Uint8Array.from([...k, ...k, ...k]) : k];
}

/** Whether this OpenSSL loads plain single DES (the legacy provider). */
const desEcbLoads = ((): boolean => {
  try {
    createCipheriv('des-ecb', new Uint8Array(8), null);
    return true;
  } catch {
    return false;
  }
})();

describe('DesBlock against OpenSSL (node:crypto)', () => {
  const forms = [
    { label: 'three-key TDEA vs des-ede3-ecb', length: 24 },
    { label: 'two-key TDEA vs des-ede-ecb', length: 16 },
    { label: 'single DES vs des-ede3-ecb with K ‖ K ‖ K', length: 8 },
  ];
  for (const form of forms) {
    it(`${form.label}: random keys and blocks, both directions, blocks at odd offsets`, () => {
      fc.assert(
        fc.property(keyOf(form.length), bytes8(), fc.integer({ min: 0, max: 7 }), (k, plain, pad) => {
          const cipher = new DesBlock(k);
          const [name, wide] = reference(k);
          const expected = openssl(name, wide, plain, true);
          const block = plain.slice();
          cipher.encrypt(block);
          expect(block).toEqual(expected);
          cipher.decrypt(block);
          expect(block).toEqual(plain);
          // The same block as a view at an odd byte offset of a larger buffer.
          const buffer = new Uint8Array(2 * pad + 1 + 8 + 3).fill(0xa5);
          const view = buffer.subarray(2 * pad + 1, 2 * pad + 9);
          view.set(plain);
          cipher.encrypt(view);
          expect(view).toEqual(expected);
          expect(buffer.subarray(0, 2 * pad + 1).every((x) => x === 0xa5)).toBe(true);
          expect(buffer.subarray(2 * pad + 9).every((x) => x === 0xa5)).toBe(true);
          const back = openssl(name, wide, expected, false);
          expect(back).toEqual(plain);
          cipher.decrypt(view);
          expect(view).toEqual(plain);
          if (form.length === 8 && desEcbLoads) expect(openssl('des-ecb', k, plain, true)).toEqual(expected);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});

describe('DesBlock key material', () => {
  it('keeps its own schedule: changing the caller key array afterwards changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(8, 16, 24).chain(keyOf), bytes8(), (k, plain) => {
        const [name, wide] = reference(k);
        const expected = openssl(name, wide, plain, true);
        const mine = k.slice();
        const cipher = new DesBlock(mine);
        mine.fill(0xff);
        const block = plain.slice();
        cipher.encrypt(block);
        expect(block).toEqual(expected);
      }),
      { numRuns: 50, seed: SEED },
    );
  });

  it('wipe() zeroes every round key: the cipher then acts as the all-zero key', () => {
    fc.assert(
      fc.property(fc.constantFrom(8, 16, 24).chain(keyOf), bytes8(), (k, plain) => {
        const cipher = new DesBlock(k);
        cipher.wipe();
        // PC-1 and PC-2 of the zero key give zero round keys; any other key bit left would show.
        const expected = openssl('des-ede3-ecb', new Uint8Array(24), plain, true);
        const block = plain.slice();
        cipher.encrypt(block);
        expect(block).toEqual(expected);
        cipher.decrypt(block);
        expect(block).toEqual(plain);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
