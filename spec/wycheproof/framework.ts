/**
 * Wycheproof runner vocabulary. A handler module in `handlers/` exports
 * `handlers: WycheproofHandler[]`; each handler names the files it runs and
 * judges one test at a time. The runner (`wycheproof.spec.ts`) reads the
 * JSON from the shared vectors folder, calls the handler for every test and
 * compares its verdict with the file's `result`:
 * - `valid` must be accepted (and produce the expected output),
 * - `invalid` must be rejected,
 * - `acceptable` is recorded, never failed.
 */

/** One Wycheproof test group (parameters shared by its tests) — fields vary by schema. */
export type WycheproofGroup = Record<string, unknown> & { type: string; tests: WycheproofTest[] };

/** One Wycheproof test — fields vary by schema; hex strings are lowercase. */
export type WycheproofTest = Record<string, unknown> & {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
};

/**
 * What the implementation did with a test:
 * - `accepted`: it succeeded and its output equalled the expected output;
 * - `rejected`: it failed with a PSA status (the status is recorded);
 * - `wrong-output`: it succeeded with an output different from the expected one
 *   (always a failure, whatever the verdict);
 * - `{ skip }`: the case cannot be expressed through PSA (e.g. a parameter PSA has no encoding for).
 */
export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; status: number }
  | { kind: 'wrong-output'; detail: string }
  | { kind: 'skip'; reason: string };

/** A handler for one family of Wycheproof files. */
export interface WycheproofHandler {
  /** File names (without directory) this handler runs. */
  readonly files: readonly string[];
  /** Run one test of `group`; return what happened. Throwing anything but a PsaError is a runner failure. */
  run(group: WycheproofGroup, test: WycheproofTest, file: string): Outcome;
}

/** Decode a Wycheproof hex string. */
export function hex(value: unknown): Uint8Array {
  if (typeof value !== 'string') throw new Error(`expected a hex string, got ${typeof value}`);
  return Uint8Array.from(Buffer.from(value, 'hex'));
}

/** Whether two byte strings are equal. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
