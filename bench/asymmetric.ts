/**
 * Asymmetric benchmarks (`npm run bench -- asymmetric`): the PSA API against
 * noble called directly and node:crypto. Targets: PSA ≥ 0.95× noble for P-256
 * sign (deterministic and randomized, each against noble doing the same) and
 * verify, Ed25519 sign, X25519 and P-384 sign; RSA-2048 sign (CRT) ≥ 3×
 * micro-rsa-dsa-dh's (plain d exponent) and ≥ 40 ops/s; RSA-2048 key
 * generation median printed (target < 1.5 s).
 */
import { createPrivateKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { PKCS1_SHA256 } from 'micro-rsa-dsa-dh/rsa.js';
import { readSequence } from '../src/formats/der.js';
import {
  createPsa,
  PSA_ALG_ECDH,
  PSA_ALG_DETERMINISTIC_ECDSA,
  PSA_ALG_ECDSA,
  PSA_ALG_PURE_EDDSA,
  PSA_ALG_RSA_PKCS1V15_SIGN,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_HASH,
} from '../src/index.js';
import { runCases, type BenchCase } from './harness.js';

/** Run the asymmetric suite. */
export function run(): boolean {
  const psa = createPsa();
  const digest32 = new Uint8Array(32).fill(1);
  const digest48 = new Uint8Array(48).fill(2);
  const message = new Uint8Array(64).fill(3);

  const p256Priv = p256.utils.randomSecretKey();
  const p256Id = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, alg: PSA_ALG_ECDSA(PSA_ALG_SHA_256) }, p256Priv);
  const p256Sig = psa.signHash(p256Id, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest32);
  const detAlg = PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256);
  const p256DetId = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_SIGN_HASH, alg: detAlg }, p256Priv);
  // The two deterministic contenders must do the same work: the same signature.
  if (Buffer.compare(psa.signHash(p256DetId, detAlg, digest32), p256.sign(digest32, p256Priv, { prehash: false, lowS: false })) !== 0) {
    throw new Error('deterministic ECDSA: PSA and noble disagree');
  }
  const p256Pub = p256.getPublicKey(p256Priv, false);
  // Verification is usually done with the public key alone (as noble's verify takes it).
  const p256PubId = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_VERIFY_HASH, alg: PSA_ALG_ECDSA(PSA_ALG_SHA_256) }, p256Pub);
  const p384Priv = p384.utils.randomSecretKey();
  const p384Id = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_SIGN_HASH, alg: PSA_ALG_ECDSA(PSA_ALG_SHA_384) }, p384Priv);
  const edPriv = ed25519.utils.randomSecretKey();
  const edId = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), usage: PSA_KEY_USAGE_SIGN_MESSAGE, alg: PSA_ALG_PURE_EDDSA }, edPriv);
  const xPriv = x25519.utils.randomSecretKey();
  const xId = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_ECDH }, xPriv);
  const xPeer = x25519.getPublicKey(x25519.utils.randomSecretKey());
  const nodeP256 = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: Buffer.from(p256Priv).toString('base64url'),
    x: Buffer.from(p256Pub.subarray(1, 33)).toString('base64url'), y: Buffer.from(p256Pub.subarray(33)).toString('base64url') }, format: 'jwk' });

  const rsaAlg = PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256);
  const rsaId = psa.generateKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 2048, usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT, alg: rsaAlg });
  const rsaDer = psa.exportKey(rsaId);
  const nodeRsa = createPrivateKey({ key: Buffer.from(rsaDer), format: 'der', type: 'pkcs1' });
  const fields = readSequence(rsaDer);
  fields.integer(); // version
  const n = fields.integer();
  fields.integer(); // e
  const microKey = { n, d: fields.integer() };

  const cases: BenchCase[] = [
    {
      // Like for like: noble's default signature is RFC 6979, PSA's DETERMINISTIC_ECDSA (S not normalized: PSA keeps it as computed).
      name: 'P-256 ECDSA sign (deterministic)', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => p256.sign(digest32, p256Priv, { prehash: false, lowS: false }) },
        { name: 'psa', run: () => psa.signHash(p256DetId, detAlg, digest32) },
      ],
      targets: { psa: 0.95 },
    },
    {
      // Randomized: noble hedges RFC 6979 with 32 fresh bytes from crypto.getRandomValues,
      // PSA draws its 32 bytes from the instance's HMAC_DRBG (about 15 µs of the difference).
      name: 'P-256 ECDSA sign (randomized)', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => p256.sign(digest32, p256Priv, { prehash: false, lowS: false, extraEntropy: true }) },
        { name: 'psa', run: () => psa.signHash(p256Id, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest32) },
        { name: 'node:crypto', run: () => nodeSign('sha256', message, { key: nodeP256, dsaEncoding: 'ieee-p1363' }) },
      ],
      targets: { psa: 0.95 },
    },
    {
      name: 'P-256 ECDSA verify', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => p256.verify(p256Sig, digest32, p256Pub, { prehash: false, lowS: false }) },
        { name: 'psa', run: () => psa.verifyHash(p256PubId, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest32, p256Sig) },
      ],
      targets: { psa: 0.95 },
    },
    {
      name: 'P-384 ECDSA sign', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => p384.sign(digest48, p384Priv, { prehash: false }) },
        { name: 'psa', run: () => psa.signHash(p384Id, PSA_ALG_ECDSA(PSA_ALG_SHA_384), digest48) },
      ],
      targets: { psa: 0.95 },
    },
    {
      name: 'Ed25519 sign 64 B', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => ed25519.sign(message, edPriv) },
        { name: 'psa', run: () => psa.signMessage(edId, PSA_ALG_PURE_EDDSA, message) },
      ],
      targets: { psa: 0.95 },
    },
    {
      name: 'X25519', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => x25519.getSharedSecret(xPriv, xPeer) },
        { name: 'psa', run: () => psa.rawKeyAgreement(PSA_ALG_ECDH, xId, xPeer) },
      ],
      targets: { psa: 0.95 },
    },
    {
      name: 'RSA-2048 PKCS#1 v1.5 sign', bytes: 0, reference: 'micro-rsa-dsa-dh',
      contenders: [
        { name: 'micro-rsa-dsa-dh', run: () => PKCS1_SHA256.sign(microKey, message) },
        { name: 'psa', run: () => psa.signHash(rsaId, rsaAlg, digest32) },
        { name: 'node:crypto', run: () => nodeSign('sha256', message, nodeRsa) },
      ],
      targets: { psa: 3 },
    },
  ];
  let met = runCases('Asymmetric', cases, 1500);

  const rsaSignPerSecond = (() => {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < 2000) {
      psa.signHash(rsaId, rsaAlg, digest32);
      n++;
    }
    return (n * 1000) / (performance.now() - start);
  })();
  const signOk = rsaSignPerSecond >= 40;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    psa.destroyKey(psa.generateKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 2048 }));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[3]!;
  const nodeT = performance.now();
  generateKeyPairSync('rsa', { modulusLength: 2048 });
  const nodeMs = performance.now() - nodeT;
  const genOk = median < 1500;
  console.log(`\nRSA-2048 sign: ${rsaSignPerSecond.toFixed(1)} ops/s (target ≥ 40: ${signOk ? 'met' : 'MISSED'})`);
  console.log(`RSA-2048 key generation: median ${median.toFixed(0)} ms of 7 (min ${times[0]!.toFixed(0)}, max ${times[6]!.toFixed(0)}; node:crypto one run ${nodeMs.toFixed(0)} ms) (target < 1500 ms: ${genOk ? 'met' : 'MISSED'})`);
  met = met && signOk && genOk;
  return met;
}
