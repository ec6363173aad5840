import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { fileStorage } from '../../src/storage/file.js';
import * as V from '../../src/values/index.js';
import { expectStatus } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'psa-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = resolve(import.meta.dirname, '../..');

/** Run a script in a separate Node process (a real restart: nothing shared but the directory). */
function inChildProcess(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('persistent keys in fileStorage across a process restart', () => {
  it('are written by one process in the Mbed TLS layout and read by the next', () => {
    // The worked example of the Mbed TLS storage specification: AES-128, ENCRYPT|DECRYPT, GCM, key 40..4f.
    inChildProcess(`
      import { createPsa, fileStorage } from './src/index.ts';
      const psa = createPsa({ storage: fileStorage(${JSON.stringify(dir)}) });
      psa.importKey({ type: 0x2400, usage: 0x0300, alg: 0x05500200, id: 1 },
        Uint8Array.from(Buffer.from('404142434445464748494a4b4c4d4e4f', 'hex')));
    `);
    const file = readFileSync(join(dir, '0000000000000001.psa_its'));
    expect(file.toString('hex')).toBe(
      '5053410049545300' + '34000000' + '00000000' +
      '505341004b455900' + '00000000' + '01000000' + '0024' + '8000' + '00030000' + '00025005' + '00000000' + '10000000' +
      '404142434445464748494a4b4c4d4e4f');

    const psa = createPsa({ storage: fileStorage(dir) });
    expect(psa.getKeyAttributes(1)).toEqual({ id: 1, lifetime: 1, type: V.PSA_KEY_TYPE_AES, bits: 128,
      usage: V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_DECRYPT, alg: V.PSA_ALG_GCM, alg2: 0 });
    expectStatus(() => psa.exportKey(1), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.importKey({ type: V.PSA_KEY_TYPE_AES, id: 1 }, new Uint8Array(16)), V.PSA_ERROR_ALREADY_EXISTS);
    psa.destroyKey(1);
    const out = inChildProcess(`
      import { createPsa, fileStorage } from './src/index.ts';
      const psa = createPsa({ storage: fileStorage(${JSON.stringify(dir)}) });
      try { psa.getKeyAttributes(1); console.log('present'); } catch (e) { console.log(e.code); }
    `);
    expect(out.trim()).toBe('PSA_ERROR_INVALID_HANDLE');
  });
});
