/**
 * RSA against node:crypto as the second implementation: key import/export
 * formats, encryption (OAEP with several hashes and labels, PKCS#1 v1.5) and
 * signatures (PKCS#1 v1.5, PSS) in both directions.
 */
import * as crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PSA_ALG_RSA_OAEP,
  PSA_ALG_RSA_PKCS1V15_CRYPT,
  PSA_ALG_RSA_PKCS1V15_SIGN,
  PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
  PSA_ALG_RSA_PSS,
  PSA_ALG_RSA_PSS_ANY_SALT,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { PSA_ERROR_INVALID_PADDING, PSA_ERROR_INVALID_SIGNATURE } from '../../src/values/status.js';
import { rsaSign } from '../../src/drivers/software/rsa/sign.js';
import { expectStatus } from '../keys/helpers.js';
import { newPsa, nodeKeyPair } from './helpers.js';

const HASHES: [number, string][] = [[PSA_ALG_SHA_1, 'sha1'], [PSA_ALG_SHA_256, 'sha256'], [PSA_ALG_SHA_384, 'sha384'], [PSA_ALG_SHA_512, 'sha512']];
const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_EXPORT;
const attrs = (type: number, alg: number, u = usage) => ({ type, bits: 0, usage: u, alg });
const pairAttrs = { type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 2048, lifetime: 0, usage: 0, alg: 0, alg2: 0 };
const pubAttrs = { ...pairAttrs, type: PSA_KEY_TYPE_RSA_PUBLIC_KEY };

describe('RSA vs node:crypto', () => {
  let key: ReturnType<typeof nodeKeyPair>;
  beforeAll(() => {
    key = nodeKeyPair(2048);
  });

  it('imports node keys and exports them unchanged, public key included', () => {
    const psa = newPsa();
    const id = psa.importKey(attrs(PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_ALG_RSA_PKCS1V15_CRYPT), key.pairDer);
    expect(psa.getKeyAttributes(id).bits).toBe(2048);
    expect(Buffer.from(psa.exportKey(id))).toEqual(Buffer.from(key.pairDer));
    expect(Buffer.from(psa.exportPublicKey(id))).toEqual(Buffer.from(key.publicDer));
    const pub = psa.importKey(attrs(PSA_KEY_TYPE_RSA_PUBLIC_KEY, PSA_ALG_RSA_PKCS1V15_CRYPT), key.publicDer);
    expect(Buffer.from(psa.exportKey(pub))).toEqual(Buffer.from(key.publicDer));
  });

  for (const [hashAlg, name] of HASHES) {
    for (const label of [new Uint8Array(0), new TextEncoder().encode('a label')]) {
      it(`OAEP-${name} (label ${label.length} bytes) both ways`, () => {
        const psa = newPsa();
        const alg = PSA_ALG_RSA_OAEP(hashAlg);
        const id = psa.importKey(attrs(PSA_KEY_TYPE_RSA_KEY_PAIR, alg), key.pairDer);
        const message = crypto.randomBytes(40);
        const ct = psa.asymmetricEncrypt(id, alg, message, label);
        const opts = { key: key.privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: name, oaepLabel: label };
        expect(crypto.privateDecrypt(opts, ct)).toEqual(message);
        const nodeCt = crypto.publicEncrypt({ ...opts, key: key.publicKey }, message);
        expect(Buffer.from(psa.asymmetricDecrypt(id, alg, nodeCt, label))).toEqual(message);
        const tampered = Uint8Array.from(nodeCt);
        tampered[10]! ^= 1;
        expectStatus(() => psa.asymmetricDecrypt(id, alg, tampered, label), PSA_ERROR_INVALID_PADDING);
      });
    }
  }

  it('PKCS#1 v1.5 encryption both ways', () => {
    const psa = newPsa();
    const alg = PSA_ALG_RSA_PKCS1V15_CRYPT;
    const id = psa.importKey(attrs(PSA_KEY_TYPE_RSA_KEY_PAIR, alg), key.pairDer);
    const message = crypto.randomBytes(100);
    const nodeCt = crypto.publicEncrypt({ key: key.publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, message);
    expect(Buffer.from(psa.asymmetricDecrypt(id, alg, nodeCt))).toEqual(message);
    // node no longer decrypts PKCS#1 v1.5 with a private key; check the padded block with a raw decryption.
    const ct = psa.asymmetricEncrypt(id, alg, message);
    const em = crypto.privateDecrypt({ key: key.privateKey, padding: crypto.constants.RSA_NO_PADDING }, ct);
    expect([em[0], em[1]]).toEqual([0, 2]);
    const sep = em.indexOf(0, 2);
    expect(sep).toBe(256 - 100 - 1);
    expect(em.subarray(sep + 1)).toEqual(message);
  });

  for (const [hashAlg, name] of HASHES) {
    it(`PKCS#1 v1.5 and PSS signatures with ${name} both ways`, () => {
      const hash = crypto.createHash(name).update('message').digest();
      const random = (n: number) => new Uint8Array(crypto.randomBytes(n));
      for (const [alg, padding] of [
        [PSA_ALG_RSA_PKCS1V15_SIGN(hashAlg), crypto.constants.RSA_PKCS1_PADDING],
        [PSA_ALG_RSA_PSS(hashAlg), crypto.constants.RSA_PKCS1_PSS_PADDING],
      ] as const) {
        const sig = rsaSign!.signHash!(pairAttrs, key.pairDer, alg, hash, random, new Uint8Array(0));
        const saltLength = crypto.constants.RSA_PSS_SALTLEN_DIGEST;
        expect(crypto.verify(name, Buffer.from('message'), { key: key.publicKey, padding, saltLength }, sig)).toBe(true);
        const nodeSig = crypto.sign(name, Buffer.from('message'), { key: key.privateKey, padding, saltLength });
        rsaSign!.verifyHash!(pubAttrs, key.publicDer, alg, hash, nodeSig, new Uint8Array(0));
        // Tamper with one bit. For PSS, choose a bit whose recovered encoded message no longer ends
        // in the 0xbc trailer: a tampered message that keeps it (1 in 256) can fail the top-bit check
        // first, which Mbed TLS reports as INVALID_ARGUMENT, not INVALID_SIGNATURE.
        for (let bit = 0; ; bit++) {
          nodeSig[5 + (bit >> 3)]! ^= 1 << (bit & 7);
          const em = crypto.publicDecrypt({ key: key.publicKey, padding: crypto.constants.RSA_NO_PADDING }, nodeSig);
          if (padding !== crypto.constants.RSA_PKCS1_PSS_PADDING || em[em.length - 1] !== 0xbc) break;
          nodeSig[5 + (bit >> 3)]! ^= 1 << (bit & 7);
        }
        expectStatus(() => rsaSign!.verifyHash!(pubAttrs, key.publicDer, alg, hash, nodeSig, new Uint8Array(0)), PSA_ERROR_INVALID_SIGNATURE);
      }
    });
  }

  it('PSS: the standard salt is required by PSA_ALG_RSA_PSS, any salt by PSA_ALG_RSA_PSS_ANY_SALT', () => {
    const hash = crypto.createHash('sha256').update('m').digest();
    const sig = crypto.sign('sha256', Buffer.from('m'), { key: key.privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 });
    rsaSign!.verifyHash!(pubAttrs, key.publicDer, PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256), hash, sig, new Uint8Array(0));
    expectStatus(() => rsaSign!.verifyHash!(pubAttrs, key.publicDer, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256), hash, sig, new Uint8Array(0)),
      PSA_ERROR_INVALID_SIGNATURE);
  });

  it('raw PKCS#1 v1.5 signatures match node privateEncrypt', () => {
    const data = crypto.randomBytes(35);
    const random = (n: number) => new Uint8Array(crypto.randomBytes(n));
    const sig = rsaSign!.signHash!(pairAttrs, key.pairDer, PSA_ALG_RSA_PKCS1V15_SIGN_RAW, data, random, new Uint8Array(0));
    expect(Buffer.from(sig)).toEqual(crypto.privateEncrypt({ key: key.privateKey, padding: crypto.constants.RSA_PKCS1_PADDING }, data));
  });
});
