/**
 * PEM (RFC 7468): node:crypto's PEM output is decoded to node's DER and
 * re-encoded byte for byte; RFC 4648 base64 test vectors; malformed text.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, decodePem, decodePemAll, encodePem } from '../../src/formats/pem.js';
import { psaFromPem } from '../../src/formats/index.js';
import { statusOf } from '../../src/values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';

function status(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    return statusOf(e);
  }
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('base64', () => {
  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: Array<[string, string]> = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, b64] of vectors) {
      expect(base64Encode(text(plain))).toBe(b64);
      expect(base64Decode(b64)).toEqual(text(plain));
    }
  });

  it('rejects non-canonical or invalid base64', () => {
    for (const bad of ['Zg=', 'Zh==', 'Zm9=', 'Zm9v!A==', 'Z===', '=Zm9']) expect(status(() => base64Decode(bad))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('PEM', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const der = Uint8Array.from(privateKey.export({ format: 'der', type: 'pkcs8' }));

  it('decodes node PEM to node DER and encodes it back identically', () => {
    const block = decodePem(pem);
    expect(block.label).toBe('PRIVATE KEY');
    expect(block.der).toEqual(der);
    expect(encodePem('PRIVATE KEY', der)).toBe(pem);
    const pub = publicKey.export({ format: 'pem', type: 'spki' }) as string;
    expect(encodePem('PUBLIC KEY', decodePem(pub, 'PUBLIC KEY').der)).toBe(pub);
  });

  it('ignores text around blocks and whitespace inside (RFC 7468 lax parsing)', () => {
    const noisy = `comment line\r\n${pem.replace(/\n/g, '\r\n  ')}trailing`;
    expect(decodePem(noisy).der).toEqual(der);
    expect(decodePemAll(`${pem}\n${pem}`).length).toBe(2);
  });

  it('rejects mismatched labels, bad base64, headers and missing blocks', () => {
    expect(status(() => decodePem(pem.replace('END PRIVATE KEY', 'END PUBLIC KEY')))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => decodePem(pem.replace(/\n[A-Za-z0-9]/, '\n*')))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => decodePem(pem.replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\n\n')))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => decodePem('no pem here'))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => decodePem(pem.split('-----END')[0]!))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => decodePem(pem, 'PUBLIC KEY'))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('psaFromPem: encrypted keys and unknown labels are NOT_SUPPORTED', () => {
    const encrypted = privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string;
    expect(status(() => psaFromPem(encrypted))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(status(() => psaFromPem(encodePem('CERTIFICATE', new Uint8Array([5, 0]))))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(status(() => psaFromPem(''))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});
