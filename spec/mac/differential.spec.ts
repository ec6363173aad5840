/**
 * Differential property tests of the MAC functions against a second
 * implementation: HMAC against `node:crypto` `createHmac` (OpenSSL), CMAC
 * against an RFC 4493 construction over OpenSSL's AES-ECB (itself checked
 * with the RFC's examples in `known-answers.spec.ts`), CBC-MAC against
 * OpenSSL's unpadded AES-CBC with a zero IV. Random keys, messages,
 * truncations and chunkings of the multipart input; single-part compute,
 * multipart sign and both verifies must all agree with the oracle.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_CBC_MAC,
  PSA_ALG_CMAC,
  PSA_ALG_HMAC,
  PSA_ALG_MD5,
  PSA_ALG_RIPEMD160,
  PSA_ALG_SHA3_224,
  PSA_ALG_SHA3_256,
  PSA_ALG_SHA3_384,
  PSA_ALG_SHA3_512,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_SHA_512_224,
  PSA_ALG_SHA_512_256,
  PSA_ALG_TRUNCATED_MAC,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_MAC_LENGTH,
} from '../../src/values/index.js';
import { toHex } from '../keys/helpers.js';
import { chunks, referenceCbcMac, referenceCmac } from './reference.js';

/** Property runs per algorithm family. */
const RUNS = 60;

/** PSA hash → OpenSSL digest name. */
const HMAC_HASHES: ReadonlyArray<readonly [number, string]> = [
  [PSA_ALG_MD5, 'md5'],
  [PSA_ALG_RIPEMD160, 'ripemd160'],
  [PSA_ALG_SHA_1, 'sha1'],
  [PSA_ALG_SHA_224, 'sha224'],
  [PSA_ALG_SHA_256, 'sha256'],
  [PSA_ALG_SHA_384, 'sha384'],
  [PSA_ALG_SHA_512, 'sha512'],
  [PSA_ALG_SHA_512_224, 'sha512-224'],
  [PSA_ALG_SHA_512_256, 'sha512-256'],
  [PSA_ALG_SHA3_224, 'sha3-224'],
  [PSA_ALG_SHA3_256, 'sha3-256'],
  [PSA_ALG_SHA3_384, 'sha3-384'],
  [PSA_ALG_SHA3_512, 'sha3-512'],
];

const psa = createPsa();

/** Check every MAC path of `psa` against `expected` (already truncated). */
function checkAllPaths(type: number, key: Uint8Array, alg: number, msg: Uint8Array, cuts: number[], expected: Uint8Array): void {
  const id = psa.importKey({ type, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg }, key);
  try {
    expect(toHex(psa.macCompute(id, alg, msg))).toBe(toHex(expected));
    const sign = psa.macSignSetup(id, alg);
    for (const part of chunks(msg, cuts)) sign.update(part);
    expect(toHex(sign.signFinish())).toBe(toHex(expected));
    psa.macVerify(id, alg, msg, expected);
    const verify = psa.macVerifySetup(id, alg);
    for (const part of chunks(msg, cuts)) verify.update(part);
    verify.verifyFinish(expected);
  } finally {
    psa.destroyKey(id);
  }
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe('MAC differential tests', () => {
  it('HMAC with every hash equals node:crypto createHmac, for random keys, truncations and chunkings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HMAC_HASHES),
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.uint8Array({ maxLength: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        cutsArb,
        ([hash, name], key, msg, t, cuts) => {
          const full = PSA_ALG_HMAC(hash);
          const fullLength = PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, key.length * 8, full);
          const length = Math.min(fullLength, 4 + Math.floor(t * (fullLength - 3)));
          const alg = length === fullLength ? full : PSA_ALG_TRUNCATED_MAC(full, length);
          const expected = new Uint8Array(createHmac(name, key).update(msg).digest()).subarray(0, length);
          checkAllPaths(PSA_KEY_TYPE_HMAC, key, alg, msg, cuts, expected);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it('AES-CMAC equals RFC 4493 over OpenSSL AES, for random keys, truncations and chunkings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 4, max: 16 }),
        cutsArb,
        (key, msg, length, cuts) => {
          const alg = length === 16 ? PSA_ALG_CMAC : PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, length);
          checkAllPaths(PSA_KEY_TYPE_AES, key, alg, msg, cuts, referenceCmac(key, msg).subarray(0, length));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('AES-CBC-MAC equals the last block of OpenSSL AES-CBC with a zero IV, for whole-block messages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        fc.integer({ min: 1, max: 12 }).chain((blocks) => fc.uint8Array({ minLength: blocks * 16, maxLength: blocks * 16 })),
        fc.integer({ min: 4, max: 16 }),
        cutsArb,
        (key, msg, length, cuts) => {
          const alg = length === 16 ? PSA_ALG_CBC_MAC : PSA_ALG_TRUNCATED_MAC(PSA_ALG_CBC_MAC, length);
          checkAllPaths(PSA_KEY_TYPE_AES, key, alg, msg, cuts, referenceCbcMac(key, msg).subarray(0, length));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('rejects a wrong MAC whatever the chunking (one flipped bit, constant-time path)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.uint8Array({ maxLength: 100 }),
        fc.nat(),
        cutsArb,
        (key, msg, bit, cuts) => {
          const alg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
          const id = psa.importKey({ type: PSA_KEY_TYPE_HMAC, usage: PSA_KEY_USAGE_VERIFY_MESSAGE, alg }, key);
          try {
            const bad = new Uint8Array(createHmac('sha256', key).update(msg).digest());
            bad[(bit >> 3) % 32]! ^= 1 << (bit & 7);
            expect(() => psa.macVerify(id, alg, msg, bad)).toThrow(/MAC mismatch/);
            const op = psa.macVerifySetup(id, alg);
            for (const part of chunks(msg, cuts)) op.update(part);
            expect(() => op.verifyFinish(bad)).toThrow(/MAC mismatch/);
            expect(op.active).toBe(false);
          } finally {
            psa.destroyKey(id);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
