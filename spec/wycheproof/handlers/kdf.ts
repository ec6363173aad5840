/**
 * Wycheproof key derivation files: HKDF (schema `hkdf_test_schema_v1`) and
 * PBKDF2-HMAC (`pbkdf_test_schema`). Each test runs a key derivation
 * operation with the file's algorithm and reads `size` / `dkLen` bytes; a
 * PSA error (an output longer than HKDF's 255 blocks) is a rejection.
 * PBKDF2 tests with more than 100 000 iterations skip: millions of
 * iterations take minutes in pure TypeScript.
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';

const HKDF_FILES: ReadonlyMap<string, number> = new Map([
  ['hkdf_sha1_test.json', PSA_ALG_HKDF(PSA_ALG_SHA_1)],
  ['hkdf_sha256_test.json', PSA_ALG_HKDF(PSA_ALG_SHA_256)],
  ['hkdf_sha384_test.json', PSA_ALG_HKDF(PSA_ALG_SHA_384)],
  ['hkdf_sha512_test.json', PSA_ALG_HKDF(PSA_ALG_SHA_512)],
]);

const PBKDF2_FILES: ReadonlyMap<string, number> = new Map([
  ['pbkdf2_hmacsha1_test.json', PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_1)],
  ['pbkdf2_hmacsha224_test.json', PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_224)],
  ['pbkdf2_hmacsha256_test.json', PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256)],
  ['pbkdf2_hmacsha384_test.json', PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_384)],
  ['pbkdf2_hmacsha512_test.json', PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_512)],
]);

/** The largest iteration count run. */
const MAX_ITERATIONS = 100_000;

let instance: Psa | undefined;

/** Compare a derived output with the expected one. */
function compare(actual: Uint8Array, expected: Uint8Array): Outcome {
  if (equalBytes(actual, expected)) return { kind: 'accepted' };
  return { kind: 'wrong-output', detail: `derived ${Buffer.from(actual).toString('hex')}` };
}

function runHkdf(_group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const psa = (instance ??= createPsa());
  const op = psa.keyDerivationSetup(HKDF_FILES.get(file)!);
  try {
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, hex(test['salt']));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, hex(test['ikm']));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, hex(test['info']));
    return compare(op.outputBytes(Number(test['size'])), hex(test['okm']));
  } finally {
    op.abort();
  }
}

function runPbkdf2(_group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const iterations = Number(test['iterationCount']);
  if (iterations > MAX_ITERATIONS) return { kind: 'skip', reason: `${iterations} iterations: run by npm run test:slow (spec/kdf/slow-pbkdf2.spec.ts)` };
  const psa = (instance ??= createPsa());
  const op = psa.keyDerivationSetup(PBKDF2_FILES.get(file)!);
  try {
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, iterations);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, hex(test['salt']));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, hex(test['password']));
    return compare(op.outputBytes(Number(test['dkLen'])), hex(test['dk']));
  } finally {
    op.abort();
  }
}

export const handlers: WycheproofHandler[] = [
  { files: [...HKDF_FILES.keys()], run: runHkdf },
  { files: [...PBKDF2_FILES.keys()], run: runPbkdf2 },
];
