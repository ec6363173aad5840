/**
 * The signature functions in C shape: single-part sign/verify of hashes and
 * messages (with and without a PSA 1.4 context), the PSA 1.5 multipart
 * `psa_sign_operation_t` / `psa_verify_operation_t`, and Mbed TLS's
 * interruptible sign/verify hash API (`psa_interruptible_set_max_ops`, …;
 * what an "op" is: see `src/core/sign/interruptible.ts`).
 *
 * Signature buffers are treated as Mbed TLS treats them
 * (`psa_wipe_tag_output_buffer`): on success the bytes after the signature
 * are set to `'!'`; on failure the whole buffer is, and the length is 0.
 * @module
 */
import { PSA_ERROR_INVALID_ARGUMENT, PSA_OPERATION_INCOMPLETE, PSA_SUCCESS } from '../values/status.js';
import { PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED } from '../values/index.js';
import type { SignHashInterruptible, VerifyHashInterruptible } from '../core/sign/interruptible.js';
import type { SignOperation, VerifyOperation } from '../core/sign/operation.js';
import { checkBytes } from '../core/validate.js';
import { abortImpl, emptyHolder, implOf, numOpsOf, operationKind, setupImpl, type Holder } from './holder.js';
import { instance, resetOut, status, wipeOut, type Out } from './instance.js';

/** The byte Mbed TLS writes over unused or invalid signature output (`'!'`). */
const WIPE_BYTE = 0x21;

/** Run a body that produces a signature into `buffer`, then wipe as Mbed TLS does. */
function signatureOutput(fn: string, buffer: Uint8Array, length: Out, body: (size: number) => Uint8Array | undefined): number {
  let written = 0;
  let incomplete = false;
  let result = status(() => {
    const out = checkBytes(buffer, fn, 'signature');
    const signature = body(out.length);
    if (signature === undefined) {
      incomplete = true;
      return;
    }
    out.set(signature);
    written = signature.length;
  });
  if (incomplete && result === PSA_SUCCESS) result = PSA_OPERATION_INCOMPLETE;
  wipeOut(buffer, WIPE_BYTE, result === PSA_SUCCESS ? written : 0);
  if (!resetOut(length, result === PSA_SUCCESS ? written : 0) && result === PSA_SUCCESS) return PSA_ERROR_INVALID_ARGUMENT;
  return result;
}

/** `psa_sign_hash`. */
export function psa_sign_hash(key: number, alg: number, hash: Uint8Array, signature: Uint8Array, signatureLength: Out): number {
  return signatureOutput('psa_sign_hash', signature, signatureLength, (size) => instance().signHash(key, alg, hash, size));
}

/** `psa_verify_hash`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_verify_hash(key: number, alg: number, hash: Uint8Array, signature: Uint8Array): number {
  return status(() => instance().verifyHash(key, alg, hash, signature));
}

/** `psa_sign_message`. */
export function psa_sign_message(key: number, alg: number, input: Uint8Array, signature: Uint8Array, signatureLength: Out): number {
  return signatureOutput('psa_sign_message', signature, signatureLength, (size) => instance().signMessage(key, alg, input, size));
}

/** `psa_verify_message`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_verify_message(key: number, alg: number, input: Uint8Array, signature: Uint8Array): number {
  return status(() => instance().verifyMessage(key, alg, input, signature));
}

/** `psa_sign_hash_with_context` (PSA 1.4). */
export function psa_sign_hash_with_context(key: number, alg: number, hash: Uint8Array, context: Uint8Array,
  signature: Uint8Array, signatureLength: Out): number {
  return signatureOutput('psa_sign_hash_with_context', signature, signatureLength,
    (size) => instance().signHashWithContext(key, alg, hash, context, size));
}

/** `psa_verify_hash_with_context` (PSA 1.4). */
export function psa_verify_hash_with_context(key: number, alg: number, hash: Uint8Array, context: Uint8Array, signature: Uint8Array): number {
  return status(() => instance().verifyHashWithContext(key, alg, hash, context, signature));
}

/** `psa_sign_message_with_context` (PSA 1.4). */
export function psa_sign_message_with_context(key: number, alg: number, input: Uint8Array, context: Uint8Array,
  signature: Uint8Array, signatureLength: Out): number {
  return signatureOutput('psa_sign_message_with_context', signature, signatureLength,
    (size) => instance().signMessageWithContext(key, alg, input, context, size));
}

/** `psa_verify_message_with_context` (PSA 1.4). */
export function psa_verify_message_with_context(key: number, alg: number, input: Uint8Array, context: Uint8Array, signature: Uint8Array): number {
  return status(() => instance().verifyMessageWithContext(key, alg, input, context, signature));
}

/** `psa_sign_operation_t` (PSA 1.5; treat as opaque). */
export type psa_sign_operation_t = Holder<SignOperation>;
/** `psa_verify_operation_t` (PSA 1.5; treat as opaque). */
export type psa_verify_operation_t = Holder<VerifyOperation>;
/** `psa_sign_hash_interruptible_operation_t` (Mbed TLS; treat as opaque). */
export type psa_sign_hash_interruptible_operation_t = Holder<SignHashInterruptible>;
/** `psa_verify_hash_interruptible_operation_t` (Mbed TLS; treat as opaque). */
export type psa_verify_hash_interruptible_operation_t = Holder<VerifyHashInterruptible>;

/** Fresh implementations from the current instance. */
const signKind = operationKind<SignOperation>('psa_sign_operation_t', () => instance().signOperation());
const verifyKind = operationKind<VerifyOperation>('psa_verify_operation_t', () => instance().verifyOperation());
const signHashKind = operationKind<SignHashInterruptible>('psa_sign_hash_interruptible_operation_t',
  () => instance().signHashInterruptible());
const verifyHashKind = operationKind<VerifyHashInterruptible>('psa_verify_hash_interruptible_operation_t',
  () => instance().verifyHashInterruptible());

/** `psa_sign_operation_init` / `PSA_SIGN_OPERATION_INIT`: an inactive operation. */
export function psa_sign_operation_init(): psa_sign_operation_t {
  return emptyHolder(signKind);
}

/** `psa_sign_setup`. */
export function psa_sign_setup(operation: psa_sign_operation_t, key: number, alg: number): number {
  const fn = 'psa_sign_setup';
  return status(() => setupImpl(operation, fn, signKind).setup(key, alg));
}

/** `psa_sign_set_context`. */
export function psa_sign_set_context(operation: psa_sign_operation_t, context: Uint8Array): number {
  const fn = 'psa_sign_set_context';
  return status(() => implOf(operation, fn, signKind).setContext(context));
}

/** `psa_sign_update`. */
export function psa_sign_update(operation: psa_sign_operation_t, input: Uint8Array): number {
  const fn = 'psa_sign_update';
  return status(() => implOf(operation, fn, signKind).update(input));
}

/** `psa_sign_finish`. */
export function psa_sign_finish(operation: psa_sign_operation_t, signature: Uint8Array, signatureLength: Out): number {
  const fn = 'psa_sign_finish';
  return signatureOutput(fn, signature, signatureLength, (size) => implOf(operation, fn, signKind).finish(size));
}

/** `psa_sign_abort`: valid in any state. */
export function psa_sign_abort(operation: psa_sign_operation_t): number {
  return status(() => abortImpl(operation, 'psa_sign_abort', signKind));
}

/** `psa_verify_operation_init` / `PSA_VERIFY_OPERATION_INIT`: an inactive operation. */
export function psa_verify_operation_init(): psa_verify_operation_t {
  return emptyHolder(verifyKind);
}

/** `psa_verify_setup`. */
export function psa_verify_setup(operation: psa_verify_operation_t, key: number, alg: number, signature: Uint8Array): number {
  const fn = 'psa_verify_setup';
  return status(() => setupImpl(operation, fn, verifyKind).setup(key, alg, signature));
}

/** `psa_verify_set_context`. */
export function psa_verify_set_context(operation: psa_verify_operation_t, context: Uint8Array): number {
  const fn = 'psa_verify_set_context';
  return status(() => implOf(operation, fn, verifyKind).setContext(context));
}

/** `psa_verify_update`. */
export function psa_verify_update(operation: psa_verify_operation_t, input: Uint8Array): number {
  const fn = 'psa_verify_update';
  return status(() => implOf(operation, fn, verifyKind).update(input));
}

/** `psa_verify_finish`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_verify_finish(operation: psa_verify_operation_t): number {
  const fn = 'psa_verify_finish';
  return status(() => implOf(operation, fn, verifyKind).finish());
}

/** `psa_verify_abort`: valid in any state. */
export function psa_verify_abort(operation: psa_verify_operation_t): number {
  return status(() => abortImpl(operation, 'psa_verify_abort', verifyKind));
}

let maxOps = PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED;

/** `psa_interruptible_set_max_ops` (process-wide, as in Mbed TLS). */
export function psa_interruptible_set_max_ops(value: number): void {
  // C converts the argument to uint32_t: -1 is PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED. Not a number: no change.
  if (typeof value === 'number' && Number.isFinite(value)) maxOps = Math.trunc(value) >>> 0;
  else if (typeof value === 'bigint') maxOps = Number(BigInt.asUintN(32, value));
}

/** `psa_interruptible_get_max_ops`. */
export function psa_interruptible_get_max_ops(): number {
  return maxOps;
}

/** `psa_sign_hash_interruptible_operation_init`: an inactive operation. */
export function psa_sign_hash_interruptible_operation_init(): psa_sign_hash_interruptible_operation_t {
  return emptyHolder(signHashKind);
}

/** `psa_sign_hash_start`. */
export function psa_sign_hash_start(operation: psa_sign_hash_interruptible_operation_t, key: number, alg: number, hash: Uint8Array): number {
  const fn = 'psa_sign_hash_start';
  return status(() => implOf(operation, fn, signHashKind).start(key, alg, checkBytes(hash, fn, 'hash')));
}

/** `psa_sign_hash_complete`: PSA_OPERATION_INCOMPLETE until the signature is ready. */
export function psa_sign_hash_complete(operation: psa_sign_hash_interruptible_operation_t, signature: Uint8Array, signatureLength: Out): number {
  const fn = 'psa_sign_hash_complete';
  return signatureOutput(fn, signature, signatureLength,
    (size) => implOf(operation, fn, signHashKind).complete(maxOps, size));
}

/** `psa_sign_hash_abort`. */
export function psa_sign_hash_abort(operation: psa_sign_hash_interruptible_operation_t): number {
  return status(() => abortImpl(operation, 'psa_sign_hash_abort', signHashKind));
}

/** `psa_sign_hash_get_num_ops`. */
export function psa_sign_hash_get_num_ops(operation: psa_sign_hash_interruptible_operation_t): number {
  return numOpsOf(operation, signHashKind);
}

/** `psa_verify_hash_interruptible_operation_init`: an inactive operation. */
export function psa_verify_hash_interruptible_operation_init(): psa_verify_hash_interruptible_operation_t {
  return emptyHolder(verifyHashKind);
}

/** `psa_verify_hash_start`. */
export function psa_verify_hash_start(operation: psa_verify_hash_interruptible_operation_t, key: number, alg: number,
  hash: Uint8Array, signature: Uint8Array): number {
  const fn = 'psa_verify_hash_start';
  return status(() => implOf(operation, fn, verifyHashKind)
    .start(key, alg, checkBytes(hash, fn, 'hash'), checkBytes(signature, fn, 'signature')));
}

/** `psa_verify_hash_complete`: PSA_OPERATION_INCOMPLETE until done; INVALID_SIGNATURE on mismatch. */
export function psa_verify_hash_complete(operation: psa_verify_hash_interruptible_operation_t): number {
  const fn = 'psa_verify_hash_complete';
  let done = false;
  const result = status(() => {
    done = implOf(operation, fn, verifyHashKind).complete(maxOps);
  });
  return result === PSA_SUCCESS && !done ? PSA_OPERATION_INCOMPLETE : result;
}

/** `psa_verify_hash_abort`. */
export function psa_verify_hash_abort(operation: psa_verify_hash_interruptible_operation_t): number {
  return status(() => abortImpl(operation, 'psa_verify_hash_abort', verifyHashKind));
}

/** `psa_verify_hash_get_num_ops`. */
export function psa_verify_hash_get_num_ops(operation: psa_verify_hash_interruptible_operation_t): number {
  return numOpsOf(operation, verifyHashKind);
}
