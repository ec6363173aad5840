/**
 * RSA key generation: sizes and exponents accepted as Mbed TLS accepts them,
 * generated keys that node:crypto imports (JWK from the DER fields) and uses
 * compatibly, and generation time for RSA-2048.
 */
import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PSA_ALG_RSA_OAEP,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import { parseRsaPrivateKey } from '../../src/drivers/software/rsa/der.js';
import { bitLength } from '../../src/drivers/software/rsa/math.js';
import { expectStatus } from '../keys/helpers.js';
import { newPsa, nodePrivateKeyFromPsa } from './helpers.js';

const alg = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);
const attrs = (bits: number, type = PSA_KEY_TYPE_RSA_KEY_PAIR) =>
  ({ type, bits, alg, usage: PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT });

describe('RSA key generation', () => {
  it('generates a 2048-bit key that node:crypto accepts and uses compatibly', () => {
    const psa = newPsa();
    const id = psa.generateKey(attrs(2048));
    expect(psa.getKeyAttributes(id).bits).toBe(2048);
    const der = psa.exportKey(id);
    const f = parseRsaPrivateKey(der);
    expect(bitLength(f.n)).toBe(2048);
    expect(f.e).toBe(65537n);
    const nodeKey = nodePrivateKeyFromPsa(der);
    // node checks the JWK and derives its own public key: it must equal ours.
    const nodePublic = crypto.createPublicKey(nodeKey).export({ format: 'der', type: 'pkcs1' });
    expect(Buffer.from(psa.exportPublicKey(id))).toEqual(nodePublic);
    const message = crypto.randomBytes(32);
    const ct = crypto.publicEncrypt({ key: nodeKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, message);
    expect(Buffer.from(psa.asymmetricDecrypt(id, alg, ct))).toEqual(message);
    const ours = psa.asymmetricEncrypt(id, alg, message);
    expect(crypto.privateDecrypt({ key: nodeKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, ours)).toEqual(message);
    const sig = crypto.sign('sha256', message, nodeKey);
    expect(crypto.verify('sha256', message, crypto.createPublicKey(nodeKey), sig)).toBe(true);
  });

  it('takes the public exponent from the custom data (big-endian)', () => {
    const psa = newPsa();
    for (const [data, e] of [[[0x03], 3n], [[0x00, 0x00, 0x03], 3n], [[0x02, 0x01], 513n], [[0x01, 0x00, 0x01], 65537n]] as const) {
      const id = psa.generateKeyCustom(attrs(1024), { flags: 0 }, Uint8Array.from(data));
      const f = parseRsaPrivateKey(psa.exportKey(id));
      expect(f.e).toBe(e);
      expect(bitLength(f.n)).toBe(1024);
      // The key is consistent: node derives the same public key from it.
      crypto.createPublicKey(nodePrivateKeyFromPsa(psa.exportKey(id)));
    }
  });

  it('rejects exponents and sizes as Mbed TLS does', () => {
    const psa = newPsa();
    const custom = (data: number[], flags = 0) => () => psa.generateKeyCustom(attrs(1024), { flags }, Uint8Array.from(data));
    expectStatus(custom([0x01]), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(custom([0x00]), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(custom([0x02]), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(custom([0x80, 0, 0, 3]), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(custom([1, 0, 0, 0, 0, 0, 0, 0, 3]), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(custom([], 1), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.generateKey(attrs(1016)), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.generateKey(attrs(1028)), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.generateKey(attrs(4104)), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.generateKey(attrs(2048, PSA_KEY_TYPE_RSA_PUBLIC_KEY)), PSA_ERROR_INVALID_ARGUMENT);
  });
});
