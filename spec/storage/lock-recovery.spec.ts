// The directory lock of fileStorage under failure: creation of a persistent
// key is atomic under the lock (two writers, one SUCCESS and one
// ALREADY_EXISTS), abandoned locks are recovered without waiting for the age
// limit, the default timeouts let a waiter outlast a stale lock, a busy
// storage is STORAGE_FAILURE, and killed writers' temporary files are swept.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { fileStorage, openFileStorage } from '../../src/storage/file.js';
import { memoryStorage } from '../../src/storage/memory.js';
import * as V from '../../src/values/index.js';
import { expectStatus, toHex } from '../keys/helpers.js';
import { crashingNode } from './fixtures/crash-fs.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'psa-lock-recovery-'));
  dirs.push(dir);
  return dir;
}
const entries = (dir: string): string[] => readdirSync(dir).sort();
const lockOf = (dir: string): string => join(dir, 'psa_its.lock');
const age = (file: string, ms: number): void => {
  const t = (Date.now() - ms) / 1000;
  utimesSync(file, t, t);
};
const aes = (id: number) => ({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, id });

describe('creating one persistent id from two writers', () => {
  it('is atomic under the lock: the second writer gets ALREADY_EXISTS and the first value stays', () => {
    // Writer A is interrupted just as it reaches for the lock; writer B, another
    // instance on the same directory (as another process would be), creates the
    // same id in full. A must then see B's key, not overwrite it.
    const dir = tempDir();
    const b = createPsa({ storage: fileStorage(dir) });
    let armed = false;
    let bDone = false;
    const shim = crashingNode({
      pid: process.pid,
      before: (_step, _call, args) => {
        const target = String(args[0]);
        if (armed && !bDone && (target.endsWith('psa_its.lock') || target.includes(`${join(dir, 'lock-')}`))) {
          bDone = true;
          b.importKey(aes(7), new Uint8Array(16).fill(0xbb));
        }
      },
    });
    const a = createPsa({ storage: openFileStorage(shim.node, dir) });
    armed = true;
    expectStatus(() => a.importKey(aes(7), new Uint8Array(16).fill(0xaa)), V.PSA_ERROR_ALREADY_EXISTS);
    expect(bDone).toBe(true);
    const fresh = createPsa({ storage: fileStorage(dir) });
    expect(toHex(fresh.exportKey(7))).toBe('bb'.repeat(16));
  });

  it('destroying a key another writer destroys at the same moment succeeds, and the key is gone', () => {
    const dir = tempDir();
    createPsa({ storage: fileStorage(dir) }).importKey(aes(8), new Uint8Array(16).fill(8));
    const b = createPsa({ storage: fileStorage(dir) });
    let armed = false;
    let bDone = false;
    const shim = crashingNode({
      pid: process.pid,
      before: (_step, _call, args) => {
        if (armed && !bDone && String(args[0]).includes(join(dir, 'lock-'))) {
          bDone = true;
          b.destroyKey(8);
        }
      },
    });
    const a = createPsa({ storage: openFileStorage(shim.node, dir) });
    a.getKeyAttributes(8); // loaded before the race
    armed = true;
    a.destroyKey(8);
    expect(bDone).toBe(true);
    expect(entries(dir)).toEqual([]);
  });

  it('memoryStorage offers the same exclusive create', () => {
    const its = memoryStorage();
    its.create?.(5n, Uint8Array.of(1), 0);
    expectStatus(() => its.create?.(5n, Uint8Array.of(2), 0), V.PSA_ERROR_ALREADY_EXISTS);
    expect(its.get(5n, 0, 1)).toEqual(Uint8Array.of(1));
  });

  it('fileStorage create refuses an existing entry, even an unreadable one', () => {
    const dir = tempDir();
    const its = fileStorage(dir);
    its.create?.(5n, Uint8Array.of(1), 0);
    expectStatus(() => its.create?.(5n, Uint8Array.of(2), 0), V.PSA_ERROR_ALREADY_EXISTS);
    writeFileSync(join(dir, '0000000000000006.psa_its'), 'junk');
    expectStatus(() => its.create?.(6n, Uint8Array.of(2), 0), V.PSA_ERROR_ALREADY_EXISTS);
    expect(its.get(5n, 0, 1)).toEqual(Uint8Array.of(1));
  });
});

describe('abandoned locks', () => {
  it('an empty lock older than a moment is broken at once, long before staleLockMs', () => {
    const dir = tempDir();
    writeFileSync(lockOf(dir), '');
    age(lockOf(dir), 1000);
    const its = fileStorage(dir, { lockTimeoutMs: 200, staleLockMs: 60_000 });
    its.set(1n, Uint8Array.of(1), 0);
    expect(entries(dir)).toEqual(['0000000000000001.psa_its']);
  });

  it('a fresh empty lock is respected (its writer may be about to fill it)', () => {
    const dir = tempDir();
    const its = fileStorage(dir, { lockTimeoutMs: 0, staleLockMs: 60_000 });
    writeFileSync(lockOf(dir), '');
    expectStatus(() => its.set(1n, Uint8Array.of(1), 0), V.PSA_ERROR_STORAGE_FAILURE);
  });

  it('a lock of a dead process is broken at open, and its temporary files removed', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockOf(dir), JSON.stringify({ pid: dead, host: hostname(), token: 't' }));
    writeFileSync(join(dir, `tempfile-${dead}-0011223344556677.psa_its.tmp`), 'half');
    fileStorage(dir, { lockTimeoutMs: 0 });
    expect(entries(dir)).toEqual([]);
  });

  it('the lock file never appears empty: the owner record is linked into place whole', () => {
    const dir = tempDir();
    const linked: string[] = [];
    const opened: string[] = [];
    const shim = crashingNode({
      pid: process.pid,
      before: (_step, call, args) => {
        const target = String(args[call === 'linkSync' ? 1 : 0]);
        if (!target.endsWith('psa_its.lock')) return;
        if (call === 'linkSync') linked.push(readFileSync(String(args[0]), 'utf8'));
        if (call === 'openSync' && args[1] !== 'r') opened.push(String(args[1]));
      },
    });
    const its = openFileStorage(shim.node, dir);
    its.set(1n, Uint8Array.of(1), 0);
    expect(linked.length).toBe(2); // at open (the sweep) and for the write
    for (const text of linked) expect(JSON.parse(text)).toMatchObject({ pid: process.pid, host: hostname() });
    expect(opened).toEqual([]);
    expect(entries(dir)).toEqual(['0000000000000001.psa_its']);
  });

  it('where the file system has no hard links the lock is created exclusively and written', () => {
    const dir = tempDir();
    const shim = crashingNode({
      pid: process.pid,
      before: (_step, call, args) => {
        if (call === 'linkSync' && String(args[1]).endsWith('psa_its.lock')) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
      },
    });
    const its = openFileStorage(shim.node, dir);
    its.set(1n, Uint8Array.of(1), 0);
    its.set(2n, Uint8Array.of(2), 0);
    expect(shim.steps.filter((c) => c === 'linkSync')).toHaveLength(1); // tried once, then remembered
    expect(entries(dir)).toEqual(['0000000000000001.psa_its', '0000000000000002.psa_its']);
  });
});

describe('storage that stays unavailable', () => {
  it('importing a persistent key under a lock held by a live writer is STORAGE_FAILURE, not DATA_INVALID', () => {
    const dir = tempDir();
    const psa = createPsa({ storage: fileStorage(dir, { lockTimeoutMs: 50 }) });
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.pid, host: hostname(), token: 'busy' }));
    expectStatus(() => psa.importKey(aes(3), new Uint8Array(16)), V.PSA_ERROR_STORAGE_FAILURE);
    rmSync(lockOf(dir));
    psa.importKey(aes(3), new Uint8Array(16));
    expect(entries(dir)).toEqual(['0000000000000003.psa_its']);
  });
});

describe('temporary files of killed writers', () => {
  it('are removed on open, under the lock', () => {
    const dir = tempDir();
    const its = fileStorage(dir);
    its.set(1n, Uint8Array.of(1), 0);
    const junk = ['tempfile-123-00aa11bb22cc33dd.psa_its.tmp', 'lock-123-00aa11bb22cc33dd.psa_its.tmp',
      'stale-2000000001-00aa11bb22cc33dd.psa_its.tmp'];
    for (const name of junk) writeFileSync(join(dir, name), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    fileStorage(dir);
    expect(entries(dir)).toEqual(['0000000000000001.psa_its', 'notes.txt']);
  });

  it('are left alone while another writer holds the lock', () => {
    const dir = tempDir();
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.pid, host: hostname(), token: 'busy' }));
    writeFileSync(join(dir, 'tempfile-123-00aa11bb22cc33dd.psa_its.tmp'), 'x');
    fileStorage(dir, { lockTimeoutMs: 0 });
    expect(entries(dir)).toEqual(['psa_its.lock', 'tempfile-123-00aa11bb22cc33dd.psa_its.tmp']);
  });

  it('a recent lock moved aside by a live breaker is kept', () => {
    const dir = tempDir();
    const name = `stale-${process.pid}-00aa11bb22cc33dd.psa_its.tmp`;
    writeFileSync(join(dir, name), 'x');
    fileStorage(dir);
    expect(entries(dir)).toEqual([name]);
  });
});
