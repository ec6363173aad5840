/**
 * Key derivation in C shape: `psa_key_derivation_operation_t` and every
 * `psa_key_derivation_*` function. The operation is a holder whose
 * implementation is created on first use, so it can be initialised
 * (`PSA_KEY_DERIVATION_OPERATION_INIT`) before `psa_crypto_init`. As in
 * Mbed TLS, a failed `psa_key_derivation_output_bytes` fills the caller's
 * buffer with `'!'`.
 * @module
 */
import { PSA_SUCCESS } from '../values/status.js';
import type { psa_custom_key_parameters_t } from '../values/index.js';
import type { KeyDerivationOperation } from '../core/key-derivation/index.js';
import { checkBytes } from '../core/validate.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { abortImpl, emptyHolder, implOf, operationKind, type Holder } from './holder.js';
import { instance, resetOut, setOut, status, wipeOut, type Out } from './instance.js';

/** `psa_key_derivation_operation_t` (treat as opaque). */
export type psa_key_derivation_operation_t = Holder<KeyDerivationOperation>;

/** The byte Mbed TLS writes over the output of a failed derivation (`'!'`). */
const WIPE_BYTE = 0x21;

/** `psa_key_derivation_operation_init` / `PSA_KEY_DERIVATION_OPERATION_INIT`: an inactive operation. */
export function psa_key_derivation_operation_init(): psa_key_derivation_operation_t {
  return emptyHolder(kind);
}

/** The implementation of `operation`, created from the current instance on first use. */
const kind = operationKind<KeyDerivationOperation>('psa_key_derivation_operation_t', () => instance().keyDerivationOperation());
const impl = (operation: unknown, fn: string): KeyDerivationOperation => implOf(operation, fn, kind);

/** `psa_key_derivation_setup`. */
export function psa_key_derivation_setup(operation: psa_key_derivation_operation_t, alg: number): number {
  return status(() => impl(operation, 'psa_key_derivation_setup').setup(alg));
}

/** `psa_key_derivation_get_capacity`. */
export function psa_key_derivation_get_capacity(operation: psa_key_derivation_operation_t, capacity: Out): number {
  return status(() => setOut(capacity, impl(operation, 'psa_key_derivation_get_capacity').getCapacity()));
}

/** `psa_key_derivation_set_capacity` (a `bigint` stands for a `size_t` beyond 2^53 − 1). */
export function psa_key_derivation_set_capacity(operation: psa_key_derivation_operation_t, capacity: number | bigint): number {
  return status(() => impl(operation, 'psa_key_derivation_set_capacity').setCapacity(capacity));
}

/** `psa_key_derivation_input_bytes`. */
export function psa_key_derivation_input_bytes(operation: psa_key_derivation_operation_t, step: number, data: Uint8Array): number {
  return status(() => impl(operation, 'psa_key_derivation_input_bytes').inputBytes(step, data));
}

/** `psa_key_derivation_input_integer` (`uint64_t value`: a number or a bigint). */
export function psa_key_derivation_input_integer(operation: psa_key_derivation_operation_t, step: number, value: number | bigint): number {
  return status(() => impl(operation, 'psa_key_derivation_input_integer').inputInteger(step, value));
}

/** `psa_key_derivation_input_key`. */
export function psa_key_derivation_input_key(operation: psa_key_derivation_operation_t, step: number, key: number): number {
  return status(() => impl(operation, 'psa_key_derivation_input_key').inputKey(step, key));
}

/** `psa_key_derivation_key_agreement`. */
export function psa_key_derivation_key_agreement(operation: psa_key_derivation_operation_t, step: number, privateKey: number, peerKey: Uint8Array): number {
  return status(() => impl(operation, 'psa_key_derivation_key_agreement').keyAgreement(step, privateKey, peerKey));
}

/** `psa_key_derivation_output_bytes`: fills the whole of `output` (its length is `output_length`). */
export function psa_key_derivation_output_bytes(operation: psa_key_derivation_operation_t, output: Uint8Array): number {
  const fn = 'psa_key_derivation_output_bytes';
  const result = status(() => {
    const out = checkBytes(output, fn, 'output');
    const bytes = impl(operation, fn).outputBytes(out.length);
    out.set(bytes);
    bytes.fill(0);
  });
  if (result !== PSA_SUCCESS) wipeOut(output, WIPE_BYTE);
  return result;
}

/** `psa_key_derivation_output_key`. */
export function psa_key_derivation_output_key(attributes: psa_key_attributes_t, operation: psa_key_derivation_operation_t, key: Out): number {
  const fn = 'psa_key_derivation_output_key';
  resetOut(key, 0);
  return status(() => setOut(key, instance().keyDerivationOutputKey(toKeyAttributes(attributes, fn), impl(operation, fn))));
}

/** `psa_key_derivation_output_key_custom`. */
export function psa_key_derivation_output_key_custom(
  attributes: psa_key_attributes_t,
  operation: psa_key_derivation_operation_t,
  custom: psa_custom_key_parameters_t,
  customData: Uint8Array,
  key: Out,
): number {
  const fn = 'psa_key_derivation_output_key_custom';
  resetOut(key, 0);
  return status(() => setOut(key, instance().keyDerivationOutputKeyCustom(toKeyAttributes(attributes, fn), impl(operation, fn), custom, customData)));
}

/** `psa_key_derivation_verify_bytes`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_key_derivation_verify_bytes(operation: psa_key_derivation_operation_t, expected: Uint8Array): number {
  return status(() => impl(operation, 'psa_key_derivation_verify_bytes').verifyBytes(expected));
}

/** `psa_key_derivation_verify_key`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_key_derivation_verify_key(operation: psa_key_derivation_operation_t, expected: number): number {
  return status(() => impl(operation, 'psa_key_derivation_verify_key').verifyKey(expected));
}

/** `psa_key_derivation_abort`: valid in any state. */
export function psa_key_derivation_abort(operation: psa_key_derivation_operation_t): number {
  return status(() => abortImpl(operation, 'psa_key_derivation_abort', kind));
}
