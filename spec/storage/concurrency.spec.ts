// Two real Node processes on one fileStorage directory
// (spec/storage/fixtures/contender.ts): both create the same persistent ids
// at the same time, each also creates ids of its own, then both compute MACs
// with the contested keys and destroy some keys. Exactly one SUCCESS and one
// ALREADY_EXISTS per contested id, the stored key is the winner's, every MAC
// is the winner's (checked with node:crypto), no write of either process is
// lost, destroyed keys are gone, and the directory holds no lock or
// temporary file afterwards. A small run here; 400 ids in slow-storage.spec.ts.
import { afterAll, describe, it } from 'vitest';
import { contest, removeContestDirs } from './fixtures/contest.js';

afterAll(removeContestDirs);

describe('two processes on one key directory', () => {
  it('one SUCCESS per contested create, nothing lost (40 contested ids)', async () => {
    const { calls } = await contest(40);
    console.log(`concurrency (fast): 2 processes, ${calls} calls, 40 contested ids`);
  }, 30_000);
});
