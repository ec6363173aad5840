/**
 * Key derivation against a second implementation: HKDF and PBKDF2-HMAC
 * outputs, read in random pieces, must equal node:crypto's `hkdfSync` and
 * `pbkdf2Sync`; plus RFC 5869 and RFC 6070 known answers.
 */
import { hkdfSync, pbkdf2Sync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { KeyDerivationOperation } from '../../src/core/key-derivation/index.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
} from '../../src/values/index.js';

const HASHES: readonly (readonly [number, string, number])[] = [
  [PSA_ALG_SHA_1, 'sha1', 20], [PSA_ALG_SHA_256, 'sha256', 32], [PSA_ALG_SHA_384, 'sha384', 48], [PSA_ALG_SHA_512, 'sha512', 64],
];

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

/** Read `total` bytes in pieces whose sizes follow `cuts`. */
function readInPieces(op: KeyDerivationOperation, total: number, cuts: readonly number[]): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of cuts) {
    const n = Math.min(total - at, Math.floor(c * (total + 1)));
    out.set(op.outputBytes(n), at);
    at += n;
  }
  out.set(op.outputBytes(total - at), at);
  return out;
}

const psa = createPsa();
const bytesArb = (max: number) => fc.uint8Array({ maxLength: max });
const cutsArb = fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { maxLength: 4 });

describe('HKDF against node:crypto hkdfSync', () => {
  it('gives the same bytes for any salt, secret, info and read pattern', () => {
    fc.assert(fc.property(fc.constantFrom(...HASHES), bytesArb(80), bytesArb(80), bytesArb(80), fc.integer({ min: 1, max: 300 }), cutsArb,
      ([alg, name, hashLength], salt, secret, info, wanted, cuts) => {
        const length = Math.min(wanted, 255 * hashLength);
        const op = psa.keyDerivationSetup(PSA_ALG_HKDF(alg));
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, info);
        const ours = readInPieces(op, length, cuts);
        op.abort();
        expect(hex(ours)).toBe(Buffer.from(hkdfSync(name, secret, salt, info, length)).toString('hex'));
      }), { numRuns: 60 });
  });

  it('RFC 5869 test case 1 (SHA-256)', () => {
    const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_256));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, bytes('000102030405060708090a0b0c'));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, new Uint8Array(22).fill(0x0b));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, bytes('f0f1f2f3f4f5f6f7f8f9'));
    expect(hex(op.outputBytes(42))).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });
});

describe('PBKDF2-HMAC against node:crypto pbkdf2Sync', () => {
  it('gives the same bytes for any password, salt, cost and read pattern', () => {
    fc.assert(fc.property(fc.constantFrom(...HASHES), bytesArb(150), bytesArb(40), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 150 }), cutsArb,
      ([alg, name], password, salt, cost, length, cuts) => {
        const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(alg));
        op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, cost);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
        op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
        const ours = readInPieces(op, length, cuts);
        op.abort();
        expect(hex(ours)).toBe(pbkdf2Sync(password, salt, cost, length, name).toString('hex'));
      }), { numRuns: 60 });
  });

  it('RFC 6070 test 2 (SHA-1, 2 iterations)', () => {
    const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_1));
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, 2);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, new TextEncoder().encode('salt'));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, new TextEncoder().encode('password'));
    expect(hex(op.outputBytes(20))).toBe('ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957');
  });
});
