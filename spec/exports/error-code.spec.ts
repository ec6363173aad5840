/**
 * `PsaError.code` is typed as `PsaStatusName`, the union of the names
 * `statusName` returns: the C name of each status constant, and
 * `(psa_status_t)N` for any other number. The type-level checks below are
 * enforced by `tsc --noEmit` (the spec folder is part of the type check);
 * the runtime checks by vitest.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PsaError } from '../../src/values/error.js';
import type { PsaStatusName } from '../../src/values/status.js';
import * as status from '../../src/values/status.js';
import { statusName } from '../../src/values/status.js';

/** The names of the status constants of `src/values/status.ts`, as a type. */
type StatusConstantName = Extract<keyof typeof status, `PSA_${string}`>;

/** Every status constant, by name. */
const CONSTANTS = (Object.entries(status) as [string, unknown][]).filter(
  (entry): entry is [StatusConstantName, number] => entry[0].startsWith('PSA_') && typeof entry[1] === 'number',
);

/** What a caller writes: a `switch` over the code, whose cases narrow it. */
function advice(e: PsaError): string {
  switch (e.code) {
    case 'PSA_ERROR_NOT_PERMITTED':
      expectTypeOf(e.code).toEqualTypeOf<'PSA_ERROR_NOT_PERMITTED'>();
      return 'check the key policy';
    case 'PSA_ERROR_INVALID_SIGNATURE':
      expectTypeOf(e.code).toEqualTypeOf<'PSA_ERROR_INVALID_SIGNATURE'>();
      return 'reject the message';
    default:
      expectTypeOf(e.code).not.toEqualTypeOf<'PSA_ERROR_NOT_PERMITTED'>();
      return e.code;
  }
}

describe('PsaError.code', () => {
  it('is typed as the union of the status names', () => {
    expectTypeOf<PsaError['code']>().toEqualTypeOf<PsaStatusName>();
    expectTypeOf(statusName).returns.toEqualTypeOf<PsaStatusName>();
    // The known part of the union is exactly the set of status constant names.
    expectTypeOf<Exclude<PsaStatusName, `(psa_status_t)${number}`>>().toEqualTypeOf<StatusConstantName>();
    // The fallback for a number that is not a status is part of the union too.
    expectTypeOf<'(psa_status_t)-7'>().toExtend<PsaStatusName>();
    // @ts-expect-error a name that is not a status is not a PsaStatusName
    const notAStatus: PsaStatusName = 'PSA_ERROR_NOT_A_STATUS';
    expect(notAStatus).toBe('PSA_ERROR_NOT_A_STATUS');
  });

  it('equals statusName(status) for every status constant, and that is the constant\'s name', () => {
    expect(CONSTANTS.length).toBeGreaterThan(20);
    for (const [name, value] of CONSTANTS) {
      const e = new PsaError(value);
      expect(e.code).toBe(statusName(value));
      expect(e.code).toBe(name);
    }
  });

  it('is the fallback name statusName gives for a number that is not a status', () => {
    for (const value of [-7, -1000, 1]) {
      expect(new PsaError(value).code).toBe(statusName(value));
      expect(new PsaError(value).code).toBe(`(psa_status_t)${value}`);
    }
  });

  it('narrows in a switch', () => {
    expect(advice(new PsaError(status.PSA_ERROR_NOT_PERMITTED))).toBe('check the key policy');
    expect(advice(new PsaError(status.PSA_ERROR_INVALID_SIGNATURE))).toBe('reject the message');
    expect(advice(new PsaError(status.PSA_ERROR_BAD_STATE))).toBe('PSA_ERROR_BAD_STATE');
  });
});
