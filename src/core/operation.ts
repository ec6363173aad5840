/**
 * The skeleton of every multipart operation of the core (`psa_*_operation_t`
 * and the interruptible operations): whether the operation is active, the
 * BAD_STATE guards, what a failure does to it, and the wipe on abort. Each
 * operation class holds one `OperationState` and delegates to it; the
 * fields that belong to its algorithm (the IV flags of a cipher, the
 * declared lengths of an AEAD, …) stay in the class, which resets them in
 * the `reset` hook.
 *
 * What a failure of a guarded call (`run`) does:
 * - `'abort'` (the default; Mbed TLS's `psa_crypto.c`): the operation is
 *   aborted, so it is inactive and can be set up again (hash, MAC, cipher,
 *   AEAD, multipart sign/verify, PAKE);
 * - `'error'` (the PSA spec's error state, §3.3 "Multi-part operations"):
 *   the work is released and the operation stays in error, where every
 *   call but abort gives BAD_STATE, until `abort` (XOF, Mbed TLS's
 *   interruptible sign/verify and key operations).
 *
 * A call outside `run` changes nothing when it fails: a BAD_STATE from
 * `require` or `requireIdle` made outside `run` leaves the operation as it was.
 *
 * @example
 * // A multipart operation over a driver context `FooContext`:
 * class FooOperation {
 *   #alg = 0;
 *   readonly #op = new OperationState<FooContext>({
 *     release: (ctx) => ctx.destroy(),
 *     reset: () => { this.#alg = 0; },
 *   });
 *   get active(): boolean { return this.#op.active; }
 *   setup(alg: number): void {
 *     const fn = 'psa_foo_setup';
 *     this.#op.run(fn, () => {
 *       this.#op.requireIdle(fn);            // BAD_STATE, and abort, when active
 *       this.#op.start(driver.fooSetup(alg));
 *       this.#alg = alg;
 *     });
 *   }
 *   update(input: Uint8Array): void {
 *     const fn = 'psa_foo_update';
 *     const ctx = this.#op.require(fn);      // BAD_STATE when inactive, nothing aborted
 *     this.#op.run(fn, () => ctx.update(input)); // any failure aborts
 *   }
 *   abort(): void {
 *     this.#op.abort();                      // `reset`, then the context released
 *   }
 * }
 * @module
 */
import { asPsaError, fail } from '../values/error.js';
import { PSA_ERROR_BAD_STATE } from '../values/status.js';

/** What a failure inside `OperationState.run` does (see the module comment). */
export type FailureMode = 'abort' | 'error';

/** How an operation uses its `OperationState`. */
export interface OperationStateOptions<Ctx> {
  /**
   * Wipe and release the work of an operation: destroy the driver context,
   * zero the buffers it holds. Called once per context, by `abort`, `end`,
   * `replace` and a failure; whatever it throws, `abort` throws as a
   * `PsaError`. Absent: the context holds nothing to wipe.
   */
  readonly release?: (ctx: Ctx) => void;
  /** Reset the operation's own fields to their inactive values (called by `abort`, after the context is detached). */
  readonly reset?: () => void;
  /** What a failure inside `run` does; default `'abort'`. */
  readonly onFailure?: FailureMode;
  /** The BAD_STATE message of `require`; default `${fn}: the operation is not active`. */
  readonly notActive?: (fn: string) => string;
  /** The BAD_STATE message of `requireIdle`; default `${fn}: the operation is already active`. */
  readonly busy?: (fn: string) => string;
}

const notActiveDefault = (fn: string): string => `${fn}: the operation is not active`;
const busyDefault = (fn: string): string => `${fn}: the operation is already active`;

/**
 * The state of one multipart operation: inactive, active with a context of
 * type `Ctx`, or (in `'error'` mode) in error. See the module comment.
 */
export class OperationState<Ctx> {
  readonly #options: OperationStateOptions<Ctx>;
  #ctx: Ctx | undefined;
  #error = false;

  /** An inactive operation state; `options` say how to release a context and what a failure does. */
  constructor(options: OperationStateOptions<Ctx>) {
    this.#options = options;
  }

  /** Whether the operation holds a context (set up and not ended, failed or aborted). */
  get active(): boolean {
    return this.#ctx !== undefined;
  }

  /** Whether the operation is in the error state (`'error'` mode, or after `markError`). */
  get failed(): boolean {
    return this.#error;
  }

  /** The context of the active operation, `undefined` otherwise (for stage checks of the operation's own). */
  get current(): Ctx | undefined {
    return this.#ctx;
  }

  /**
   * The context of the active operation.
   * @throws PSA_ERROR_BAD_STATE when the operation is inactive or in error
   */
  require(fn: string): Ctx {
    if (this.#ctx === undefined || this.#error) fail(PSA_ERROR_BAD_STATE, (this.#options.notActive ?? notActiveDefault)(fn));
    return this.#ctx;
  }

  /**
   * Check that a setup may start.
   * @throws PSA_ERROR_BAD_STATE when the operation is active or in error
   */
  requireIdle(fn: string): void {
    if (this.#ctx !== undefined || this.#error) fail(PSA_ERROR_BAD_STATE, (this.#options.busy ?? busyDefault)(fn));
  }

  /** Make the operation active with `ctx` (the caller has checked `requireIdle`). */
  start(ctx: Ctx): void {
    this.#ctx = ctx;
  }

  /** Hold `ctx` instead of the current context, which is released (a change of stage). */
  replace(ctx: Ctx): void {
    const previous = this.#ctx;
    this.#ctx = ctx;
    if (previous !== undefined) this.#options.release?.(previous);
  }

  /**
   * Run `body`; on any failure apply the failure mode (abort, or release
   * and enter the error state) and throw the failure as a `PsaError`.
   * @param fn the C name of the function, for a non-PSA failure's message
   * @throws whatever `body` throws, as a `PsaError`
   */
  run<T>(fn: string, body: () => T): T {
    try {
      return body();
    } catch (err) {
      if (this.#options.onFailure === 'error') this.markError();
      else this.abort();
      throw asPsaError(err, fn);
    }
  }

  /** Release the context and enter the error state (until `abort`). */
  markError(): void {
    this.#error = true;
    this.end();
  }

  /** End the operation without failure: the context is released, the operation's own fields are kept (until `abort`). */
  end(): void {
    const ctx = this.#ctx;
    this.#ctx = undefined;
    if (ctx !== undefined) this.#options.release?.(ctx);
  }

  /**
   * `psa_*_abort`: release the context, leave the error state and reset the
   * operation's fields; valid in any state.
   * @throws what releasing the context throws, as a `PsaError`
   */
  abort(): void {
    const ctx = this.#ctx;
    this.#ctx = undefined;
    this.#error = false;
    this.#options.reset?.();
    if (ctx === undefined) return;
    try {
      this.#options.release?.(ctx);
    } catch (err) {
      throw asPsaError(err);
    }
  }
}
