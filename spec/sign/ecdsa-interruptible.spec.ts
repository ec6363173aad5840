/**
 * The software driver's interruptible ECDSA (`ecdsa-interruptible.ts`):
 * deterministic signatures are bit-identical to the one-shot path (itself
 * checked against RFC 6979 and node:crypto in `ecdsa.spec.ts`) on every
 * Weierstrass curve, randomized ones verify with node:crypto, verification
 * accepts node's signatures and rejects altered ones, and the op budget is
 * honoured (at most one unit beyond the budget per call, same total).
 */
import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaSignHashStart, ecdsaVerifyHashStart } from '../../src/drivers/software/ecc/ecdsa-interruptible.js';
import { ECC_CURVES } from '../../src/drivers/software/ecc/curves.js';
import { ecdsaSignHash } from '../../src/drivers/software/ecc/ecdsa.js';
import type { InterruptibleJob } from '../../src/drivers/sign.js';
import { PsaError } from '../../src/values/error.js';
import * as v from '../../src/values/index.js';

const WEIERSTRASS = ECC_CURVES.filter(([f]) => f !== v.PSA_ECC_FAMILY_MONTGOMERY && f !== v.PSA_ECC_FAMILY_TWISTED_EDWARDS);
const noRandom = (n: number) => new Uint8Array(n);

const attrs = (family: number, bits: number, pair = true) => ({
  type: pair ? v.PSA_KEY_TYPE_ECC_KEY_PAIR(family) : v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), bits, lifetime: 0, usage: 0, alg: 0, alg2: 0,
});

/** A valid scalar for every curve here: 0x00 then 0x07 bytes (below 2^(bits-1) ≤ n). */
function scalar(bits: number): Uint8Array {
  const d = new Uint8Array(Math.ceil(bits / 8)).fill(7);
  d[0] = 0;
  return d;
}

/** Run a job to the end with `maxOps` per call; the result, the calls and the per-call op counts. */
function run<T>(job: InterruptibleJob<T>, maxOps: number): { result: T; calls: number; perCall: number[] } {
  const perCall: number[] = [];
  let result: T | undefined;
  let before = 0;
  do {
    result = job.step(maxOps);
    perCall.push(job.numOps - before);
    before = job.numOps;
  } while (result === undefined);
  return { result, calls: perCall.length, perCall };
}

describe('interruptible ECDSA (software driver)', () => {
  for (const [family, bits] of WEIERSTRASS) {
    it(`${v.describe(v.PSA_KEY_TYPE_ECC_KEY_PAIR(family), 'keyType')} ${bits}: deterministic signature identical to the one-shot path`, () => {
      const d = scalar(bits);
      for (const hashAlg of [v.PSA_ALG_SHA_256, v.PSA_ALG_SHA_384]) {
        const alg = v.PSA_ALG_DETERMINISTIC_ECDSA(hashAlg);
        const hash = new Uint8Array(v.PSA_HASH_LENGTH(hashAlg)).fill(0xa5);
        const expected = ecdsaSignHash(attrs(family, bits), d, alg, hash, noRandom);
        const { result, calls } = run(ecdsaSignHashStart(attrs(family, bits), d, alg, hash, noRandom), 2000);
        expect(result).toEqual(expected);
        expect(calls).toBeGreaterThan(1);
        const verified = run(ecdsaVerifyHashStart(attrs(family, bits), d, alg, hash, result), 2000);
        expect(verified.result).toBe(true);
      }
    });
  }

  for (const [curve, bits] of [['P-256', 256], ['P-384', 384], ['P-521', 521]] as const) {
    it(`${curve}: randomized signatures verify with node:crypto, node's verify here`, () => {
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: curve });
      const size = Math.ceil(bits / 8);
      const pad = (s: string) => { const b = Buffer.from(s, 'base64url'); const o = new Uint8Array(size); o.set(b, size - b.length); return o; };
      const jwk = privateKey.export({ format: 'jwk' });
      const d = pad(jwk.d!);
      const point = new Uint8Array([4, ...pad(jwk.x!), ...pad(jwk.y!)]);
      const message = crypto.randomBytes(40);
      const hash = new Uint8Array(crypto.createHash('sha256').update(message).digest());
      const alg = v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_256);
      const random = (n: number) => new Uint8Array(crypto.randomBytes(n));
      const mine = run(ecdsaSignHashStart(attrs(v.PSA_ECC_FAMILY_SECP_R1, bits), d, alg, hash, random), 1).result;
      expect(crypto.verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, mine)).toBe(true);
      const theirs = new Uint8Array(crypto.sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
      const pub = attrs(v.PSA_ECC_FAMILY_SECP_R1, bits, false);
      expect(run(ecdsaVerifyHashStart(pub, point, alg, hash, theirs), 0).result).toBe(true);
      const altered = theirs.slice();
      altered[1]! ^= 1;
      const job = ecdsaVerifyHashStart(pub, point, alg, hash, altered);
      expect(() => run(job, v.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED)).toThrow(expect.objectContaining({ status: v.PSA_ERROR_INVALID_SIGNATURE }));
      expect(() => ecdsaVerifyHashStart(pub, point, alg, hash, theirs.subarray(1)))
        .toThrow(expect.objectContaining({ status: v.PSA_ERROR_INVALID_SIGNATURE }));
    });
  }

  it('op budget: one unit at least, never a unit beyond the budget after the first, same total', () => {
    const d = scalar(256);
    const alg = v.PSA_ALG_DETERMINISTIC_ECDSA(v.PSA_ALG_SHA_256);
    const hash = new Uint8Array(32).fill(1);
    const a = attrs(v.PSA_ECC_FAMILY_SECP_R1, 256);
    const unlimited = run(ecdsaSignHashStart(a, d, alg, hash, noRandom), v.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    expect(unlimited.calls).toBe(1);
    const total = unlimited.perCall[0]!;
    // 256 doublings and additions of the ladder (8 + 11 each) and a normalisation (120), plus range checks.
    expect(total).toBeGreaterThanOrEqual(256 * 19 + 120);
    for (const budget of [0, 1, 50, 300]) {
      const r = run(ecdsaSignHashStart(a, d, alg, hash, noRandom), budget);
      expect(r.result).toEqual(unlimited.result);
      expect(r.perCall.reduce((x, y) => x + y, 0)).toBe(total);
      for (const ops of r.perCall) expect(ops).toBeLessThanOrEqual(Math.max(budget, 120));
    }
    // The first unit is a range check, MBEDTLS_ECP_OPS_CHK = 3 ops (Mbed TLS ecp.h); a 384-bit
    // curve counts every unit twice, a 521-bit one four times.
    const ops = (bits: number) => run(ecdsaSignHashStart(attrs(v.PSA_ECC_FAMILY_SECP_R1, bits), scalar(bits), alg, hash, noRandom), 0).perCall[0];
    expect(ops(256)).toBe(3);
    expect(ops(384)).toBe(6);
    expect(ops(521)).toBe(12);
  });

  it('deterministic ECDSA without a hash fails when run, not at start', () => {
    const job = ecdsaSignHashStart(attrs(v.PSA_ECC_FAMILY_SECP_R1, 256), scalar(256), v.PSA_ALG_DETERMINISTIC_ECDSA(0), new Uint8Array(32), noRandom);
    expect(() => job.step(v.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED)).toThrow(PsaError);
  });
});
