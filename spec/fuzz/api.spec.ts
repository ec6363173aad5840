/**
 * The bounded API fuzzing run of `npm test` (see `harness.ts` for what is
 * called and checked): fast-check draws the seeds and sequence lengths of
 * random call sequences over both faces, from a fixed seed. The long run is
 * `npm run fuzz -- --calls N`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newStats, runSequence } from './harness.js';

describe('API fuzzing (bounded)', () => {
  it('random call sequences over psa-crypto/c, Psa and the operation objects: statuses only, never a crash', () => {
    const stats = newStats();
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 10, max: 60 }), (seed, length) => {
      runSequence(seed, length, stats);
    }), { numRuns: 150, seed: 20261208 });
    expect(stats.crashes).toBe(0);
    // the run reaches both faces and both outcomes, so the properties above were exercised
    expect(stats.calls).toBeGreaterThan(3000);
    expect(stats.cCalls).toBeGreaterThan(1000);
    expect(stats.tsCalls).toBeGreaterThan(1000);
    expect(stats.successes).toBeGreaterThan(200);
    expect(stats.failures).toBeGreaterThan(1000);
  }, 30_000);
});
