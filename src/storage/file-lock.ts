/**
 * The inter-process lock of the file backend: a lock file created with
 * `O_EXCL` (`'wx'`) holding `{pid, host, token}`. Waiters retry with a short
 * blocking sleep until a timeout (`PSA_ERROR_STORAGE_FAILURE`). A lock whose
 * file is older than the stale limit, or whose owner process on this host no
 * longer exists, is broken: it is renamed aside atomically, and put back if
 * the file moved turns out to be a newer lock than the one judged stale.
 * Internal to `src/storage`.
 * @module
 */
import type * as NodeFs from 'node:fs';
import { fail } from '../values/error.js';
import { PSA_ERROR_STORAGE_FAILURE } from '../values/status.js';
import { errCode, fsFail, randomHex, type NodeApi } from './node-fs.js';

/** A lock on one directory. */
export interface DirLock {
  /** Run `body` while holding the lock. */
  locked<T>(body: () => T): T;
}

let sleepCell: Int32Array | undefined;
/** Block the thread for `ms` milliseconds (the ITS API is synchronous). */
function sleep(ms: number): void {
  sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleepCell, 0, 0, ms);
}

/** Create the lock `lockPath` (a file inside `dir`). Times are in milliseconds. */
export function dirLock(node: NodeApi, dir: string, lockPath: string, timeoutMs: number, staleMs: number): DirLock {
  const { fs, os, path, process } = node;
  const host = os.hostname();

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
      owner = undefined; // still being written, or garbage: only its age counts
    }
    const old = Date.now() - judged.mtimeMs > staleMs;
    const dead = owner?.host === host && typeof owner.pid === 'number' && !pidAlive(owner.pid);
    if (!old && !dead) return false;
    const aside = path.join(dir, `stale-${process.pid}-${randomHex(8)}.psa_its.tmp`);
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

  const acquire = (): string => {
    const token = randomHex(16);
    const content = JSON.stringify({ pid: process.pid, host, token });
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      let fd: number | undefined;
      try {
        fd = fs.openSync(lockPath, 'wx', 0o600);
      } catch (err) {
        if (errCode(err) !== 'EEXIST') fsFail(err, 'create lock');
      }
      if (fd !== undefined) {
        try {
          fs.writeSync(fd, content);
        } catch (err) {
          fs.closeSync(fd);
          fs.unlinkSync(lockPath);
          fsFail(err, 'write lock');
        }
        fs.closeSync(fd);
        return token;
      }
      if (breakIfStale()) continue;
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

  return {
    locked(body) {
      const token = acquire();
      try {
        return body();
      } finally {
        release(token);
      }
    },
  };
}
