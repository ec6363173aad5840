/**
 * Password-authenticated key exchange in C shape: `psa_pake_cipher_suite_t`
 * with its `psa_pake_cs_*` accessors, `psa_pake_operation_t` and every
 * `psa_pake_*` function. The operation is a holder whose implementation is
 * created on first use, so it can be initialised (`PSA_PAKE_OPERATION_INIT`)
 * before `psa_crypto_init`. As in Mbed TLS, `psa_pake_abort` resets the
 * operation for reuse and `psa_pake_get_shared_key` ends it in any case.
 *
 * C's NULL pointer with a length. Where the C function takes
 * `(const uint8_t *x, size_t x_len)` — `psa_pake_set_user`,
 * `psa_pake_set_peer`, `psa_pake_set_context` — the JavaScript call takes
 * `x` as a `Uint8Array` or `null` (C's NULL) and an optional `x_len`:
 * - omitted, `x_len` is the array's length, and 0 for `null`
 *   (`psa_pake_set_context(op, null)` is `psa_pake_set_context(op, NULL, 0)`);
 * - `null` with a non-zero `x_len` is PSA_ERROR_INVALID_ARGUMENT (the spec's
 *   "not valid" buffer), checked where the function checks its argument: after
 *   the operation's state (BAD_STATE first), and it aborts the operation as
 *   any failure does;
 * - with an array, `x_len` may be shorter (the first `x_len` bytes are used,
 *   as C reads them) but not longer (INVALID_ARGUMENT: C would read past the
 *   buffer).
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import { PSA_PAKE_CONFIRMED_KEY } from '../values/pake.js';
import type { PakeOperation } from '../core/pake/index.js';
import { checkBytes } from '../core/validate.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { abortImpl, emptyHolder, implOf, operationKind, type Holder } from './holder.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';

/**
 * `psa_pake_cipher_suite_t`: a plain structure, as the spec's implementation
 * note recommends. The accessors store values without validating them;
 * `psa_pake_setup` does.
 */
export interface psa_pake_cipher_suite_t {
  algorithm: number;
  primitive: number;
  key_confirmation: number;
}

/** `psa_pake_cipher_suite_init` / `PSA_PAKE_CIPHER_SUITE_INIT`: algorithm NONE, primitive 0, confirmed key. */
export function psa_pake_cipher_suite_init(): psa_pake_cipher_suite_t {
  return { algorithm: 0, primitive: 0, key_confirmation: PSA_PAKE_CONFIRMED_KEY };
}

/**
 * Write a cipher-suite field as the attribute setters do: nothing when
 * `suite` is not an object or refuses the write; the value modulo 2^32
 * (numbers and BigInts), anything else 0.
 */
function setField(suite: unknown, field: keyof psa_pake_cipher_suite_t, value: unknown): void {
  if (typeof suite !== 'object' || suite === null) return;
  const v = typeof value === 'number' ? (Number.isFinite(value) ? Math.trunc(value) >>> 0 : 0)
    : typeof value === 'bigint' ? Number(BigInt.asUintN(32, value)) : 0;
  try {
    (suite as Record<string, unknown>)[field] = v;
  } catch {
    // a suite that refuses writes keeps its values
  }
}

/** Read a cipher-suite field: 0 (the initialised value) when `suite` is not an object or the field not a number. */
function getField(suite: unknown, field: keyof psa_pake_cipher_suite_t): number {
  if (typeof suite !== 'object' || suite === null) return 0;
  try {
    const value = (suite as Record<string, unknown>)[field];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/** `psa_pake_cs_get_algorithm`. */
export function psa_pake_cs_get_algorithm(cipherSuite: psa_pake_cipher_suite_t): number {
  return getField(cipherSuite, 'algorithm');
}

/** `psa_pake_cs_set_algorithm`. */
export function psa_pake_cs_set_algorithm(cipherSuite: psa_pake_cipher_suite_t, alg: number): void {
  setField(cipherSuite, 'algorithm', alg);
}

/** `psa_pake_cs_get_primitive`. */
export function psa_pake_cs_get_primitive(cipherSuite: psa_pake_cipher_suite_t): number {
  return getField(cipherSuite, 'primitive');
}

/** `psa_pake_cs_set_primitive` (0 leaves the primitive unspecified). */
export function psa_pake_cs_set_primitive(cipherSuite: psa_pake_cipher_suite_t, primitive: number): void {
  setField(cipherSuite, 'primitive', primitive);
}

/** `psa_pake_cs_get_key_confirmation`. */
export function psa_pake_cs_get_key_confirmation(cipherSuite: psa_pake_cipher_suite_t): number {
  return getField(cipherSuite, 'key_confirmation');
}

/** `psa_pake_cs_set_key_confirmation`. */
export function psa_pake_cs_set_key_confirmation(cipherSuite: psa_pake_cipher_suite_t, keyConfirmation: number): void {
  setField(cipherSuite, 'key_confirmation', keyConfirmation);
}

/** `psa_pake_operation_t` (treat as opaque). */
export type psa_pake_operation_t = Holder<PakeOperation>;

/** `psa_pake_operation_init` / `PSA_PAKE_OPERATION_INIT`: an inactive operation. */
export function psa_pake_operation_init(): psa_pake_operation_t {
  return emptyHolder(kind);
}

/** The implementation of `operation`, created from the current instance on first use. */
const kind = operationKind<PakeOperation>('psa_pake_operation_t', () => instance().pakeOperation());
const impl = (operation: unknown, fn: string): PakeOperation => implOf(operation, fn, kind);

/** `psa_pake_setup`. */
export function psa_pake_setup(operation: psa_pake_operation_t, passwordKey: number, cipherSuite: psa_pake_cipher_suite_t): number {
  const fn = 'psa_pake_setup';
  return status(() => {
    if (typeof cipherSuite !== 'object' || cipherSuite === null) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: cipher_suite must be a psa_pake_cipher_suite_t`);
    impl(operation, fn).setup(passwordKey, {
      algorithm: cipherSuite.algorithm,
      primitive: cipherSuite.primitive,
      keyConfirmation: cipherSuite.key_confirmation,
    });
  });
}

/** `psa_pake_set_role`. */
export function psa_pake_set_role(operation: psa_pake_operation_t, role: number): number {
  return status(() => impl(operation, 'psa_pake_set_role').setRole(role));
}

/** `psa_pake_set_user`: `userId` `null` is NULL; `userIdLen` is `user_id_len` (see the module comment). */
export function psa_pake_set_user(operation: psa_pake_operation_t, userId: Uint8Array | null, userIdLen?: number): number {
  return status(() => impl(operation, 'psa_pake_set_user').setUser(userId, userIdLen));
}

/** `psa_pake_set_peer`: `peerId` `null` is NULL; `peerIdLen` is `peer_id_len` (see the module comment). */
export function psa_pake_set_peer(operation: psa_pake_operation_t, peerId: Uint8Array | null, peerIdLen?: number): number {
  return status(() => impl(operation, 'psa_pake_set_peer').setPeer(peerId, peerIdLen));
}

/** `psa_pake_set_context`: `context` `null` is NULL; `contextLen` is `context_len` (see the module comment). */
export function psa_pake_set_context(operation: psa_pake_operation_t, context: Uint8Array | null, contextLen?: number): number {
  return status(() => impl(operation, 'psa_pake_set_context').setContext(context, contextLen));
}

/** `psa_pake_output`: writes into `output` (its length is `output_size`) and sets `output_length`. */
export function psa_pake_output(operation: psa_pake_operation_t, step: number, output: Uint8Array, outputLength: Out): number {
  const fn = 'psa_pake_output';
  resetOut(outputLength, 0);
  return status(() => {
    const out = checkBytes(output, fn, 'output');
    const value = impl(operation, fn).output(step, out.length);
    try {
      copyOut(value, out);
      setOut(outputLength, value.length);
    } finally {
      value.fill(0);
    }
  });
}

/** `psa_pake_input`: the whole of `input` is the step's value (`input_length` is its length). */
export function psa_pake_input(operation: psa_pake_operation_t, step: number, input: Uint8Array): number {
  return status(() => impl(operation, 'psa_pake_input').input(step, input));
}

/** `psa_pake_get_shared_key`: `key` is set to the new key's id, or 0 on failure. */
export function psa_pake_get_shared_key(operation: psa_pake_operation_t, attributes: psa_key_attributes_t, key: Out): number {
  const fn = 'psa_pake_get_shared_key';
  resetOut(key, 0);
  return status(() => setOut(key, instance().pakeGetSharedKey(impl(operation, fn), toKeyAttributes(attributes, fn))));
}

/** `psa_pake_abort`: valid in any state. */
export function psa_pake_abort(operation: psa_pake_operation_t): number {
  return status(() => abortImpl(operation, 'psa_pake_abort', kind));
}
