/**
 * ECC keys: import, export, generation and public keys on every supported
 * curve, with the rejection statuses of Mbed TLS; public keys compared with
 * node:crypto (OpenSSL) as a second implementation.
 */
import { createECDH, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ALG_ECDH,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_SECP_R2,
  PSA_ECC_FAMILY_SECT_K1,
  PSA_ECC_FAMILY_SECT_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { eccCurve, type WeierstrassCurve } from '../../src/drivers/software/ecc/curves.js';
import { randomWeierstrassScalar } from '../../src/drivers/software/ecc/keys.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

const usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DERIVE;

/** Weierstrass curves with their OpenSSL names. */
const WEIERSTRASS: readonly [string, number, number, string][] = [
  ['P-192', PSA_ECC_FAMILY_SECP_R1, 192, 'prime192v1'],
  ['P-224', PSA_ECC_FAMILY_SECP_R1, 224, 'secp224r1'],
  ['P-256', PSA_ECC_FAMILY_SECP_R1, 256, 'prime256v1'],
  ['P-384', PSA_ECC_FAMILY_SECP_R1, 384, 'secp384r1'],
  ['P-521', PSA_ECC_FAMILY_SECP_R1, 521, 'secp521r1'],
  ['secp192k1', PSA_ECC_FAMILY_SECP_K1, 192, 'secp192k1'],
  ['secp256k1', PSA_ECC_FAMILY_SECP_K1, 256, 'secp256k1'],
  ['brainpoolP256r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, 'brainpoolP256r1'],
  ['brainpoolP384r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, 'brainpoolP384r1'],
  ['brainpoolP512r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, 'brainpoolP512r1'],
];

/** OKP curves: family, bits, private length, JWK curve name. */
const OKP: readonly [number, number, number, string][] = [
  [PSA_ECC_FAMILY_MONTGOMERY, 255, 32, 'X25519'],
  [PSA_ECC_FAMILY_MONTGOMERY, 448, 56, 'X448'],
  [PSA_ECC_FAMILY_TWISTED_EDWARDS, 255, 32, 'Ed25519'],
  [PSA_ECC_FAMILY_TWISTED_EDWARDS, 448, 57, 'Ed448'],
];

const b64url = (b: Uint8Array): string => Buffer.from(b).toString('base64url');

/** The OKP public key node:crypto derives from a raw private key. */
function nodeOkpPublic(crv: string, priv: Uint8Array): Uint8Array {
  const key = createPrivateKey({ key: { kty: 'OKP', crv, d: b64url(priv), x: '' }, format: 'jwk' });
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Uint8Array.from(Buffer.from(String(jwk.x), 'base64url'));
}

/** A big-endian scalar of `curve`'s length. */
function scalar(curve: WeierstrassCurve, value: bigint): Uint8Array {
  return hex(value.toString(16).padStart(2 * curve.bytes, '0'));
}

describe('Weierstrass keys', () => {
  for (const [name, family, bits, openssl] of WEIERSTRASS) {
    const pair = PSA_KEY_TYPE_ECC_KEY_PAIR(family);
    const pub = PSA_KEY_TYPE_ECC_PUBLIC_KEY(family);
    const curve = eccCurve(family, bits) as WeierstrassCurve;

    it(`${name}: generate, export, public key as OpenSSL computes it, re-import`, () => {
      const psa = createPsa();
      const id = psa.generateKey({ type: pair, bits, usage, alg: PSA_ALG_ECDH });
      expect(psa.getKeyAttributes(id).bits).toBe(bits);
      const priv = psa.exportKey(id);
      expect(priv.length).toBe(Math.ceil(bits / 8));
      const ecdh = createECDH(openssl);
      ecdh.setPrivateKey(priv);
      const publicKey = psa.exportPublicKey(id);
      expect(toHex(publicKey)).toBe(toHex(ecdh.getPublicKey()));
      const again = psa.importKey({ type: pair, usage }, priv);
      expect(psa.getKeyAttributes(again).bits).toBe(bits);
      expect(toHex(psa.exportKey(again))).toBe(toHex(priv));
      const pubId = psa.importKey({ type: pub, usage }, publicKey);
      expect(psa.getKeyAttributes(pubId).bits).toBe(bits);
      expect(toHex(psa.exportKey(pubId))).toBe(toHex(publicKey));
      expect(toHex(psa.exportPublicKey(pubId))).toBe(toHex(publicKey));
    });

    it(`${name}: private scalars 0 and n are INVALID_ARGUMENT, 1 and n-1 are keys`, () => {
      const psa = createPsa();
      expectStatus(() => psa.importKey({ type: pair }, scalar(curve, 0n)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.importKey({ type: pair }, scalar(curve, curve.n)), PSA_ERROR_INVALID_ARGUMENT);
      const one = psa.importKey({ type: pair, usage }, scalar(curve, 1n));
      const ecdh = createECDH(openssl);
      ecdh.setPrivateKey(scalar(curve, 1n));
      expect(toHex(psa.exportPublicKey(one))).toBe(toHex(ecdh.getPublicKey()));
      psa.importKey({ type: pair }, scalar(curve, curve.n - 1n));
    });

    it(`${name}: bad public keys are INVALID_ARGUMENT`, () => {
      const psa = createPsa();
      const good = psa.exportPublicKey(psa.generateKey({ type: pair, bits, usage }));
      const offCurve = Uint8Array.from(good);
      offCurve[offCurve.length - 1]! ^= 1;
      expectStatus(() => psa.importKey({ type: pub }, offCurve), PSA_ERROR_INVALID_ARGUMENT);
      const compressed = Uint8Array.from([0x02 | (good[good.length - 1]! & 1), ...good.subarray(1, 1 + curve.bytes)]);
      expectStatus(() => psa.importKey({ type: pub }, compressed), PSA_ERROR_INVALID_ARGUMENT);
      const badPrefix = Uint8Array.from(good);
      badPrefix[0] = 0x06;
      expectStatus(() => psa.importKey({ type: pub }, badPrefix), PSA_ERROR_INVALID_ARGUMENT);
      const xTooBig = Uint8Array.from([0x04, ...scalar(curve, curve.p), ...good.subarray(1 + curve.bytes)]);
      expectStatus(() => psa.importKey({ type: pub }, xTooBig), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.importKey({ type: pub }, good.subarray(1)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.importKey({ type: pub, bits: bits + 8 }, good), PSA_ERROR_INVALID_ARGUMENT);
    });
  }

  it('the key size is inferred from the length: 66 bytes is P-521, an unknown length is INVALID_ARGUMENT', () => {
    const psa = createPsa();
    const key = new Uint8Array(66);
    key[65] = 1;
    expect(psa.getKeyAttributes(psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) }, key)).bits).toBe(521);
    expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) }, new Uint8Array(20).fill(1)),
      PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256 }, new Uint8Array(31).fill(1)),
      PSA_ERROR_INVALID_ARGUMENT);
    // 29 bytes is secp224k1 (225 bits); 28 bytes is no SECP_K1 private key (28-byte coordinates are its public keys).
    const k1 = new Uint8Array(29);
    k1[28] = 1;
    expect(psa.getKeyAttributes(psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1) }, k1)).bits).toBe(225);
    expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1) }, new Uint8Array(28).fill(1)),
      PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_K1), bits: 224 }, new Uint8Array(28).fill(1)),
      PSA_ERROR_INVALID_ARGUMENT);
  });

  it('families without an implementation: import INVALID_ARGUMENT (check_ecc_parameters), generation NOT_SUPPORTED', () => {
    const psa = createPsa();
    for (const family of [PSA_ECC_FAMILY_SECT_K1, PSA_ECC_FAMILY_SECT_R1, PSA_ECC_FAMILY_SECP_R2]) {
      expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(family) }, new Uint8Array(21).fill(1)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits: 163 }), PSA_ERROR_NOT_SUPPORTED);
    }
    expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 512 }), PSA_ERROR_NOT_SUPPORTED);
  });

  it('generation samples by rejection: candidates 0 and >= n are drawn again', () => {
    const curve = eccCurve(PSA_ECC_FAMILY_SECP_R1, 256) as WeierstrassCurve;
    const script = [new Uint8Array(32).fill(0xff), scalar(curve, curve.n), new Uint8Array(32), scalar(curve, 5n)];
    let calls = 0;
    const key = randomWeierstrassScalar(curve, (n) => {
      expect(n).toBe(32);
      return Uint8Array.from(script[calls++]!);
    });
    expect(calls).toBe(4);
    expect(toHex(key)).toBe(toHex(scalar(curve, 5n)));
    // P-521: the 7 bits above the order's length are masked off before the comparison.
    const p521 = eccCurve(PSA_ECC_FAMILY_SECP_R1, 521) as WeierstrassCurve;
    const d = randomWeierstrassScalar(p521, (n) => new Uint8Array(n).fill(0x11));
    expect(d[0]).toBe(0x01);
  });

  it('generated keys are in [1, n-1] on every curve', () => {
    const psa = createPsa();
    for (const [, family, bits] of WEIERSTRASS) {
      const curve = eccCurve(family, bits) as WeierstrassCurve;
      for (let i = 0; i < 8; i++) {
        const id = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, usage: PSA_KEY_USAGE_EXPORT });
        const d = BigInt(`0x${toHex(psa.exportKey(id))}`);
        expect(d > 0n && d < curve.n).toBe(true);
        psa.destroyKey(id);
      }
    }
  });
});

describe('Montgomery and Edwards keys', () => {
  for (const [family, bits, length, crv] of OKP) {
    const pair = PSA_KEY_TYPE_ECC_KEY_PAIR(family);
    const pub = PSA_KEY_TYPE_ECC_PUBLIC_KEY(family);

    it(`${crv}: generate, export, public key as OpenSSL computes it, re-import`, () => {
      const psa = createPsa();
      const id = psa.generateKey({ type: pair, bits, usage });
      const priv = psa.exportKey(id);
      expect(priv.length).toBe(length);
      const publicKey = psa.exportPublicKey(id);
      expect(toHex(publicKey)).toBe(toHex(nodeOkpPublic(crv, priv)));
      const pubId = psa.importKey({ type: pub, usage }, publicKey);
      expect(psa.getKeyAttributes(pubId).bits).toBe(bits);
      expect(toHex(psa.exportKey(pubId))).toBe(toHex(publicKey));
      const again = psa.importKey({ type: pair, usage }, priv);
      expect(psa.getKeyAttributes(again).bits).toBe(bits);
      expect(toHex(psa.exportPublicKey(again))).toBe(toHex(publicKey));
      expectStatus(() => psa.importKey({ type: pair }, priv.subarray(1)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.importKey({ type: pair, bits: bits === 255 ? 448 : 255 }, priv), PSA_ERROR_INVALID_ARGUMENT);
    });
  }

  it('X25519 and X448 private keys are clamped on import (as Mbed TLS), with the same public key', () => {
    const psa = createPsa();
    for (const [bits, length, crv] of [[255, 32, 'X25519'], [448, 56, 'X448']] as const) {
      const raw = webcrypto.getRandomValues(new Uint8Array(length));
      raw[0]! |= 0x07;
      raw[length - 1]! |= 0x80;
      const id = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), usage }, raw);
      const stored = psa.exportKey(id);
      expect(psa.getKeyAttributes(id).bits).toBe(bits);
      expect(stored[0]! & (bits === 255 ? 7 : 3)).toBe(0);
      if (bits === 255) expect(stored[31]! & 0xc0).toBe(0x40);
      else expect(stored[55]! & 0x80).toBe(0x80);
      expect(toHex(psa.exportPublicKey(id))).toBe(toHex(nodeOkpPublic(crv, raw)));
    }
  });

  it('low-order Montgomery public keys are INVALID_ARGUMENT (Mbed TLS)', () => {
    const psa = createPsa();
    const x25519 = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_MONTGOMERY);
    const p25519 = 2n ** 255n - 19n;
    const le = (v: bigint, n: number): Uint8Array => hex(v.toString(16).padStart(2 * n, '0')).reverse();
    for (const u of [0n, 1n, p25519 - 1n, p25519, p25519 + 1n]) {
      expectStatus(() => psa.importKey({ type: x25519 }, le(u, 32)), PSA_ERROR_INVALID_ARGUMENT);
    }
    // The points of order 8 (cr.yp.to/ecdh.html#validate).
    expectStatus(() => psa.importKey({ type: x25519 }, hex('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800')),
      PSA_ERROR_INVALID_ARGUMENT);
    const p448 = 2n ** 448n - 2n ** 224n - 1n;
    for (const u of [0n, 1n, p448 - 1n]) expectStatus(() => psa.importKey({ type: x25519 }, le(u, 56)), PSA_ERROR_INVALID_ARGUMENT);
    psa.importKey({ type: x25519 }, le(9n, 32));
  });

  it('Ed25519: the RFC 8032 §7.1 TEST 1 seed gives its public key; a non-point is INVALID_ARGUMENT', () => {
    const psa = createPsa();
    const seed = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const id = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS) }, seed);
    expect(toHex(psa.exportPublicKey(id))).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    // y = 2 is not on Ed25519 (x^2 would be a non-square).
    const notAPoint = new Uint8Array(32);
    notAPoint[0] = 2;
    expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS) }, notAPoint),
      PSA_ERROR_INVALID_ARGUMENT);
  });
});
