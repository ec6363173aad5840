/**
 * The order of the hash functions' checks. Mbed TLS 3.6 (library/psa_crypto.c):
 * `psa_hash_setup` answers BAD_STATE for an active operation before it looks
 * at the algorithm (and aborts it); `psa_hash_compute` / `psa_hash_compare`
 * refuse a non-hash algorithm (PSA_ALG_IS_HASH: INVALID_ARGUMENT) and leave
 * a hash no driver has, PSA_ALG_ANY_HASH included, to the driver
 * (NOT_SUPPORTED); `psa_hash_clone` answers BAD_STATE for an inactive source
 * or an active target and touches neither; `psa_hash_finish` and
 * `psa_hash_verify` end the operation whatever they answer.
 *
 * Mbed TLS has no `psa_hash_resume`; the spec's list decides, read as
 * `psa_hash_setup` is: on an active operation BAD_STATE comes before the
 * suspend state is parsed, whatever the state holds, and the operation is
 * aborted as a setup on an active operation is.
 */
import { describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';

const statusOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return V.PSA_SUCCESS;
};

const psa = createPsa();
const SHA256 = V.PSA_ALG_SHA_256;

/** Suspend states of every kind: valid, malformed, of an unsupported or non-hash algorithm. */
function states(): Array<[string, unknown]> {
  const op = psa.hashSetup(SHA256);
  op.update(new Uint8Array(70));
  const valid = op.suspend();
  const withAlg = (alg: number): Uint8Array => {
    const s = Uint8Array.from(valid);
    new DataView(s.buffer).setUint32(0, alg);
    return s;
  };
  return [
    ['a valid SHA-256 state', valid],
    ['an empty state', new Uint8Array(0)],
    ['3 bytes', Uint8Array.of(2, 0, 0)],
    ['one byte short', valid.subarray(0, valid.length - 1)],
    ['a non-hash algorithm (HMAC)', withAlg(V.PSA_ALG_HMAC(SHA256))],
    ['SHA3-256 (no suspend format: NOT_SUPPORTED on an inactive operation)', withAlg(V.PSA_ALG_SHA3_256)],
    ['PSA_ALG_ANY_HASH', withAlg(V.PSA_ALG_ANY_HASH)],
    ['not a Uint8Array', 'state'],
  ];
}

describe('psa_hash_resume on an active operation: BAD_STATE before the state is parsed', () => {
  it('the TypeScript face: every kind of state gives BAD_STATE and the operation is aborted', () => {
    for (const [what, state] of states()) {
      const op = psa.hashSetup(SHA256);
      expect(statusOf(() => op.resume(state as Uint8Array)), what).toBe(V.PSA_ERROR_BAD_STATE);
      expect(op.active, what).toBe(false);
    }
  });

  it('an operation made active by a resume or a clone is refused the same way', () => {
    const [, valid] = states()[0]!;
    const resumed = psa.hashResume(valid as Uint8Array);
    expect(statusOf(() => resumed.resume(new Uint8Array(0)))).toBe(V.PSA_ERROR_BAD_STATE);
    const source = psa.hashSetup(SHA256);
    const clone = source.clone();
    expect(statusOf(() => clone.resume(Uint8Array.of(1)))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(clone.active).toBe(false);
    expect(source.active).toBe(true);
    source.abort();
  });

  it('on an inactive operation the state is parsed: INVALID_ARGUMENT or NOT_SUPPORTED', () => {
    const expected: Record<string, number> = {
      'a valid SHA-256 state': V.PSA_SUCCESS,
      'SHA3-256 (no suspend format: NOT_SUPPORTED on an inactive operation)': V.PSA_ERROR_NOT_SUPPORTED,
      'PSA_ALG_ANY_HASH': V.PSA_ERROR_NOT_SUPPORTED,
    };
    for (const [what, state] of states()) {
      const op = psa.hashOperation();
      expect(statusOf(() => op.resume(state as Uint8Array)), what).toBe(expected[what] ?? V.PSA_ERROR_INVALID_ARGUMENT);
      op.abort();
    }
  });

  it('the C facade: psa_hash_resume on a set-up operation is PSA_ERROR_BAD_STATE for every kind of state', () => {
    const all = states();
    c.mbedtls_psa_crypto_free();
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    try {
      const op = c.psa_hash_operation_init();
      for (const [what, state] of [...all, ['a null pointer', null] as [string, unknown]]) {
        expect(c.psa_hash_setup(op, SHA256), what).toBe(c.PSA_SUCCESS);
        expect(c.psa_hash_resume(op, state as Uint8Array), what).toBe(c.PSA_ERROR_BAD_STATE);
        expect(c.psa_hash_update(op, Uint8Array.of(1)), what).toBe(c.PSA_ERROR_BAD_STATE);
      }
      expect(c.psa_hash_resume(op, all[0]![1] as Uint8Array)).toBe(c.PSA_SUCCESS);
      expect(c.psa_hash_resume(op, all[0]![1] as Uint8Array)).toBe(c.PSA_ERROR_BAD_STATE);
      expect(c.psa_hash_abort(op)).toBe(c.PSA_SUCCESS);
    } finally {
      c.mbedtls_psa_crypto_free();
    }
  });
});

describe('the other hash functions (psa_hash_setup, psa_hash_compute, psa_hash_compare, psa_hash_clone)', () => {
  it('psa_hash_setup on an active operation is BAD_STATE before the algorithm, and aborts it', () => {
    for (const alg of [SHA256, V.PSA_ALG_HMAC(SHA256), 0, V.PSA_ALG_ANY_HASH]) {
      const op = psa.hashSetup(SHA256);
      expect(statusOf(() => op.setup(alg)), V.describe(alg, 'alg')).toBe(V.PSA_ERROR_BAD_STATE);
      expect(op.active).toBe(false);
    }
  });

  it('psa_hash_compute / psa_hash_compare: a non-hash INVALID_ARGUMENT, ANY_HASH NOT_SUPPORTED (PSA_ALG_IS_HASH, then the driver)', () => {
    const input = new Uint8Array(1);
    for (const [alg, status] of [[V.PSA_ALG_HMAC(SHA256), V.PSA_ERROR_INVALID_ARGUMENT], [0, V.PSA_ERROR_INVALID_ARGUMENT],
      [V.PSA_ALG_ANY_HASH, V.PSA_ERROR_NOT_SUPPORTED]] as const) {
      expect(statusOf(() => psa.hashCompute(alg, input)), V.describe(alg, 'alg')).toBe(status);
      expect(statusOf(() => psa.hashCompare(alg, input, new Uint8Array(32))), V.describe(alg, 'alg')).toBe(status);
      expect(statusOf(() => psa.hashSetup(alg)), V.describe(alg, 'alg')).toBe(status);
    }
  });

  it('psa_hash_clone with an inactive source or an active target: BAD_STATE, both left as they were', () => {
    const inactive = psa.hashOperation();
    const target = psa.hashSetup(SHA256);
    expect(statusOf(() => inactive.cloneTo(target))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(target.active).toBe(true);
    const source = psa.hashSetup(SHA256);
    expect(statusOf(() => source.cloneTo(target))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(source.active).toBe(true);
    expect(target.active).toBe(true);
    source.abort();
    target.abort();
  });

  it('psa_hash_finish with a small buffer and psa_hash_verify with a wrong length end the operation', () => {
    const a = psa.hashSetup(SHA256);
    expect(statusOf(() => a.finish(31))).toBe(V.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(a.active).toBe(false);
    const b = psa.hashSetup(SHA256);
    expect(statusOf(() => b.verify(new Uint8Array(31)))).toBe(V.PSA_ERROR_INVALID_SIGNATURE);
    expect(b.active).toBe(false);
  });
});
