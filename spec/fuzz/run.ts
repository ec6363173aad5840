/**
 * The long API fuzzing run: `npm run fuzz -- --calls N [--seed S] [--length L]`
 * runs sequences of L calls (default 40) from seeds S, S+1, … until N calls
 * (default 100,000) are made, and prints the counts. Exits 1 at the first
 * violation, printing the seed that reproduces it.
 */
import { newStats, runSequence } from './harness.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a non-negative integer`);
  return v;
}

const calls = option('calls', 100_000);
const seed0 = option('seed', 20261208);
const length = option('length', 40);
const stats = newStats();
let seed = seed0;
let sequences = 0;
const started = Date.now();
let lastReport = started;
while (stats.calls < calls) {
  try {
    runSequence(seed, length, stats);
  } catch (err) {
    console.error(`seed ${seed}: ${err instanceof Error ? err.message : String(err)}`);
    console.error(JSON.stringify(stats));
    process.exit(1);
  }
  sequences++;
  seed++;
  if (Date.now() - lastReport > 10_000) {
    lastReport = Date.now();
    console.log(`${stats.calls} calls, ${sequences} sequences, ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
console.log(JSON.stringify({ ...stats, sequences, firstSeed: seed0, lastSeed: seed - 1, length, seconds: Math.round((Date.now() - started) / 1000) }));
