/**
 * Property tests against node:crypto: random messages, labels and hashes for
 * OAEP in both directions, PKCS#1 v1.5 decryption of node ciphertexts, and
 * PSS signatures of random digests verified by node.
 */
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PSA_ALG_RSA_OAEP,
  PSA_ALG_RSA_PKCS1V15_CRYPT,
  PSA_ALG_RSA_PSS,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../src/values/index.js';
import { rsaSign } from '../../src/drivers/software/rsa/sign.js';
import { newPsa, nodeKeyPair } from './helpers.js';

const HASHES = [[PSA_ALG_SHA_1, 'sha1', 20], [PSA_ALG_SHA_224, 'sha224', 28], [PSA_ALG_SHA_256, 'sha256', 32], [PSA_ALG_SHA_384, 'sha384', 48]] as const;

describe('RSA properties vs node:crypto (1536-bit key)', () => {
  let key: ReturnType<typeof nodeKeyPair>;
  beforeAll(() => {
    key = nodeKeyPair(1536);
  });

  it('OAEP round trips both ways for any message, label and hash', () => {
    const psa = newPsa();
    fc.assert(fc.property(fc.constantFrom(...HASHES), fc.uint8Array({ maxLength: 40 }), fc.nat(), (h, label, seed) => {
      const [hashAlg, name, hLen] = h;
      const alg = PSA_ALG_RSA_OAEP(hashAlg);
      const message = new Uint8Array(crypto.randomBytes(seed % (192 - 2 * hLen - 1)));
      const id = psa.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, key.pairDer);
      try {
        const opts = { padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: name, oaepLabel: label };
        const ours = psa.asymmetricEncrypt(id, alg, message, label);
        expect(new Uint8Array(crypto.privateDecrypt({ ...opts, key: key.privateKey }, ours))).toEqual(message);
        const theirs = crypto.publicEncrypt({ ...opts, key: key.publicKey }, message);
        expect(psa.asymmetricDecrypt(id, alg, theirs, label)).toEqual(message);
      } finally {
        psa.destroyKey(id);
      }
    }), { numRuns: 25 });
  });

  it('PKCS#1 v1.5 decrypts node ciphertexts of any length', () => {
    const psa = newPsa();
    const alg = PSA_ALG_RSA_PKCS1V15_CRYPT;
    const id = psa.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage: PSA_KEY_USAGE_DECRYPT, alg }, key.pairDer);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 192 - 11 }), (message) => {
      const ct = crypto.publicEncrypt({ key: key.publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, message);
      expect(psa.asymmetricDecrypt(id, alg, ct)).toEqual(message);
    }), { numRuns: 25 });
  });

  it('PSS signatures of any digest verify with node', () => {
    const attrs = { type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 1536, lifetime: 0, usage: 0, alg: 0, alg2: 0 };
    const random = (n: number) => new Uint8Array(crypto.randomBytes(n));
    fc.assert(fc.property(fc.constantFrom(...HASHES), fc.uint8Array({ minLength: 1, maxLength: 64 }), (h, message) => {
      const [hashAlg, name] = h;
      const digest = crypto.createHash(name).update(message).digest();
      const sig = rsaSign!.signHash!(attrs, key.pairDer, PSA_ALG_RSA_PSS(hashAlg), digest, random, new Uint8Array(0));
      const options = { key: key.publicKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST };
      expect(crypto.verify(name, message, options, sig)).toBe(true);
    }), { numRuns: 25 });
  });
});
