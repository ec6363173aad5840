/**
 * The inter-process lock of the file backend: a lock file holding
 * `{pid, host, token}`. The owner record is written to a private temporary
 * file first and then hard-linked to the lock name (`link` fails with
 * `EEXIST` if the lock exists), so a lock file never appears empty or half
 * written; where the file system has no hard links the lock is created with
 * `O_EXCL` (`'wx'`) and written afterwards.
 *
 * Waiters retry with a short blocking sleep until a timeout
 * (`PSA_ERROR_STORAGE_FAILURE`). A lock is broken when its owner is provably
 * gone or it is abandoned:
 *
 * - its owner process on this host no longer exists (broken at once);
 * - it is empty and older than `EMPTY_LOCK_GRACE_MS` (a writer killed between
 *   creating and writing it, only possible on the `'wx'` path or after a
 *   power loss);
 * - it is older than the stale limit, whatever it holds.
 *
 * Breaking renames the lock aside atomically and puts it back if the file
 * moved turns out to be a newer lock than the one judged. Whoever obtains the
 * lock by breaking one, and every open of the directory, sweeps the
 * temporary files that killed writers leave behind (`sweepTemporaries`).
 * Internal to `src/storage`.
 * @module
 */
import type * as NodeFs from 'node:fs';
import { fail } from '../values/error.js';
import { PSA_ERROR_STORAGE_FAILURE } from '../values/status.js';
import { errCode, fsFail, randomHex, type NodeApi } from './node-fs.js';

/** A lock on one directory. */
export interface DirLock {
  /** Run `body` while holding the lock; `STORAGE_FAILURE` if it stays busy past the timeout. */
  locked<T>(body: () => T): T;
  /**
   * Run `body` under the lock if it can be had without waiting (a stale lock
   * is broken first); return `false` without running it if the lock is busy.
   */
  tryLocked(body: () => void): boolean;
}

/** Age after which an empty lock file counts as abandoned (ms). */
export const EMPTY_LOCK_GRACE_MS = 250;

/** Names of the temporary files of the backend: data, lock owner, lock moved aside. */
const TEMP_FILE = /^(tempfile|lock|stale)-(\d+)-[0-9a-f]+\.psa_its\.tmp$/;

/** The name of a new temporary file of `kind` for process `pid`. */
export function tempName(kind: 'tempfile' | 'lock' | 'stale', pid: number): string {
  return `${kind}-${pid}-${randomHex(8)}.psa_its.tmp`;
}

let sleepCell: Int32Array | undefined;
/** Block the thread for `ms` milliseconds (the ITS API is synchronous). */
function sleep(ms: number): void {
  sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** Errors of `link` meaning the file system has no hard links. */
const NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'];

/**
 * Create the lock `lockPath` (a file inside `dir`). Times are in milliseconds.
 * @param timeoutMs how long `locked` waits for a busy lock
 * @param staleMs age after which any lock is broken
 */
export function dirLock(node: NodeApi, dir: string, lockPath: string, timeoutMs: number, staleMs: number): DirLock {
  const { fs, os, path, process } = node;
  const host = os.hostname();
  let links = true;

  const pidAlive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return errCode(err) !== 'ESRCH'; // EPERM: alive, owned by someone else
    }
  };

  /** Break the lock if it is stale. True: the lock is gone, retry at once. */
  const breakIfStale = (): boolean => {
    let judged: NodeFs.Stats;
    let text: string;
    try {
      const fd = fs.openSync(lockPath, 'r');
      try {
        judged = fs.fstatSync(fd);
        text = fs.readFileSync(fd, 'utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      if (errCode(err) === 'ENOENT') return true;
      fsFail(err, 'read lock');
    }
    let owner: { pid?: unknown; host?: unknown } | undefined;
    try {
      owner = JSON.parse(text) as { pid?: unknown; host?: unknown };
    } catch {
      owner = undefined; // empty or garbage: only its age counts
    }
    const age = Date.now() - judged.mtimeMs;
    const old = age > staleMs;
    const emptyAbandoned = text.length === 0 && age > EMPTY_LOCK_GRACE_MS;
    const dead = owner?.host === host && typeof owner.pid === 'number' && !pidAlive(owner.pid);
    if (!old && !dead && !emptyAbandoned) return false;
    const aside = path.join(dir, tempName('stale', process.pid));
    try {
      fs.renameSync(lockPath, aside);
    } catch (err) {
      if (errCode(err) === 'ENOENT') return true;
      fsFail(err, 'break lock');
    }
    try {
      const moved = fs.statSync(aside);
      if (moved.ino !== judged.ino || moved.dev !== judged.dev) fs.linkSync(aside, lockPath);
    } catch {
      // A newer lock exists already; the file moved aside is simply deleted.
    }
    try {
      fs.unlinkSync(aside);
    } catch {
      // Already gone.
    }
    return true;
  };

  /** One attempt at creating the lock holding `content`. True: it is ours. */
  const tryCreate = (content: string): boolean => {
    if (links) {
      const temp = path.join(dir, tempName('lock', process.pid));
      try {
        fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
        try {
          fs.linkSync(temp, lockPath);
          return true;
        } catch (err) {
          const code = errCode(err);
          if (code === 'EEXIST' || code === 'ENOENT') return false; // busy, or our temp file was swept
          if (!NO_LINKS.includes(code ?? '')) fsFail(err, 'create lock');
          links = false;
        }
      } catch (err) {
        fsFail(err, 'create lock');
      } finally {
        try {
          fs.unlinkSync(temp);
        } catch {
          // Swept by another process, or never created.
        }
      }
    }
    let fd: number;
    try {
      fd = fs.openSync(lockPath, 'wx', 0o600);
    } catch (err) {
      if (errCode(err) === 'EEXIST') return false;
      fsFail(err, 'create lock');
    }
    try {
      fs.writeSync(fd, content);
    } catch (err) {
      fs.closeSync(fd);
      fs.unlinkSync(lockPath);
      fsFail(err, 'write lock');
    }
    fs.closeSync(fd);
    return true;
  };

  /** Take the lock; `undefined` when `wait` is false and it is busy. */
  const acquire = (wait: boolean): { token: string; broke: boolean } | undefined => {
    const token = randomHex(16);
    const content = JSON.stringify({ pid: process.pid, host, token });
    const deadline = Date.now() + timeoutMs;
    let broke = false;
    for (let attempt = 0; ; attempt++) {
      if (tryCreate(content)) return { token, broke };
      if (breakIfStale()) {
        broke = true;
        continue;
      }
      if (!wait) return undefined;
      if (Date.now() >= deadline) fail(PSA_ERROR_STORAGE_FAILURE, `fileStorage: ${lockPath} still locked after ${timeoutMs} ms`);
      sleep(Math.min(1 + attempt, 20) + Math.random() * 5);
    }
  };

  const release = (token: string): void => {
    try {
      const owner = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { token?: unknown };
      if (owner.token === token) fs.unlinkSync(lockPath);
    } catch {
      // Our lock was broken as stale by another process, or is unreadable: leave it.
    }
  };

  /**
   * Remove the temporary files of killed writers. Runs under the lock: data
   * temporaries are only written under it, so every one found is abandoned;
   * lock-owner temporaries are harmless to remove (their writer retries);
   * a lock moved aside is removed once its writer is gone or it is stale.
   */
  const sweepTemporaries = (): void => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const m = TEMP_FILE.exec(name);
      if (m === null) continue;
      const file = path.join(dir, name);
      try {
        if (m[1] === 'stale' && pidAlive(Number(m[2])) && Date.now() - fs.statSync(file).mtimeMs <= staleMs) continue;
        fs.unlinkSync(file);
      } catch {
        // Removed by someone else, or not removable: the next sweep tries again.
      }
    }
  };

  const run = <T>(held: { token: string; broke: boolean }, body: () => T): T => {
    try {
      if (held.broke) sweepTemporaries();
      return body();
    } finally {
      release(held.token);
    }
  };

  return {
    locked(body) {
      return run(acquire(true) as { token: string; broke: boolean }, body);
    },
    tryLocked(body) {
      const held = acquire(false);
      if (held === undefined) return false;
      run(held, () => {
        if (!held.broke) sweepTemporaries();
        body();
      });
      return true;
    },
  };
}
