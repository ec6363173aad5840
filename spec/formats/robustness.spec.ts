/**
 * Robustness of the container readers: arbitrary bytes and single-byte
 * corruptions of real keys give a PSA status (never another exception),
 * and SEC 1 private keys shorter than the curve's length are left-padded.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeInteger, encodeOctetString, encodeSequence, encodeExplicit, encodeOid, OID, pemFromPsa, psaFromPem, psaFromPkcs1,
  psaFromPkcs8, psaFromSec1, psaFromSpki,
} from '../../src/formats/index.js';
import { PsaError } from '../../src/values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';

const READERS = [psaFromPkcs8, psaFromSpki, psaFromSec1, psaFromPkcs1];

function outcome(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    if (!(e instanceof PsaError)) throw e;
    return e.status;
  }
}

describe('container readers', () => {
  it('answer INVALID_ARGUMENT or NOT_SUPPORTED for arbitrary bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      for (const read of READERS) expect([0, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED]).toContain(outcome(() => read(bytes)));
    }), { numRuns: 300 });
  });

  it('answer a PSA status for every single-byte corruption of a real key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const inputs: Array<[Uint8Array, (d: Uint8Array) => unknown]> = [
      [Uint8Array.from(privateKey.export({ format: 'der', type: 'pkcs8' })), psaFromPkcs8],
      [Uint8Array.from(publicKey.export({ format: 'der', type: 'spki' })), psaFromSpki],
    ];
    for (const [der, read] of inputs) {
      for (let i = 0; i < der.length; i++) {
        for (const flip of [0x01, 0x80, 0xff]) {
          const bad = Uint8Array.from(der);
          bad[i] = bad[i]! ^ flip;
          expect([0, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED]).toContain(outcome(() => read(bad)));
        }
      }
    }
  });

  it('left-pads a SEC 1 private key written without its leading zero byte', () => {
    const d = new Uint8Array(31).fill(0x11);
    const der = encodeSequence(encodeInteger(1), encodeOctetString(d), encodeExplicit(0, encodeOid(OID.secp256r1)));
    expect(Buffer.from(psaFromSec1(der).data).toString('hex')).toBe(`00${'11'.repeat(31)}`);
    const long = encodeSequence(encodeInteger(1), encodeOctetString(new Uint8Array(33)), encodeExplicit(0, encodeOid(OID.secp256r1)));
    expect(outcome(() => psaFromSec1(long))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('pemFromPsa and psaFromPem round-trip key pairs (PKCS #8) and public keys (SPKI)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pair = psaFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    expect(pemFromPsa(pair.type, pair.bits, pair.data)).toBe(privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const pub = psaFromPem(publicKey.export({ format: 'pem', type: 'spki' }) as string);
    expect(pemFromPsa(pub.type, pub.bits, pub.data)).toBe(publicKey.export({ format: 'pem', type: 'spki' }));
  });
});
