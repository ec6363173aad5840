// The persistent key record codec: the worked example of the Mbed TLS
// storage format (vector "Format for storage: AES-128 key") and the load and
// save rules of psa_crypto_storage.c.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStorage, memoryStorage } from '../../src/storage/index.js';
import { KEY_RECORD_HEADER_SIZE, decodeKeyRecord, encodeKeyRecord, type KeyRecordAttributes } from '../../src/storage/key-file.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_INSUFFICIENT_STORAGE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_STORAGE_FAILURE,
} from '../../src/values/status.js';

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

// Persistent AES-128 key, usage ENCRYPT|DECRYPT, alg GCM, no alg2. Numbers from
// the PSA spec: PERSISTENT 0x00000001, AES 0x2400, ENCRYPT 0x100 | DECRYPT 0x200,
// GCM 0x05500200.
const AES: KeyRecordAttributes = { lifetime: 0x00000001, type: 0x2400, bits: 128, usage: 0x0300, alg: 0x05500200, alg2: 0 };
const AES_MATERIAL = fromHex('404142434445464748494a4b4c4d4e4f');
const AES_RECORD = fromHex(`
  505341004b455900 00000000 01000000 0024 8000 00030000 00025005 00000000 10000000
  404142434445464748494a4b4c4d4e4f`);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('encodeKeyRecord / decodeKeyRecord: worked example', () => {
  it('encodes the AES-128 GCM key to the documented 52 bytes', () => {
    expect(KEY_RECORD_HEADER_SIZE).toBe(36);
    expect(AES_RECORD.length).toBe(52);
    expect(encodeKeyRecord(AES, AES_MATERIAL)).toEqual(AES_RECORD);
  });

  it('decodes it back', () => {
    const { attributes, material } = decodeKeyRecord(AES_RECORD);
    expect(attributes).toEqual(AES);
    expect(material).toEqual(AES_MATERIAL);
  });

  it('stored by fileStorage under key id 1, the file is the ITS header + the 52 bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psa-key-file-'));
    dirs.push(dir);
    const its = fileStorage(dir);
    its.set(1n, encodeKeyRecord(AES, AES_MATERIAL), 0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.psa_its'))).toEqual(['0000000000000001.psa_its']);
    const onDisk = new Uint8Array(readFileSync(join(dir, '0000000000000001.psa_its')));
    const expected = new Uint8Array(16 + 52);
    expected.set(fromHex('5053410049545300 34000000 00000000'), 0);
    expected.set(AES_RECORD, 16);
    expect(onDisk).toEqual(expected);
    expect(decodeKeyRecord(its.get(1n, 0, its.getInfo(1n).size)).attributes).toEqual(AES);
  });
});

describe('save rules', () => {
  it('empty material is INVALID_ARGUMENT', () => {
    expect(statusOf(() => encodeKeyRecord(AES, new Uint8Array(0)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('8191 bytes of material are accepted, 8192 are INSUFFICIENT_STORAGE', () => {
    const max = encodeKeyRecord(AES, new Uint8Array(8191).fill(7));
    expect(max.length).toBe(36 + 8191);
    expect(new DataView(max.buffer).getUint32(32, true)).toBe(8191);
    expect(statusOf(() => encodeKeyRecord(AES, new Uint8Array(8192)))).toBe(PSA_ERROR_INSUFFICIENT_STORAGE);
  });

  it('rejects attributes that do not fit their field, and non-byte material', () => {
    for (const bad of [
      { ...AES, type: 0x10000 }, { ...AES, bits: -1 }, { ...AES, usage: 2 ** 32 },
      { ...AES, alg: 1.5 }, { ...AES, alg2: '0' as unknown as number }, { ...AES, lifetime: Number.NaN },
    ]) {
      expect(statusOf(() => encodeKeyRecord(bad, AES_MATERIAL))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    expect(statusOf(() => encodeKeyRecord(AES, [1, 2] as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('keeps all 32 bits of the u32 fields', () => {
    const attrs = { lifetime: 0xffffff01, type: 0xffff, bits: 0xffff, usage: 0xffffffff, alg: 0x80000000, alg2: 0xfedcba98 };
    expect(decodeKeyRecord(encodeKeyRecord(attrs, AES_MATERIAL)).attributes).toEqual(attrs);
  });
});

describe('load rules', () => {
  const withLength = (n: number, extra = 0): Uint8Array => {
    const r = new Uint8Array(36 + extra);
    r.set(AES_RECORD.subarray(0, 32));
    new DataView(r.buffer).setUint32(32, n, true);
    return r;
  };

  it('a material length of 0 is STORAGE_FAILURE (every stored key has material)', () => {
    expect(statusOf(() => decodeKeyRecord(withLength(0)))).toBe(PSA_ERROR_STORAGE_FAILURE);
  });

  it('a material length above 8191 is DATA_INVALID even when the bytes are there', () => {
    expect(statusOf(() => decodeKeyRecord(withLength(8192, 8192)))).toBe(PSA_ERROR_DATA_INVALID);
    expect(decodeKeyRecord(withLength(8191, 8191)).material.length).toBe(8191);
  });

  it('a material length beyond the bytes present is DATA_INVALID', () => {
    expect(statusOf(() => decodeKeyRecord(withLength(17, 16)))).toBe(PSA_ERROR_DATA_INVALID);
  });

  it('accepts trailing bytes after the material', () => {
    const r = new Uint8Array(60);
    r.set(AES_RECORD);
    r.fill(0xee, 52);
    const { material } = decodeKeyRecord(r);
    expect(material).toEqual(AES_MATERIAL);
  });

  it('works on a view into a larger buffer and returns a copy', () => {
    const big = new Uint8Array(100);
    big.set(AES_RECORD, 10);
    const view = big.subarray(10, 62);
    const { material } = decodeKeyRecord(view);
    expect(material).toEqual(AES_MATERIAL);
    material[0] = 0;
    expect(big[10 + 36]).toBe(0x40);
  });

  it('a version other than 0, or a 35-byte record, is DATA_INVALID', () => {
    const v1 = AES_RECORD.slice();
    v1[8] = 1;
    expect(statusOf(() => decodeKeyRecord(v1))).toBe(PSA_ERROR_DATA_INVALID);
    expect(statusOf(() => decodeKeyRecord(AES_RECORD.subarray(0, 35)))).toBe(PSA_ERROR_DATA_INVALID);
  });

  it('non-bytes input is INVALID_ARGUMENT', () => {
    expect(statusOf(() => decodeKeyRecord('PSA' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('round-trips through memoryStorage', () => {
    const its = memoryStorage();
    its.set(0x3fffffffn, encodeKeyRecord(AES, AES_MATERIAL), 0);
    expect(its.get(0x3fffffffn, 0, 52)).toEqual(AES_RECORD);
  });
});
