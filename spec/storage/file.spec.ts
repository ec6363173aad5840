// fileStorage specifics: the Mbed TLS ITS file layout on disk, corruption
// handling, the directory lock, and two processes writing one directory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStorage, itsFileName } from '../../src/storage/file.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_DATA_CORRUPT,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_ERROR_STORAGE_FAILURE,
} from '../../src/values/status.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

function statusOf(run: () => unknown): number {
  try {
    run();
    return 0;
  } catch (err) {
    if (err instanceof PsaError) return err.status;
    throw err;
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'psa-its-file-'));
  dirs.push(dir);
  return dir;
}
const entries = (dir: string): string[] => readdirSync(dir).sort();

describe('file layout (psa_its_file.c)', () => {
  it('names files by the 64-bit uid in 16 lowercase hex digits', () => {
    expect(itsFileName(1n)).toBe('0000000000000001.psa_its');
    expect(itsFileName(0xffffff52n)).toBe('00000000ffffff52.psa_its');
    expect(itsFileName(0x1_0000_002an)).toBe('000000010000002a.psa_its');
    expect(itsFileName(0xffffffffffffffffn)).toBe('ffffffffffffffff.psa_its');
  });

  it('writes PSA\\0ITS\\0, size u32 LE, flags u32 LE, then the data', () => {
    const dir = tempDir();
    fileStorage(dir).set(0x2an, fromHex('abcdef'), 0x12345678);
    expect(entries(dir)).toEqual(['000000000000002a.psa_its']);
    expect(new Uint8Array(readFileSync(join(dir, '000000000000002a.psa_its'))))
      .toEqual(fromHex('5053410049545300 03000000 78563412 abcdef'));
  });

  it('reads a file laid out by another writer, and another instance sees it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0000000000000009.psa_its'), fromHex('5053410049545300 02000000 04000000 cafe'));
    const its = fileStorage(dir);
    expect(its.getInfo(9n)).toEqual({ capacity: 2, size: 2, flags: 4 });
    expect(its.get(9n, 0, 2)).toEqual(fromHex('cafe'));
    its.set(10n, fromHex('01'), 0);
    expect(fileStorage(dir).get(10n, 0, 1)).toEqual(fromHex('01'));
  });

  it('creates a missing directory, nested', () => {
    const dir = join(tempDir(), 'a', 'b');
    fileStorage(dir).set(1n, fromHex('00'), 0);
    expect(entries(dir)).toEqual(['0000000000000001.psa_its']);
  });

  it('lists only data files: no temp, lock, stale or foreign names', () => {
    const dir = tempDir();
    for (const name of ['tempfile.psa_its', 'psa_its.lock', 'ABCDEF0123456789.psa_its', '000000000000001.psa_its',
      '0000000000000000.psa_its', 'tempfile-1-00.psa_its.tmp', 'notes.txt']) {
      writeFileSync(join(dir, name), '');
    }
    const its = fileStorage(dir, { lockTimeoutMs: 0, staleLockMs: 0 });
    its.set(3n, fromHex('03'), 0);
    expect(its.uids()).toEqual([3n]);
  });

  it('leaves no temporary or lock file behind', () => {
    const dir = tempDir();
    const its = fileStorage(dir);
    for (let i = 1; i <= 20; i++) its.set(BigInt(i), new Uint8Array(i), 0);
    for (let i = 1; i <= 10; i++) its.remove(BigInt(i));
    expect(entries(dir)).toEqual(Array.from({ length: 10 }, (_, i) => itsFileName(BigInt(i + 11))));
  });
});

describe('corruption', () => {
  const corrupt = (bytes: Uint8Array): { dir: string; status: () => [number, number] } => {
    const dir = tempDir();
    const its = fileStorage(dir);
    its.set(1n, fromHex('11'), 0);
    its.set(2n, fromHex('2222'), 0);
    writeFileSync(join(dir, itsFileName(2n)), bytes);
    return { dir, status: () => [statusOf(() => its.get(2n, 0, 0)), statusOf(() => its.getInfo(2n))] };
  };

  it('a bad magic is DATA_CORRUPT for that uid only; it can be overwritten or removed', () => {
    const { dir, status } = corrupt(fromHex('5853410049545300 02000000 00000000 2222'));
    expect(status()).toEqual([PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DATA_CORRUPT]);
    const its = fileStorage(dir);
    expect(its.get(1n, 0, 1)).toEqual(fromHex('11'));
    expect(its.uids()).toEqual([1n, 2n]);
    its.set(2n, fromHex('33'), 0);
    expect(its.get(2n, 0, 1)).toEqual(fromHex('33'));
    writeFileSync(join(dir, itsFileName(2n)), fromHex('00'));
    its.remove(2n);
    expect(statusOf(() => its.getInfo(2n))).toBe(PSA_ERROR_DOES_NOT_EXIST);
  });

  it('a header shorter than 16 bytes is DATA_CORRUPT', () => {
    expect(corrupt(fromHex('5053410049545300 020000')).status()).toEqual([PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DATA_CORRUPT]);
    expect(corrupt(new Uint8Array(0)).status()).toEqual([PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DATA_CORRUPT]);
  });

  it('a size field that disagrees with the file length is DATA_CORRUPT (our choice)', () => {
    expect(corrupt(fromHex('5053410049545300 03000000 00000000 2222')).status())
      .toEqual([PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DATA_CORRUPT]);
    expect(corrupt(fromHex('5053410049545300 01000000 00000000 2222')).status())
      .toEqual([PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DATA_CORRUPT]);
  });
});

describe('environment and failures', () => {
  it('is NOT_SUPPORTED without process.getBuiltinModule', () => {
    const saved = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
    Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
    try {
      expect(statusOf(() => fileStorage(tempDir()))).toBe(PSA_ERROR_NOT_SUPPORTED);
    } finally {
      if (saved) Object.defineProperty(process, 'getBuiltinModule', saved);
    }
    expect(statusOf(() => fileStorage(tempDir()))).toBe(0);
  });

  it('a directory path that is a file is STORAGE_FAILURE', () => {
    const file = join(tempDir(), 'plain');
    writeFileSync(file, '');
    expect(statusOf(() => fileStorage(file))).toBe(PSA_ERROR_STORAGE_FAILURE);
  });
});

describe('lock', () => {
  const lockOf = (dir: string): string => join(dir, 'psa_its.lock');

  it('waits for a live lock, then fails with STORAGE_FAILURE', () => {
    const dir = tempDir();
    const its = fileStorage(dir, { lockTimeoutMs: 150 });
    its.set(1n, fromHex('01'), 0);
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.pid, host: hostname(), token: 'other' }));
    const t0 = Date.now();
    expect(statusOf(() => its.set(2n, fromHex('02'), 0))).toBe(PSA_ERROR_STORAGE_FAILURE);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(statusOf(() => its.remove(1n))).toBe(PSA_ERROR_STORAGE_FAILURE);
    expect(its.get(1n, 0, 1)).toEqual(fromHex('01')); // readers take no lock
    expect(existsSync(lockOf(dir))).toBe(true);
  });

  it('breaks a lock whose process is gone', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockOf(dir), JSON.stringify({ pid: dead, host: hostname(), token: 'dead' }));
    const its = fileStorage(dir, { lockTimeoutMs: 2000 });
    its.set(5n, fromHex('05'), 0);
    expect(entries(dir)).toEqual(['0000000000000005.psa_its']);
  });

  it('breaks a lock older than staleLockMs, even from another host or unreadable', () => {
    for (const content of [JSON.stringify({ pid: 1, host: `not-${hostname()}`, token: 'x' }), 'garbage']) {
      const dir = tempDir();
      writeFileSync(lockOf(dir), content);
      const its = fileStorage(dir, { lockTimeoutMs: 100, staleLockMs: 60_000 });
      expect(statusOf(() => its.set(1n, fromHex('01'), 0))).toBe(PSA_ERROR_STORAGE_FAILURE);
      const old = (Date.now() - 120_000) / 1000;
      utimesSync(lockOf(dir), old, old);
      its.set(1n, fromHex('01'), 0);
      expect(entries(dir)).toEqual(['0000000000000001.psa_its']);
    }
  });
});

describe('two processes writing one directory', () => {
  it('lose nothing', async () => {
    const dir = tempDir();
    const moduleUrl = pathToFileURL(join(ROOT, 'src/storage/file.ts')).href;
    const startAt = Date.now() + 1500;
    const script = `
      import { fileStorage } from ${JSON.stringify(moduleUrl)};
      const [dir, who, base, startAt] = process.argv.slice(1);
      const its = fileStorage(dir);
      while (Date.now() < Number(startAt)) {}
      for (let i = 0; i < 50; i++) {
        its.set(BigInt(Number(base) + i), new TextEncoder().encode(who + '-' + i), 0);
        its.set(1000n, new TextEncoder().encode(who + '-' + i), 0);
      }`;
    const run = (who: string, base: number): Promise<{ code: number | null; stderr: string }> =>
      new Promise((done) => {
        const child = spawn(process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, dir, who, String(base), String(startAt)],
          { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
        child.on('close', (code) => done({ code, stderr }));
      });
    const results = await Promise.all([run('A', 1), run('B', 101)]);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

    const its = fileStorage(dir);
    const expected = [...Array.from({ length: 50 }, (_, i) => BigInt(1 + i)),
      ...Array.from({ length: 50 }, (_, i) => BigInt(101 + i)), 1000n];
    expect(its.uids()).toEqual(expected);
    const text = (uid: bigint): string => new TextDecoder().decode(its.get(uid, 0, its.getInfo(uid).size));
    for (let i = 0; i < 50; i++) {
      expect(text(BigInt(1 + i))).toBe(`A-${i}`);
      expect(text(BigInt(101 + i))).toBe(`B-${i}`);
    }
    expect(['A-49', 'B-49']).toContain(text(1000n));
    expect(entries(dir)).toEqual(expected.map(itsFileName));
  }, 20_000);
});
