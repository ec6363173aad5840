// Two processes contesting 200 persistent ids on one directory
// (fixtures/contest.ts; 40 ids run in concurrency.spec.ts). Slow: a few
// thousand locked writes per process.
import { afterAll, describe, it } from 'vitest';
import { contest, removeContestDirs } from './fixtures/contest.js';

afterAll(removeContestDirs);

describe('two processes on one key directory, 200 contested ids', () => {
  it('one SUCCESS per contested create, nothing lost', async () => {
    const { calls } = await contest(200);
    console.log(`concurrency (slow): 2 processes, ${calls} calls, 200 contested ids`);
  }, 120_000);
});
