import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SOFTWARE_HASH_ALGORITHMS,
  softwareHashCompute,
  softwareHashSetup,
} from '../../src/drivers/software/hash/index.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../src/values/status.js';

/** PSA hash algorithm → node:crypto (OpenSSL) name and options: the second implementation. */
const NODE_NAMES: ReadonlyArray<readonly [string, number, string, number?]> = [
  ['MD5', 0x02000003, 'md5'],
  ['RIPEMD160', 0x02000004, 'ripemd160'],
  ['SHA_1', 0x02000005, 'sha1'],
  ['SHA_224', 0x02000008, 'sha224'],
  ['SHA_256', 0x02000009, 'sha256'],
  ['SHA_384', 0x0200000a, 'sha384'],
  ['SHA_512', 0x0200000b, 'sha512'],
  ['SHA_512_224', 0x0200000c, 'sha512-224'],
  ['SHA_512_256', 0x0200000d, 'sha512-256'],
  ['SHA3_224', 0x02000010, 'sha3-224'],
  ['SHA3_256', 0x02000011, 'sha3-256'],
  ['SHA3_384', 0x02000012, 'sha3-384'],
  ['SHA3_512', 0x02000013, 'sha3-512'],
  ['SM3', 0x02000014, 'sm3'],
  ['SHAKE256_512', 0x02000015, 'shake256', 64],
  ['BLAKE2S_HASH256', 0x0200001c, 'blake2s256'],
  ['BLAKE2B_HASH512', 0x0200001e, 'blake2b512'],
];

function nodeDigest(name: string, outputLength: number | undefined, data: Uint8Array): string {
  const h = outputLength === undefined ? createHash(name) : createHash(name, { outputLength });
  return h.update(data).digest('hex');
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Lengths around every block size in play (16, 64, 72, 104, 128, 136, 144). */
const LENGTHS = [0, 1, 3, 15, 16, 17, 55, 56, 57, 63, 64, 65, 71, 72, 103, 104, 111, 112, 119, 127, 128, 129, 135, 136, 137, 143, 144, 145, 200, 1000, 4099];

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return undefined;
}

describe('software hash driver', () => {
  it('covers exactly the algorithms cross-checked here (and AES-MMO, Ascon-Hash256, BLAKE2sp, BLAKE2bp: aes-mmo.spec.ts, spec/ascon, blake2-parallel.spec.ts)', () => {
    const AES_MMO_ZIGBEE = 0x02000007;
    const ASCON_HASH256 = 0x02000019;
    const BLAKE2SP_HASH256 = 0x0200001d;
    const BLAKE2BP_HASH512 = 0x0200001f;
    const others = [AES_MMO_ZIGBEE, ASCON_HASH256, BLAKE2SP_HASH256, BLAKE2BP_HASH512];
    expect([...SOFTWARE_HASH_ALGORITHMS].sort()).toEqual([...NODE_NAMES.map((n) => n[1]), ...others].sort());
  });

  for (const [label, alg, name, outLen] of NODE_NAMES) {
    describe(label, () => {
      it('single-part matches node:crypto over many lengths', () => {
        for (const len of LENGTHS) {
          const data = randomBytes(len);
          expect(hex(softwareHashCompute(alg, data)), `length ${len}`).toBe(nodeDigest(name, outLen, data));
        }
      });

      it('multipart matches node:crypto for random chunkings', () => {
        for (let trial = 0; trial < 25; trial++) {
          const data = randomBytes(Math.floor(Math.random() * 700));
          const ctx = softwareHashSetup(alg);
          let offset = 0;
          while (offset < data.length) {
            const step = Math.min(data.length - offset, Math.floor(Math.random() * 150));
            ctx.update(data.subarray(offset, offset + step));
            offset += step;
          }
          expect(hex(ctx.finish())).toBe(nodeDigest(name, outLen, data));
        }
      });

      it('clone continues independently', () => {
        const a = randomBytes(150);
        const b = randomBytes(77);
        const c = randomBytes(33);
        const ctx = softwareHashSetup(alg);
        ctx.update(a);
        const copy = ctx.clone();
        ctx.update(b);
        copy.update(c);
        expect(hex(ctx.finish())).toBe(nodeDigest(name, outLen, Buffer.concat([a, b])));
        expect(hex(copy.finish())).toBe(nodeDigest(name, outLen, Buffer.concat([a, c])));
      });

      it('does not read the input after update returns', () => {
        const data = randomBytes(100);
        const expected = nodeDigest(name, outLen, data);
        const scratch = Uint8Array.from(data);
        const ctx = softwareHashSetup(alg);
        ctx.update(scratch);
        scratch.fill(0xee);
        expect(hex(ctx.finish())).toBe(expected);
      });
    });
  }

  it('rejects hash algorithms it lacks with NOT_SUPPORTED', () => {
    // MD2, MD4, SHA-256/192, SHAKE128/256, ANY_HASH, CATEGORY_HASH (BLAKE2sp/BLAKE2bp: blake2-parallel.spec.ts)
    for (const alg of [0x02000001, 0x02000002, 0x0200000e, 0x02000016, 0x020000ff, 0x02000000]) {
      expect(statusOf(() => softwareHashSetup(alg)), alg.toString(16)).toBe(PSA_ERROR_NOT_SUPPORTED);
      expect(statusOf(() => softwareHashCompute(alg, new Uint8Array(0))), alg.toString(16)).toBe(PSA_ERROR_NOT_SUPPORTED);
    }
  });

  it('rejects non-hash algorithms with INVALID_ARGUMENT', () => {
    // PSA_ALG_HMAC(SHA_256), PSA_ALG_NONE, a cipher, HKDF(SHA_256), a non-integer
    for (const alg of [0x03800009, 0, 0x04c01000, 0x08000109, 1.5]) {
      expect(statusOf(() => softwareHashSetup(alg))).toBe(PSA_ERROR_INVALID_ARGUMENT);
      expect(statusOf(() => softwareHashCompute(alg, new Uint8Array(0)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('rejects non-Uint8Array input with INVALID_ARGUMENT', () => {
    const ctx = softwareHashSetup(0x02000009);
    expect(statusOf(() => ctx.update('abc' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => softwareHashCompute(0x02000009, [1, 2] as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    ctx.destroy();
  });
});
