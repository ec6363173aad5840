/**
 * Key containers against node:crypto (OpenSSL): keys generated with
 * `generateKeyPairSync`, exported as PKCS #8 / SPKI / SEC 1 / PKCS #1 DER;
 * the PSA data we read must be what node's JWK export implies (d, x, y),
 * and what we write must be read back by node as the same key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  pkcs1FromPsa, pkcs8FromPsa, psaFromPkcs1, psaFromPkcs8, psaFromSec1, psaFromSpki, sec1FromPsa, spkiFromPsa,
} from '../../src/formats/index.js';
import {
  PSA_ECC_FAMILY_MONTGOMERY, PSA_ECC_FAMILY_SECP_K1, PSA_ECC_FAMILY_SECP_R1, PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_KEY_PAIR, PSA_KEY_TYPE_ECC_PUBLIC_KEY, PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_TYPE_RSA_PUBLIC_KEY,
} from '../../src/values/key-types.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const b64u = (s: string | undefined): Uint8Array => Uint8Array.from(Buffer.from(s!, 'base64url'));
const der = (k: KeyObject, type: 'pkcs8' | 'spki' | 'sec1' | 'pkcs1'): Uint8Array => Uint8Array.from(k.export({ format: 'der', type } as never) as Buffer);

function padLeft(b: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(b, n - b.length);
  return out;
}

const WEIERSTRASS = [
  { name: 'P-256', family: PSA_ECC_FAMILY_SECP_R1, bits: 256 },
  { name: 'P-384', family: PSA_ECC_FAMILY_SECP_R1, bits: 384 },
  { name: 'P-521', family: PSA_ECC_FAMILY_SECP_R1, bits: 521 },
  { name: 'secp256k1', family: PSA_ECC_FAMILY_SECP_K1, bits: 256 },
] as const;

describe.each(WEIERSTRASS)('$name keys', ({ name, family, bits }) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: name });
  const jwk = privateKey.export({ format: 'jwk' });
  const n = Math.ceil(bits / 8);
  const d = padLeft(b64u(jwk.d), n);
  const point = Uint8Array.from([4, ...padLeft(b64u(jwk.x), n), ...padLeft(b64u(jwk.y), n)]);
  const pairType = PSA_KEY_TYPE_ECC_KEY_PAIR(family);
  const pubType = PSA_KEY_TYPE_ECC_PUBLIC_KEY(family);

  it('PKCS #8 → PSA: d and the public point of the JWK', () => {
    const key = psaFromPkcs8(der(privateKey, 'pkcs8'));
    expect(key.type).toBe(pairType);
    expect(key.bits).toBe(bits);
    expect(hex(key.data)).toBe(hex(d));
    expect(hex(key.publicKey!)).toBe(hex(point));
  });

  it('SEC 1 → PSA', () => {
    const key = psaFromSec1(der(privateKey, 'sec1'));
    expect([key.type, key.bits, hex(key.data), hex(key.publicKey!)]).toEqual([pairType, bits, hex(d), hex(point)]);
  });

  it('SPKI → PSA: the uncompressed point', () => {
    const key = psaFromSpki(der(publicKey, 'spki'));
    expect([key.type, key.bits, hex(key.data)]).toEqual([pubType, bits, hex(point)]);
  });

  it('PSA → PKCS #8 / SEC 1 / SPKI, read back by node as the same key', () => {
    for (const p8 of [pkcs8FromPsa(pairType, bits, d), pkcs8FromPsa(pairType, bits, d, { publicKey: point })]) {
      const back = createPrivateKey({ key: Buffer.from(p8), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
      expect(back).toEqual(jwk);
    }
    const sec1 = createPrivateKey({ key: Buffer.from(sec1FromPsa(pairType, bits, d, point)), format: 'der', type: 'sec1' });
    expect(sec1.export({ format: 'jwk' })).toEqual(jwk);
    const spki = createPublicKey({ key: Buffer.from(spkiFromPsa(pubType, bits, point)), format: 'der', type: 'spki' });
    expect(spki.export({ format: 'jwk' })).toEqual(publicKey.export({ format: 'jwk' }));
  });

  it('writes the same DER as node for SPKI and for SEC 1 with the public key', () => {
    expect(hex(spkiFromPsa(pubType, bits, point))).toBe(hex(der(publicKey, 'spki')));
    expect(hex(sec1FromPsa(pairType, bits, d, point))).toBe(hex(der(privateKey, 'sec1')));
  });
});

const RFC8410 = [
  { name: 'x25519', family: PSA_ECC_FAMILY_MONTGOMERY, bits: 255, length: 32 },
  { name: 'x448', family: PSA_ECC_FAMILY_MONTGOMERY, bits: 448, length: 56 },
  { name: 'ed25519', family: PSA_ECC_FAMILY_TWISTED_EDWARDS, bits: 255, length: 32 },
  { name: 'ed448', family: PSA_ECC_FAMILY_TWISTED_EDWARDS, bits: 448, length: 57 },
] as const;

describe.each(RFC8410)('$name keys', ({ name, family, bits, length }) => {
  const { privateKey, publicKey } = generateKeyPairSync(name as 'x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const d = b64u(jwk.d);
  const x = b64u(jwk.x);

  it('PKCS #8 and SPKI → PSA: the raw keys of the JWK', () => {
    expect(d.length).toBe(length);
    const pair = psaFromPkcs8(der(privateKey, 'pkcs8'));
    expect([pair.type, pair.bits, hex(pair.data)]).toEqual([PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, hex(d)]);
    const pub = psaFromSpki(der(publicKey, 'spki'));
    expect([pub.type, pub.bits, hex(pub.data)]).toEqual([PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), bits, hex(x)]);
  });

  it('PSA → PKCS #8 and SPKI: the same DER as node', () => {
    expect(hex(pkcs8FromPsa(PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, d))).toBe(hex(der(privateKey, 'pkcs8')));
    expect(hex(spkiFromPsa(PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), bits, x))).toBe(hex(der(publicKey, 'spki')));
  });
});

describe('RSA-2048 keys', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs1Private = der(privateKey, 'pkcs1');
  const pkcs1Public = der(publicKey, 'pkcs1');

  it('PKCS #8 → PSA: the RSAPrivateKey (PKCS #1) node exports', () => {
    const key = psaFromPkcs8(der(privateKey, 'pkcs8'));
    expect([key.type, key.bits, hex(key.data)]).toEqual([PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, hex(pkcs1Private)]);
  });

  it('SPKI → PSA: the RSAPublicKey node exports', () => {
    const key = psaFromSpki(der(publicKey, 'spki'));
    expect([key.type, key.bits, hex(key.data)]).toEqual([PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, hex(pkcs1Public)]);
  });

  it('PKCS #1 is the identity with validation', () => {
    expect(psaFromPkcs1(pkcs1Private).type).toBe(PSA_KEY_TYPE_RSA_KEY_PAIR);
    expect(psaFromPkcs1(pkcs1Public).bits).toBe(2048);
    expect(hex(pkcs1FromPsa(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, pkcs1Private))).toBe(hex(pkcs1Private));
    expect(hex(pkcs1FromPsa(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 0, pkcs1Public))).toBe(hex(pkcs1Public));
  });

  it('PSA → PKCS #8 / SPKI: the same DER as node', () => {
    expect(hex(pkcs8FromPsa(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, pkcs1Private))).toBe(hex(der(privateKey, 'pkcs8')));
    expect(hex(spkiFromPsa(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048, pkcs1Public))).toBe(hex(der(publicKey, 'spki')));
  });
});
