/**
 * Ascon-Hash256 and the Ascon XOFs through the public API beyond the known
 * answers: clone, verify, suspend (NOT_SUPPORTED: the spec defines no
 * suspend format for Ascon-Hash256), random fragmentations of input and
 * output, and the rules of the Ascon-CXOF128 context (PSA context =
 * SP 800-232 customization string, at most 2048 bits).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ALG_ASCON_CXOF128,
  PSA_ALG_ASCON_HASH256,
  PSA_ALG_ASCON_XOF128,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_HASH_LENGTH,
} from '../../src/values/index.js';
import { VECTORS, expectStatus, h, hx, pieces } from './vectors.js';

const psa = createPsa();
const RUNS = 100;

/** Ascon-XOF128 / CXOF128 output of `message` in one go. */
function xof(alg: number, message: Uint8Array, length: number, context?: Uint8Array): string {
  const op = psa.xofSetup(alg);
  if (context !== undefined) op.setContext(context);
  op.update(message);
  const out = hx(op.output(length));
  op.abort();
  return out;
}

describe('Ascon-Hash256 operations', () => {
  it('has a 32-byte digest; clone continues independently; verify compares', () => {
    expect(PSA_HASH_LENGTH(PSA_ALG_ASCON_HASH256)).toBe(32);
    const a = new Uint8Array(29).fill(1), b = new Uint8Array(11).fill(2), c = new Uint8Array(3).fill(3);
    const op = psa.hashSetup(PSA_ALG_ASCON_HASH256);
    op.update(a);
    const copy = op.clone();
    op.update(b);
    copy.update(c);
    expect(hx(op.finish())).toBe(hx(psa.hashCompute(PSA_ALG_ASCON_HASH256, new Uint8Array([...a, ...b]))));
    expect(hx(copy.finish())).toBe(hx(psa.hashCompute(PSA_ALG_ASCON_HASH256, new Uint8Array([...a, ...c]))));
    const v = psa.hashSetup(PSA_ALG_ASCON_HASH256);
    v.update(a);
    const wrong = psa.hashCompute(PSA_ALG_ASCON_HASH256, a);
    wrong[31] = wrong[31]! ^ 1;
    expectStatus(() => v.verify(wrong), PSA_ERROR_INVALID_SIGNATURE);
  });

  it('suspend is NOT_SUPPORTED', () => {
    const op = psa.hashSetup(PSA_ALG_ASCON_HASH256);
    op.update(new Uint8Array(5));
    expectStatus(() => op.suspend(), PSA_ERROR_NOT_SUPPORTED);
  });

  it('random fragmentations give the single-part digest', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(40), { maxLength: 8 }), (data, cuts) => {
      const op = psa.hashSetup(PSA_ALG_ASCON_HASH256);
      for (const p of pieces(data, cuts)) op.update(p);
      expect(hx(op.finish())).toBe(hx(psa.hashCompute(PSA_ALG_ASCON_HASH256, data)));
    }), { numRuns: RUNS });
  });

  it('differs from the first 32 bytes of Ascon-XOF128 (distinct initial values)', () => {
    const m = new Uint8Array(10);
    expect(hx(psa.hashCompute(PSA_ALG_ASCON_HASH256, m))).not.toBe(xof(PSA_ALG_ASCON_XOF128, m, 32));
  });
});

describe('Ascon XOF operations', () => {
  it('random input and output fragmentations give the one-go output', () => {
    fc.assert(fc.property(fc.constantFrom(PSA_ALG_ASCON_XOF128, PSA_ALG_ASCON_CXOF128), fc.uint8Array({ maxLength: 100 }),
      fc.array(fc.nat(20), { maxLength: 6 }), fc.array(fc.nat(20), { maxLength: 6 }), (alg, data, inCuts, outLengths) => {
        const total = outLengths.reduce((n, x) => n + x, 0) + 9;
        const context = alg === PSA_ALG_ASCON_CXOF128 ? new Uint8Array([5, 6, 7]) : undefined;
        const op = psa.xofSetup(alg);
        if (context) op.setContext(context);
        for (const p of pieces(data, inCuts)) op.update(p);
        const out = [...outLengths, 9].map((n) => hx(op.output(n))).join('');
        expect(out).toBe(xof(alg, data, total, context));
      }), { numRuns: RUNS });
  });

  it('Ascon-XOF128 takes no context: INVALID_ARGUMENT and the error state', () => {
    const op = psa.xofSetup(PSA_ALG_ASCON_XOF128);
    expectStatus(() => op.setContext(new Uint8Array(1)), PSA_ERROR_INVALID_ARGUMENT);
    expect(op.state).toBe('error');
    expectStatus(() => op.update(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
    op.abort();
    expect(op.state).toBe('inactive');
  });

  it('an Ascon-CXOF128 context of 256 bytes is accepted, 257 bytes is INVALID_ARGUMENT', () => {
    const max = VECTORS.cxof128.find((c) => (c.customization ?? '').length === 512);
    expect(max, 'a vector with a 2048-bit customization string').toBeDefined();
    expect(xof(PSA_ALG_ASCON_CXOF128, h(max!.message), max!.output.length / 2, h(max!.customization!))).toBe(max!.output);
    const op = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
    expectStatus(() => op.setContext(new Uint8Array(257)), PSA_ERROR_INVALID_ARGUMENT);
    expect(op.state).toBe('error');
    expectStatus(() => op.output(4), PSA_ERROR_BAD_STATE);
    op.abort();
  });

  it('the Ascon-CXOF128 context comes first: BAD_STATE after input, output, or a first context', () => {
    for (const first of ['update', 'output', 'setContext'] as const) {
      const op = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
      if (first === 'update') op.update(new Uint8Array(1));
      else if (first === 'output') op.output(1);
      else op.setContext(new Uint8Array(1));
      expectStatus(() => op.setContext(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
      op.abort();
    }
  });

  it('without set_context, Ascon-CXOF128 uses the empty customization string', () => {
    const empty = VECTORS.cxof128.filter((c) => (c.customization ?? '') === '');
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) {
      const op = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
      op.update(h(c.message));
      expect(hx(op.output(c.output.length / 2))).toBe(c.output);
      op.abort();
    }
  });
});
