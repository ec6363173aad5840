/**
 * The PBKDF2 known answers too slow for `npm test` (run by `npm run
 * test:slow`): 16,777,216 iterations of HMAC-SHA-1, from RFC 6070 §2
 * (test-vectors/pbkdf2-rfc6070-rfc7914.json) and from Wycheproof's
 * pbkdf2_hmacsha1_test.json (read where the other Wycheproof files are).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_1,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
} from '../../src/values/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wycheproofFile = join(resolve(repo, process.env.PSA_TEST_VECTORS ?? '../shared/test-vectors'), 'wycheproof', 'pbkdf2_hmacsha1_test.json');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
/** Below this the unit suite runs the vector itself. */
const SLOW = 100_000;

/** PBKDF2-HMAC-SHA-1 through the Psa API. */
function pbkdf2Sha1(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): string {
  const op = createPsa().keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_1));
  try {
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, iterations);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
    return hex(op.outputBytes(length));
  } finally {
    op.abort();
  }
}

interface RfcCase { source: string; hash: string; P: string; S: string; c: number; dkLen: number; DK: string }
const rfc = (JSON.parse(readFileSync(join(repo, 'test-vectors/pbkdf2-rfc6070-rfc7914.json'), 'utf8')) as { cases: RfcCase[] })
  .cases.filter((c) => c.c > SLOW);

describe('PBKDF2-HMAC-SHA-1 with 16,777,216 iterations', () => {
  it('the RFC 6070 file has such a case', () => {
    expect(rfc.length).toBeGreaterThan(0);
  });

  for (const v of rfc) {
    it(`${v.source}: c=${v.c}`, () => {
      expect(pbkdf2Sha1(bytes(v.P), bytes(v.S), v.c, v.dkLen)).toBe(v.DK);
    }, 600_000);
  }

  it.skipIf(!existsSync(wycheproofFile) && process.env.CI !== 'true')('Wycheproof pbkdf2_hmacsha1_test.json: every case above 100,000 iterations', () => {
    const file = JSON.parse(readFileSync(wycheproofFile, 'utf8')) as {
      testGroups: { tests: { tcId: number; password: string; salt: string; iterationCount: number; dkLen: number; dk: string; result: string }[] }[];
    };
    const slow = file.testGroups.flatMap((g) => g.tests).filter((t) => t.iterationCount > SLOW);
    expect(slow.length).toBeGreaterThan(0);
    for (const t of slow) {
      expect(t.result).toBe('valid');
      expect(pbkdf2Sha1(bytes(t.password), bytes(t.salt), t.iterationCount, t.dkLen), `tcId ${t.tcId}`).toBe(t.dk);
    }
  }, 600_000);
});
