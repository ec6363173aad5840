/**
 * The conformance runner: loads the suite files, plans every case of every
 * `.data` file (dependencies, argument decoding) and runs one case with the
 * per-case conventions of the upstream tests (fresh library state before,
 * the `PSA_DONE()` leak check after).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { readDataFile } from './data-file.js';
import type { DataCase } from './data-file.js';
import { FUNCTION_DEPENDENCIES, SUITE_DEPENDENCIES, checkTokens } from './depends.js';
import { ExpressionError, UnknownIdentifierError, createScope, evaluate, toInt32, toInt64 } from './expr.js';
import type { Scope, ValueTables } from './expr.js';
import { Skip } from './framework.js';
import type { Arg, ParamKind, SuiteFunctions, TestFunction } from './framework.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const REPO_ROOT = resolve(HERE, '../..');
/** The folder holding the suite files. */
export const SUITES_DIR = join(HERE, 'suites');

/*
 * The library modules, imported at run time so that a module that does not
 * load yet fails only the cases that need it. Same specifiers as the suite
 * files use, so that everybody shares one module instance (the facade holds
 * the process-wide library state).
 */
const VALUES_MODULE = '../../src/values/registry.js';
const FACADE_MODULE = '../../src/c/index.js';
const STORAGE_MODULE = '../../src/storage/index.js';

/** `import()` of a computed specifier, resolved relative to this file. */
function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}

/** Sub-folder of the vectors holding the Mbed TLS 3.6 secure-element HAL suites. */
const SE_HAL_FOLDER = 'mbedtls-3.6';
/** Why every case of those suites is skipped. */
export const SE_HAL_REASON = 'dynamic secure-element interface removed from PSA core (3.6 only)';

/** The Mbed TLS vector folder (`$PSA_TEST_VECTORS/mbedtls`, default `<repo>/../shared/test-vectors/mbedtls`). */
export function vectorsDir(): string {
  const base = process.env['PSA_TEST_VECTORS'] ?? resolve(REPO_ROOT, '../shared/test-vectors');
  return join(base, 'mbedtls');
}

/** Every `.data` file under the vector folder, as paths relative to it, sorted. */
export function listDataFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.data')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** `test_suite_X.data` / `test_suite_X.anything.data` → `X`. */
export function suiteOfFile(relPath: string): string {
  const name = basename(relPath);
  const m = /^test_suite_([A-Za-z0-9_]+)(\..*)?\.data$/.exec(name);
  if (!m) throw new Error(`not a test suite data file: ${relPath}`);
  return m[1]!;
}

// ---------------------------------------------------------------------------
// Suite files

/** A declared test function and the suite file declaring it. */
export interface Declared {
  readonly fn: TestFunction;
  readonly source: string;
}

/** Everything the suite files declare, by suite then function name. */
export interface Registry {
  readonly suites: Map<string, Map<string, Declared>>;
  /** Suite files that could not be loaded, or that declare something twice. */
  readonly errors: Array<{ readonly source: string; readonly message: string }>;
  /** The suite files found, in load order. */
  readonly sources: string[];
}

/** Import every suite file (one failing import does not stop the others) and merge their functions. */
export async function loadRegistry(dir: string = SUITES_DIR): Promise<Registry> {
  const registry: Registry = { suites: new Map(), errors: [], sources: [] };
  if (!existsSync(dir)) return registry;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    const source = relative(REPO_ROOT, join(dir, file));
    registry.sources.push(source);
    let mod: { suite?: unknown; functions?: unknown };
    try {
      mod = (await importModule(pathToFileURL(join(dir, file)).href)) as typeof mod;
    } catch (err) {
      registry.errors.push({ source, message: `failed to load: ${describeError(err)}` });
      continue;
    }
    if (typeof mod.suite !== 'string' || typeof mod.functions !== 'object' || mod.functions === null) {
      registry.errors.push({ source, message: 'must export `suite: string` and `functions: SuiteFunctions`' });
      continue;
    }
    const functions = mod.functions as SuiteFunctions;
    let table = registry.suites.get(mod.suite);
    if (!table) {
      table = new Map();
      registry.suites.set(mod.suite, table);
    }
    for (const [name, fn] of Object.entries(functions)) {
      const previous = table.get(name);
      if (previous) {
        registry.errors.push({
          source,
          message: `${mod.suite}.${name} is already declared by ${previous.source}`,
        });
        continue;
      }
      if (!fn.run && fn.skip === undefined) {
        registry.errors.push({ source, message: `${mod.suite}.${name} has neither run nor skip` });
        continue;
      }
      table.set(name, { fn, source });
    }
  }
  return registry;
}

// ---------------------------------------------------------------------------
// Planning

/** A case with everything decided before running it. */
export interface PlannedCase {
  readonly data: DataCase;
  readonly suite: string;
  /** Set when the case is skipped: the reason. */
  readonly skip?: string;
  /** Set when the case fails before running (runner-level error). */
  readonly error?: string;
  /** Set when the case is to be run. */
  readonly fn?: TestFunction;
  readonly args?: Arg[];
}

/** All cases of one `.data` file. */
export interface FilePlan {
  /** Path relative to the vector folder. */
  readonly file: string;
  readonly suite: string;
  readonly cases: PlannedCase[];
  /** Set when the file could not be parsed. */
  readonly parseError?: string;
}

/** Loads `src/values`, giving `undefined` (every PSA name unknown) if it cannot be loaded. */
export async function loadValueTables(): Promise<{ tables?: ValueTables; error?: string }> {
  try {
    const mod = (await importModule(VALUES_MODULE)) as Partial<ValueTables>;
    if (!(mod.VALUES instanceof Map) || !(mod.MACROS instanceof Map)) {
      return { error: 'src/values/registry.ts does not export VALUES and MACROS maps' };
    }
    return { tables: { VALUES: mod.VALUES, MACROS: mod.MACROS } };
  } catch (err) {
    return { error: `src/values failed to load: ${describeError(err)}` };
  }
}

/** Plan every case of one file. */
export function planFile(dir: string, file: string, registry: Registry, scope: Scope): FilePlan {
  const suite = suiteOfFile(file);
  let cases: DataCase[];
  try {
    cases = readDataFile(join(dir, file), file);
  } catch (err) {
    return { file, suite, cases: [], parseError: describeError(err) };
  }
  const seHal = file.startsWith(`${SE_HAL_FOLDER}/`);
  return {
    file,
    suite,
    cases: cases.map((data) => (seHal ? { data, suite, skip: SE_HAL_REASON } : planCase(data, suite, registry, scope))),
  };
}

/**
 * Decide what happens to one case. The first reason that applies wins:
 * the suite's dependencies; a function declared as skipped (a decision about
 * the whole function); the function's own dependencies; the case's
 * `depends_on`; a function no suite file implements. Then the arguments are
 * decoded: a wrong count or a malformed argument is a runner error (the case
 * fails), a name nobody knows skips the case.
 */
export function planCase(data: DataCase, suite: string, registry: Registry, scope: Scope): PlannedCase {
  const declared = registry.suites.get(suite)?.get(data.fn)?.fn;
  const verdict = (tokens: readonly string[]): string | undefined => {
    try {
      return checkTokens(tokens, scope);
    } catch (err) {
      return `!error: bad dependency: ${describeError(err)}`;
    }
  };
  const decide = (reason: string | undefined): PlannedCase | undefined => {
    if (reason === undefined) return undefined;
    if (reason.startsWith('!error: ')) return { data, suite, error: reason.slice('!error: '.length) };
    return { data, suite, skip: reason };
  };

  const early =
    decide(verdict(SUITE_DEPENDENCIES.get(suite) ?? [])) ??
    (declared?.skip !== undefined ? { data, suite, skip: declared.skip } : undefined) ??
    decide(verdict([...(FUNCTION_DEPENDENCIES.get(`${suite}.${data.fn}`) ?? []), ...(declared?.depends ?? [])])) ??
    decide(verdict(data.depends));
  if (early) return early;
  if (!declared?.run) return { data, suite, skip: `test function not implemented yet: ${suite}.${data.fn}` };

  if (data.rawArgs.length !== declared.params.length) {
    return {
      data,
      suite,
      error: `runner error: ${data.rawArgs.length} arguments given, ${suite}.${data.fn} takes ${declared.params.length}`,
    };
  }
  const args: Arg[] = [];
  for (let i = 0; i < declared.params.length; i++) {
    try {
      args.push(decodeArg(declared.params[i]!, data.rawArgs[i]!, scope));
    } catch (err) {
      if (err instanceof UnknownIdentifierError) return { data, suite, skip: `unknown identifier ${err.identifier}` };
      return { data, suite, error: `runner error: argument ${i + 1}: ${describeError(err)}` };
    }
  }
  return { data, suite, fn: declared, args };
}

/** Decode one argument according to the C parameter type. */
export function decodeArg(kind: ParamKind, raw: string, scope: Scope): Arg {
  const text = raw.trim();
  switch (kind) {
    case 'int':
      return toInt32(evaluate(text, scope));
    case 'int64':
      return toInt64(evaluate(text, scope));
    case 'data': {
      const m = /^"([0-9a-fA-F]*)"$/.exec(text);
      if (!m || m[1]!.length % 2 !== 0) throw new ExpressionError(text, 'expected a quoted hex string of whole bytes');
      const digits = m[1]!;
      const out = new Uint8Array(digits.length / 2);
      for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
      return out;
    }
    case 'string': {
      const m = /^"([\s\S]*)"$/.exec(text);
      if (!m) throw new ExpressionError(text, 'expected a quoted string');
      return m[1]!;
    }
  }
}

// ---------------------------------------------------------------------------
// Running

/** What happened to one case. */
export interface CaseResult {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly fn: string;
  readonly outcome: 'pass' | 'fail' | 'skip';
  /** Skip reason or failure message. */
  readonly detail?: string;
}

/** The library lifecycle the runner drives around each case. */
export interface Lifecycle {
  /** Establish the state a case starts from. */
  before(setup: 'init' | 'free'): void;
  /** Leak check of `PSA_DONE()`; returns a failure message, or undefined. Always frees. */
  after(): string | undefined;
}

interface FacadeLifecycle {
  psa_crypto_init(options?: { storage?: unknown }): number;
  mbedtls_psa_crypto_free(): void;
  mbedtls_psa_get_stats(stats: Record<string, number>): void;
}

/**
 * The lifecycle over the C facade: `mbedtls_psa_crypto_free()`, then
 * `psa_crypto_init({ storage: memoryStorage() })`; afterwards the checks of
 * upstream's `mbedtls_test_helper_is_psa_leaking()`.
 */
export async function loadLifecycle(): Promise<Lifecycle> {
  let facade: FacadeLifecycle;
  let memoryStorage: () => unknown;
  try {
    facade = (await importModule(FACADE_MODULE)) as FacadeLifecycle;
    const storage = (await importModule(STORAGE_MODULE)) as {
      memoryStorage: () => unknown;
    };
    memoryStorage = storage.memoryStorage;
  } catch (err) {
    const message = `the C facade or storage failed to load: ${describeError(err)}`;
    return {
      before() {
        throw new Error(message);
      },
      after() {
        return undefined;
      },
    };
  }
  return {
    before(setup) {
      facade.mbedtls_psa_crypto_free();
      if (setup === 'init') {
        const status = facade.psa_crypto_init({ storage: memoryStorage() });
        if (status !== 0) throw new Error(`psa_crypto_init failed with status ${status}`);
      }
    },
    after() {
      try {
        const stats: Record<string, number> = {};
        facade.mbedtls_psa_get_stats(stats);
        return leakMessage(stats);
      } finally {
        facade.mbedtls_psa_crypto_free();
      }
    },
  };
}

/** `MBEDTLS_TEST_PSA_INTERNAL_KEYS` of this build. */
const INTERNAL_KEYS = 0;

/** The checks of upstream's `PSA_DONE()`, on `mbedtls_psa_get_stats` output. */
export function leakMessage(stats: Readonly<Record<string, number>>): string | undefined {
  const n = (k: string): number => stats[k] ?? 0;
  if (n('volatile_slots') > INTERNAL_KEYS) return `leak: ${n('volatile_slots')} volatile key slot(s) still in use at the end of the case`;
  if (n('persistent_slots') !== 0) return `leak: ${n('persistent_slots')} persistent key slot(s) still in use at the end of the case`;
  if (n('external_slots') !== 0) return `leak: ${n('external_slots')} external key slot(s) still in use at the end of the case`;
  if (n('half_filled_slots') !== 0) return `leak: ${n('half_filled_slots')} half-filled key slot(s) at the end of the case`;
  if (n('locked_slots') !== 0) return `leak: ${n('locked_slots')} key slot(s) still locked at the end of the case`;
  return undefined;
}

/** Run one planned case. Never throws. */
export async function runCase(planned: PlannedCase, lifecycle: Lifecycle): Promise<CaseResult> {
  const { data } = planned;
  const base = { file: data.file, line: data.line, name: data.name, fn: data.fn };
  if (planned.skip !== undefined) return { ...base, outcome: 'skip', detail: planned.skip };
  if (planned.error !== undefined) return { ...base, outcome: 'fail', detail: planned.error };
  const fn = planned.fn!;
  const setup = fn.setup ?? 'init';

  let failure: string | undefined;
  let skipped: string | undefined;
  try {
    if (setup !== 'none') lifecycle.before(setup);
    const result: unknown = fn.run!(...planned.args!);
    if (result instanceof Promise) await result;
  } catch (err) {
    if (err instanceof Skip) skipped = err.reason;
    else failure = describeError(err);
  }
  if (setup !== 'none') {
    try {
      const leak = lifecycle.after();
      if (leak !== undefined && failure === undefined && skipped === undefined) failure = leak;
    } catch (err) {
      failure ??= `teardown: ${describeError(err)}`;
    }
  }
  if (failure !== undefined) return { ...base, outcome: 'fail', detail: failure };
  if (skipped !== undefined) return { ...base, outcome: 'skip', detail: skipped };
  return { ...base, outcome: 'pass' };
}

/** A one-line description of anything thrown. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.name;
  return String(err);
}

export { createScope };
