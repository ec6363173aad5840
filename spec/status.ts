/**
 * Shared by the specs: the PSA status a call ends with, so a test can
 * compare statuses as numbers.
 */
import { statusOf } from '../src/values/error.js';

/** The status `body` throws (a `PsaError`'s), or 0 (PSA_SUCCESS) when it returns. */
export function statusOfCall(body: () => unknown): number {
  try {
    body();
    return 0;
  } catch (err) {
    return statusOf(err);
  }
}
