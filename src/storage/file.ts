/**
 * `fileStorage(dir)`: an Internal Trusted Storage in a directory, one file per
 * UID, in the layout of the Mbed TLS ITS file backend so a key directory can be
 * exchanged with a C build:
 *
 * - name: the UID as 16 lowercase hex digits + `.psa_its`
 *   (`0000000000000001.psa_its`);
 * - content: `PSA\0ITS\0`, the data size (u32 LE), the creation flags
 *   (u32 LE), then the data.
 *
 * Statuses are those of the Mbed TLS backend: `set` on UID 0 →
 * `INVALID_HANDLE`; a missing file (and UID 0 for the other calls) →
 * `DOES_NOT_EXIST`; a short header or wrong magic → `DATA_CORRUPT`;
 * `offset + length > size` → `INVALID_ARGUMENT`. Two deliberate differences:
 * a size field that does not match the file length is `DATA_CORRUPT` (Mbed TLS
 * would report a short read later, or ignore extra bytes), and
 * `PSA_STORAGE_FLAG_WRITE_ONCE` is enforced as the ITS specification says
 * (`NOT_PERMITTED`), where Mbed TLS only stores it. A corrupt existing file
 * can still be overwritten or removed.
 *
 * Writes are atomic and durable: a uniquely named temporary file in the same
 * directory is written, fsynced, renamed over the target, then the directory
 * is fsynced. Every `set`/`create`/`remove` holds a lock file
 * (`psa_its.lock`, created exclusively, see `file-lock.ts`) so several
 * processes can share one directory; `create` checks that the UID is absent
 * under that lock, so of two processes creating one UID exactly one succeeds.
 * A lock whose owner process on this host is gone is broken at once, an empty
 * one after `EMPTY_LOCK_GRACE_MS`, any other after `staleLockMs`; the wait
 * for a busy lock (`lockTimeoutMs`) defaults to longer than `staleLockMs`, so
 * an abandoned lock is broken before a writer gives up. Opening a directory,
 * and taking a lock by breaking an abandoned one, removes the temporary files
 * of killed writers (under the lock, skipped if it is busy).
 * Readers take no lock: a rename never exposes a half-written file. Files are
 * created with mode 0600. Other file-system failures → `STORAGE_FAILURE`
 * (`ENOSPC`/`EDQUOT` → `INSUFFICIENT_STORAGE`).
 *
 * Node.js only (≥ 20.16), without a static `node:` import: the modules come
 * from `process.getBuiltinModule`, and their absence is `NOT_SUPPORTED`.
 * @module
 */
import { fail, type PsaError } from '../values/error.js';
import {
  PSA_ERROR_ALREADY_EXISTS,
  PSA_ERROR_DATA_CORRUPT,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_STORAGE_FAILURE,
} from '../values/status.js';
import { dirLock, tempName } from './file-lock.js';
import {
  PSA_STORAGE_FLAG_WRITE_ONCE,
  checkItsData,
  checkItsFlags,
  checkItsRange,
  toStorageUid,
  type Its,
  type StorageInfo,
  type StorageUid,
} from './its.js';
import { errCode, fsFail, loadNode, type NodeApi } from './node-fs.js';

/** Tuning of `fileStorage`. */
export interface FileStorageOptions {
  /**
   * How long `set`/`create`/`remove` wait for the directory lock before
   * `STORAGE_FAILURE` (ms, default `staleLockMs` + 5000, so 15000).
   */
  lockTimeoutMs?: number;
  /** Age after which a lock file is considered abandoned and broken (ms, default 10000). */
  staleLockMs?: number;
}

/** Default `staleLockMs` (ms). */
export const DEFAULT_STALE_LOCK_MS = 10000;
/** How much longer than `staleLockMs` a writer waits by default (ms). */
export const LOCK_TIMEOUT_MARGIN_MS = 5000;

/** Size of the ITS file header (magic, size, flags). */
export const ITS_FILE_HEADER_SIZE = 16;
/** Suffix of every ITS data file. */
export const ITS_FILE_SUFFIX = '.psa_its';
/** Name of the lock file inside the storage directory. */
export const ITS_LOCK_FILE = 'psa_its.lock';

const MAGIC = [0x50, 0x53, 0x41, 0x00, 0x49, 0x54, 0x53, 0x00]; // "PSA\0ITS\0"
const DATA_FILE = /^[0-9a-f]{16}\.psa_its$/;

/** The file name (no directory) of `uid`: 16 lowercase hex digits + `.psa_its`. */
export function itsFileName(uid: StorageUid): string {
  return toStorageUid(uid).toString(16).padStart(16, '0') + ITS_FILE_SUFFIX;
}

function checkMs(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `fileStorage: ${name} ${String(value)} is not a non-negative number`);
  }
  return value;
}

/**
 * Open (creating it if missing) an ITS directory. Throws `NOT_SUPPORTED`
 * outside Node.js, `INVALID_ARGUMENT` for a bad `dir` or option, and
 * `STORAGE_FAILURE` if the directory cannot be created.
 * @param dir the directory (created with mode 0700 if missing)
 * @param options lock tuning
 */
export function fileStorage(dir: string, options: FileStorageOptions = {}): Its {
  if (typeof dir !== 'string' || dir === '') fail(PSA_ERROR_INVALID_ARGUMENT, 'fileStorage: dir must be a non-empty string');
  return openFileStorage(loadNode(), dir, options);
}

/**
 * `fileStorage` over given Node.js built-ins (internal: the specs pass a file
 * system that fails on purpose). Same statuses as `fileStorage`.
 * @param node the `fs`, `os`, `path` and `process` to use
 * @param dir the directory
 * @param options lock tuning
 */
export function openFileStorage(node: NodeApi, dir: string, options: FileStorageOptions = {}): Its {
  const staleLockMs = checkMs(options.staleLockMs, DEFAULT_STALE_LOCK_MS, 'staleLockMs');
  const lockTimeoutMs = checkMs(options.lockTimeoutMs, staleLockMs + LOCK_TIMEOUT_MARGIN_MS, 'lockTimeoutMs');
  const { fs, path, process } = node;
  const root = path.resolve(dir);
  try {
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  } catch (err) {
    fsFail(err, `cannot create ${root}`);
  }
  const { locked, tryLocked } = dirLock(node, root, path.join(root, ITS_LOCK_FILE), lockTimeoutMs, staleLockMs);
  try {
    tryLocked(() => undefined); // sweeps the temporary files of killed writers
  } catch {
    // A directory this process cannot write can still be read.
  }
  const fileOf = (uid: StorageUid): string => path.join(root, itsFileName(uid));

  // ---- reading -------------------------------------------------------------

  /** Read exactly `length` bytes at `position`; a short read is a storage failure. */
  const readExact = (fd: number, position: number, length: number): Uint8Array => {
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, out, done, length - done, position + done);
      if (n === 0) fail(PSA_ERROR_STORAGE_FAILURE, 'fileStorage: short read');
      done += n;
    }
    return out;
  };

  /** Open the file of `uid`, validate its header, and hand `(fd, info)` to `use`. */
  const withFile = <T>(uid: StorageUid, fn: string, use: (fd: number, info: StorageInfo) => T): T => {
    if (uid === 0n) fail(PSA_ERROR_DOES_NOT_EXIST, `${fn}: uid 0`);
    let fd: number;
    try {
      fd = fs.openSync(fileOf(uid), 'r');
    } catch (err) {
      if (errCode(err) === 'ENOENT') fail(PSA_ERROR_DOES_NOT_EXIST, `${fn}: uid ${uid} not found`);
      fsFail(err, `${fn}: open`);
    }
    try {
      const fileSize = fs.fstatSync(fd).size;
      if (fileSize < ITS_FILE_HEADER_SIZE) fail(PSA_ERROR_DATA_CORRUPT, `${fn}: uid ${uid}: short header`);
      const header = readExact(fd, 0, ITS_FILE_HEADER_SIZE);
      if (MAGIC.some((b, i) => header[i] !== b)) fail(PSA_ERROR_DATA_CORRUPT, `${fn}: uid ${uid}: bad magic`);
      const view = new DataView(header.buffer);
      const size = view.getUint32(8, true);
      if (size !== fileSize - ITS_FILE_HEADER_SIZE) {
        fail(PSA_ERROR_DATA_CORRUPT, `${fn}: uid ${uid}: header size ${size} but ${fileSize - ITS_FILE_HEADER_SIZE} data bytes`);
      }
      return use(fd, { capacity: size, size, flags: view.getUint32(12, true) });
    } catch (err) {
      return fsFail(err, `${fn}: read`);
    } finally {
      try {
        fs.closeSync(fd);
      } catch {
        // Nothing was written through this descriptor.
      }
    }
  };

  /** The info of an existing, readable entry; `undefined` if absent or corrupt. */
  const existing = (uid: StorageUid, fn: string): StorageInfo | undefined => {
    try {
      return withFile(uid, fn, (_fd, info) => info);
    } catch (err) {
      const status = (err as PsaError).status;
      if (status === PSA_ERROR_DOES_NOT_EXIST || status === PSA_ERROR_DATA_CORRUPT) return undefined;
      throw err;
    }
  };

  // ---- writing -------------------------------------------------------------

  const fsyncDir = (): void => {
    let fd: number | undefined;
    try {
      fd = fs.openSync(root, 'r');
      fs.fsyncSync(fd);
    } catch (err) {
      // Platforms that cannot open or sync a directory (Windows) skip this step.
      const code = errCode(err);
      if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF', 'ENOTSUP'].includes(code ?? '')) fsFail(err, 'fsync directory');
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };

  const writeAtomic = (target: string, content: Uint8Array): void => {
    const temp = path.join(root, tempName('tempfile', process.pid));
    try {
      const fd = fs.openSync(temp, 'wx', 0o600);
      try {
        let done = 0;
        while (done < content.length) done += fs.writeSync(fd, content, done, content.length - done);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
    } catch (err) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // The temporary file may not exist; the original error is what matters.
      }
      fsFail(err, 'write');
    }
    fsyncDir();
  };

  // ---- the ITS calls -------------------------------------------------------

  /** `set` (`exclusive` false) or `create` (true): build the file, check the old entry under the lock, write. */
  const write = (fn: string, uid: unknown, data: unknown, flags: unknown, exclusive: boolean): void => {
    const key = toStorageUid(uid);
    const bytes = checkItsData(data);
    const createFlags = checkItsFlags(flags);
    if (key === 0n) fail(PSA_ERROR_INVALID_HANDLE, `${fn}: uid 0`);
    const content = new Uint8Array(ITS_FILE_HEADER_SIZE + bytes.length);
    content.set(MAGIC, 0);
    const view = new DataView(content.buffer);
    view.setUint32(8, bytes.length, true);
    view.setUint32(12, createFlags, true);
    content.set(bytes, ITS_FILE_HEADER_SIZE);
    try {
      locked(() => {
        if (exclusive) {
          if (present(key, fn)) fail(PSA_ERROR_ALREADY_EXISTS, `${fn}: uid ${key} already exists`);
        } else {
          const old = existing(key, fn);
          if (old !== undefined && (old.flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0) {
            fail(PSA_ERROR_NOT_PERMITTED, `${fn}: uid ${key} is write-once`);
          }
        }
        writeAtomic(fileOf(key), content);
      });
    } finally {
      content.fill(0); // the data may be key material
    }
  };

  /** Whether any file (readable or not) stands at the name of `uid`. */
  const present = (uid: StorageUid, fn: string): boolean => {
    try {
      fs.lstatSync(fileOf(uid));
      return true;
    } catch (err) {
      if (errCode(err) === 'ENOENT') return false;
      return fsFail(err, `${fn}: stat`);
    }
  };

  return {
    set(uid, data, flags) {
      write('psa_its_set', uid, data, flags, false);
    },

    create(uid, data, flags) {
      write('psa_its_create', uid, data, flags, true);
    },

    get(uid, offset, length) {
      const key = toStorageUid(uid);
      return withFile(key, 'psa_its_get', (fd, info) => {
        checkItsRange(offset, length, info.size);
        return readExact(fd, ITS_FILE_HEADER_SIZE + offset, length);
      });
    },

    getInfo(uid) {
      return withFile(toStorageUid(uid), 'psa_its_get_info', (_fd, info) => info);
    },

    remove(uid) {
      const key = toStorageUid(uid);
      if (key === 0n) fail(PSA_ERROR_DOES_NOT_EXIST, 'psa_its_remove: uid 0');
      locked(() => {
        const old = existing(key, 'psa_its_remove');
        if (old !== undefined && (old.flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0) {
          fail(PSA_ERROR_NOT_PERMITTED, `psa_its_remove: uid ${key} is write-once`);
        }
        try {
          fs.unlinkSync(fileOf(key));
        } catch (err) {
          if (errCode(err) === 'ENOENT') fail(PSA_ERROR_DOES_NOT_EXIST, `psa_its_remove: uid ${key} not found`);
          fsFail(err, 'psa_its_remove');
        }
        fsyncDir();
      });
    },

    uids() {
      let names: string[];
      try {
        names = fs.readdirSync(root);
      } catch (err) {
        if (errCode(err) === 'ENOENT') return [];
        fsFail(err, 'list');
      }
      return names
        .filter((n) => DATA_FILE.test(n))
        .map((n) => BigInt('0x' + n.slice(0, 16)))
        .filter((u) => u !== 0n)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
