/**
 * The conformance runner's own machinery: `.data` parsing, expression
 * evaluation, dependency checks, argument decoding and case outcomes.
 * Uses small stand-in value tables, so it does not depend on `src/values`.
 */
import { describe, expect, it } from 'vitest';

import { DataFormatError, parseDataText } from './data-file.js';
import { checkToken } from './depends.js';
import { UnknownIdentifierError, createScope, evaluate, toInt32, toInt64 } from './expr.js';
import type { ValueTables } from './expr.js';
import { Skip } from './framework.js';
import type { TestFunction } from './framework.js';
import { decodeArg, leakMessage, planCase, runCase, suiteOfFile } from './runner.js';
import type { Lifecycle, Registry } from './runner.js';

const tables: ValueTables = {
  VALUES: new Map([
    ['PSA_ALG_SHA_256', 0x02000009],
    ['PSA_SUCCESS', 0],
    ['PSA_ERROR_NOT_SUPPORTED', -134],
    ['PSA_KEY_USAGE_SIGN_HASH', 0x1000],
    ['PSA_KEY_USAGE_VERIFY_HASH', 0x2000],
  ]),
  MACROS: new Map<string, (...args: number[]) => number | boolean>([
    ['PSA_ALG_HMAC', (h) => (0x03800000 | (h & 0xff)) >>> 0],
    ['PSA_ALG_IS_HASH', (a) => (a & 0x7f000000) === 0x02000000],
  ]),
};
const scope = createScope(tables);

describe('.data parser', () => {
  it('reads names, dependencies, functions and arguments', () => {
    const text = [
      '# a comment',
      'First case: with a colon',
      'depends_on:PSA_WANT_ALG_SHA_256: !MBEDTLS_X :A >= 2',
      'fn_one:1:"00ff"::PSA_ALG_HMAC( PSA_ALG_SHA_256 )',
      '',
      '   ',
      'Second case',
      '# comment between name and function',
      'fn_two:',
      'Third case follows without a blank line',
      'fn_three',
      '',
      'Escapes',
      'fn_four:"a\\:b":x\\ny:\\\\',
    ].join('\r\n');
    const cases = parseDataText(text, 'f.data');
    expect(cases.map((c) => [c.line, c.name, c.fn])).toEqual([
      [2, 'First case: with a colon', 'fn_one'],
      [7, 'Second case', 'fn_two'],
      [10, 'Third case follows without a blank line', 'fn_three'],
      [13, 'Escapes', 'fn_four'],
    ]);
    expect(cases[0]!.depends).toEqual(['PSA_WANT_ALG_SHA_256', '!MBEDTLS_X', 'A >= 2']);
    expect(cases[0]!.rawArgs).toEqual(['1', '"00ff"', 'PSA_ALG_HMAC( PSA_ALG_SHA_256 )']);
    expect(cases[1]!.rawArgs).toEqual([]);
    expect(cases[2]!.rawArgs).toEqual([]);
    expect(cases[3]!.rawArgs).toEqual(['"a:b"', 'x\ny', '\\']);
  });

  it('rejects a blank line inside a case and a case without a function line', () => {
    expect(() => parseDataText('name\n\nfn:1\n', 'f.data')).toThrow(DataFormatError);
    expect(() => parseDataText('name\ndepends_on:X\n', 'f.data')).toThrow(/no function line/);
  });

  it('maps file names to suites', () => {
    expect(suiteOfFile('test_suite_psa_crypto.pbkdf2.data')).toBe('psa_crypto');
    expect(suiteOfFile('test_suite_psa_its.data')).toBe('psa_its');
    expect(suiteOfFile('mbedtls-3.6/test_suite_psa_crypto_se_driver_hal_mocks.data')).toBe('psa_crypto_se_driver_hal_mocks');
  });
});

describe('expression evaluator', () => {
  const ev = (text: string): bigint => evaluate(text, scope);

  it('follows C precedence and literal forms', () => {
    expect(ev('5 * 2 + 1')).toBe(11n);
    expect(ev('1 + 2 << 3')).toBe(24n);
    expect(ev('0x10 | 1 ^ 3 & 2')).toBe(0x13n);
    expect(ev('(2 * 1024 + 1) * 8')).toBe(16392n);
    expect(ev('4294967295ULL + 1')).toBe(4294967296n);
    expect(ev('0xbad10cU')).toBe(0xbad10cn);
    expect(ev('010')).toBe(8n);
    expect(ev('-7 / 2')).toBe(-3n);
    expect(ev('-7 % 2')).toBe(-1n);
    expect(ev('~0')).toBe(-1n);
    expect(ev('!0 && 3 > 2 || 0')).toBe(1n);
    expect(ev('1 ? 2 : 3')).toBe(2n);
    expect(ev('SIZE_MAX>=0xffffffffffffffff')).toBe(1n);
  });

  it('resolves names and macros, lazily where C does', () => {
    expect(ev('PSA_ALG_HMAC(PSA_ALG_SHA_256)')).toBe(0x03800009n);
    expect(ev('PSA_ALG_IS_HASH(PSA_ALG_SHA_256)')).toBe(1n);
    expect(ev('PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH')).toBe(0x3000n);
    expect(ev('MBEDTLS_PSA_KEY_SLOT_COUNT - MBEDTLS_TEST_PSA_INTERNAL_KEYS')).toBe(32n);
    expect(ev('ALG_IS_ECDSA | ALG_IS_SIGN_HASH')).toBe((1n << 12n) | (1n << 17n));
    expect(ev('mbedtls_svc_key_id_make(0xdead, 0x1234)')).toBe(0x1234n);
    expect(ev('ARRAY_LENGTH( ram_slots )')).toBe(16n);
    expect(ev('0 && NOT_A_NAME')).toBe(0n);
    expect(() => ev('NOT_A_NAME + 1')).toThrow(UnknownIdentifierError);
    expect(() => ev('NOT_A_MACRO(1)')).toThrow(/unknown identifier NOT_A_MACRO/);
    expect(() => ev('1 +')).toThrow(/unexpected end/);
    expect(() => ev('(1')).toThrow(/expected "\)"/);
  });

  it('narrows like C parameters', () => {
    expect(toInt32(0xffffffffn)).toBe(-1);
    expect(toInt32(0x100000005n)).toBe(5);
    expect(toInt64((1n << 64n) + 3n)).toBe(3n);
  });
});

describe('dependencies', () => {
  it('checks defined, not defined and expressions', () => {
    expect(checkToken('MBEDTLS_PSA_CRYPTO_C', scope)).toBeUndefined();
    expect(checkToken('PSA_WANT_ALG_MD2', scope)).toBe('dependency not met: PSA_WANT_ALG_MD2');
    expect(checkToken('!PSA_WANT_ALG_MD2', scope)).toBeUndefined();
    expect(checkToken('!PSA_WANT_ALG_SHA_256', scope)).toBe('dependency not met: !PSA_WANT_ALG_SHA_256');
    expect(checkToken('PSA_ALG_HMAC', scope)).toBeUndefined();
    expect(checkToken('PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS <= 1024', scope)).toBeUndefined();
    expect(checkToken('PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS > 1024', scope)).toBe(
      'dependency not met: PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS > 1024',
    );
    expect(checkToken('ENTROPY_NONCE_LEN == 0', scope)).toBe('unknown identifier ENTROPY_NONCE_LEN');
  });
});

describe('cases', () => {
  const data = (fn: string, rawArgs: string[], depends: string[] = []) => ({
    file: 'test_suite_demo.data', line: 1, name: `case of ${fn}`, depends, fn, rawArgs,
  });
  const registryOf = (functions: Record<string, TestFunction>): Registry => ({
    suites: new Map([['demo', new Map(Object.entries(functions).map(([k, fn]) => [k, { fn, source: 'demo.ts' }]))]]),
    errors: [],
    sources: [],
  });
  let leak: string | undefined;
  const calls: string[] = [];
  const lifecycle: Lifecycle = {
    before(setup) {
      calls.push(`before ${setup}`);
    },
    after() {
      calls.push('after');
      return leak;
    },
  };

  it('decodes arguments by parameter kind', () => {
    expect(decodeArg('int', 'PSA_ERROR_NOT_SUPPORTED', scope)).toBe(-134);
    expect(decodeArg('int', '0xffffffff', scope)).toBe(-1);
    expect(decodeArg('int64', '0xffffffff + 1ULL', scope)).toBe(0x100000000n);
    expect(decodeArg('data', '"00FFa0"', scope)).toEqual(Uint8Array.of(0, 255, 0xa0));
    expect(decodeArg('data', '""', scope)).toEqual(new Uint8Array(0));
    expect(decodeArg('string', '"abc"', scope)).toBe('abc');
    expect(() => decodeArg('data', '"0"', scope)).toThrow(/whole bytes/);
    expect(() => decodeArg('data', '00', scope)).toThrow(/quoted hex/);
  });

  it('runs, fails, skips and detects leaks', async () => {
    const seen: unknown[] = [];
    const registry = registryOf({
      ok: { params: ['int', 'data'], run: (...args: unknown[]) => void seen.push(args) },
      bad: { params: [], run: () => { throw new Error('boom'); } },
      later: { params: [], run: () => { throw new Skip('not today'); } },
      never: { params: ['int'], skip: 'not in this build' },
      pure: { params: [], setup: 'none', run: () => {} },
    });
    const plan = (d: ReturnType<typeof data>) => planCase(d, 'demo', registry, scope);

    calls.length = 0;
    const ok = await runCase(plan(data('ok', ['PSA_ALG_SHA_256', '"01"'])), lifecycle);
    expect(ok.outcome).toBe('pass');
    expect(seen).toEqual([[0x02000009, Uint8Array.of(1)]]);
    expect(calls).toEqual(['before init', 'after']);

    expect(await runCase(plan(data('bad', [])), lifecycle)).toMatchObject({ outcome: 'fail', detail: 'boom' });
    expect(await runCase(plan(data('later', [])), lifecycle)).toMatchObject({ outcome: 'skip', detail: 'not today' });
    expect(await runCase(plan(data('never', ['1'])), lifecycle)).toMatchObject({ outcome: 'skip', detail: 'not in this build' });
    expect(await runCase(plan(data('missing', [])), lifecycle)).toMatchObject({
      outcome: 'skip',
      detail: 'test function not implemented yet: demo.missing',
    });
    expect(await runCase(plan(data('ok', ['1'])), lifecycle)).toMatchObject({ outcome: 'fail', detail: expect.stringMatching(/1 arguments given/) });
    expect(await runCase(plan(data('ok', ['UNKNOWN_X', '""'])), lifecycle)).toMatchObject({ outcome: 'skip', detail: 'unknown identifier UNKNOWN_X' });
    expect(await runCase(plan(data('ok', ['1', '""'], ['PSA_WANT_ALG_MD2'])), lifecycle)).toMatchObject({
      outcome: 'skip',
      detail: 'dependency not met: PSA_WANT_ALG_MD2',
    });

    leak = 'leak: 1 volatile key slot(s) still in use at the end of the case';
    expect(await runCase(plan(data('ok', ['1', '""'])), lifecycle)).toMatchObject({ outcome: 'fail', detail: leak });
    calls.length = 0;
    expect(await runCase(plan(data('pure', [])), lifecycle)).toMatchObject({ outcome: 'pass' });
    expect(calls).toEqual([]);
    leak = undefined;
  });

  it('applies the checks of PSA_DONE()', () => {
    expect(leakMessage({ volatile_slots: 0, persistent_slots: 0, locked_slots: 0 })).toBeUndefined();
    expect(leakMessage({ volatile_slots: 1 })).toMatch(/volatile/);
    expect(leakMessage({ persistent_slots: 1 })).toMatch(/persistent/);
    expect(leakMessage({ external_slots: 1 })).toMatch(/external/);
    expect(leakMessage({ half_filled_slots: 1 })).toMatch(/half-filled/);
    expect(leakMessage({ locked_slots: 2 })).toMatch(/locked/);
  });
});
