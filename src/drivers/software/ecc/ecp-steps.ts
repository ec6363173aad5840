/**
 * Restartable elliptic-curve arithmetic in the manner of Mbed TLS's
 * `MBEDTLS_ECP_RESTARTABLE`: computations written as generators that yield
 * the cost of their next unit of work, and a job (`StepsJob`) that runs
 * units until the caller's op budget is spent.
 *
 * The costs are Mbed TLS's `ecp.c` weights: a point doubling 8
 * (`MBEDTLS_ECP_OPS_DBL`), a point addition 11 (`_ADD`), the final
 * normalisation 120 (`_INV`), a public-key check 3 (`_CHK`), scaled ×2 for
 * curves of 384 bits or more and ×4 from 512 bits (`mbedtls_ecp_check_budget`).
 * A call always runs at least one unit, then stops before a unit that would
 * exceed the budget; a budget of 0 counts as 1, as in Mbed TLS.
 * @module
 */
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import type { InterruptibleJob } from '../../sign.js';
import { fail } from '../../../values/error.js';
import type { WeierstrassCurve } from './curves.js';

/** Mbed TLS's op weight (`ecp.h` `MBEDTLS_ECP_OPS_CHK`) of a range or curve check. */
export const OPS_CHK = 3;
/** Op weight of a point doubling (`MBEDTLS_ECP_OPS_DBL`). */
export const OPS_DBL = 8;
/** Op weight of a point addition (`MBEDTLS_ECP_OPS_ADD`). */
export const OPS_ADD = 11;
/** Op weight of a modular inversion (`MBEDTLS_ECP_OPS_INV`). */
export const OPS_INV = 120;

/** A computation as units of work: each yield is the cost of the unit that follows. */
export type Steps<T> = Generator<number, T, void>;

type Point = WeierstrassPoint<bigint>;

const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);

/**
 * k·P by a Montgomery ladder: one unit per addition and per doubling over
 * every bit position of n (the work does not depend on k), then the
 * normalisation. The result is affine, or `undefined` for the point at infinity.
 */
export function* mulSteps(curve: WeierstrassCurve, k: bigint, P: Point = curve.Point.BASE): Steps<{ x: bigint; y: bigint } | undefined> {
  let r0: Point = curve.Point.ZERO;
  let r1: Point = P;
  for (let i = bitLength(curve.n) - 1; i >= 0; i--) {
    const bit = (k >> BigInt(i)) & 1n;
    yield OPS_ADD;
    if (bit) r0 = r0.add(r1); else r1 = r0.add(r1);
    yield OPS_DBL;
    if (bit) r1 = r1.double(); else r0 = r0.double();
  }
  yield OPS_INV;
  return r0.is0() ? undefined : r0.toAffine();
}

/** A computation that fails with `status` at its first unit of work. */
// eslint-disable-next-line require-yield
export function* failure(status: number, message: string): Steps<never> {
  return fail(status, message);
}

/** A computation with no work: returns `value` at once, spending no ops. */
// eslint-disable-next-line require-yield
export function* immediate<T>(value: T): Steps<T> {
  return value;
}

/** Runs a generator of units of work within op budgets (see the module comment). */
export class StepsJob<T> implements InterruptibleJob<T> {
  readonly #steps: Steps<T>;
  readonly #scale: number;
  #pending: number | undefined;
  #numOps: number;

  /** A job for `steps` on a curve of `curveBits` bits, having already spent `spent` ops (a setup check). */
  constructor(steps: Steps<T>, curveBits: number, spent = 0) {
    this.#steps = steps;
    this.#scale = curveBits >= 512 ? 4 : curveBits >= 384 ? 2 : 1;
    this.#numOps = spent;
  }

  get numOps(): number {
    return this.#numOps;
  }

  step(maxOps: number): T | undefined {
    const max = maxOps === 0 ? 1 : maxOps;
    let done = 0;
    try {
      for (;;) {
        if (this.#pending === undefined) {
          const next = this.#steps.next();
          if (next.done) return next.value;
          this.#pending = next.value * this.#scale;
        }
        if (done !== 0 && (done > max || this.#pending > max - done)) return undefined;
        done += this.#pending;
        this.#pending = undefined;
      }
    } finally {
      this.#numOps += done;
    }
  }
}
