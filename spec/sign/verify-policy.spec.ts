/**
 * The PSA 1.4 verification-policy rule: a key whose policy names ECDSA(h) or
 * DETERMINISTIC_ECDSA(h) (or their ANY_HASH wildcards) may verify both
 * randomized and deterministic ECDSA signatures with that hash, through every
 * verification function; signing keeps the strict rule. Signatures come from
 * node:crypto (ECDSA signatures do not depend on which variant made them).
 */
import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import { algorithmPermits, algorithmPermitsVerify, checkPolicyPermits } from '../../src/core/keys/policy.js';
import { PsaError } from '../../src/values/error.js';
import * as v from '../../src/values/index.js';

const P256_PAIR = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1);
const P256_PUB = v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.PSA_ECC_FAMILY_SECP_R1);
const SHA256 = v.PSA_ALG_SHA_256;
const ECDSA = v.PSA_ALG_ECDSA(SHA256);
const DET = v.PSA_ALG_DETERMINISTIC_ECDSA(SHA256);
const VERIFY = v.PSA_KEY_USAGE_VERIFY_HASH | v.PSA_KEY_USAGE_VERIFY_MESSAGE;

const statusOf = (f: () => unknown): number => {
  try {
    f();
    return v.PSA_SUCCESS;
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
};

/** A node P-256 key, the message, its SHA-256 and a raw r ‖ s signature made by node. */
function fixture() {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' });
  const pad = (s: string) => { const b = Buffer.from(s, 'base64url'); const o = new Uint8Array(32); o.set(b, 32 - b.length); return o; };
  const point = new Uint8Array([4, ...pad(jwk.x!), ...pad(jwk.y!)]);
  const message = new Uint8Array(Buffer.from('verification policy equivalence'));
  const hash = new Uint8Array(crypto.createHash('sha256').update(message).digest());
  const signature = new Uint8Array(crypto.sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  return { point, d: pad(jwk.d!), message, hash, signature };
}

function verifyAll(psa: Psa, key: number, alg: number, f: ReturnType<typeof fixture>): number[] {
  const results = [
    statusOf(() => psa.verifyHash(key, alg, f.hash, f.signature)),
    statusOf(() => psa.verifyMessage(key, alg, f.message, f.signature)),
    statusOf(() => psa.verifyHashWithContext(key, alg, f.hash, new Uint8Array(0), f.signature)),
    statusOf(() => psa.verifyMessageWithContext(key, alg, f.message, new Uint8Array(0), f.signature)),
    statusOf(() => { const op = psa.verifySetup(key, alg, f.signature); op.update(f.message); op.finish(); }),
    statusOf(() => {
      const op = psa.verifyHashInterruptible();
      op.start(key, alg, f.hash, f.signature);
      while (!op.complete(v.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED)) { /* next step */ }
    }),
  ];
  return results;
}

describe('verification policy: ECDSA ≡ deterministic ECDSA (PSA 1.4)', () => {
  const cases: readonly (readonly [string, number, number])[] = [
    ['ECDSA(SHA-256) policy, deterministic request', ECDSA, DET],
    ['DETERMINISTIC_ECDSA(SHA-256) policy, randomized request', DET, ECDSA],
    ['ECDSA(ANY_HASH) policy, deterministic request', v.PSA_ALG_ECDSA(v.PSA_ALG_ANY_HASH), DET],
    ['DETERMINISTIC_ECDSA(ANY_HASH) policy, randomized request', v.PSA_ALG_DETERMINISTIC_ECDSA(v.PSA_ALG_ANY_HASH), ECDSA],
  ];
  for (const [name, policyAlg, requested] of cases) {
    it(`${name}: every verify function accepts, on a public key and a key pair`, () => {
      const psa = createPsa();
      const f = fixture();
      const pub = psa.importKey({ type: P256_PUB, usage: VERIFY, alg: policyAlg }, f.point);
      expect(verifyAll(psa, pub, requested, f)).toEqual(Array(6).fill(v.PSA_SUCCESS));
      const pair = psa.importKey({ type: P256_PAIR, usage: VERIFY | v.PSA_KEY_USAGE_SIGN_HASH, alg: policyAlg }, f.d);
      expect(verifyAll(psa, pair, requested, f)).toEqual(Array(6).fill(v.PSA_SUCCESS));
      // A wrong signature is still rejected.
      const bad = { ...f, signature: f.signature.map((b, i) => (i === 5 ? b ^ 1 : b)) };
      expect(verifyAll(psa, pub, requested, bad)).toEqual(Array(6).fill(v.PSA_ERROR_INVALID_SIGNATURE));
    });
  }

  it('signing keeps the strict rule', () => {
    const psa = createPsa();
    const f = fixture();
    const pair = psa.importKey({ type: P256_PAIR, usage: v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_SIGN_MESSAGE, alg: ECDSA }, f.d);
    expect(statusOf(() => psa.signHash(pair, DET, f.hash))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => psa.signMessage(pair, DET, f.message))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => psa.signSetup(pair, DET))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => psa.signHashInterruptible().start(pair, DET, f.hash))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('the hash must still match, and ECDSA_ANY is not covered', () => {
    const psa = createPsa();
    const f = fixture();
    const pub = psa.importKey({ type: P256_PUB, usage: VERIFY, alg: ECDSA }, f.point);
    expect(statusOf(() => psa.verifyHash(pub, v.PSA_ALG_DETERMINISTIC_ECDSA(v.PSA_ALG_SHA_384), new Uint8Array(48), f.signature)))
      .toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => psa.verifyHash(pub, v.PSA_ALG_ECDSA_ANY, f.hash, f.signature))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(algorithmPermitsVerify(P256_PUB, v.PSA_ALG_DETERMINISTIC_ECDSA(v.PSA_ALG_ANY_HASH), v.PSA_ALG_ECDSA_ANY)).toBe(false);
  });

  it('policy helpers: the option applies only to verification', () => {
    expect(algorithmPermits(P256_PUB, ECDSA, DET)).toBe(false);
    expect(algorithmPermitsVerify(P256_PUB, ECDSA, DET)).toBe(true);
    expect(algorithmPermitsVerify(P256_PUB, DET, ECDSA)).toBe(true);
    expect(algorithmPermitsVerify(P256_PUB, v.PSA_ALG_RSA_PSS(SHA256), v.PSA_ALG_RSA_PSS_ANY_SALT(SHA256))).toBe(false);
    const policy = { usage: VERIFY, alg: 0, alg2: DET };
    expect(() => checkPolicyPermits(policy, P256_PUB, ECDSA, 'test', { verify: true })).not.toThrow();
    expect(statusOf(() => checkPolicyPermits(policy, P256_PUB, ECDSA, 'test'))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });
});
