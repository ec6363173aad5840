/**
 * The public surface: every name (value or type) each entry point of
 * package.json `exports` gives, computed with the TypeScript compiler API
 * from the source entry files, against the committed list
 * `spec/exports/surface.txt` (one `entry name kind` line per export). A
 * change to the public surface is therefore a visible diff of that file.
 *
 * After an intended change: `PSA_UPDATE_SURFACE=1 npx vitest run spec/exports`
 * rewrites the file; commit it with the change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SURFACE = join(ROOT, 'spec/exports/surface.txt');
const UPDATE = 'PSA_UPDATE_SURFACE=1 npx vitest run spec/exports';

/** Helpers that must never be public, whatever else changes. */
const NEVER_PUBLIC = ['checkItsData', 'encodeKeyRecord', 'decodeKeyRecord', 'itsFileName', 'fail', 'statusOf'];

/** The entry points: the package.json `exports` subpath → its source file (`./dist/x.js` → `src/x.ts`). */
function entryPoints(): { entry: string; file: string }[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { import?: { default?: string } }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    const built = typeof target === 'string' ? target : target.import?.default;
    if (!built?.startsWith('./dist/') || !built.endsWith('.js')) return [];
    const entry = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    return [{ entry, file: join(ROOT, 'src', built.slice('./dist/'.length, -'.js'.length) + '.ts') }];
  });
}

/** `entry name kind` for every export of every entry point, names sorted within an entry. */
function computeSurface(): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const entries = entryPoints();
  const program = ts.createProgram(entries.map((e) => e.file), { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const lines: string[] = [];
  for (const { entry, file } of entries) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} (entry point ${entry}) not found`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${file} is not a module`);
    const names = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return { name: symbol.getName(), kind: target.flags & ts.SymbolFlags.Value ? 'value' : 'type' };
    });
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, kind } of names) lines.push(`${entry} ${name} ${kind}`);
  }
  return lines;
}

/** The committed list (no blank lines). */
function readSurface(): string[] {
  try {
    return readFileSync(SURFACE, 'utf8').split('\n').filter((line) => line.length > 0);
  } catch {
    return [];
  }
}

describe('public surface', () => {
  const computed = computeSurface();

  it('equals the committed list spec/exports/surface.txt', () => {
    if (process.env['PSA_UPDATE_SURFACE'] === '1') writeFileSync(SURFACE, computed.join('\n') + '\n');
    const committed = readSurface();
    const have = new Set(committed);
    const want = new Set(computed);
    const added = computed.filter((line) => !have.has(line));
    const removed = committed.filter((line) => !want.has(line));
    const message = [
      'the public surface differs from spec/exports/surface.txt (+ exported but not listed, - listed but not exported):',
      ...added.map((line) => `  + ${line}`),
      ...removed.map((line) => `  - ${line}`),
      `if the change is intended, update the list with: ${UPDATE}`,
    ].join('\n');
    expect(added.length + removed.length, message).toBe(0);
    expect(committed, `spec/exports/surface.txt is not in order; rewrite it with: ${UPDATE}`).toEqual(computed);
  });

  it('has every entry point of package.json and names in each', () => {
    for (const { entry } of entryPoints()) {
      expect(computed.some((line) => line.startsWith(`${entry} `)), entry).toBe(true);
    }
  });

  it('publishes none of the internal helpers', () => {
    const names = computed.map((line) => line.split(' ')[1]!);
    for (const name of NEVER_PUBLIC) expect(names, name).not.toContain(name);
    expect(names.filter((name) => name.startsWith('ITS_'))).toEqual([]);
  });
});
