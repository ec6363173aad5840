/**
 * Shared pieces of the Wycheproof RSA handlers: hash names, and the
 * conversion of a PKCS#8 private key to the PSA key-pair format (DER
 * RSAPrivateKey), done by node:crypto so the key does not pass through the
 * code under test before the import.
 */
import * as crypto from 'node:crypto';
import {
  PSA_ALG_SHA3_224,
  PSA_ALG_SHA3_256,
  PSA_ALG_SHA3_384,
  PSA_ALG_SHA3_512,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_SHA_512_224,
  PSA_ALG_SHA_512_256,
} from '../../../src/values/index.js';

/** PSA hash algorithm of a Wycheproof `sha` name. */
export const HASHES: ReadonlyMap<string, number> = new Map([
  ['SHA-1', PSA_ALG_SHA_1],
  ['SHA-224', PSA_ALG_SHA_224],
  ['SHA-256', PSA_ALG_SHA_256],
  ['SHA-384', PSA_ALG_SHA_384],
  ['SHA-512', PSA_ALG_SHA_512],
  ['SHA-512/224', PSA_ALG_SHA_512_224],
  ['SHA-512/256', PSA_ALG_SHA_512_256],
  ['SHA3-224', PSA_ALG_SHA3_224],
  ['SHA3-256', PSA_ALG_SHA3_256],
  ['SHA3-384', PSA_ALG_SHA3_384],
  ['SHA3-512', PSA_ALG_SHA3_512],
]);

/** The PSA hash of a group's `sha` field (throws for an unknown name: a runner failure to look at). */
export function hashOf(name: unknown): number {
  const alg = HASHES.get(String(name));
  if (alg === undefined) throw new Error(`unknown hash ${String(name)}`);
  return alg;
}

const cache = new Map<string, Uint8Array>();

/** DER RSAPrivateKey from a PKCS#8 private key in hex, converted by node:crypto (cached per key). */
export function pkcs1FromPkcs8(pkcs8Hex: unknown): Uint8Array {
  const text = String(pkcs8Hex);
  let der = cache.get(text);
  if (!der) {
    const key = crypto.createPrivateKey({ key: Buffer.from(text, 'hex'), format: 'der', type: 'pkcs8' });
    der = new Uint8Array(key.export({ format: 'der', type: 'pkcs1' }));
    cache.set(text, der);
  }
  return der;
}

/** No files of its own: this module only serves the RSA handlers (the runner loads every module here). */
export const handlers: import('../framework.js').WycheproofHandler[] = [];
