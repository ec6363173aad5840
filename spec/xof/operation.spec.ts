/**
 * `psa_xof_*` through the TypeScript face: SHAKE128 / SHAKE256 output
 * against OpenSSL (node:crypto `createHash('shakeN', { outputLength })`),
 * independence from how input and output are split, and the spec's state
 * machine (§3.3, §10.3): wrong state → BAD_STATE and the error state, any
 * failure after setup → error state, abort always recovers.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { XofContext } from '../../src/drivers/xof.js';
import type { TransparentDriver } from '../../src/drivers/driver.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import {
  PSA_ALG_ASCON_CXOF128,
  PSA_ALG_SHAKE128,
  PSA_ALG_SHAKE256,
  PSA_ALG_SHA_256,
} from '../../src/values/index.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../src/values/status.js';
import { expectStatus, toHex } from '../keys/helpers.js';

const NAMES: ReadonlyMap<number, string> = new Map([[PSA_ALG_SHAKE128, 'shake128'], [PSA_ALG_SHAKE256, 'shake256']]);

function openssl(alg: number, input: Uint8Array, length: number): string {
  return createHash(NAMES.get(alg)!, { outputLength: length }).update(input).digest('hex');
}

/** Split `data` at the given cut points (sorted, clamped). */
function split(data: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.min(c, data.length)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const p of [...points, data.length]) {
    parts.push(data.subarray(start, p));
    start = p;
  }
  return parts;
}

/** A driver with a pretend context-taking XOF (ASCON_CXOF128's identifier), to drive the core's context rules. */
function contextDriver(log: string[]): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'context-recorder',
    xofSetup(alg: number): XofContext {
      if (alg !== PSA_ALG_ASCON_CXOF128) throw Object.assign(new Error('no'), { name: 'x' });
      return {
        alg,
        setContext: (c) => void log.push(`context ${toHex(c)}`),
        update: (d) => void log.push(`update ${toHex(d)}`),
        output: (n) => (log.push(`output ${n}`), new Uint8Array(n)),
        destroy: () => void log.push('destroy'),
      };
    },
  };
}

describe('psa_xof_* with SHAKE', () => {
  it.each([[PSA_ALG_SHAKE128], [PSA_ALG_SHAKE256]])('matches OpenSSL for alg %d whatever the input and output split', (alg) => {
    const psa = createPsa();
    fc.assert(fc.property(
      fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(600), { maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }),
      (input, cuts, outputs) => {
        const op = psa.xofSetup(alg);
        for (const part of split(input, cuts)) op.update(part);
        const out = outputs.map((n) => toHex(op.output(n))).join('');
        op.abort();
        const total = outputs.reduce((a, b) => a + b, 0);
        expect(out).toBe(total === 0 ? '' : openssl(alg, input, total));
      }), { numRuns: 80 });
  });

  it('produces output without any update (empty input)', () => {
    const op = createPsa().xofSetup(PSA_ALG_SHAKE128);
    expect(toHex(op.output(32))).toBe(openssl(PSA_ALG_SHAKE128, new Uint8Array(0), 32));
  });

  it('rejects non-XOF algorithms (INVALID_ARGUMENT) and unknown XOFs (NOT_SUPPORTED), leaving the operation inactive', () => {
    const psa = createPsa();
    const op = psa.xofOperation();
    for (const alg of [0, PSA_ALG_SHA_256, -5.5]) {
      expectStatus(() => op.setup(alg), PSA_ERROR_INVALID_ARGUMENT);
      expect(op.state).toBe('inactive');
    }
    for (const alg of [0x0d000400, 0x0d008400]) {
      expectStatus(() => op.setup(alg), PSA_ERROR_NOT_SUPPORTED);
      expect(op.state).toBe('inactive');
    }
    op.setup(PSA_ALG_SHAKE256);
    expect(op.alg).toBe(PSA_ALG_SHAKE256);
  });

  it('refuses input once output has started, and stays in the error state until abort', () => {
    const psa = createPsa();
    const op = psa.xofSetup(PSA_ALG_SHAKE128);
    op.update(new Uint8Array([1, 2, 3]));
    op.output(0);
    expectStatus(() => op.update(new Uint8Array([4])), PSA_ERROR_BAD_STATE);
    expect(op.state).toBe('error');
    expect(op.active).toBe(false);
    expectStatus(() => op.output(1), PSA_ERROR_BAD_STATE);
    expectStatus(() => op.setup(PSA_ALG_SHAKE128), PSA_ERROR_BAD_STATE);
    op.abort();
    op.abort();
    expect(op.state).toBe('inactive');
    op.setup(PSA_ALG_SHAKE128);
    expect(toHex(op.output(16))).toBe(openssl(PSA_ALG_SHAKE128, new Uint8Array(0), 16));
  });

  it('answers BAD_STATE for setup on an active operation and for calls on an inactive one, entering the error state', () => {
    const psa = createPsa();
    const active = psa.xofSetup(PSA_ALG_SHAKE256);
    expectStatus(() => active.setup(PSA_ALG_SHAKE256), PSA_ERROR_BAD_STATE);
    expect(active.state).toBe('error');
    const idle = psa.xofOperation();
    expectStatus(() => idle.update(new Uint8Array(1)), PSA_ERROR_BAD_STATE);
    expect(idle.state).toBe('error');
    expectStatus(() => idle.setup(PSA_ALG_SHAKE256), PSA_ERROR_BAD_STATE);
    idle.abort();
    idle.setup(PSA_ALG_SHAKE256);
  });

  it('refuses a context for SHAKE (INVALID_ARGUMENT) and enters the error state', () => {
    const op = createPsa().xofSetup(PSA_ALG_SHAKE128);
    expectStatus(() => op.setContext(new Uint8Array([1])), PSA_ERROR_INVALID_ARGUMENT);
    expect(op.state).toBe('error');
  });

  it('treats bad JavaScript arguments as failures of the call (INVALID_ARGUMENT, error state)', () => {
    const psa = createPsa();
    const a = psa.xofSetup(PSA_ALG_SHAKE128);
    expectStatus(() => a.update('abc' as unknown as Uint8Array), PSA_ERROR_INVALID_ARGUMENT);
    expect(a.state).toBe('error');
    const b = psa.xofSetup(PSA_ALG_SHAKE128);
    expectStatus(() => b.output(-1), PSA_ERROR_INVALID_ARGUMENT);
    expect(b.state).toBe('error');
  });

  it('fails with BAD_STATE once the instance is closed', () => {
    const psa = createPsa();
    const op = psa.xofOperation();
    psa.close();
    expectStatus(() => op.setup(PSA_ALG_SHAKE128), PSA_ERROR_BAD_STATE);
    expectStatus(() => psa.xofSetup(PSA_ALG_SHAKE128), PSA_ERROR_BAD_STATE);
  });
});

describe('psa_xof_set_context (core rules, with a recording driver)', () => {
  it('passes a context set right after setup, before input and output', () => {
    const log: string[] = [];
    const op = createPsa({ drivers: [contextDriver(log), softwareDriver()] }).xofSetup(PSA_ALG_ASCON_CXOF128);
    op.setContext(new Uint8Array([0xab]));
    op.update(new Uint8Array([1]));
    op.output(2);
    op.abort();
    expect(log).toEqual(['context ab', 'update 01', 'output 2', 'destroy']);
  });

  it('answers BAD_STATE for a second context, or a context after input or output', () => {
    const psa = createPsa({ drivers: [contextDriver([]), softwareDriver()] });
    const twice = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
    twice.setContext(new Uint8Array(0));
    expectStatus(() => twice.setContext(new Uint8Array(0)), PSA_ERROR_BAD_STATE);
    expect(twice.state).toBe('error');
    const afterInput = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
    afterInput.update(new Uint8Array(0));
    expectStatus(() => afterInput.setContext(new Uint8Array(0)), PSA_ERROR_BAD_STATE);
    const afterOutput = psa.xofSetup(PSA_ALG_ASCON_CXOF128);
    afterOutput.output(0);
    expectStatus(() => afterOutput.setContext(new Uint8Array(0)), PSA_ERROR_BAD_STATE);
  });

  it('turns a non-PSA exception of a driver into GENERIC_ERROR, not a TypeError', () => {
    const psa = createPsa({ drivers: [contextDriver([])] });
    expectStatus(() => psa.xofSetup(PSA_ALG_SHAKE128), PSA_ERROR_GENERIC_ERROR);
  });
});
