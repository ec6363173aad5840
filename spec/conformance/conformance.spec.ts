/**
 * Runs the Mbed TLS / TF-PSA-Crypto PSA test suites (`.data` files) against
 * this implementation: one vitest test per (file, test function), which runs
 * every case of that function and fails listing every failed case. Writes
 * `docs/conformance.md` when the whole set has run.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, it } from 'vitest';

import { renderReport, writeReport } from './report.js';
import type { FileReport } from './report.js';
import {
  REPO_ROOT,
  createScope,
  listDataFiles,
  loadLifecycle,
  loadRegistry,
  loadValueTables,
  planFile,
  runCase,
  vectorsDir,
} from './runner.js';
import type { CaseResult, FilePlan, PlannedCase, Registry } from './runner.js';

const REPORT_PATH = join(REPO_ROOT, 'docs/conformance.md');
/** At most this many failures are spelled out in one test's error message. */
const MAX_LISTED_FAILURES = 50;

const dir = vectorsDir();

if (!existsSync(dir)) {
  describe('Mbed TLS PSA conformance', () => {
    const message = `test vectors not found at ${dir} (set PSA_TEST_VECTORS to the folder holding mbedtls/)`;
    if (process.env['CI'] === 'true') {
      it('finds the test vectors', () => {
        throw new Error(message);
      });
    } else {
      // Skipped with its reason as the title: the vectors folder is missing (allowed outside CI only).
      it.skip(message, () => {});
    }
  });
} else {
  const registry = await loadRegistry();
  const values = await loadValueTables();
  const scope = createScope(values.tables);
  const lifecycle = await loadLifecycle();
  const plans: FilePlan[] = listDataFiles(dir).map((file) => planFile(dir, file, registry, scope));

  const results = new Map<string, CaseResult[]>();
  const record = (file: string, result: CaseResult): void => {
    const list = results.get(file) ?? [];
    list.push(result);
    results.set(file, list);
  };
  const problems: string[] = [
    ...registry.errors.map((e) => `${e.source}: ${e.message}`),
    ...(values.error ? [values.error] : []),
    ...unusedDeclarations(registry, plans),
  ];
  let pendingGroups = 0;

  describe('Mbed TLS PSA conformance', () => {
    it('loads every suite file and src/values', () => {
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });

    for (const plan of plans) {
      describe(plan.file, () => {
        results.set(plan.file, []);
        if (plan.parseError !== undefined) {
          it('parses', () => {
            throw new Error(plan.parseError);
          });
          return;
        }
        for (const [fn, cases] of groupByFunction(plan.cases)) {
          const runnable = cases.filter((c) => c.skip === undefined);
          if (runnable.length === 0) {
            for (const c of cases) {
              record(plan.file, { file: plan.file, line: c.data.line, name: c.data.name, fn, outcome: 'skip', detail: c.skip! });
            }
            // Every case of this function skips; the title carries the reasons, docs/conformance.md lists them per case.
            it.skip(`${fn}: ${cases.length} skipped (${summariseReasons(cases)})`, () => {});
            continue;
          }
          pendingGroups++;
          const title = `${fn}: ${runnable.length} run` + (runnable.length < cases.length ? `, ${cases.length - runnable.length} skipped` : '');
          it(title, async () => {
            const failures: CaseResult[] = [];
            for (const c of cases) {
              const result = await runCase(c, lifecycle);
              record(plan.file, result);
              if (result.outcome === 'fail') failures.push(result);
            }
            pendingGroups--;
            if (failures.length > 0) {
              const listed = failures
                .slice(0, MAX_LISTED_FAILURES)
                .map((f) => `  line ${f.line} "${f.name}": ${f.detail ?? ''}`);
              if (failures.length > MAX_LISTED_FAILURES) listed.push(`  … and ${failures.length - MAX_LISTED_FAILURES} more`);
              throw new Error(`${failures.length} of ${cases.length} cases failed:\n${listed.join('\n')}`);
            }
          });
        }
      });
    }

    afterAll(() => {
      // Only a complete run describes the implementation; a filtered run leaves the report alone.
      if (pendingGroups !== 0) return;
      const files: FileReport[] = plans.map((p) => ({
        file: p.file,
        suite: p.suite,
        results: sortResults(results.get(p.file) ?? []),
        ...(p.parseError !== undefined ? { error: p.parseError } : {}),
      }));
      writeReport(REPORT_PATH, renderReport(files, problems, relative(REPO_ROOT, dir) || dir));
    });
  });
}

/** Declared functions that no `.data` file calls: most likely a misspelt suite or function name. */
function unusedDeclarations(registry: Registry, filePlans: readonly FilePlan[]): string[] {
  const used = new Set(filePlans.flatMap((p) => p.cases.map((c) => `${p.suite}.${c.data.fn}`)));
  const out: string[] = [];
  for (const [suite, table] of registry.suites) {
    for (const [fn, declared] of table) {
      if (!used.has(`${suite}.${fn}`)) out.push(`${declared.source}: ${suite}.${fn} is declared but no .data file uses it`);
    }
  }
  return out;
}

/** Cases grouped by test function, in order of first appearance. */
function groupByFunction(cases: readonly PlannedCase[]): Map<string, PlannedCase[]> {
  const groups = new Map<string, PlannedCase[]>();
  for (const c of cases) {
    const list = groups.get(c.data.fn) ?? [];
    list.push(c);
    groups.set(c.data.fn, list);
  }
  return groups;
}

/** "reason ×n; reason ×m" for a test title. */
function summariseReasons(cases: readonly PlannedCase[]): string {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.skip ?? '', (counts.get(c.skip ?? '') ?? 0) + 1);
  const parts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ×${n}`);
  return parts.length > 3 ? `${parts.slice(0, 3).join('; ')}; …` : parts.join('; ');
}

function sortResults(list: readonly CaseResult[]): CaseResult[] {
  return [...list].sort((a, b) => a.line - b.line);
}
