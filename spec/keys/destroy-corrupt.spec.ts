// psa_destroy_key on a key whose stored record lies about its lifetime, and
// the check of a loaded record's material against its type and size.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { fileStorage, itsFileName } from '../../src/storage/file.js';
import { memoryStorage } from '../../src/storage/memory.js';
import type { Its } from '../../src/storage/its.js';
import * as V from '../../src/values/index.js';
import { expectStatus } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'psa-destroy-corrupt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => mkdtempSync(join(root, `d${dirs++}-`));

const AES = { type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_ENCRYPT, alg: V.PSA_ALG_CTR };
const key32 = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

/** Offset of the record's lifetime in an ITS file: 16-byte ITS header, then 12 bytes into the key record. */
const LIFETIME_IN_FILE = 16 + 12;

/** Rewrite the u32 at `offset` of the ITS file of key `id` in `dir`. */
function patchFile(dir: string, id: number, offset: number, value: number): string {
  const path = join(dir, itsFileName(BigInt(id)));
  const bytes = readFileSync(path);
  bytes.writeUInt32LE(value >>> 0, offset);
  writeFileSync(path, bytes);
  return path;
}

/** Edit the key record of `id` in a memory ITS. */
function editRecord(its: Its, id: number, edit: (record: Buffer) => Buffer): void {
  const uid = BigInt(id);
  const record = Buffer.from(its.get(uid, 0, its.getInfo(uid).size));
  its.set(uid, edit(record), 0);
}

describe('psa_destroy_key works on the id in storage, whatever the record claims', () => {
  it('removes a record whose lifetime field reads volatile', () => {
    const dir = freshDir();
    createPsa({ storage: fileStorage(dir) }).importKey({ ...AES, id: 7 }, key32);
    const path = patchFile(dir, 7, LIFETIME_IN_FILE, V.PSA_KEY_LIFETIME_VOLATILE);
    const psa = createPsa({ storage: fileStorage(dir) });
    expectStatus(() => psa.exportKey(7), V.PSA_ERROR_DATA_INVALID);
    psa.destroyKey(7);
    expect(existsSync(path)).toBe(false);
    const again = createPsa({ storage: fileStorage(dir) });
    expectStatus(() => again.exportKey(7), V.PSA_ERROR_INVALID_HANDLE);
    expect(again.importKey({ ...AES, id: 7 }, key32)).toBe(7);
  });

  it('removes a record whose lifetime field reads volatile when destroy is the first use', () => {
    const dir = freshDir();
    createPsa({ storage: fileStorage(dir) }).importKey({ ...AES, id: 8 }, key32);
    const path = patchFile(dir, 8, LIFETIME_IN_FILE, V.PSA_KEY_LIFETIME_VOLATILE);
    createPsa({ storage: fileStorage(dir) }).destroyKey(8);
    expect(existsSync(path)).toBe(false);
  });

  it('removes a record that names a location no driver owns', () => {
    const dir = freshDir();
    createPsa({ storage: fileStorage(dir) }).importKey({ ...AES, id: 9 }, key32);
    const path = patchFile(dir, 9, LIFETIME_IN_FILE, V.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(1, 0x7fffff));
    const psa = createPsa({ storage: fileStorage(dir) });
    psa.destroyKey(9);
    expect(existsSync(path)).toBe(false);
    expectStatus(() => psa.getKeyAttributes(9), V.PSA_ERROR_INVALID_HANDLE);
  });

  it('keeps a record whose lifetime field claims a read-only persistence (NOT_PERMITTED), as Mbed TLS', () => {
    const its = memoryStorage();
    createPsa({ storage: its }).importKey({ ...AES, id: 10 }, key32);
    editRecord(its, 10, (r) => (r.writeUInt32LE(V.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0xff, 0), 12), r));
    const psa = createPsa({ storage: its });
    expect(psa.exportKey(10)).toEqual(key32);
    expectStatus(() => psa.destroyKey(10), V.PSA_ERROR_NOT_PERMITTED);
    expect(its.getInfo(10n).size).toBeGreaterThan(0);
  });

  it('never reports success while the entry remains', () => {
    const base = memoryStorage();
    // A backend whose remove reports success and does nothing.
    const its: Its = { ...base, set: base.set, get: base.get, getInfo: base.getInfo, remove: () => undefined };
    const psa = createPsa({ storage: its });
    psa.importKey({ ...AES, id: 11 }, key32);
    expect(() => psa.destroyKey(11)).toThrow();
    editRecord(base, 11, (r) => (r.writeUInt32LE(0, 12), r));
    const other = createPsa({ storage: its });
    expect(() => other.destroyKey(11)).toThrow();
    expect(base.getInfo(11n).size).toBeGreaterThan(0);
  });
});

describe('a loaded record is checked against its type and size (DATA_INVALID for that key only)', () => {
  /** Store AES-256 key 1 (healthy) and key 2, edit key 2's record, and open a fresh instance. */
  function withEdited(edit: (record: Buffer) => Buffer): { psa: ReturnType<typeof createPsa>; its: Its } {
    const its = memoryStorage();
    const first = createPsa({ storage: its });
    first.importKey({ ...AES, id: 1 }, key32);
    first.importKey({ ...AES, id: 2 }, key32);
    editRecord(its, 2, edit);
    return { psa: createPsa({ storage: its }), its };
  }

  /** Every use of key 2 is `status`, key 1 still works, and key 2 can be destroyed. */
  function expectBadKey(psa: ReturnType<typeof createPsa>, its: Its, status = V.PSA_ERROR_DATA_INVALID): void {
    expectStatus(() => psa.exportKey(2), status);
    expectStatus(() => psa.getKeyAttributes(2), status);
    expectStatus(() => psa.cipherEncrypt(2, V.PSA_ALG_CTR, new Uint8Array(16)), status);
    expectStatus(() => psa.copyKey(2, { usage: V.PSA_KEY_USAGE_EXPORT }), status);
    expect(psa.exportKey(1)).toEqual(key32);
    psa.destroyKey(2);
    expectStatus(() => its.getInfo(2n), V.PSA_ERROR_DOES_NOT_EXIST);
    expectStatus(() => psa.exportKey(2), V.PSA_ERROR_INVALID_HANDLE);
    expect(psa.exportKey(1)).toEqual(key32);
  }

  it('bits changed from 256 to 128', () => {
    const { psa, its } = withEdited((r) => (r.writeUInt16LE(128, 18), r));
    expectBadKey(psa, its);
  });

  it('AES with 17 bytes of material', () => {
    const { psa, its } = withEdited((r) => {
      const out = Buffer.concat([r.subarray(0, 36), r.subarray(36, 53)]);
      out.writeUInt32LE(17, 32);
      return out;
    });
    expectBadKey(psa, its);
  });

  it('type changed to an RSA key pair over AES material', () => {
    const { psa, its } = withEdited((r) => (r.writeUInt16LE(V.PSA_KEY_TYPE_RSA_KEY_PAIR, 16), r));
    expectBadKey(psa, its);
  });

  it('type changed to a P-256 key pair whose scalar is 0 or not below n', () => {
    const n = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551', 'hex');
    for (const scalar of [Buffer.alloc(32), n, Buffer.alloc(32, 0xff)]) {
      const { psa, its } = withEdited((r) => {
        r.writeUInt16LE(V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_SECP_R1), 16);
        scalar.copy(r, 36);
        return r;
      });
      expectBadKey(psa, its);
    }
  });

  it('type PSA_KEY_TYPE_NONE', () => {
    const { psa, its } = withEdited((r) => (r.writeUInt16LE(V.PSA_KEY_TYPE_NONE, 16), r));
    expectBadKey(psa, its);
  });

  it('sound records of several types still load and work', () => {
    const its = memoryStorage();
    const first = createPsa({ storage: its });
    const ecc = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'jwk' });
    const scalar = Buffer.from(ecc.d!, 'base64url');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'der', type: 'pkcs1' });
    const sign = V.PSA_KEY_USAGE_SIGN_HASH | V.PSA_KEY_USAGE_EXPORT;
    first.importKey({ type: V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_SECP_R1), usage: sign, alg: V.PSA_ALG_ECDSA(V.PSA_ALG_SHA_256), id: 3 }, scalar);
    first.importKey({ type: V.PSA_KEY_TYPE_RSA_KEY_PAIR, usage: sign, alg: V.PSA_ALG_RSA_PKCS1V15_SIGN(V.PSA_ALG_SHA_256), id: 4 }, rsa);
    first.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: V.PSA_KEY_USAGE_EXPORT, id: 5 }, key32.subarray(0, 20));
    const psa = createPsa({ storage: its });
    expect(Buffer.from(psa.exportKey(3))).toEqual(scalar);
    expect(Buffer.from(psa.exportKey(4))).toEqual(rsa);
    expect(psa.getKeyAttributes(4).bits).toBe(1024);
    expect(psa.exportKey(5)).toEqual(key32.subarray(0, 20));
    expect(psa.signHash(3, V.PSA_ALG_ECDSA(V.PSA_ALG_SHA_256), new Uint8Array(32)).length).toBe(64);
  });
});
