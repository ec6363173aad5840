// Crash consistency of fileStorage and of persistent keys on it. Each scenario
// is a sequence of create / overwrite / destroy calls run once to count its
// file-system steps (every synchronous fs call: opens, writes, fsyncs,
// renames, links, unlinks, reads, the lock's steps included), then once per
// step with a simulated crash at that step (spec/storage/fixtures/crash-fs.ts:
// the call throws and the "process" makes no further fs call). After each
// crash a fresh open must find the store in the state after some prefix of
// the sequence (every entry at its old or new value, never lost, never half
// written), no lock left, no temporary file left, and a write must succeed.
// Random sequences and real SIGKILLs run in slow-storage.spec.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { crashEverywhere, removeScenarioDirs, v, type Op, type Start } from './fixtures/crash-scenarios.js';

afterAll(removeScenarioDirs);

const SCENARIOS: [string, Start, Op[]][] = [
  ['ITS create of a new uid', { entries: { 1: v(1) } }, [{ kind: 'create', uid: 2, value: v(2) }]],
  ['ITS overwrite', { entries: { 1: v(1), 2: v(2, 40) } }, [{ kind: 'set', uid: 2, value: v(3, 3) }]],
  ['ITS remove', { entries: { 1: v(1), 2: v(2) } }, [{ kind: 'remove', uid: 1 }]],
  ['ITS create, overwrite, remove in sequence', { entries: { 1: v(1), 2: v(2) } },
    [{ kind: 'create', uid: 3, value: v(3) }, { kind: 'set', uid: 1, value: v(4, 200) }, { kind: 'remove', uid: 2 },
      { kind: 'create', uid: 3, value: v(5) }]],
  ['ITS writes over a dead writer\'s lock and litter', { entries: { 1: v(1) }, deadLock: true, litter: true },
    [{ kind: 'set', uid: 1, value: v(6) }, { kind: 'create', uid: 2, value: v(7) }]],
  ['key import', { entries: { 1: v(0x11) } }, [{ kind: 'import', id: 2, value: v(0x22) }]],
  ['key destroy', { entries: { 1: v(0x11), 2: v(0x22) } }, [{ kind: 'destroy', id: 1 }]],
  ['key import, destroy, re-import', { entries: { 5: v(0x55) } },
    [{ kind: 'import', id: 6, value: v(0x66, 32) }, { kind: 'destroy', id: 5 }, { kind: 'import', id: 5, value: v(0x77) },
      { kind: 'import', id: 6, value: v(0x88) }]],
  ['key import over a dead writer\'s lock', { entries: {}, deadLock: true, litter: true },
    [{ kind: 'import', id: 9, value: v(0x99) }]],
];

describe('crash at every fs step', () => {
  let total = 0;
  it.each(SCENARIOS)('%s: a fresh open finds a prefix state, no lock, no temporary file', (_name, start, ops) => {
    total += crashEverywhere(start, ops);
  }, 30_000);
  it('injected at least 300 crashes in the fast part', () => {
    console.log(`crash-injection (fast): ${total} crashes injected over ${SCENARIOS.length} scenarios`);
    expect(total).toBeGreaterThanOrEqual(300);
  });
});
