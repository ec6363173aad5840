/**
 * `npm run bench -- <suite>`: run a benchmark suite (all suites without an
 * argument) and print its tables. Suites live beside this file as
 * `<name>.ts` exporting `run(): boolean` (whether every target was met).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'harness.ts'].includes(f))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = wanted.length > 0 ? wanted : available;
for (const s of suites) {
  if (!available.includes(s)) {
    console.error(`unknown benchmark suite '${s}'; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
console.log(`# psa-crypto benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
let met = true;
for (const s of suites) {
  const mod = (await import(pathToFileURL(join(here, `${s}.ts`)).href)) as { run: () => boolean };
  met = mod.run() && met;
}
console.log(met ? '\nAll targets met.' : '\nSome targets were missed (see MISSED above).');
