/**
 * ECDSA against node:crypto (OpenSSL) as a second implementation, for P-256,
 * P-384, P-521 and secp256k1: signatures made here verify there and the
 * reverse (raw r ‖ s, `dsaEncoding: 'ieee-p1363'`), high-S signatures are
 * accepted, and the RFC 6979 deterministic vectors (A.2.5, P-256) match.
 */
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import { PsaError } from '../../src/values/error.js';
import * as v from '../../src/values/index.js';

interface Curve {
  readonly name: string;
  readonly family: number;
  readonly bits: number;
  readonly n: bigint;
}

const CURVES: readonly Curve[] = [
  { name: 'P-256', family: v.PSA_ECC_FAMILY_SECP_R1, bits: 256, n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n },
  { name: 'P-384', family: v.PSA_ECC_FAMILY_SECP_R1, bits: 384, n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n },
  { name: 'P-521', family: v.PSA_ECC_FAMILY_SECP_R1, bits: 521, n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n },
  { name: 'secp256k1', family: v.PSA_ECC_FAMILY_SECP_K1, bits: 256, n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n },
];

const HASHES: readonly (readonly [string, number])[] = [['sha256', v.PSA_ALG_SHA_256], ['sha384', v.PSA_ALG_SHA_384], ['sha512', v.PSA_ALG_SHA_512]];

const bytes = (b64url: string, length: number): Uint8Array => {
  const raw = Buffer.from(b64url, 'base64url');
  const out = new Uint8Array(length);
  out.set(raw, length - raw.length);
  return out;
};

/** A node key pair and its PSA key ids (pair for signing, public key for verifying). */
function keys(psa: Psa, curve: Curve, alg: number) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: curve.name === 'secp256k1' ? 'secp256k1' : curve.name });
  const jwk = privateKey.export({ format: 'jwk' });
  const size = Math.ceil(curve.bits / 8);
  const point = new Uint8Array([4, ...bytes(jwk.x!, size), ...bytes(jwk.y!, size)]);
  const usage = v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_VERIFY_HASH;
  const pair = psa.importKey({ type: v.PSA_KEY_TYPE_ECC_KEY_PAIR(curve.family), usage, alg }, bytes(jwk.d!, size));
  const pub = psa.importKey({ type: v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve.family), usage: v.PSA_KEY_USAGE_VERIFY_HASH, alg }, point);
  return { privateKey, publicKey, pair, pub, size };
}

function bigOf(b: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
}

describe('ECDSA against node:crypto', () => {
  for (const curve of CURVES) {
    for (const [nodeHash, hashAlg] of HASHES) {
      for (const deterministic of [false, true]) {
        const alg = deterministic ? v.PSA_ALG_DETERMINISTIC_ECDSA(hashAlg) : v.PSA_ALG_ECDSA(hashAlg);
        it(`${curve.name} ${deterministic ? 'deterministic ' : ''}ECDSA(${nodeHash})`, () => {
          const psa = createPsa();
          const k = keys(psa, curve, alg);
          fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
            const signature = psa.signMessage(k.pair, alg, message);
            expect(signature.length).toBe(2 * k.size);
            expect(crypto.verify(nodeHash, message, { key: k.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
            const theirs = new Uint8Array(crypto.sign(nodeHash, message, { key: k.privateKey, dsaEncoding: 'ieee-p1363' }));
            psa.verifyMessage(k.pub, alg, message, theirs);
            psa.verifyMessage(k.pair, alg, message, theirs);
            if (deterministic) expect(psa.signMessage(k.pair, alg, message)).toEqual(signature);
          }), { numRuns: 8 });
        });
      }
    }

    it(`${curve.name}: high-S signatures verify, a changed byte does not`, () => {
      const psa = createPsa();
      const alg = v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_256);
      const k = keys(psa, curve, alg);
      const message = new TextEncoder().encode('high S');
      const sig = new Uint8Array(crypto.sign('sha256', message, { key: k.privateKey, dsaEncoding: 'ieee-p1363' }));
      const s = bigOf(sig.subarray(k.size));
      const flipped = Uint8Array.from(sig);
      flipped.set(Buffer.from((curve.n - s).toString(16).padStart(2 * k.size, '0'), 'hex'), k.size);
      psa.verifyMessage(k.pub, alg, message, flipped);
      psa.verifyMessage(k.pub, alg, message, sig);
      const bad = Uint8Array.from(sig);
      bad[0] = bad[0]! ^ 1;
      expect(() => psa.verifyMessage(k.pub, alg, message, bad)).toThrow(PsaError);
    });

    it(`${curve.name}: ECDSA_ANY signs the leftmost bits of any input`, () => {
      const psa = createPsa();
      const alg = v.PSA_ALG_ECDSA_ANY;
      const k = keys(psa, curve, alg);
      for (const length of [0, 1, 20, k.size, k.size + 17, 200]) {
        const input = crypto.randomBytes(length);
        const signature = psa.signHash(k.pair, alg, new Uint8Array(input));
        psa.verifyHash(k.pub, alg, new Uint8Array(input), signature);
      }
    });
  }
});

/** RFC 6979 A.2.5: P-256, x = C9AF…6721, message "sample". */
const RFC6979_P256 = {
  x: 'c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721',
  ux: '60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6',
  uy: '7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299',
  sample: [
    [v.PSA_ALG_SHA_256, 'efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716', 'f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8'],
    [v.PSA_ALG_SHA_384, '0eafea039b20e9b42309fb1d89e213057cbf973dc0cfc8f129edddc800ef7719', '4861f0491e6998b9455193e34e7b0d284ddd7149a74b95b9261f13abde940954'],
  ] as const,
};

describe('deterministic ECDSA: RFC 6979 A.2.5 (P-256, "sample")', () => {
  for (const [hashAlg, r, s] of RFC6979_P256.sample) {
    it(`with ${v.describe(hashAlg, 'alg')}`, () => {
      const psa = createPsa();
      const alg = v.PSA_ALG_DETERMINISTIC_ECDSA(hashAlg);
      const type = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1);
      const id = psa.importKey({ type, usage: v.PSA_KEY_USAGE_SIGN_MESSAGE | v.PSA_KEY_USAGE_EXPORT, alg },
        new Uint8Array(Buffer.from(RFC6979_P256.x, 'hex')));
      expect(Buffer.from(psa.exportPublicKey(id)).toString('hex')).toBe(`04${RFC6979_P256.ux}${RFC6979_P256.uy}`);
      const signature = psa.signMessage(id, alg, new TextEncoder().encode('sample'));
      expect(Buffer.from(signature).toString('hex')).toBe(r + s);
    });
  }
});
