/**
 * RSA-4096 key generation (slow: a few seconds per key). The generated key
 * has exactly 4096 bits and node:crypto accepts it and verifies a signature
 * made with it.
 */
import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PSA_ALG_RSA_PSS,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { rsaSign } from '../../src/drivers/software/rsa/sign.js';
import { parseRsaPrivateKey } from '../../src/drivers/software/rsa/der.js';
import { bitLength } from '../../src/drivers/software/rsa/math.js';
import { newPsa, nodePrivateKeyFromPsa } from './helpers.js';

describe('RSA-4096 key generation', () => {
  it('generates a 4096-bit key usable by node:crypto', () => {
    const psa = newPsa();
    const id = psa.generateKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 4096, usage: PSA_KEY_USAGE_EXPORT });
    const der = psa.exportKey(id);
    expect(bitLength(parseRsaPrivateKey(der).n)).toBe(4096);
    const nodeKey = nodePrivateKeyFromPsa(der);
    const message = Buffer.from('message');
    const hash = crypto.createHash('sha256').update(message).digest();
    const attrs = { type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 4096, lifetime: 0, usage: 0, alg: 0, alg2: 0 };
    const random = (n: number) => new Uint8Array(crypto.randomBytes(n));
    const sig = rsaSign!.signHash!(attrs, der, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), hash, random, new Uint8Array(0));
    const options = { key: crypto.createPublicKey(nodeKey), padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(crypto.verify('sha256', message, options, sig)).toBe(true);
  });
});
