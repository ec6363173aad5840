/**
 * The shape of `src/`, as docs/architecture.md states it: dependencies point
 * one way (the core reaches drivers and storage only through their
 * interfaces and imports no face), no import cycles (type-only imports
 * count), no folder of more than 25 source files, no source file over 400
 * lines. The import graph is read from the files' `import`/`export … from`
 * statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

const FILES = sourceFiles(SRC);
const rel = (f: string): string => relative(ROOT, f).split('\\').join('/');

/** Every relative module a file imports or re-exports, as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
    const spec = (m[1] ?? m[2])!;
    out.push(rel(resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [rel(f), importsOf(f)]));

/** The strongly connected components with more than one file (Tarjan). */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of GRAPH.get(v) ?? []) {
      if (!GRAPH.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of GRAPH.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe('the structure of src/', () => {
  it('has a module graph to check', () => {
    expect(GRAPH.size).toBeGreaterThan(150);
    expect(GRAPH.get('src/core/key-derivation/index.ts')).toContain('src/core/key-derivation/rules.ts');
  });

  it('keeps the core free of drivers, storage backends and faces', () => {
    const allowed = (target: string): boolean =>
      target.startsWith('src/core/') || target.startsWith('src/values/') || target === 'src/bytes.ts'
      || /^src\/drivers\/[^/]+\.ts$/.test(target) || target === 'src/storage/its.ts' || target === 'src/storage/key-file.ts';
    const wrong = [...GRAPH].filter(([f]) => f.startsWith('src/core/'))
      .flatMap(([f, deps]) => deps.filter((d) => !allowed(d)).map((d) => `${f} -> ${d}`));
    expect(wrong).toEqual([]);
  });

  it('keeps values, formats, drivers and storage below the core', () => {
    const wrong = [...GRAPH]
      .filter(([f]) => /^src\/(values|formats|drivers|storage)\//.test(f))
      .flatMap(([f, deps]) => deps.filter((d) => /^src\/(core|c)\//.test(d) || d === 'src/index.ts').map((d) => `${f} -> ${d}`));
    expect(wrong).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('holds at most 25 source files in any folder', () => {
    const counts = new Map<string, number>();
    for (const f of GRAPH.keys()) counts.set(dirname(f), (counts.get(dirname(f)) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 25)).toEqual([]);
  });

  it('keeps every source file under 400 lines', () => {
    const long = FILES.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
