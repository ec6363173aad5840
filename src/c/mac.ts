/**
 * MAC functions in C shape. `psa_mac_operation_t` is a holder whose
 * implementation is created on setup, so an operation object can be
 * initialised (`PSA_MAC_OPERATION_INIT`) before `psa_crypto_init`.
 *
 * Output buffers are treated as Mbed TLS treats them: on success the bytes
 * after the MAC are set to `'!'`; on failure the whole buffer is set to
 * `'!'` and the length to the buffer size, so a caller that misses the
 * status check holds an unachievable MAC.
 * @module
 */
import { PSA_ERROR_INVALID_ARGUMENT, PSA_SUCCESS } from '../values/status.js';
import type { MacOperation } from '../core/mac.js';
import { checkBytes } from '../core/validate.js';
import { abortImpl, activeImpl, emptyHolder, operationKind, setupImpl, type Holder } from './holder.js';
import { instance, lengthOf, resetOut, status, wipeOut, type Out } from './instance.js';

/** `psa_mac_operation_t` (treat as opaque). */
export type psa_mac_operation_t = Holder<MacOperation>;

/** The byte Mbed TLS writes over unused or invalid MAC output (`'!'`). */
const WIPE_BYTE = 0x21;

/** `psa_mac_operation_init` / `PSA_MAC_OPERATION_INIT`: an inactive operation. */
export function psa_mac_operation_init(): psa_mac_operation_t {
  return emptyHolder(kind);
}

/** A fresh implementation from the current instance. */
const kind = operationKind<MacOperation>('psa_mac_operation_t', () => instance().macOperation());

/**
 * Run a body that produces a MAC into `buffer` and finish as Mbed TLS's
 * `psa_wipe_tag_output_buffer` does.
 */
function macOutput(fn: string, buffer: Uint8Array, length: Out, body: (size: number) => Uint8Array): number {
  let written = 0;
  const result = status(() => {
    const out = checkBytes(buffer, fn, 'mac');
    const mac = body(out.length);
    out.set(mac);
    written = mac.length;
    mac.fill(0);
  });
  wipeOut(buffer, WIPE_BYTE, result === PSA_SUCCESS ? written : 0);
  if (!resetOut(length, result === PSA_SUCCESS ? written : lengthOf(buffer)) && result === PSA_SUCCESS) return PSA_ERROR_INVALID_ARGUMENT;
  return result;
}

/** `psa_mac_compute`. */
export function psa_mac_compute(key: number, alg: number, input: Uint8Array, mac: Uint8Array, macLength: Out): number {
  return macOutput('psa_mac_compute', mac, macLength, (size) => instance().macCompute(key, alg, input, size));
}

/** `psa_mac_verify`: PSA_ERROR_INVALID_SIGNATURE on mismatch. */
export function psa_mac_verify(key: number, alg: number, input: Uint8Array, mac: Uint8Array): number {
  return status(() => instance().macVerify(key, alg, input, mac));
}

/** `psa_mac_sign_setup`. */
export function psa_mac_sign_setup(operation: psa_mac_operation_t, key: number, alg: number): number {
  return status(() => setupImpl(operation, 'psa_mac_sign_setup', kind).signSetup(key, alg));
}

/** `psa_mac_verify_setup`. */
export function psa_mac_verify_setup(operation: psa_mac_operation_t, key: number, alg: number): number {
  return status(() => setupImpl(operation, 'psa_mac_verify_setup', kind).verifySetup(key, alg));
}

/** `psa_mac_update`. */
export function psa_mac_update(operation: psa_mac_operation_t, input: Uint8Array): number {
  return status(() => activeImpl(operation, 'psa_mac_update', kind).update(input));
}

/** `psa_mac_sign_finish`: BAD_STATE on a verify operation; the operation ends either way. */
export function psa_mac_sign_finish(operation: psa_mac_operation_t, mac: Uint8Array, macLength: Out): number {
  return macOutput('psa_mac_sign_finish', mac, macLength, (size) => activeImpl(operation, 'psa_mac_sign_finish', kind).signFinish(size));
}

/** `psa_mac_verify_finish`: PSA_ERROR_INVALID_SIGNATURE on mismatch, BAD_STATE on a sign operation. */
export function psa_mac_verify_finish(operation: psa_mac_operation_t, mac: Uint8Array): number {
  return status(() => activeImpl(operation, 'psa_mac_verify_finish', kind).verifyFinish(mac));
}

/** `psa_mac_abort`: valid in any state. */
export function psa_mac_abort(operation: psa_mac_operation_t): number {
  return status(() => abortImpl(operation, 'psa_mac_abort', kind));
}
