/**
 * SM3 in the hash-and-sign and hash-based encryption schemes that take any
 * hash, checked against node:crypto (OpenSSL):
 * - ECDSA(SM3) on P-256: signatures made here verify with
 *   `crypto.verify('sm3', …)` and node's verify here (message and hash);
 * - deterministic ECDSA(SM3): RFC 6979 with HMAC-SM3, equal to noble's
 *   ECDSA over node's SM3 (so the nonce's HMAC-SM3 is checked, not only
 *   the signature's validity);
 * - RSA-PSS(SM3): OpenSSL refuses SM3 for RSA signatures ("digest not
 *   allowed"), so the EMSA-PSS encoding (RFC 8017 §9.1) is built and
 *   checked here over node's SM3 and raw RSA, both ways;
 * - RSA-OAEP(SM3) both ways with `oaepHash: 'sm3'`;
 * - RSA PKCS#1 v1.5 signatures need a DigestInfo, which SM3 has none of
 *   here: NOT_SUPPORTED, the status Mbed TLS's `psa_rsa_decode_md_type`
 *   gives a hash it has no digest type for.
 */
import * as crypto from 'node:crypto';
import { ecdsa } from '@noble/curves/abstract/weierstrass.js';
import { p256 } from '@noble/curves/nist.js';
import { createHasher } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as v from '../../src/values/index.js';
import { PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import { nodeKeyPair } from '../rsa/helpers.js';
import { expectStatus } from '../keys/helpers.js';

const SM3 = v.PSA_ALG_SM3;
const nodeSm3 = (...parts: Uint8Array[]): Buffer => {
  const h = crypto.createHash('sm3');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** SM3 as a noble hash backed by node:crypto, for noble's RFC 6979 generator. */
class NodeSm3 {
  readonly blockLen = 64;
  readonly outputLen = 32;
  readonly canXOF = false;
  h = crypto.createHash('sm3');
  update(data: Uint8Array): this {
    this.h.update(data);
    return this;
  }
  digestInto(out: Uint8Array): void {
    out.set(this.h.digest());
  }
  digest(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.h.digest());
  }
  destroy(): void {}
  _cloneInto(to?: NodeSm3): NodeSm3 {
    const target = to ?? new NodeSm3();
    target.h = this.h.copy();
    return target;
  }
  clone(): NodeSm3 {
    return this._cloneInto();
  }
}
const nodeBackedSm3 = createHasher(() => new NodeSm3());

const b64 = (s: string): Buffer => Buffer.from(s, 'base64url');

function p256Keys(psa: ReturnType<typeof createPsa>, alg: number) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const usage = v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_VERIFY_HASH;
  const d = new Uint8Array(b64(jwk.d!));
  const point = new Uint8Array([4, ...b64(jwk.x!), ...b64(jwk.y!)]);
  const pair = psa.importKey({ type: v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1), usage, alg }, d);
  const pub = psa.importKey({ type: v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.PSA_ECC_FAMILY_SECP_R1), usage: v.PSA_KEY_USAGE_VERIFY_HASH, alg }, point);
  return { privateKey, publicKey, d, pair, pub };
}

describe('ECDSA with SM3 (P-256) against node:crypto', () => {
  it('ECDSA(SM3): signatures verify both ways, over the message and over the SM3 hash', () => {
    const psa = createPsa();
    const alg = v.PSA_ALG_ECDSA(SM3);
    const k = p256Keys(psa, alg);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
      const signature = psa.signMessage(k.pair, alg, message);
      expect(crypto.verify('sm3', message, { key: k.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
      const overHash = psa.signHash(k.pair, alg, nodeSm3(message));
      expect(crypto.verify('sm3', message, { key: k.publicKey, dsaEncoding: 'ieee-p1363' }, overHash)).toBe(true);
      const theirs = new Uint8Array(crypto.sign('sm3', message, { key: k.privateKey, dsaEncoding: 'ieee-p1363' }));
      psa.verifyMessage(k.pub, alg, message, theirs);
      psa.verifyHash(k.pub, alg, nodeSm3(message), theirs);
      const other = Uint8Array.from([...message, 1]);
      expectStatus(() => psa.verifyMessage(k.pub, alg, other, theirs), PSA_ERROR_INVALID_SIGNATURE);
    }), { numRuns: 10 });
  });

  it('DETERMINISTIC_ECDSA(SM3): RFC 6979 with HMAC-SM3, as noble computes it over node\'s SM3', () => {
    const psa = createPsa();
    const alg = v.PSA_ALG_DETERMINISTIC_ECDSA(SM3);
    const k = p256Keys(psa, alg);
    const reference = ecdsa(p256.Point, nodeBackedSm3, { lowS: false });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
      const signature = psa.signMessage(k.pair, alg, message);
      expect(Buffer.from(signature).toString('hex')).toBe(Buffer.from(reference.sign(nodeSm3(message), k.d, { prehash: false })).toString('hex'));
      expect(crypto.verify('sm3', message, { key: k.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
      expect(psa.signMessage(k.pair, alg, message)).toEqual(signature);
    }), { numRuns: 10 });
  });
});

/** MGF1 (RFC 8017 B.2.1) with node's SM3. */
function mgf1(seed: Uint8Array, length: number): Buffer {
  const out: Buffer[] = [];
  for (let counter = 0; out.length * 32 < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    out.push(nodeSm3(seed, c));
  }
  return Buffer.concat(out).subarray(0, length);
}

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of `message` with SM3, for a 2048-bit modulus. */
function pssEncode(message: Uint8Array, salt: Uint8Array): Buffer {
  const emLen = 256;
  const h = nodeSm3(Buffer.alloc(8), nodeSm3(message), salt);
  const db = Buffer.concat([Buffer.alloc(emLen - salt.length - 32 - 2), Buffer.of(1), salt]);
  const masked = Buffer.from(db.map((b, i) => b ^ mgf1(h, db.length)[i]!));
  masked[0]! &= 0x7f;
  return Buffer.concat([masked, h, Buffer.of(0xbc)]);
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with SM3: the salt, or undefined when `em` is not an encoding of `message`. */
function pssSalt(message: Uint8Array, em: Buffer): Buffer | undefined {
  if (em.length !== 256 || em[255] !== 0xbc || (em[0]! & 0x80) !== 0) return undefined;
  const h = em.subarray(256 - 33, 255);
  const mask = mgf1(h, 256 - 33);
  const db = Buffer.from(em.subarray(0, 256 - 33).map((b, i) => b ^ mask[i]!));
  db[0]! &= 0x7f;
  const one = db.findIndex((b) => b !== 0);
  if (one < 0 || db[one] !== 1) return undefined;
  const salt = db.subarray(one + 1);
  return nodeSm3(Buffer.alloc(8), nodeSm3(message), salt).equals(h) ? salt : undefined;
}

describe('RSA with SM3 (2048 bits)', () => {
  const key = nodeKeyPair(2048);
  const raw = crypto.constants.RSA_NO_PADDING;

  it('RSA_PSS(SM3): the signature is EMSA-PSS over SM3 with a 32-byte salt, and a PSS-SM3 signature made with node verifies', () => {
    const psa = createPsa();
    const alg = v.PSA_ALG_RSA_PSS(SM3);
    const usage = v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_VERIFY_HASH;
    const id = psa.importKey({ type: v.PSA_KEY_TYPE_RSA_KEY_PAIR, usage, alg }, key.pairDer);
    for (const message of [new Uint8Array(0), new TextEncoder().encode('abc'), crypto.randomBytes(1000)]) {
      const signature = psa.signMessage(id, alg, message);
      const em = crypto.publicDecrypt({ key: key.publicKey, padding: raw }, signature);
      expect(pssSalt(message, em)?.length).toBe(32);
      const theirs = crypto.privateEncrypt({ key: key.privateKey, padding: raw }, pssEncode(message, crypto.randomBytes(32)));
      psa.verifyMessage(id, alg, message, theirs);
      psa.verifyHash(id, alg, nodeSm3(message), theirs);
      expectStatus(() => psa.verifyMessage(id, alg, Uint8Array.from([...message, 0]), theirs), PSA_ERROR_INVALID_SIGNATURE);
    }
  });

  it('RSA_OAEP(SM3) both ways with node\'s oaepHash \'sm3\'', () => {
    const psa = createPsa();
    const alg = v.PSA_ALG_RSA_OAEP(SM3);
    const id = psa.importKey({ type: v.PSA_KEY_TYPE_RSA_KEY_PAIR, usage: v.PSA_KEY_USAGE_ENCRYPT | v.PSA_KEY_USAGE_DECRYPT, alg }, key.pairDer);
    for (const label of [new Uint8Array(0), new TextEncoder().encode('a label')]) {
      const message = crypto.randomBytes(256 - 2 * 32 - 2);
      const opts = { padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sm3', oaepLabel: label };
      expect(crypto.privateDecrypt({ ...opts, key: key.privateKey }, psa.asymmetricEncrypt(id, alg, message, label))).toEqual(message);
      const nodeCt = crypto.publicEncrypt({ ...opts, key: key.publicKey }, message);
      expect(Buffer.from(psa.asymmetricDecrypt(id, alg, nodeCt, label))).toEqual(message);
    }
  });

  it('RSA_PKCS1V15_SIGN(SM3) is NOT_SUPPORTED: no DigestInfo for SM3 (Mbed TLS psa_rsa_decode_md_type)', () => {
    const psa = createPsa();
    const alg = v.PSA_ALG_RSA_PKCS1V15_SIGN(SM3);
    const usage = v.PSA_KEY_USAGE_SIGN_MESSAGE | v.PSA_KEY_USAGE_SIGN_HASH;
    const id = psa.importKey({ type: v.PSA_KEY_TYPE_RSA_KEY_PAIR, usage, alg }, key.pairDer);
    expectStatus(() => psa.signMessage(id, alg, new Uint8Array(3)), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.signHash(id, alg, new Uint8Array(32)), PSA_ERROR_NOT_SUPPORTED);
  });
});
