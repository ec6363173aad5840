/**
 * Shared helpers for the RSA specs: node:crypto keys converted to the PSA
 * formats (DER RSAPrivateKey / RSAPublicKey via node's own PKCS#1 export),
 * and PSA keys converted back to node:crypto through a JWK built from the
 * DER fields.
 */
import * as crypto from 'node:crypto';
import { createPsa } from '../../src/index.js';
import { parseRsaPrivateKey } from '../../src/drivers/software/rsa/der.js';
import { bigIntToBytes, byteLength } from '../../src/drivers/software/rsa/math.js';

/** A fresh instance with volatile keys only. */
export function newPsa(): ReturnType<typeof createPsa> {
  return createPsa();
}

/** A node:crypto RSA key pair of `bits` bits and its PSA import formats. */
export function nodeKeyPair(bits: number, publicExponent = 65537): {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  pairDer: Uint8Array;
  publicDer: Uint8Array;
} {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: bits, publicExponent });
  return {
    privateKey,
    publicKey,
    pairDer: new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs1' })),
    publicDer: new Uint8Array(publicKey.export({ format: 'der', type: 'pkcs1' })),
  };
}

const b64u = (x: bigint): string => Buffer.from(bigIntToBytes(x, Math.max(1, byteLength(x)))).toString('base64url');

/** A node:crypto private key built from a PSA key pair export, through a JWK of its DER fields. */
export function nodePrivateKeyFromPsa(der: Uint8Array): crypto.KeyObject {
  const f = parseRsaPrivateKey(der);
  return crypto.createPrivateKey({
    format: 'jwk',
    key: { kty: 'RSA', n: b64u(f.n), e: b64u(f.e), d: b64u(f.d), p: b64u(f.p), q: b64u(f.q), dp: b64u(f.dp), dq: b64u(f.dq), qi: b64u(f.qinv) },
  });
}
