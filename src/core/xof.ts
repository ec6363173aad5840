/**
 * Extendable-output functions (PSA 1.4): the multipart
 * `psa_xof_operation_t` (setup, set_context, update, output, abort). There
 * is no Mbed TLS implementation to follow, so the state machine is the
 * spec's (§3.3 "Multi-part operations", §10.3):
 * - a setup that fails leaves an inactive operation inactive;
 * - a call in the wrong state gives BAD_STATE, and any failure of any call
 *   other than a setup on an inactive operation puts it in the error state,
 *   where every call but abort gives BAD_STATE;
 * - abort always succeeds and returns the operation to inactive.
 * @module
 */
import type { XofContext } from '../drivers/xof.js';
import { asPsaError, fail } from '../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../values/status.js';
import { PSA_ALG_IS_XOF, PSA_ALG_XOF_HAS_CONTEXT } from '../values/alg-predicates.js';
import { describe } from '../values/describe.js';
import { OperationState } from './operation.js';

/** Where XOF computations come from: the core passes one that tries the transparent drivers in order. */
export interface XofProvider {
  /** Start an XOF (NOT_SUPPORTED when no implementation has `alg`). */
  setup(alg: number): XofContext;
}

/**
 * Where an operation is: `inactive`; active and `fresh` (a context may still
 * be set), `absorbing` (context set or input given), `squeezing` (output
 * started: no more input); or `error` (only abort helps).
 */
export type XofState = 'inactive' | 'fresh' | 'absorbing' | 'squeezing' | 'error';


function xofAlgorithmArgument(alg: unknown): number {
  if (typeof alg !== 'number' || !Number.isInteger(alg) || alg < -0x80000000 || alg > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_xof_setup: not an algorithm identifier: ${String(alg)}`);
  }
  const a = alg >>> 0;
  if (!PSA_ALG_IS_XOF(a)) fail(PSA_ERROR_INVALID_ARGUMENT, `psa_xof_setup: ${describe(a, 'alg')} is not an XOF algorithm`);
  return a;
}

function bytesArgument(value: unknown, fn: string, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${what} must be a Uint8Array`);
  return value;
}

/** Where an active operation is (see `XofState`). */
type XofPhase = 'fresh' | 'absorbing' | 'squeezing';

/** Destroy an XOF context: releasing never fails from the caller's point of view. */
function release(ctx: XofContext): void {
  try {
    ctx.destroy();
  } catch {
    // Nothing to report: the operation is released either way.
  }
}

/**
 * A multipart XOF (`psa_xof_operation_t`). Constructed inactive; `setup`
 * makes it active; `abort` makes it inactive again from any state.
 *
 * A failure does not abort: it puts the operation in the spec's error state
 * (`OperationState` in `'error'` mode), where every call but `abort` gives
 * BAD_STATE; only a setup that fails on an inactive operation leaves it inactive.
 * @example
 * const op = psa.xofSetup(PSA_ALG_SHAKE256);
 * op.update(part1);
 * op.update(part2);
 * const out = op.output(64);
 * op.abort();
 */
export class XofOperation {
  readonly #provider: XofProvider;
  #alg = 0;
  #phase: XofPhase = 'fresh';
  readonly #op = new OperationState<XofContext>({
    release,
    onFailure: 'error',
    notActive: (fn) => `${fn}: the operation is ${this.state}`,
  });

  /** An inactive operation drawing implementations from `provider`. */
  constructor(provider: XofProvider) {
    this.#provider = provider;
  }

  /** Where the operation is in its life (see `XofState`). */
  get state(): XofState {
    if (this.#op.failed) return 'error';
    return this.#op.active ? this.#phase : 'inactive';
  }

  /** Whether the operation is active (set up, not in the error state, not aborted). */
  get active(): boolean {
    return this.#op.active;
  }

  /** The algorithm of the active operation; 0 (`PSA_ALG_NONE`) otherwise. */
  get alg(): number {
    return this.active ? this.#alg : 0;
  }

  /** Run `body` in one of `phases`; BAD_STATE otherwise; any failure enters the error state. */
  #step<T>(fn: string, phases: readonly XofPhase[], body: (ctx: XofContext) => T): T {
    return this.#op.run(fn, () => {
      const ctx = this.#op.require(fn);
      if (!phases.includes(this.#phase)) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is ${this.#phase}`);
      return body(ctx);
    });
  }

  /**
   * `psa_xof_setup`. On an operation that is not inactive: BAD_STATE and the
   * error state. Otherwise INVALID_ARGUMENT for a non-XOF `alg`,
   * NOT_SUPPORTED for an XOF nobody implements; the operation stays inactive.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not inactive (it enters the error state), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not an XOF algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg`
   */
  setup(alg: number): void {
    const fn = 'psa_xof_setup';
    if (this.state !== 'inactive') {
      this.#op.markError();
      fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not inactive`);
    }
    const a = xofAlgorithmArgument(alg);
    let ctx: XofContext;
    try {
      ctx = this.#provider.setup(a);
    } catch (err) {
      throw asPsaError(err, fn);
    }
    this.#op.start(ctx);
    this.#alg = a;
    this.#phase = 'fresh';
  }

  /**
   * `psa_xof_set_context`: only right after setup (else BAD_STATE), only for
   * an algorithm with a context (else INVALID_ARGUMENT).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, in error, or past its first step
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: the algorithm takes no context, a context the algorithm refuses (Ascon-CXOF128: over 256 bytes), or `context` is not a `Uint8Array`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the implementation takes no context
   */
  setContext(context: Uint8Array): void {
    const fn = 'psa_xof_set_context';
    this.#step(fn, ['fresh'], (ctx) => {
      const value = bytesArgument(context, fn, 'context');
      if (!PSA_ALG_XOF_HAS_CONTEXT(this.#alg)) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(this.#alg, 'alg')} takes no context`);
      }
      if (ctx.setContext === undefined) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the implementation takes no context`);
      ctx.setContext(value);
      this.#phase = 'absorbing';
    });
  }

  /**
   * `psa_xof_update`: more input; BAD_STATE once output has started. Empty input is accepted.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, in error, or producing output
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `input` is not a `Uint8Array`
   */
  update(input: Uint8Array): void {
    const fn = 'psa_xof_update';
    this.#step(fn, ['fresh', 'absorbing'], (ctx) => {
      const data = bytesArgument(input, fn, 'input');
      if (data.length > 0) ctx.update(data);
      this.#phase = 'absorbing';
    });
  }

  /**
   * `psa_xof_output`: the next `outputLength` bytes of the output stream.
   * The first call ends the input, even when it asks for 0 bytes.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or in error
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `outputLength` is not a non-negative integer
   * @throws {PsaError} `PSA_ERROR_GENERIC_ERROR`: the implementation returned another number of bytes
   */
  output(outputLength: number): Uint8Array {
    const fn = 'psa_xof_output';
    return this.#step(fn, ['fresh', 'absorbing', 'squeezing'], (ctx) => {
      if (typeof outputLength !== 'number' || !Number.isSafeInteger(outputLength) || outputLength < 0) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: output length must be a non-negative integer`);
      }
      const out = ctx.output(outputLength);
      this.#phase = 'squeezing';
      if (out.length !== outputLength) {
        out.fill(0);
        fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the implementation returned ${out.length} bytes, not ${outputLength}`);
      }
      return out;
    });
  }

  /** `psa_xof_abort`: wipe and release; valid in any state, always succeeds. */
  abort(): void {
    this.#op.abort();
  }
}
