/**
 * Brainpool P160r1, P192r1, P224r1, P320r1, secp224k1 (PSA key size 225:
 * 29-byte private keys and signature halves, 28-byte coordinates and ECDH
 * secrets) and ANSSI FRP256v1 against
 * OpenSSL as the second implementation: public keys derived from private
 * keys, ECDH both ways, and ECDSA signatures made here verified by OpenSSL
 * and OpenSSL's verified here (DER ⇄ raw with `src/formats`). OpenSSL knows
 * the Brainpool curves and secp224k1 by name; FRP256v1 is given to it as explicit domain
 * parameters (the ANSSI values below, which `openssl ecparam -check`
 * validates first). Skipped, with a message, when no `openssl` is on PATH.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ALG_ECDH,
  PSA_ALG_ECDSA,
  PSA_ALG_SHA_256,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_FRP,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../src/values/index.js';
import {
  decodePem, ecdsaDerToRaw, ecdsaRawToDer, encodeBitString, encodeExplicit, encodeInteger,
  encodeOctetString, encodeOid, encodePem, encodeSequence, readDer,
} from '../../src/formats/index.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const OPENSSL = hasOpenssl();
if (!OPENSSL) console.warn('openssl-curves.spec: no openssl on PATH, the OpenSSL comparisons are skipped');

const dir = mkdtempSync(join(tmpdir(), 'psa-curves-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
function file(contents: string | Uint8Array): string {
  const path = join(dir, `f${fileCount++}`);
  writeFileSync(path, contents);
  return path;
}
const openssl = (...args: string[]): Buffer => execFileSync('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** FRP256v1 as published by ANSSI (Journal officiel, October 2011). */
const FRP256V1 = {
  p: 'f1fd178c0b3ad58f10126de8ce42435b3961adbcabc8ca6de8fcf353d86e9c03',
  a: 'f1fd178c0b3ad58f10126de8ce42435b3961adbcabc8ca6de8fcf353d86e9c00',
  b: 'ee353fca5428a9300d4aba754a44c00fdfec0c9ae4b1a1803075ed967b7bb73f',
  gx: 'b6b3d4c356c139eb31183d4749d423958c27d2dcaf98b70164c97a2dd98f5cff',
  gy: '6142e0f7c8b204911f9271f0f3ecef8c2701c307e8e4c9e183115a1554062cfb',
  n: 'f1fd178c0b3ad58f10126de8ce42435b53dc67e140d2bf941ffdd459c6d655e1',
};
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

/** X9.62 ECParameters (explicit, prime field) for FRP256v1. */
function frpParameters(): Uint8Array {
  return encodeSequence(
    encodeInteger(1),
    encodeSequence(encodeOid('1.2.840.10045.1.1'), encodeInteger(bytes(FRP256V1.p))),
    encodeSequence(encodeOctetString(bytes(FRP256V1.a)), encodeOctetString(bytes(FRP256V1.b))),
    encodeOctetString(bytes('04' + FRP256V1.gx + FRP256V1.gy)),
    encodeInteger(bytes(FRP256V1.n)),
    encodeInteger(1),
  );
}

interface Curve {
  readonly name: string;
  readonly family: number;
  readonly bits: number;
  /** Length of a point coordinate (the field size in bytes). */
  readonly coordinate: number;
  /** DER ECParameters as OpenSSL takes them (explicit). */
  readonly params: Uint8Array;
}

/** A curve OpenSSL knows by name, its explicit parameters as OpenSSL writes them. */
function named(name: string, family: number, bits: number, coordinate = Math.ceil(bits / 8)): Curve {
  const params = OPENSSL ? decodePem(openssl('ecparam', '-name', name, '-param_enc', 'explicit').toString()).der : new Uint8Array(0);
  return { name, family, bits, coordinate, params };
}

const CURVES: readonly Curve[] = [
  named('brainpoolP160r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 160),
  named('brainpoolP192r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 192),
  named('brainpoolP224r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 224),
  named('brainpoolP320r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 320),
  named('secp224k1', PSA_ECC_FAMILY_SECP_K1, 225, 28),
  { name: 'FRP256v1', family: PSA_ECC_FAMILY_FRP, bits: 256, coordinate: 32, params: frpParameters() },
];

/** SEC1 ECPrivateKey PEM with explicit parameters, for OpenSSL. */
function sec1Pem(curve: Curve, d: Uint8Array, q: Uint8Array): string {
  return encodePem('EC PRIVATE KEY', encodeSequence(
    encodeInteger(1), encodeOctetString(d), encodeExplicit(0, curve.params), encodeExplicit(1, encodeBitString(q))));
}

/** SubjectPublicKeyInfo PEM with explicit parameters, for OpenSSL. */
function spkiPem(curve: Curve, q: Uint8Array): string {
  return encodePem('PUBLIC KEY', encodeSequence(
    encodeSequence(encodeOid('1.2.840.10045.2.1'), curve.params), encodeBitString(q)));
}

/** A key pair made by OpenSSL: its PEM file and the private scalar and public point it prints. */
function opensslKeyPair(curve: Curve): { pem: string; d: Uint8Array; q: Uint8Array } {
  const paramFile = file(encodePem('EC PARAMETERS', curve.params));
  const pem = file(openssl('genpkey', '-paramfile', paramFile));
  const text = openssl('ec', '-in', pem, '-text', '-noout').toString();
  const field = (label: string): string => {
    const m = new RegExp(`${label}:\\n((?:\\s+[0-9a-f:]+\\n)+)`).exec(text);
    if (!m) throw new Error(`no ${label} in openssl output`);
    return m[1]!.replace(/[\s:]/g, '');
  };
  const size = Math.ceil(curve.bits / 8);
  const d = field('priv').replace(/^00/, '').padStart(2 * size, '0').slice(-2 * size);
  return { pem, d: bytes(d), q: bytes(field('pub')) };
}

const pairType = (c: Curve): number => PSA_KEY_TYPE_ECC_KEY_PAIR(c.family);
const usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE;
const ecdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);

describe.skipIf(!OPENSSL)('Brainpool P160–P320 and FRP256v1 against OpenSSL', () => {
  it('OpenSSL accepts the FRP256v1 parameters (generator of prime order n on the curve)', () => {
    // A failed check is a non-zero exit status, which execFileSync throws.
    const out = execFileSync('openssl', ['ecparam', '-check', '-noout', '-in', file(encodePem('EC PARAMETERS', frpParameters()))],
      { stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(typeof out).toBe('string');
  });

  it('secp224k1: a private key above 2^224 (29 bytes, top byte 01) has the public key OpenSSL derives', () => {
    const curve = CURVES.find((c) => c.name === 'secp224k1')!;
    // SEC 2 §2.3.1: n = 01 00000000 00000000 00000000 0001DCE8 D2EC6184 CAF0A971 769FB1F7; d = n − 5.
    const d = bytes('010000000000000000000000000001dce8d2ec6184caf0a971769fb1f2');
    const psa = createPsa();
    const id = psa.importKey({ type: pairType(curve), usage }, d);
    const sec1NoPublic = encodePem('EC PRIVATE KEY', encodeSequence(encodeInteger(1), encodeOctetString(d), encodeExplicit(0, curve.params)));
    const der = Uint8Array.from(openssl('ec', '-in', file(sec1NoPublic), '-pubout', '-outform', 'DER'));
    expect(hex(der.subarray(der.length - 57))).toBe(hex(psa.exportPublicKey(id)));
    // d = n is out of range.
    expect(() => psa.importKey({ type: pairType(curve) }, bytes('010000000000000000000000000001dce8d2ec6184caf0a971769fb1f7'))).toThrow();
  });

  for (const curve of CURVES) {
    describe(curve.name, () => {
      it('derives the public key OpenSSL prints for an OpenSSL key; OpenSSL derives ours for a generated key', () => {
        const psa = createPsa();
        const theirs = opensslKeyPair(curve);
        const id = psa.importKey({ type: pairType(curve), usage }, theirs.d);
        expect(psa.getKeyAttributes(id).bits).toBe(curve.bits);
        expect(theirs.q.length).toBe(1 + 2 * curve.coordinate);
        expect(hex(psa.exportPublicKey(id))).toBe(hex(theirs.q));
        const ours = psa.generateKey({ type: pairType(curve), bits: curve.bits, usage });
        const d = psa.exportKey(ours);
        const q = psa.exportPublicKey(ours);
        const der = openssl('ec', '-in', file(sec1Pem(curve, d, q)), '-pubout', '-outform', 'DER');
        // OpenSSL recomputes and checks the point: its SPKI ends with our point.
        const spki = readDer(der);
        expect(hex(Uint8Array.from(der)).endsWith(hex(q))).toBe(true);
        expect(spki.tag).toBe(0x30);
        // A public key imports as such and exports unchanged.
        const pub = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve.family), usage: PSA_KEY_USAGE_VERIFY_MESSAGE, alg: ecdsa }, q);
        expect(hex(psa.exportKey(pub))).toBe(hex(q));
        // The size is inferred from the data length alone, for the key pair and the public key.
        expect(psa.getKeyAttributes(psa.importKey({ type: pairType(curve) }, d)).bits).toBe(curve.bits);
        expect(psa.getKeyAttributes(psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve.family) }, q)).bits).toBe(curve.bits);
      });

      it('computes the ECDH shared secret OpenSSL computes, both ways', () => {
        const psa = createPsa();
        const theirs = opensslKeyPair(curve);
        const ours = psa.generateKey({ type: pairType(curve), bits: curve.bits, usage, alg: PSA_ALG_ECDH });
        const q = psa.exportPublicKey(ours);
        const secret = psa.rawKeyAgreement(PSA_ALG_ECDH, ours, theirs.q);
        expect(secret.length).toBe(curve.coordinate);
        const fromThem = openssl('pkeyutl', '-derive', '-inkey', theirs.pem, '-peerkey', file(spkiPem(curve, q)));
        expect(hex(secret)).toBe(hex(fromThem));
        const fromUs = openssl('pkeyutl', '-derive', '-inkey', file(sec1Pem(curve, psa.exportKey(ours), q)),
          '-peerkey', file(spkiPem(curve, theirs.q)));
        expect(hex(fromUs)).toBe(hex(secret));
      });

      it('ECDSA-SHA256: OpenSSL verifies our signatures and we verify OpenSSL\'s', () => {
        const psa = createPsa();
        const message = Uint8Array.from(Buffer.from(`message for ${curve.name}`));
        const messageFile = file(message);
        const ours = psa.generateKey({ type: pairType(curve), bits: curve.bits, usage, alg: ecdsa });
        const q = psa.exportPublicKey(ours);
        const raw = psa.signMessage(ours, ecdsa, message);
        expect(raw.length).toBe(2 * Math.ceil(curve.bits / 8));
        const sigFile = file(ecdsaRawToDer(curve.bits, raw));
        const verified = openssl('dgst', '-sha256', '-verify', file(spkiPem(curve, q)), '-signature', sigFile, messageFile).toString();
        expect(verified).toContain('Verified OK');

        const theirs = opensslKeyPair(curve);
        const theirSig = openssl('dgst', '-sha256', '-sign', theirs.pem, messageFile);
        const pub = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(curve.family), usage: PSA_KEY_USAGE_VERIFY_MESSAGE, alg: ecdsa }, theirs.q);
        psa.verifyMessage(pub, ecdsa, message, ecdsaDerToRaw(curve.bits, theirSig));
        const bad = Uint8Array.from(message);
        bad[0]! ^= 1;
        expect(() => psa.verifyMessage(pub, ecdsa, bad, ecdsaDerToRaw(curve.bits, theirSig))).toThrow();
      });
    });
  }
});
