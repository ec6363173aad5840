// The ITS contract both backends share: PSA Secure Storage API 1.0 semantics
// with the statuses of the Mbed TLS file backend (psa_its_file.c).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PSA_STORAGE_FLAG_NO_CONFIDENTIALITY,
  PSA_STORAGE_FLAG_WRITE_ONCE,
  fileStorage,
  memoryStorage,
  type Its,
} from '../../src/storage/index.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
} from '../../src/values/status.js';

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

const backends: [string, () => Its][] = [
  ['memoryStorage', () => memoryStorage()],
  ['fileStorage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psa-its-contract-'));
    dirs.push(dir);
    return fileStorage(dir);
  }],
];

describe.each(backends)('%s', (_name, make) => {
  it('copies data in and out', () => {
    const its = make();
    const data = Uint8Array.of(1, 2, 3);
    its.set(7n, data, 0);
    data[0] = 9;
    const out = its.get(7n, 0, 3);
    expect(out).toEqual(Uint8Array.of(1, 2, 3));
    out[1] = 9;
    expect(its.get(7n, 0, 3)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('reports capacity = size and the flags as stored', () => {
    const its = make();
    const flags = (PSA_STORAGE_FLAG_NO_CONFIDENTIALITY | 0x80000000) >>> 0; // 0x80000002
    its.set(3n, new Uint8Array(5), flags);
    expect(its.getInfo(3n)).toEqual({ capacity: 5, size: 5, flags: 0x80000002 });
  });

  it('returns the exact sub-range asked for', () => {
    const its = make();
    its.set(1n, Uint8Array.of(10, 11, 12, 13), 0);
    expect(its.get(1n, 1, 2)).toEqual(Uint8Array.of(11, 12));
    expect(its.get(1n, 4, 0)).toEqual(new Uint8Array(0));
    expect(statusOf(() => its.get(1n, 3, 2))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('enforces WRITE_ONCE on set and remove', () => {
    const its = make();
    its.set(2n, Uint8Array.of(1), PSA_STORAGE_FLAG_WRITE_ONCE);
    expect(statusOf(() => its.set(2n, Uint8Array.of(2), 0))).toBe(PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => its.remove(2n))).toBe(PSA_ERROR_NOT_PERMITTED);
    expect(its.get(2n, 0, 1)).toEqual(Uint8Array.of(1));
    expect(its.getInfo(2n).flags).toBe(PSA_STORAGE_FLAG_WRITE_ONCE);
  });

  it('uid 0: set is INVALID_HANDLE, the other calls DOES_NOT_EXIST', () => {
    const its = make();
    expect(statusOf(() => its.set(0n, Uint8Array.of(1), 0))).toBe(PSA_ERROR_INVALID_HANDLE);
    expect(statusOf(() => its.get(0n, 0, 0))).toBe(PSA_ERROR_DOES_NOT_EXIST);
    expect(statusOf(() => its.getInfo(0n))).toBe(PSA_ERROR_DOES_NOT_EXIST);
    expect(statusOf(() => its.remove(0n))).toBe(PSA_ERROR_DOES_NOT_EXIST);
  });

  it('accepts the whole 64-bit uid range and number uids', () => {
    const its = make();
    const max = (1n << 64n) - 1n;
    its.set(max, Uint8Array.of(1), 0);
    its.set(5 as unknown as bigint, Uint8Array.of(2), 0);
    its.set(0x1_0000_0000n, Uint8Array.of(3), 0);
    expect(its.get(5n, 0, 1)).toEqual(Uint8Array.of(2));
    expect(its.uids()).toEqual([5n, 0x1_0000_0000n, max]);
  });

  it('lists uids in ascending numeric order', () => {
    const its = make();
    for (const u of [300n, 2n, 0xffffff52n, 10n, 1n]) its.set(u, new Uint8Array(0), 0);
    expect(its.uids()).toEqual([1n, 2n, 10n, 300n, 0xffffff52n]);
  });

  it('rejects malformed JavaScript arguments with INVALID_ARGUMENT', () => {
    const its = make();
    its.set(1n, Uint8Array.of(1, 2), 0);
    const bad: (() => unknown)[] = [
      () => its.set(-1n, Uint8Array.of(1), 0),
      () => its.set(1n << 64n, Uint8Array.of(1), 0),
      () => its.set(1.5 as unknown as bigint, Uint8Array.of(1), 0),
      () => its.set(-3 as unknown as bigint, Uint8Array.of(1), 0),
      () => its.set('1' as unknown as bigint, Uint8Array.of(1), 0),
      () => its.set(2 ** 53 as unknown as bigint, Uint8Array.of(1), 0),
      () => its.set(1n, [1] as unknown as Uint8Array, 0),
      () => its.set(1n, Uint8Array.of(1), -1),
      () => its.set(1n, Uint8Array.of(1), 2 ** 32),
      () => its.set(1n, Uint8Array.of(1), 0.5),
      () => its.get(1n, -1, 1),
      () => its.get(1n, 0, -1),
      () => its.get(1n, 0.5, 1),
      () => its.get(1n, 0, '1' as unknown as number),
      () => its.get(undefined as unknown as bigint, 0, 0),
      () => its.getInfo(null as unknown as bigint),
      () => its.remove({} as unknown as bigint),
    ];
    for (const call of bad) expect(statusOf(call)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(its.get(1n, 0, 2)).toEqual(Uint8Array.of(1, 2));
  });
});

it('memoryStorage instances are independent', () => {
  const a = memoryStorage();
  const b = memoryStorage();
  a.set(1n, Uint8Array.of(1), 0);
  expect(b.uids()).toEqual([]);
  expect(statusOf(() => b.getInfo(1n))).toBe(PSA_ERROR_DOES_NOT_EXIST);
});
