/**
 * XOF functions in C shape (PSA 1.4). `psa_xof_operation_t` is a holder
 * whose implementation is created on setup, so an operation object can be
 * initialised before `psa_crypto_init`, as C code does with static
 * initialisers. The state machine is the spec's (see `core/xof.ts`): a call
 * in the wrong state, or any failure after setup, leaves the operation in
 * the error state until `psa_xof_abort`.
 * @module
 */
import type { XofOperation } from '../core/xof.js';
import { checkBytes } from '../core/validate.js';
import { abortImpl, emptyHolder, implOf, operationKind, setupImpl, type Holder } from './holder.js';
import { instance, status } from './instance.js';

/** `psa_xof_operation_t` (treat as opaque). */
export type psa_xof_operation_t = Holder<XofOperation>;

/** `psa_xof_operation_init` / `PSA_XOF_OPERATION_INIT`: an inactive operation. */
export function psa_xof_operation_init(): psa_xof_operation_t {
  return emptyHolder(kind);
}

/** A fresh implementation from the current instance. */
const kind = operationKind<XofOperation>('psa_xof_operation_t', () => instance().xofOperation());

/** `psa_xof_setup`: the operation must be inactive. */
export function psa_xof_setup(operation: psa_xof_operation_t, alg: number): number {
  // An inactive operation starts afresh from the current instance; any other state answers BAD_STATE.
  return status(() => setupImpl(operation, 'psa_xof_setup', kind, (impl) => impl.state !== 'inactive').setup(alg));
}

/** `psa_xof_set_context`: only right after setup, only for an XOF with a context. */
export function psa_xof_set_context(operation: psa_xof_operation_t, context: Uint8Array): number {
  return status(() => implOf(operation, 'psa_xof_set_context', kind).setContext(context));
}

/** `psa_xof_update`: more input, before any output. */
export function psa_xof_update(operation: psa_xof_operation_t, input: Uint8Array): number {
  return status(() => implOf(operation, 'psa_xof_update', kind).update(input));
}

/** `psa_xof_output(operation, output, output_length)`: fill `output` (its length is `output_length`) with the next bytes. */
export function psa_xof_output(operation: psa_xof_operation_t, output: Uint8Array): number {
  return status(() => {
    const op = implOf(operation, 'psa_xof_output', kind);
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
  return status(() => abortImpl(operation, 'psa_xof_abort', kind));
}
