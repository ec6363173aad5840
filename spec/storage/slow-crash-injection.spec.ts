// Crashes injected at every fs step of random create / overwrite / destroy
// sequences (fixtures/crash-scenarios.ts), at the ITS and at the key level,
// some over a dead writer's lock and temporary files (npm run test:slow).
// Slow: every sequence is replayed once per step, a few hundred ms each.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { crashEverywhere, removeScenarioDirs, v, type Op } from './fixtures/crash-scenarios.js';

afterAll(removeScenarioDirs);

/** Random sequences to crash, each about 55 crashes (PSA_CRASH_RUNS for a longer run). */
const RUNS = Number(process.env['PSA_CRASH_RUNS'] ?? 16);

describe('crash at every step of random sequences', () => {
  it('keeps every entry at an old or new value, with no lock or temporary file left', () => {
    let total = 0;
    const value = fc.integer({ min: 1, max: 255 }).map((b) => v(b, 16));
    const id = fc.integer({ min: 1, max: 4 });
    const itsOp: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constantFrom('create' as const, 'set' as const), uid: id, value }),
      fc.record({ kind: fc.constant('remove' as const), uid: id }));
    const keyOp: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('import' as const), id, value }),
      fc.record({ kind: fc.constant('destroy' as const), id }));
    const scenario = fc.record({ keys: fc.boolean(), initial: fc.uniqueArray(id, { maxLength: 3 }), deadLock: fc.boolean() })
      .chain((s) => fc.record({ s: fc.constant(s), ops: fc.array(s.keys ? keyOp : itsOp, { minLength: 1, maxLength: 6 }) }));
    fc.assert(fc.property(scenario, ({ s, ops }) => {
      const entries = Object.fromEntries(s.initial.map((n) => [n, v(n * 16, 16)]));
      total += crashEverywhere({ entries, deadLock: s.deadLock, litter: s.deadLock }, ops);
    }), { numRuns: RUNS, seed: 20261208 });
    console.log(`crash-injection (slow): ${total} crashes injected over ${RUNS} random sequences`);
    expect(total).toBeGreaterThanOrEqual(640) // with the 362 of crash-injection.spec.ts: over 1,000;
  }, 600_000);
});
