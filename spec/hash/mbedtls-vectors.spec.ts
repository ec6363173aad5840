/**
 * Mbed TLS test vectors: `test_suite_psa_crypto_hash.data` (hash_finish,
 * hash_verify, hash_multi_part) and the hash cases of
 * `test_suite_psa_crypto.data`, run the way the C test functions run them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashOperation, hashCompare, hashCompute, hashLength, type HashProvider } from '../../src/core/hash.js';
import {
  softwareHashCompute,
  softwareHashResume,
  softwareHashSetup,
} from '../../src/drivers/software/hash/index.js';
import { PsaError } from '../../src/values/error.js';
import * as statuses from '../../src/values/status.js';

const software: HashProvider = { setup: softwareHashSetup, resume: softwareHashResume, compute: softwareHashCompute };

const VECTORS = resolve(process.env.PSA_TEST_VECTORS ?? '../shared/test-vectors');
const HASH_SUITE = join(VECTORS, 'mbedtls', 'test_suite_psa_crypto_hash.data');
const MAIN_SUITE = join(VECTORS, 'mbedtls', 'test_suite_psa_crypto.data');
const present = existsSync(HASH_SUITE) && existsSync(MAIN_SUITE);

/** The algorithm names these suites use. */
const ALGS: Record<string, number> = {
  PSA_ALG_CATEGORY_HASH: 0x02000000,
  PSA_ALG_MD5: 0x02000003,
  PSA_ALG_RIPEMD160: 0x02000004,
  PSA_ALG_SHA_1: 0x02000005,
  PSA_ALG_SHA_224: 0x02000008,
  PSA_ALG_SHA_256: 0x02000009,
  PSA_ALG_SHA_384: 0x0200000a,
  PSA_ALG_SHA_512: 0x0200000b,
  PSA_ALG_SHA_512_224: 0x0200000c,
  PSA_ALG_SHA_512_256: 0x0200000d,
  PSA_ALG_SHA3_224: 0x02000010,
  PSA_ALG_SHA3_256: 0x02000011,
  PSA_ALG_SHA3_384: 0x02000012,
  PSA_ALG_SHA3_512: 0x02000013,
  PSA_ALG_ANY_HASH: 0x020000ff,
};

/** Evaluate an argument: an algorithm name, `PSA_ALG_HMAC(name)`, a status name or a decimal integer. */
function evaluate(expr: string): number {
  const hmac = /^PSA_ALG_HMAC\((\w+)\)$/.exec(expr);
  if (hmac) return (0x03800000 | (evaluate(hmac[1]!) & 0xff)) >>> 0;
  if (expr in ALGS) return ALGS[expr]!;
  const status = (statuses as Record<string, unknown>)[expr];
  if (typeof status === 'number') return status;
  if (/^-?\d+$/.test(expr)) return Number(expr);
  throw new Error(`cannot evaluate ${expr}`);
}

interface Case {
  name: string;
  fn: string;
  args: string[];
}

/** Parse a `.data` file: description line, optional depends_on line, `function:arg:arg…` line. */
function parseSuite(text: string): Case[] {
  const cases: Case[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length < 2) continue;
    const call = lines[lines.length - 1]!;
    const [fn, ...args] = call.split(':');
    cases.push({ name: lines[0]!, fn: fn!, args: args.map((a) => a.replace(/^"(.*)"$/, '$1')) });
  }
  return cases;
}

const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function statusOf(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return statuses.PSA_SUCCESS;
}

const RUNNERS: Record<string, (args: string[]) => void> = {
  hash_finish([alg, input, expected]) {
    const op = new HashOperation(software);
    op.setup(evaluate(alg!));
    op.update(bytes(input!));
    expect(hex(op.finish(64))).toBe(expected);
  },
  hash_verify([alg, input, expected]) {
    const op = new HashOperation(software);
    op.setup(evaluate(alg!));
    op.update(bytes(input!));
    op.verify(bytes(expected!));
  },
  hash_multi_part([alg, inputHex, expected]) {
    const input = bytes(inputHex!);
    for (let len = 0; len <= input.length; len++) {
      const op = new HashOperation(software);
      const op2 = new HashOperation(software);
      op.setup(evaluate(alg!));
      op.update(input.subarray(0, len));
      op.cloneTo(op2);
      op.update(input.subarray(len));
      op2.update(input.subarray(len));
      expect(hex(op.finish())).toBe(expected);
      expect(hex(op2.finish())).toBe(expected);
    }
  },
  hash_setup([alg, status]) {
    const a = evaluate(alg!);
    const expected = evaluate(status!);
    expect(statusOf(() => hashCompute(software, a, new Uint8Array(0), hashLength(a)))).toBe(expected);
    const op = new HashOperation(software);
    expect(statusOf(() => op.setup(a))).toBe(expected);
    op.abort();
    if (expected !== statuses.PSA_SUCCESS) expect(statusOf(() => op.setup(a))).toBe(expected);
    op.setup(ALGS.PSA_ALG_SHA_256!);
    op.abort();
  },
  hash_compute_fail([alg, input, size, status]) {
    const a = evaluate(alg!);
    const expected = evaluate(status!);
    expect(statusOf(() => hashCompute(software, a, bytes(input!), evaluate(size!)))).toBe(expected);
    const op = new HashOperation(software);
    const got = statusOf(() => {
      op.setup(a);
      op.update(bytes(input!));
      op.finish(evaluate(size!));
    });
    expect(got).toBe(expected);
    op.abort();
  },
  hash_compare_fail([alg, input, reference, status]) {
    const a = evaluate(alg!);
    const expected = evaluate(status!);
    expect(statusOf(() => hashCompare(software, a, bytes(input!), bytes(reference!)))).toBe(expected);
    const op = new HashOperation(software);
    const got = statusOf(() => {
      op.setup(a);
      op.update(bytes(input!));
      op.verify(bytes(reference!));
    });
    expect(got).toBe(expected);
    op.abort();
  },
  hash_compute_compare([alg, inputHex, expected]) {
    const a = evaluate(alg!);
    const input = bytes(inputHex!);
    expect(hex(hashCompute(software, a, input, hashLength(a)))).toBe(expected);
    expect(hex(hashCompute(software, a, input, 65))).toBe(expected);
    const out = bytes(expected!);
    hashCompare(software, a, input, out);
    const longer = Uint8Array.from([...out, 0]);
    expect(statusOf(() => hashCompare(software, a, input, longer))).toBe(statuses.PSA_ERROR_INVALID_SIGNATURE);
    expect(statusOf(() => hashCompare(software, a, input, out.subarray(0, out.length - 1)))).toBe(statuses.PSA_ERROR_INVALID_SIGNATURE);
    for (let i = 0; i < out.length; i++) {
      out[i]! ^= 1;
      expect(statusOf(() => hashCompare(software, a, input, out))).toBe(statuses.PSA_ERROR_INVALID_SIGNATURE);
      const op = new HashOperation(software);
      op.setup(a);
      op.update(input);
      expect(statusOf(() => op.verify(out))).toBe(statuses.PSA_ERROR_INVALID_SIGNATURE);
      out[i]! ^= 1;
    }
  },
};

if (!present && process.env.CI === 'true') {
  it('Mbed TLS hash vectors are present', () => {
    throw new Error(`missing ${HASH_SUITE} or ${MAIN_SUITE} (set PSA_TEST_VECTORS)`);
  });
}

describe.skipIf(!present)(`Mbed TLS hash vectors${present ? '' : ` (skipped: ${VECTORS}/mbedtls not found; set PSA_TEST_VECTORS)`}`, () => {
  const hashCases = present ? parseSuite(readFileSync(HASH_SUITE, 'utf8')) : [];
  const mainCases = present ? parseSuite(readFileSync(MAIN_SUITE, 'utf8')) : [];
  const selected = [
    ...hashCases.filter((c) => ['hash_finish', 'hash_verify', 'hash_multi_part'].includes(c.fn)),
    ...mainCases.filter((c) => ['hash_setup', 'hash_compute_fail', 'hash_compare_fail', 'hash_compute_compare'].includes(c.fn)),
  ];

  it('found the expected number of cases', () => {
    expect(selected.filter((c) => c.fn === 'hash_finish').length).toBeGreaterThanOrEqual(70);
    expect(selected.filter((c) => c.fn === 'hash_multi_part').length).toBeGreaterThanOrEqual(70);
    expect(selected.filter((c) => c.fn === 'hash_verify').length).toBeGreaterThanOrEqual(10);
  });

  for (const c of selected) {
    it(`${c.fn}: ${c.name}`, () => RUNNERS[c.fn]!(c.args));
  }
});
