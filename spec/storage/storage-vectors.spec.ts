// The Mbed TLS storage vectors: test_suite_psa_its.data against both ITS
// backends, and the format/parse cases of
// test_suite_psa_crypto_persistent_key.data against the key record codec.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, test } from 'vitest';
import { fileStorage, memoryStorage, type Its } from '../../src/storage/index.js';
import { itsFileName } from '../../src/storage/file.js';
import { decodeKeyRecord, encodeKeyRecord } from '../../src/storage/key-file.js';
import { PsaError } from '../../src/values/error.js';
import { PSA_SUCCESS } from '../../src/values/status.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const VECTORS = resolve(ROOT, process.env.PSA_TEST_VECTORS ?? '../shared/test-vectors', 'mbedtls');

// Values of the identifiers used in these two files, from the PSA Crypto API
// specification (statuses: psa/error.h; types, usages, algorithms, lifetimes:
// psa/crypto_values.h).
const NAMES: Record<string, number> = {
  PSA_SUCCESS: 0,
  PSA_ERROR_INVALID_ARGUMENT: -135,
  PSA_ERROR_INVALID_HANDLE: -136,
  PSA_ERROR_DOES_NOT_EXIST: -140,
  PSA_ERROR_DATA_CORRUPT: -152,
  PSA_ERROR_DATA_INVALID: -153,
  PSA_KEY_LIFETIME_PERSISTENT: 0x00000001,
  PSA_KEY_TYPE_AES: 0x2400,
  PSA_KEY_TYPE_RSA_KEY_PAIR: 0x7001,
  PSA_KEY_USAGE_EXPORT: 0x00000001,
  PSA_KEY_USAGE_ENCRYPT: 0x00000100,
  PSA_KEY_USAGE_DECRYPT: 0x00000200,
  PSA_ALG_GCM: 0x05500200,
  PSA_ALG_CATEGORY_SIGN: 0x06000000,
  PSA_ALG_CATEGORY_ASYMMETRIC_ENCRYPTION: 0x07000000,
};

/** An integer argument: a literal or an OR of known names. */
function int(expr: string): number {
  return expr.split('|').reduce((acc, part) => {
    const t = part.trim();
    const v = /^-?(0x[0-9a-f]+|\d+)$/i.test(t) ? Number(t) : NAMES[t];
    if (v === undefined) throw new Error(`unknown identifier ${t}`);
    return acc | v;
  }, 0);
}
const u32 = (expr: string): number => int(expr) >>> 0;
const hex = (arg: string): Uint8Array => Uint8Array.from(Buffer.from(arg.replace(/^"|"$/g, ''), 'hex'));

interface Case { name: string; fn: string; args: string[] }

/** Parse a .data file: blank-line separated blocks of name, optional depends_on, call. */
function load(file: string): Case[] {
  const blocks = readFileSync(join(VECTORS, file), 'utf8').split(/\r?\n\s*\r?\n/);
  const cases: Case[] = [];
  for (const block of blocks) {
    const lines = block.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
    if (lines.length === 0) continue;
    const call = lines[lines.length - 1]!.split(':');
    cases.push({ name: lines[0]!, fn: call[0]!, args: call.slice(1) });
  }
  return cases;
}

function statusOf(run: () => void): number {
  try {
    run();
    return PSA_SUCCESS;
  } catch (err) {
    if (err instanceof PsaError) return err.status;
    throw err;
  }
}

const present = existsSync(VECTORS);
if (!present && process.env.CI === 'true') {
  test('Mbed TLS vector directory is present', () => {
    throw new Error(`missing ${VECTORS} (set PSA_TEST_VECTORS)`);
  });
} else if (!present) {
  console.warn(`storage vectors skipped: ${VECTORS} not found (set PSA_TEST_VECTORS)`);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const backends: [string, () => { its: Its; dir?: string }][] = [
  ['memoryStorage', () => ({ its: memoryStorage() })],
  ['fileStorage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psa-its-vectors-'));
    dirs.push(dir);
    return { its: fileStorage(dir), dir };
  }],
];

describe.skipIf(!present)('test_suite_psa_its.data', () => {
  const cases = present ? load('test_suite_psa_its.data') : [];
  it('has the 25 cases of the suite', () => expect(cases).toHaveLength(25));

  for (const [backend, make] of backends) {
    describe(backend, () => {
      for (const c of cases) {
        // Corrupting the stored file only means something for the file backend.
        const run = c.fn === 'get_fail' && backend === 'memoryStorage' ? it.skip : it;
        run(c.name, () => {
          const { its, dir } = make();
          const a = c.args;
          switch (c.fn) {
            case 'set_get_remove': {
              const uid = BigInt(int(a[0]!)), flags = u32(a[1]!), data = hex(a[2]!);
              its.set(uid, data, flags);
              expect(its.getInfo(uid)).toMatchObject({ size: data.length, flags });
              expect(its.get(uid, 0, data.length)).toEqual(data);
              its.remove(uid);
              break;
            }
            case 'set_overwrite': {
              const uid = BigInt(int(a[0]!));
              for (const [f, d] of [[a[1]!, a[2]!], [a[3]!, a[4]!]] as const) {
                const flags = u32(f), data = hex(d);
                its.set(uid, data, flags);
                expect(its.getInfo(uid)).toMatchObject({ size: data.length, flags });
                expect(its.get(uid, 0, data.length)).toEqual(data);
              }
              its.remove(uid);
              break;
            }
            case 'set_multiple': {
              const first = int(a[0]!), count = int(a[1]!);
              // 40-byte buffer: "Content of file 0x%08lx", NUL, then '.' filler.
              const stored = (u: number): Uint8Array => {
                const b = new Uint8Array(40).fill(0x2e);
                const s = `Content of file 0x${u.toString(16).padStart(8, '0')}`;
                b.set(Buffer.from(s, 'latin1'));
                b[s.length] = 0;
                return b;
              };
              for (let u = first; u < first + count; u++) its.set(BigInt(u), stored(u), 0);
              for (let u = first; u < first + count; u++) {
                expect(its.get(BigInt(u), 0, 40)).toEqual(stored(u));
                its.remove(BigInt(u));
                expect(statusOf(() => its.get(BigInt(u), 0, 0))).toBe(int('PSA_ERROR_DOES_NOT_EXIST'));
              }
              break;
            }
            case 'set_fail':
              expect(statusOf(() => its.set(BigInt(int(a[0]!)), hex(a[1]!), 0))).toBe(int(a[2]!));
              break;
            case 'nonexistent': {
              const uid = BigInt(int(a[0]!));
              if (int(a[1]!) !== 0) {
                its.set(uid, new Uint8Array(0), 0);
                its.remove(uid);
              }
              expect(statusOf(() => its.remove(uid))).toBe(int('PSA_ERROR_DOES_NOT_EXIST'));
              expect(statusOf(() => its.getInfo(uid))).toBe(int('PSA_ERROR_DOES_NOT_EXIST'));
              expect(statusOf(() => its.get(uid, 0, 0))).toBe(int('PSA_ERROR_DOES_NOT_EXIST'));
              break;
            }
            case 'get_at': {
              const uid = BigInt(int(a[0]!)), data = hex(a[1]!), offset = int(a[2]!), length = int(a[3]!);
              its.set(uid, data, 0);
              let out: Uint8Array | undefined;
              expect(statusOf(() => { out = its.get(uid, offset, length); })).toBe(int(a[4]!));
              if (out) expect(out).toEqual(data.subarray(offset, offset + length));
              its.remove(uid);
              break;
            }
            case 'get_fail': {
              const uid = BigInt(int(a[0]!));
              its.set(uid, hex(a[1]!), 0);
              const file = join(dir!, itsFileName(uid));
              const bytes = readFileSync(file);
              if (int(a[2]!) !== 0) bytes[0] = 0x58; // 'X' over the first magic byte
              writeFileSync(file, int(a[3]!) !== 0 ? new Uint8Array(0) : bytes);
              expect(statusOf(() => its.get(uid, 0, 0))).toBe(int(a[4]!));
              its.remove(uid);
              expect(existsSync(file)).toBe(false);
              break;
            }
            default:
              throw new Error(`unhandled test function ${c.fn}`);
          }
          expect(its.uids()).toEqual([]);
        });
      }
    });
  }
});

describe.skipIf(!present)('test_suite_psa_crypto_persistent_key.data: storage format', () => {
  const cases = present ? load('test_suite_psa_crypto_persistent_key.data') : [];
  const format = cases.filter((c) => c.fn === 'format_storage_data_check');
  const parse = cases.filter((c) => c.fn === 'parse_storage_data_check');
  it('has 2 format and 8 parse cases', () => {
    expect(format).toHaveLength(2);
    expect(parse).toHaveLength(8);
  });

  for (const c of format) {
    it(c.name, () => {
      const [material, expected, lifetime, type, bits, usage, alg, alg2] = c.args as [string, string, string, string, string, string, string, string];
      const attributes = {
        lifetime: u32(lifetime), type: u32(type), bits: u32(bits),
        usage: u32(usage), alg: u32(alg), alg2: u32(alg2),
      };
      expect(encodeKeyRecord(attributes, hex(material))).toEqual(hex(expected));
    });
  }

  for (const c of parse) {
    it(c.name, () => {
      const [file, material, lifetime, type, bits, usage, alg, alg2, status] = c.args as [string, string, string, string, string, string, string, string, string];
      let decoded: ReturnType<typeof decodeKeyRecord> | undefined;
      expect(statusOf(() => { decoded = decodeKeyRecord(hex(file)); })).toBe(int(status));
      if (decoded) {
        expect(decoded.attributes).toEqual({
          lifetime: u32(lifetime), type: u32(type), bits: u32(bits),
          usage: u32(usage), alg: u32(alg), alg2: u32(alg2),
        });
        expect(decoded.material).toEqual(hex(material));
      }
    });
  }
});
