/**
 * A small benchmark harness: runs the contenders of a case in alternating
 * rounds of a fixed time and prints each contender's median ops/s (or MB/s),
 * the median over the rounds of its ratio to the reference contender, and the
 * target when one is set. Benchmarks print; they never fail a test run.
 */

/** One way of doing the work of a case. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

/** A benchmark case: the same work done by several contenders. */
export interface BenchCase {
  readonly name: string;
  /** Bytes processed per run (0 = report ops/s only). */
  readonly bytes: number;
  /** The contender the ratios are computed against (the first one if absent). */
  readonly reference?: string;
  readonly contenders: readonly Contender[];
  /** Minimum ratio `contender / reference` expected for `contender`. */
  readonly targets?: Readonly<Record<string, number>>;
}

/** Measured speed of one contender. */
export interface Measurement {
  readonly name: string;
  /** Median ops/s over the rounds. */
  readonly opsPerSecond: number;
  /** Median over the rounds of this contender's ops/s divided by the reference's in the same round. */
  readonly ratio: number;
}

/** Run `fn` repeatedly for about `ms` milliseconds (after a warm-up) and return runs per second. */
export function measure(fn: () => unknown, ms = 700): number {
  const warmEnd = performance.now() + ms / 4;
  while (performance.now() < warmEnd) fn();
  let runs = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn();
    runs++;
    now = performance.now();
  }
  return (runs * 1000) / (now - start);
}

const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Run every case and print a table; returns whether every target was met. */
export function runCases(title: string, cases: readonly BenchCase[], ms?: number): boolean {
  console.log(`\n## ${title}\n`);
  console.log('| case | contender | ops/s | MB/s | ratio | target |');
  console.log('|---|---|---:|---:|---:|---:|');
  let allMet = true;
  for (const c of cases) {
    // Rounds that alternate the contenders (and which of them goes first); each round gives
    // every contender's ratio to the reference measured seconds apart, and the median of those
    // per-round ratios is reported: a slow spell of the machine (or the GC debt one contender
    // leaves the next) then cannot decide a ratio alone.
    const rounds = 15;
    const samples = c.contenders.map(() => [] as number[]);
    for (let round = 0; round < rounds; round++) {
      const order = c.contenders.map((_, i) => i);
      if (round % 2 === 1) order.reverse();
      for (const i of order) samples[i]!.push(measure(c.contenders[i]!.run, (ms ?? 700) / 5));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const refName = c.reference ?? c.contenders[0]!.name;
    const refIndex = Math.max(0, c.contenders.findIndex((x) => x.name === refName));
    const results: Measurement[] = c.contenders.map((x, i) => ({
      name: x.name,
      opsPerSecond: median(samples[i]!),
      ratio: median(samples[i]!.map((v, round) => v / samples[refIndex]![round]!)),
    }));
    for (const r of results) {
      const ratio = r.ratio;
      const target = c.targets?.[r.name];
      const met = target === undefined || ratio >= target;
      if (!met) allMet = false;
      const mbps = c.bytes > 0 ? fmt((r.opsPerSecond * c.bytes) / 1e6) : '';
      console.log(`| ${c.name} | ${r.name} | ${fmt(r.opsPerSecond)} | ${mbps} | ${r.name === refName ? '1 (ref)' : ratio.toFixed(2)} | ${target === undefined ? '' : `≥ ${target} ${met ? 'met' : 'MISSED'}`} |`);
    }
  }
  return allMet;
}
