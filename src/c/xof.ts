/**
 * XOF functions in C shape (PSA 1.4). `psa_xof_operation_t` is a holder
 * whose implementation is created on setup, so an operation object can be
 * initialised before `psa_crypto_init`, as C code does with static
 * initialisers. The state machine is the spec's (see `core/xof.ts`): a call
 * in the wrong state, or any failure after setup, leaves the operation in
 * the error state until `psa_xof_abort`.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import type { XofOperation } from '../core/xof.js';
import { checkBytes } from '../core/validate.js';
import { instance, status } from './instance.js';

/** `psa_xof_operation_t` (treat as opaque). */
export interface psa_xof_operation_t {
  /** @internal the implementation, once used. */
  impl?: XofOperation | undefined;
}

/** `psa_xof_operation_init` / `PSA_XOF_OPERATION_INIT`: an inactive operation. */
export function psa_xof_operation_init(): psa_xof_operation_t {
  return { impl: undefined };
}

function checkOp(operation: unknown, fn: string): psa_xof_operation_t {
  if (typeof operation !== 'object' || operation === null) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: operation must be a psa_xof_operation_t`);
  return operation as psa_xof_operation_t;
}

/** The operation's implementation; a fresh inactive one from the current instance if it has none. */
function implOf(operation: unknown, fn: string): XofOperation {
  const op = checkOp(operation, fn);
  op.impl ??= instance().xofOperation();
  return op.impl;
}

/** `psa_xof_setup`: the operation must be inactive. */
export function psa_xof_setup(operation: psa_xof_operation_t, alg: number): number {
  return status(() => {
    const op = checkOp(operation, 'psa_xof_setup');
    // An inactive operation starts afresh from the current instance; any other state answers BAD_STATE.
    if (op.impl === undefined || op.impl.state === 'inactive') op.impl = instance().xofOperation();
    op.impl.setup(alg);
  });
}

/** `psa_xof_set_context`: only right after setup, only for an XOF with a context. */
export function psa_xof_set_context(operation: psa_xof_operation_t, context: Uint8Array): number {
  return status(() => implOf(operation, 'psa_xof_set_context').setContext(context));
}

/** `psa_xof_update`: more input, before any output. */
export function psa_xof_update(operation: psa_xof_operation_t, input: Uint8Array): number {
  return status(() => implOf(operation, 'psa_xof_update').update(input));
}

/** `psa_xof_output(operation, output, output_length)`: fill `output` (its length is `output_length`) with the next bytes. */
export function psa_xof_output(operation: psa_xof_operation_t, output: Uint8Array): number {
  return status(() => {
    const op = implOf(operation, 'psa_xof_output');
    // A bad buffer is a failure of the call (error state), after the state check.
    if (!(output instanceof Uint8Array)) op.output(Number.NaN);
    const out = checkBytes(output, 'psa_xof_output', 'output');
    const bytes = op.output(out.length);
    out.set(bytes);
    bytes.fill(0);
  });
}

/** `psa_xof_abort`: valid in any state; always succeeds. */
export function psa_xof_abort(operation: psa_xof_operation_t): number {
  return status(() => checkOp(operation, 'psa_xof_abort').impl?.abort());
}
