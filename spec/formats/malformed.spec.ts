/**
 * Malformed and unsupported containers: truncated, trailing data, wrong
 * tags and versions, curve mismatches, wrong key lengths (INVALID_ARGUMENT);
 * unknown algorithms and curves, compressed points, multi-prime RSA
 * (NOT_SUPPORTED). Inputs are node:crypto keys altered byte by byte.
 */
import { ECDH, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encodeBitString, encodeInteger, encodeNull, encodeOctetString, encodeOid, encodeSequence, pkcs8FromPsa, psaFromPkcs1,
  psaFromPkcs8, psaFromSec1, psaFromSpki, spkiFromPsa, sec1FromPsa, OID,
} from '../../src/formats/index.js';
import { statusOf } from '../../src/values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import {
  PSA_ECC_FAMILY_MONTGOMERY, PSA_ECC_FAMILY_SECP_R1, PSA_ECC_FAMILY_SECT_K1, PSA_KEY_TYPE_AES, PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
} from '../../src/values/key-types.js';

function status(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    return statusOf(e);
  }
}

const INVALID = PSA_ERROR_INVALID_ARGUMENT;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pkcs8 = Uint8Array.from(privateKey.export({ format: 'der', type: 'pkcs8' }));
const spki = Uint8Array.from(publicKey.export({ format: 'der', type: 'spki' }));
const sec1 = Uint8Array.from(privateKey.export({ format: 'der', type: 'sec1' }));
const P256_PAIR = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

describe('malformed containers', () => {
  it('truncated input is INVALID_ARGUMENT at every length', () => {
    for (const [der, read] of [[pkcs8, psaFromPkcs8], [spki, psaFromSpki], [sec1, psaFromSec1]] as const) {
      for (let n = 0; n < der.length; n++) expect(status(() => read(der.subarray(0, n)))).toBe(INVALID);
    }
  });

  it('trailing data is INVALID_ARGUMENT', () => {
    for (const [der, read] of [[pkcs8, psaFromPkcs8], [spki, psaFromSpki], [sec1, psaFromSec1]] as const) {
      expect(status(() => read(Uint8Array.from([...der, 0])))).toBe(INVALID);
    }
  });

  it('a non-minimal long-form length is INVALID_ARGUMENT', () => {
    // 30 59 … (SPKI of P-256) rewritten as 30 81 59 …
    expect(spki[1]).toBe(0x59);
    expect(status(() => psaFromSpki(Uint8Array.from([0x30, 0x81, ...spki.subarray(1)])))).toBe(INVALID);
    expect(status(() => psaFromSpki(Uint8Array.from([0x30, 0x82, 0x00, ...spki.subarray(1)])))).toBe(INVALID);
  });

  it('wrong outer tag and wrong versions are INVALID_ARGUMENT', () => {
    expect(status(() => psaFromSpki(Uint8Array.from([0x31, ...spki.subarray(1)])))).toBe(INVALID);
    const p8 = Uint8Array.from(pkcs8);
    const header = p8[1]! & 0x80 ? 2 + (p8[1]! & 0x7f) : 2;
    expect(p8.subarray(header, header + 3)).toEqual(Uint8Array.of(2, 1, 0));
    p8[header + 2] = 2;
    expect(status(() => psaFromPkcs8(p8))).toBe(INVALID);
    const s1 = Uint8Array.from(sec1);
    expect(s1.subarray(2, 5)).toEqual(Uint8Array.of(2, 1, 1));
    s1[4] = 0;
    expect(status(() => psaFromSec1(s1))).toBe(INVALID);
  });

  it('a SEC 1 key whose curve disagrees with the PKCS #8 algorithm is INVALID_ARGUMENT', () => {
    const d = psaFromSec1(sec1).data;
    const inner = encodeSequence(encodeInteger(1), encodeOctetString(d), Uint8Array.from([0xa0, 0x07, ...encodeOid(OID.secp256k1)]));
    const p8 = encodeSequence(encodeInteger(0), encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(OID.secp256r1)), encodeOctetString(inner));
    expect(status(() => psaFromPkcs8(p8))).toBe(INVALID);
  });

  it('wrong key lengths are INVALID_ARGUMENT', () => {
    expect(status(() => pkcs8FromPsa(P256_PAIR, 256, new Uint8Array(31)))).toBe(INVALID);
    expect(status(() => spkiFromPsa(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, new Uint8Array(64)))).toBe(INVALID);
    const x25519 = encodeSequence(encodeInteger(0), encodeSequence(encodeOid(OID.X25519)), encodeOctetString(encodeOctetString(new Uint8Array(31))));
    expect(status(() => psaFromPkcs8(x25519))).toBe(INVALID);
    expect(status(() => pkcs8FromPsa(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255, new Uint8Array(33)))).toBe(INVALID);
    const withParams = encodeSequence(encodeSequence(encodeOid(OID.Ed25519), encodeNull()), encodeBitString(new Uint8Array(32)));
    expect(status(() => psaFromSpki(withParams))).toBe(INVALID);
  });

  it('a public-key type where a key pair is expected (and the reverse) is INVALID_ARGUMENT', () => {
    expect(status(() => pkcs8FromPsa(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, new Uint8Array(65)))).toBe(INVALID);
    expect(status(() => spkiFromPsa(P256_PAIR, 256, new Uint8Array(32)))).toBe(INVALID);
    expect(status(() => sec1FromPsa(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, new Uint8Array(32)))).toBe(INVALID);
  });
});

describe('unsupported containers', () => {
  it('unknown algorithm OIDs and unknown curves are NOT_SUPPORTED', () => {
    const dsa = encodeSequence(encodeSequence(encodeOid('1.2.840.10040.4.1'), encodeNull()), encodeBitString(new Uint8Array(4)));
    expect(status(() => psaFromSpki(dsa))).toBe(PSA_ERROR_NOT_SUPPORTED);
    const sect = encodeSequence(encodeSequence(encodeOid(OID.ecPublicKey), encodeOid('1.3.132.0.1')), encodeBitString(new Uint8Array(43)));
    expect(status(() => psaFromSpki(sect))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(status(() => pkcs8FromPsa(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECT_K1), 163, new Uint8Array(21)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(status(() => pkcs8FromPsa(PSA_KEY_TYPE_AES, 128, new Uint8Array(16)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    const explicitCurve = encodeSequence(encodeSequence(encodeOid(OID.ecPublicKey), encodeSequence(encodeInteger(1))), encodeBitString(new Uint8Array(65)));
    expect(status(() => psaFromSpki(explicitCurve))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('a compressed EC point is NOT_SUPPORTED', () => {
    const ecdh = ECDH.convertKey(psaFromSpki(spki).data, 'prime256v1', undefined, undefined, 'compressed') as Buffer;
    const der = encodeSequence(encodeSequence(encodeOid(OID.ecPublicKey), encodeOid(OID.secp256r1)), encodeBitString(ecdh));
    expect(status(() => psaFromSpki(der))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('a multi-prime RSA key (version 1) is NOT_SUPPORTED; other RSAPrivateKey shapes are INVALID_ARGUMENT', () => {
    const ints = (v: number, count: number): Uint8Array => encodeSequence(encodeInteger(v), ...Array.from({ length: count }, () => encodeInteger(3)));
    expect(status(() => psaFromPkcs1(ints(1, 9)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(status(() => psaFromPkcs1(ints(0, 7)))).toBe(INVALID);
    expect(status(() => psaFromPkcs1(ints(2, 8)))).toBe(INVALID);
    expect(status(() => psaFromPkcs1(encodeSequence(encodeInteger(4), encodeInteger(3))))).toBe(INVALID); // even modulus
    expect(status(() => psaFromPkcs1(encodeSequence(encodeInteger(-5), encodeInteger(3))))).toBe(INVALID); // negative
  });
});
