// Corrupted key records, on fileStorage (a temporary directory) and on the
// memory ITS: truncation, bit flips, wrong magic or version, oversize
// lengths, a type or size that does not match the material, a directory in
// place of the file, an empty record. Each one gives a status for that key
// only (never GENERIC_ERROR, never a bare exception), the other keys keep
// working, and the bad key can be destroyed. The record layout is the one of
// src/storage/key-file.ts (36-byte header, then the material); on disk it
// follows the 16-byte ITS file header of src/storage/file.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { fileStorage, itsFileName } from '../../src/storage/file.js';
import { memoryStorage } from '../../src/storage/memory.js';
import { PSA_STORAGE_FLAG_WRITE_ONCE, type Its } from '../../src/storage/its.js';
import { PsaError } from '../../src/values/error.js';
import { statusName } from '../../src/values/status.js';
import * as V from '../../src/values/index.js';

const root = mkdtempSync(join(tmpdir(), 'psa-corruption-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

const GOOD = 1;
const BAD = 2;
const ITS_HEADER = 16;
const AES = { type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_ENCRYPT, alg: V.PSA_ALG_CTR };
const goodKey = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const badKey = Uint8Array.from({ length: 32 }, (_, i) => 0x10 + i);

/** The statuses a corrupt record may give to a use of its key. */
const CORRUPT_STATUSES = new Set([
  V.PSA_ERROR_DATA_INVALID, V.PSA_ERROR_DATA_CORRUPT, V.PSA_ERROR_STORAGE_FAILURE, V.PSA_ERROR_NOT_SUPPORTED,
  V.PSA_ERROR_INVALID_HANDLE, V.PSA_ERROR_NOT_PERMITTED, V.PSA_ERROR_INVALID_ARGUMENT,
].map(statusName));

/** The status name of `body`'s PsaError, 'SUCCESS' when it returns; anything else fails the test. */
function outcome(body: () => unknown): string {
  try {
    body();
    return 'SUCCESS';
  } catch (err) {
    expect(err, String(err)).toBeInstanceOf(PsaError);
    return statusName((err as PsaError).status);
  }
}

type Backend = 'file' | 'memory';

/** An instance with the healthy key GOOD and the key BAD (AES-256), and a way to rewrite BAD's stored bytes. */
type Rewrite = (edit: (record: Buffer) => Buffer | 'dir') => Buffer | 'dir';
function setUp(backend: Backend): { open: () => ReturnType<typeof createPsa>; its: Its; rewrite: Rewrite } {
  if (backend === 'memory') {
    const its = memoryStorage();
    const psa = createPsa({ storage: its });
    psa.importKey({ ...AES, id: GOOD }, goodKey);
    psa.importKey({ ...AES, id: BAD }, badKey);
    const rewrite: Rewrite = (edit) => {
      const record = Buffer.from(its.get(BigInt(BAD), 0, its.getInfo(BigInt(BAD)).size));
      const edited = edit(record);
      if (edited === 'dir') throw new Error('no directories in a memory ITS');
      its.set(BigInt(BAD), edited, 0);
      return edited;
    };
    return { open: () => createPsa({ storage: its }), its, rewrite };
  }
  const dir = mkdtempSync(join(root, `d${dirs++}-`));
  const psa = createPsa({ storage: fileStorage(dir) });
  psa.importKey({ ...AES, id: GOOD }, goodKey);
  psa.importKey({ ...AES, id: BAD }, badKey);
  const path = join(dir, itsFileName(BigInt(BAD)));
  const rewrite: Rewrite = (edit) => {
    const file = readFileSync(path);
    const edited = edit(file.subarray(ITS_HEADER));
    rmSync(path, { recursive: true, force: true });
    if (edited === 'dir') {
      mkdirSync(path);
      writeFileSync(join(path, 'inside'), 'x');
      return edited;
    }
    // Keep the ITS header consistent with the new record, so the key record itself is what is corrupt.
    const header = Buffer.from(file.subarray(0, ITS_HEADER));
    header.writeUInt32LE(edited.length, 8);
    writeFileSync(path, Buffer.concat([header, edited]));
    return edited;
  };
  return { open: () => createPsa({ storage: fileStorage(dir) }), its: fileStorage(dir), rewrite };
}

/**
 * The checks every corruption must pass: each use of BAD is SUCCESS or a
 * corrupt-record status, GOOD is untouched before and after, BAD can be
 * destroyed and then re-created. Returns the status of BAD's export.
 */
function checkIsolated(backend: Backend, edit: (record: Buffer) => Buffer | 'dir', destroyable = true): string {
  const { open, its, rewrite } = setUp(backend);
  const edited = rewrite(edit);
  // A record that still parses with a read-only lifetime (persistence 0xff) is a provisioned key: NOT_PERMITTED.
  const readOnly = edited !== 'dir' && edited.length > 12 && edited[12] === 0xff;
  const psa = open();
  const uses = [
    outcome(() => psa.getKeyAttributes(BAD)),
    outcome(() => psa.exportKey(BAD)),
    outcome(() => psa.cipherEncrypt(BAD, V.PSA_ALG_CTR, new Uint8Array(16))),
  ];
  for (const status of uses) if (status !== 'SUCCESS') expect(CORRUPT_STATUSES).toContain(status);
  expect(psa.exportKey(GOOD)).toEqual(goodKey);
  const destroyed = outcome(() => psa.destroyKey(BAD));
  if (!destroyable) {
    // fileStorage does not delete a directory tree it did not create: the entry stays, unreadable.
    expect(destroyed).toBe('PSA_ERROR_STORAGE_FAILURE');
    expect(outcome(() => open().exportKey(BAD))).toBe(uses[1]);
  } else if (readOnly && destroyed === 'PSA_ERROR_NOT_PERMITTED') {
    expect(outcome(() => its.getInfo(BigInt(BAD)))).toBe('SUCCESS');
  } else {
    expect(destroyed).toBe('SUCCESS');
    expect(outcome(() => its.getInfo(BigInt(BAD)))).toBe('PSA_ERROR_DOES_NOT_EXIST');
    expect(outcome(() => psa.exportKey(BAD))).toBe('PSA_ERROR_INVALID_HANDLE');
    expect(psa.importKey({ ...AES, id: BAD }, badKey)).toBe(BAD);
  }
  expect(psa.exportKey(GOOD)).toEqual(goodKey);
  expect(open().exportKey(GOOD)).toEqual(goodKey);
  return uses[1]!;
}

/** A record edit that sets the little-endian field of `size` bytes at `offset`. */
const setField = (offset: number, size: 2 | 4, value: number) => (r: Buffer): Buffer => {
  if (size === 2) r.writeUInt16LE(value, offset);
  else r.writeUInt32LE(value >>> 0, offset);
  return r;
};

let tried = 0;

for (const backend of ['file', 'memory'] as const) {
  describe(`corrupt key records on the ${backend} backend`, () => {
    const cases: [string, (r: Buffer) => Buffer | 'dir', string][] = [
      ['zero-length record', () => Buffer.alloc(0), 'PSA_ERROR_DATA_INVALID'],
      ['header cut short', (r) => r.subarray(0, 20), 'PSA_ERROR_DATA_INVALID'],
      ['material cut short', (r) => r.subarray(0, 36 + 10), 'PSA_ERROR_DATA_INVALID'],
      ['no material at all', (r) => setField(32, 4, 0)(r.subarray(0, 36)), 'PSA_ERROR_STORAGE_FAILURE'],
      ['wrong magic', (r) => (r[3] = 0x58, r), 'PSA_ERROR_DATA_INVALID'],
      ['version 1', setField(8, 4, 1), 'PSA_ERROR_DATA_INVALID'],
      ['material length beyond the record', setField(32, 4, 33), 'PSA_ERROR_DATA_INVALID'],
      ['material length 2^32 - 1', setField(32, 4, 0xffffffff), 'PSA_ERROR_DATA_INVALID'],
      ['material length above 8191 with the bytes present', (r) => setField(32, 4, 8192)(Buffer.concat([r, Buffer.alloc(8192)])), 'PSA_ERROR_DATA_INVALID'],
      ['bits 128 over 32 bytes of AES key', setField(18, 2, 128), 'PSA_ERROR_DATA_INVALID'],
      ['bits 0', setField(18, 2, 0), 'PSA_ERROR_DATA_INVALID'],
      ['type RSA key pair over AES bytes', setField(16, 2, V.PSA_KEY_TYPE_RSA_KEY_PAIR), 'PSA_ERROR_DATA_INVALID'],
      ['type ECC key pair (secp256r1) over AES bytes', (r) => setField(16, 2, V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_SECP_R1))(r.fill(0xff, 36)), 'PSA_ERROR_DATA_INVALID'],
      ['type DES over 32 bytes', setField(16, 2, V.PSA_KEY_TYPE_DES), 'PSA_ERROR_DATA_INVALID'],
      ['type NONE', setField(16, 2, V.PSA_KEY_TYPE_NONE), 'PSA_ERROR_DATA_INVALID'],
      ['lifetime volatile', setField(12, 4, V.PSA_KEY_LIFETIME_VOLATILE), 'PSA_ERROR_DATA_INVALID'],
      ['lifetime read-only (loads as a provisioned key; destroy is NOT_PERMITTED)', setField(12, 4, 0xff), 'SUCCESS'],
      ['lifetime in a location no driver owns', setField(12, 4, 0x7fffff01), 'PSA_ERROR_INVALID_ARGUMENT'],
    ];

    for (const [name, edit, status] of cases) {
      it(name, () => {
        tried++;
        expect(checkIsolated(backend, edit)).toBe(status);
      });
    }

    it.skipIf(backend !== 'file')('a directory in place of the file', () => {
      tried++;
      expect(checkIsolated(backend, () => 'dir', false)).toBe('PSA_ERROR_STORAGE_FAILURE');
    });

    it('every single-bit flip of the record', () => {
      // 36 header bytes and 32 of material, 8 bits each: each flip loads (a different but
      // consistent record) or gives a corrupt-record status, for that key only.
      const bits = (36 + badKey.length) * 8;
      const sample = backend === 'file' ? Array.from({ length: 64 }, (_, i) => (i * 53) % bits) : Array.from({ length: bits }, (_, i) => i);
      for (const bit of sample) {
        tried++;
        checkIsolated(backend, (r) => (r[bit >> 3]! ^= 1 << (bit & 7), r));
      }
    });

    it('random truncations and byte overwrites (fast-check)', () => {
      fc.assert(
        fc.property(fc.nat(36 + badKey.length), fc.array(fc.tuple(fc.nat(67), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), (cut, writes) => {
          tried++;
          checkIsolated(backend, (r) => {
            for (const [at, value] of writes) r[at % r.length] = value;
            return r.subarray(0, cut);
          });
        }),
        { numRuns: backend === 'file' ? 30 : 200, seed: 20261208 },
      );
    });
  });
}

describe('corrupt ITS files (fileStorage)', () => {
  it('a bad ITS header or a size field that disagrees with the file is DATA_CORRUPT for that key only', () => {
    for (const [offset, value] of [[0, 0x51], [8, 0xff], [9, 0x01]] as const) {
      tried++;
      const dir = mkdtempSync(join(root, `h${dirs++}-`));
      const psa = createPsa({ storage: fileStorage(dir) });
      psa.importKey({ ...AES, id: GOOD }, goodKey);
      psa.importKey({ ...AES, id: BAD }, badKey);
      const path = join(dir, itsFileName(BigInt(BAD)));
      const file = readFileSync(path);
      file[offset] = value;
      writeFileSync(path, file);
      const again = createPsa({ storage: fileStorage(dir) });
      expect(outcome(() => again.exportKey(BAD))).toBe('PSA_ERROR_DATA_CORRUPT');
      expect(again.exportKey(GOOD)).toEqual(goodKey);
      again.destroyKey(BAD);
      expect(outcome(() => fileStorage(dir).getInfo(BigInt(BAD)))).toBe('PSA_ERROR_DOES_NOT_EXIST');
    }
  });

  it('a write-once flag set on a corrupt entry keeps it (NOT_PERMITTED), the other keys unaffected', () => {
    tried++;
    const dir = mkdtempSync(join(root, `w${dirs++}-`));
    const psa = createPsa({ storage: fileStorage(dir) });
    psa.importKey({ ...AES, id: GOOD }, goodKey);
    psa.importKey({ ...AES, id: BAD }, badKey);
    const path = join(dir, itsFileName(BigInt(BAD)));
    const file = readFileSync(path);
    file.writeUInt32LE(PSA_STORAGE_FLAG_WRITE_ONCE, 12);
    file.writeUInt16LE(128, ITS_HEADER + 18);
    writeFileSync(path, file);
    const again = createPsa({ storage: fileStorage(dir) });
    expect(outcome(() => again.exportKey(BAD))).toBe('PSA_ERROR_DATA_INVALID');
    expect(outcome(() => again.destroyKey(BAD))).toBe('PSA_ERROR_NOT_PERMITTED');
    expect(readFileSync(path)).toEqual(file);
    expect(again.exportKey(GOOD)).toEqual(goodKey);
  });

  it('tried at least 600 corruptions', () => {
    expect(tried).toBeGreaterThanOrEqual(600);
  });
});
