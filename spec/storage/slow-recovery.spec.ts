// Real SIGKILLs of a process writing persistent keys
// (fixtures/killed-writer.ts), each followed by a fresh open that must find
// every confirmed key and at most the op in flight changed, no lock and no
// temporary file; and the default lock wait outlasting the stale limit
// (npm run test:slow). Slow: a child process per kill, and a wait of 5 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { fileStorage } from '../../src/storage/file.js';
import type { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'psa-slow-recovery-'));
  dirs.push(dir);
  return dir;
}

describe('SIGKILL of a process writing persistent keys', () => {
  const KILLS = 10;
  const keyValue = (run: number, k: number): string =>
    Buffer.from(Array.from({ length: 16 }, (_, i) => (run * 13 + k * 7 + i) & 0xff)).toString('hex');
  /** The state after op `op` of run `run` (killed-writer.ts), applied to `state`. */
  const applyOp = (state: Map<number, string>, run: number, op: number): void => {
    const k = op >> 1;
    const id = 1 + (k % 6);
    if (op % 2 === 0) state.delete(id);
    else state.set(id, keyValue(run, k));
  };

  /** Start a writer, kill it `delayMs` after it is ready; the ops it confirmed. */
  const killedRun = (dir: string, run: number, delayMs: number): Promise<number> =>
    new Promise((done, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'spec/storage/fixtures/killed-writer.ts'), dir, String(run)],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        if (!out.includes('ready') && (out + d.toString()).includes('ready')) setTimeout(() => child.kill('SIGKILL'), delayMs);
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('close', (_code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer ended without the kill: ${stderr}`));
        const ops = out.split('\n').filter((l) => /^\d+$/.test(l));
        done(ops.length);
      });
    });

  it(`after each of ${KILLS} kills a fresh open finds every confirmed key, at most the op in flight changed`, async () => {
    const dir = tempDir();
    let state = new Map<number, string>();
    let confirmedTotal = 0;
    const delays = fc.sample(fc.integer({ min: 20, max: 400 }), { numRuns: KILLS, seed: 20261208 });
    for (let run = 0; run < KILLS; run++) {
      const confirmed = await killedRun(dir, run, delays[run] as number);
      confirmedTotal += confirmed;
      const before = new Map(state);
      for (let op = 0; op < confirmed; op++) applyOp(before, run, op);
      const after = new Map(before);
      applyOp(after, run, confirmed); // the op in flight, if it reached the disk
      const psa = createPsa({ storage: fileStorage(dir, { lockTimeoutMs: 2000 }) });
      const seen = new Map<number, string>();
      for (let id = 1; id <= 6; id++) {
        try {
          seen.set(id, Buffer.from(psa.exportKey(id)).toString('hex'));
        } catch (err) {
          expect((err as PsaError).status, `run ${run} key ${id}`).toBe(V.PSA_ERROR_INVALID_HANDLE);
        }
      }
      const dump = (m: Map<number, string>): string => JSON.stringify([...m].sort((x, y) => x[0] - y[0]));
      expect([dump(before), dump(after)], `run ${run} after ${confirmed} ops`).toContain(dump(seen));
      expect(readdirSync(dir).filter((n) => !/^[0-9a-f]{16}\.psa_its$/.test(n)), `run ${run}`).toEqual([]);
      state = seen;
    }
    console.log(`SIGKILL: ${KILLS} kills, ${confirmedTotal} confirmed operations`);
  }, 300_000);
});

describe('lock timeouts', () => {
  // Showing that the default wait outlasts the stale limit takes a wait of
  // more than 5 s (the former fixed default timeout).
  it('the default wait outlasts the stale limit: a hung lock is broken, not waited out', () => {
    const dir = tempDir();
    const its = fileStorage(dir, { staleLockMs: 5300 }); // the wait defaults to 10300 ms
    writeFileSync(join(dir, 'psa_its.lock'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'hung' }));
    its.set(2n, Uint8Array.of(2), 0);
    expect(readdirSync(dir)).toEqual(['0000000000000002.psa_its']);
  }, 20_000);
});
