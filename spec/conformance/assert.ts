/**
 * Assertions for the transliterated test functions, mirroring the upstream
 * test macros (`TEST_ASSERT`, `TEST_EQUAL`, `PSA_ASSERT`,
 * `TEST_MEMORY_COMPARE`, `TEST_LE_U`). They throw `CheckFailure` with a
 * message that names the check and the values involved.
 */
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED, PSA_SUCCESS, statusName } from '../../src/values/status.js';

/** A failed check inside a test function. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** `TEST_ASSERT`. */
export function check(condition: unknown, what: string): void {
  if (!condition) throw new CheckFailure(`check failed: ${what}`);
}

/** `TEST_EQUAL` on integers or booleans. */
export function checkEqual(actual: number | bigint | boolean, expected: number | bigint | boolean, what: string): void {
  const norm = (v: number | bigint | boolean): bigint => (typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(v));
  if (norm(actual) !== norm(expected)) {
    throw new CheckFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** `TEST_LE_U`. */
export function checkLessOrEqual(actual: number, limit: number, what: string): void {
  if (!(actual <= limit)) throw new CheckFailure(`${what}: ${actual} is not <= ${limit}`);
}

/** `TEST_EQUAL` on two statuses, shown by name. */
export function checkStatus(actual: number, expected: number, what: string): void {
  if (actual !== expected) {
    throw new CheckFailure(`${what}: expected ${statusName(expected)}, got ${statusName(actual)}`);
  }
}

/**
 * `TEST_STATUS` of the op_fail suite: equal statuses, with INVALID_ARGUMENT
 * and NOT_SUPPORTED counting as one (upstream's generator and library do not
 * yet agree on which of the two applies).
 */
export function checkStatusLoose(actual: number, expected: number, what: string): void {
  const loose = (s: number): number => (s === PSA_ERROR_NOT_SUPPORTED ? PSA_ERROR_INVALID_ARGUMENT : s);
  if (loose(actual) !== loose(expected)) {
    throw new CheckFailure(`${what}: expected ${statusName(expected)}, got ${statusName(actual)}`);
  }
}

/** `PSA_ASSERT`: the call must have succeeded. */
export function checkSuccess(actual: number, what: string): void {
  checkStatus(actual, PSA_SUCCESS, what);
}

/** `TEST_MEMORY_COMPARE`. */
export function checkBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  const same = actual.length === expected.length && actual.every((b, i) => b === expected[i]);
  if (!same) throw new CheckFailure(`${what}: expected ${hex(expected)}, got ${hex(actual)}`);
}

/** Lower-case hex of some bytes (shortened when long). */
export function hex(bytes: Uint8Array): string {
  const full = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return full.length > 160 ? `${full.slice(0, 160)}… (${bytes.length} bytes)` : `"${full}"`;
}

function show(v: number | bigint | boolean): string {
  if (typeof v === 'boolean') return String(v);
  const n = BigInt(v);
  return n < 0n ? String(n) : `${n} (0x${n.toString(16)})`;
}
