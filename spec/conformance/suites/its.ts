/**
 * The `psa_its` suite: the PSA Internal Trusted Storage functions of the C
 * facade, on the storage of the current instance. Every case starts from a
 * fresh memory storage, except `get_fail`, which damages the file of an
 * entry on disk and therefore runs over `fileStorage` in a temporary folder.
 */
import { mkdtempSync, openSync, closeSync, writeSync, truncateSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as psa from '../../../src/c/index.js';
import { fileStorage } from '../../../src/storage/index.js';
import { CheckFailure, check, checkBytes, checkEqual, checkStatus, checkSuccess } from '../assert.js';
import { Skip } from '../framework.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_its';

/** `psa_storage_uid_t uid = uid_arg;` from a C `int`. */
const uidOf = (uidArg: number): bigint => BigInt.asUintN(64, BigInt(uidArg));

const newInfo = (): psa.psa_storage_info_t => ({ capacity: 0, size: 0, flags: 0 });

/** The file name the Mbed TLS file backend uses for `uid`: 16 hex digits and `.psa_its`. */
function itsFileName(uid: bigint): string {
  const hi = (uid >> 32n).toString(16).padStart(8, '0');
  const lo = (uid & 0xffffffffn).toString(16).padStart(8, '0');
  return `${hi}${lo}.psa_its`;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

export const functions: SuiteFunctions = {
  set_get_remove: {
    params: ['int', 'int', 'data'],
    run(uidArg: number, flagsArg: number, data: Uint8Array) {
      const uid = uidOf(uidArg);
      const flags = flagsArg >>> 0;
      const info = newInfo();
      const buffer = new Uint8Array(data.length);
      const retLen = { value: 0 };

      checkSuccess(psa.psa_its_set(uid, data, flags), 'psa_its_set');
      checkSuccess(psa.psa_its_get_info(uid, info), 'psa_its_get_info');
      checkEqual(info.size, data.length, 'info.size');
      checkEqual(info.flags, flags, 'info.flags');
      checkSuccess(psa.psa_its_get(uid, 0, buffer, retLen), 'psa_its_get');
      checkBytes(buffer.subarray(0, retLen.value), data, 'data read back');
      checkSuccess(psa.psa_its_remove(uid), 'psa_its_remove');
    },
  },

  set_overwrite: {
    params: ['int', 'int', 'data', 'int', 'data'],
    run(uidArg: number, flags1Arg: number, data1: Uint8Array, flags2Arg: number, data2: Uint8Array) {
      const uid = uidOf(uidArg);
      const flags1 = flags1Arg >>> 0;
      const flags2 = flags2Arg >>> 0;
      const info = newInfo();
      const buffer = new Uint8Array(Math.max(data1.length, data2.length));
      const retLen = { value: 0 };

      checkSuccess(psa.psa_its_set(uid, data1, flags1), 'first psa_its_set');
      checkSuccess(psa.psa_its_get_info(uid, info), 'first psa_its_get_info');
      checkEqual(info.size, data1.length, 'first info.size');
      checkEqual(info.flags, flags1, 'first info.flags');
      checkSuccess(psa.psa_its_get(uid, 0, buffer.subarray(0, data1.length), retLen), 'first psa_its_get');
      checkBytes(buffer.subarray(0, retLen.value), data1, 'first data read back');

      checkSuccess(psa.psa_its_set(uid, data2, flags2), 'second psa_its_set');
      checkSuccess(psa.psa_its_get_info(uid, info), 'second psa_its_get_info');
      checkEqual(info.size, data2.length, 'second info.size');
      checkEqual(info.flags, flags2, 'second info.flags');
      retLen.value = 0;
      checkSuccess(psa.psa_its_get(uid, 0, buffer.subarray(0, data2.length), retLen), 'second psa_its_get');
      checkBytes(buffer.subarray(0, retLen.value), data2, 'second data read back');

      checkSuccess(psa.psa_its_remove(uid), 'psa_its_remove');
    },
  },

  set_multiple: {
    params: ['int', 'int'],
    run(firstId: number, count: number) {
      const uid0 = uidOf(firstId);
      // A 40-byte buffer filled with '.', then the text and its NUL written at the start.
      const stored = new Uint8Array(40).fill(0x2e);
      const write = (uid: bigint): void => {
        const text = ascii(`Content of file 0x${uid.toString(16).padStart(8, '0')}`);
        stored.set(text);
        stored[text.length] = 0;
      };
      for (let uid = uid0; uid < uid0 + BigInt(count); uid++) {
        write(uid);
        checkSuccess(psa.psa_its_set(uid, stored, 0), `psa_its_set(${uid})`);
      }
      for (let uid = uid0; uid < uid0 + BigInt(count); uid++) {
        write(uid);
        const retrieved = new Uint8Array(40);
        const retLen = { value: 0 };
        checkSuccess(psa.psa_its_get(uid, 0, retrieved, retLen), `psa_its_get(${uid})`);
        checkBytes(retrieved.subarray(0, retLen.value), stored, `content of ${uid}`);
        checkSuccess(psa.psa_its_remove(uid), `psa_its_remove(${uid})`);
        checkStatus(psa.psa_its_get(uid, 0, new Uint8Array(0), { value: 0 }), psa.PSA_ERROR_DOES_NOT_EXIST, `psa_its_get(${uid}) after remove`);
      }
    },
  },

  nonexistent: {
    params: ['int', 'int'],
    run(uidArg: number, createAndRemove: number) {
      const uid = uidOf(uidArg);
      if (createAndRemove) {
        checkSuccess(psa.psa_its_set(uid, new Uint8Array(0), 0), 'psa_its_set');
        checkSuccess(psa.psa_its_remove(uid), 'psa_its_remove');
      }
      checkStatus(psa.psa_its_remove(uid), psa.PSA_ERROR_DOES_NOT_EXIST, 'psa_its_remove');
      checkStatus(psa.psa_its_get_info(uid, newInfo()), psa.PSA_ERROR_DOES_NOT_EXIST, 'psa_its_get_info');
      checkStatus(psa.psa_its_get(uid, 0, new Uint8Array(0), { value: 0 }), psa.PSA_ERROR_DOES_NOT_EXIST, 'psa_its_get');
    },
  },

  get_at: {
    params: ['int', 'data', 'int', 'int', 'int'],
    run(uidArg: number, data: Uint8Array, offset: number, lengthArg: number, expectedStatus: number) {
      if (lengthArg < 0) {
        // C passes (uint32_t)length_arg with a buffer of 0 bytes; here the length is the buffer's.
        throw new Skip('a data_length larger than the buffer cannot be expressed: the facade takes it from the buffer');
      }
      const uid = uidOf(uidArg);
      const length = lengthArg;
      const buffer = new Uint8Array(length + 16);
      const trailer = buffer.subarray(length);
      trailer.fill(0x2d);
      const retLen = { value: 0 };

      checkSuccess(psa.psa_its_set(uid, data, 0), 'psa_its_set');
      const status = psa.psa_its_get(uid, offset >>> 0, buffer.subarray(0, length), retLen);
      checkStatus(status, expectedStatus, 'psa_its_get');
      if (status === psa.PSA_SUCCESS) {
        checkBytes(buffer.subarray(0, retLen.value), data.subarray(offset, offset + length), 'data read');
      }
      for (let i = 0; i < 16; i++) check(trailer[i] === 0x2d, `byte ${i} after the buffer is untouched`);
      checkSuccess(psa.psa_its_remove(uid), 'psa_its_remove');
    },
  },

  get_fail: {
    params: ['int', 'data', 'int', 'int', 'int'],
    // The case brings its own file storage.
    setup: 'free',
    run(uidArg: number, data: Uint8Array, overwriteMagic: number, cutHeader: number, expectedStatus: number) {
      const dir = mkdtempSync(join(tmpdir(), 'psa-its-'));
      try {
        checkSuccess(psa.psa_crypto_init({ storage: fileStorage(dir) }), 'psa_crypto_init');
        const uid = uidOf(uidArg);
        const retLen = { value: 0 };
        checkSuccess(psa.psa_its_set(uid, data, 0), 'psa_its_set');

        const filename = join(dir, itsFileName(uid));
        if (!existsSync(filename)) throw new CheckFailure(`${filename} does not exist after psa_its_set`);
        if (overwriteMagic !== 0) {
          // Overwrite the first byte of the file, the ITS magic number.
          const fd = openSync(filename, 'r+');
          try {
            checkEqual(writeSync(fd, Uint8Array.of(0x58), 0, 1, 0), 1, 'bytes written');
          } finally {
            closeSync(fd);
          }
        }
        if (cutHeader !== 0) truncateSync(filename, 0);

        const status = psa.psa_its_get(uid, 0, new Uint8Array(0), retLen);
        checkStatus(status, expectedStatus, 'psa_its_get');
        checkEqual(retLen.value, 0, 'length read');
        checkSuccess(psa.psa_its_remove(uid), 'psa_its_remove');
        check(!existsSync(filename), 'the file is deleted');
      } finally {
        psa.mbedtls_psa_crypto_free();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },

  set_fail: {
    params: ['int', 'data', 'int'],
    run(uidArg: number, data: Uint8Array, expectedStatus: number) {
      checkStatus(psa.psa_its_set(uidOf(uidArg), data, 0), expectedStatus, 'psa_its_set');
    },
  },
};
