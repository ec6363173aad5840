/**
 * Node.js access for the file backend without a static `node:` import (the
 * package root must load in browsers): the built-in modules come from
 * `process.getBuiltinModule` (Node.js ≥ 20.16), plus the mapping of
 * file-system errors to PSA statuses. Internal to `src/storage`.
 * @module
 */
import type * as NodeFs from 'node:fs';
import type * as NodeOs from 'node:os';
import type * as NodePath from 'node:path';
import { PsaError, fail } from '../values/error.js';
import {
  PSA_ERROR_INSUFFICIENT_STORAGE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_ERROR_STORAGE_FAILURE,
} from '../values/status.js';

/** The part of `process` the file backend uses. */
export interface NodeProcess {
  pid: number;
  kill(pid: number, signal: number): true;
  getBuiltinModule?: (id: string) => unknown;
}

/** The Node.js built-ins the file backend uses. */
export interface NodeApi {
  fs: typeof NodeFs;
  os: typeof NodeOs;
  path: typeof NodePath;
  process: NodeProcess;
}

/** Get the Node.js built-ins, or throw `PSA_ERROR_NOT_SUPPORTED` where there are none. */
export function loadNode(): NodeApi {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.getBuiltinModule !== 'function') {
    fail(PSA_ERROR_NOT_SUPPORTED, 'fileStorage needs Node.js >= 20.16 (process.getBuiltinModule)');
  }
  const get = (id: string): unknown => proc.getBuiltinModule?.(id);
  const fs = get('node:fs') as typeof NodeFs | undefined;
  const os = get('node:os') as typeof NodeOs | undefined;
  const path = get('node:path') as typeof NodePath | undefined;
  if (!fs || !os || !path) fail(PSA_ERROR_NOT_SUPPORTED, 'fileStorage: node:fs is not available');
  return { fs, os, path, process: proc };
}

/** The `code` of a Node.js system error (`'ENOENT'`, …), if any. */
export function errCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Rethrow a `PsaError` unchanged; turn any other failure into
 * `PSA_ERROR_INSUFFICIENT_STORAGE` (`ENOSPC`, `EDQUOT`) or
 * `PSA_ERROR_STORAGE_FAILURE` (everything else).
 */
export function fsFail(err: unknown, what: string): never {
  if (err instanceof PsaError) throw err;
  const code = errCode(err);
  const status = code === 'ENOSPC' || code === 'EDQUOT' ? PSA_ERROR_INSUFFICIENT_STORAGE : PSA_ERROR_STORAGE_FAILURE;
  throw new PsaError(status, `fileStorage: ${what}: ${code ?? String(err)}`);
}

/** `bytes` random bytes as lowercase hex, for unique temporary names and lock tokens. */
export function randomHex(bytes: number): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
