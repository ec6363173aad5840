/**
 * Mbed TLS's interruptible key operations in C shape (TF-PSA-Crypto 1.0):
 * `psa_generate_key_iop_t`, `psa_export_public_key_iop_t` and
 * `psa_key_agreement_iop_t` with their `_init`, `_setup`, `_complete`,
 * `_abort` and `_get_num_ops` functions. `complete` spends at most
 * `psa_interruptible_get_max_ops()` ops per call and returns
 * `PSA_OPERATION_INCOMPLETE` until the work is done. The operation objects
 * are holders whose implementation is created on first use, so they can be
 * initialised (`PSA_*_IOP_INIT`, all-zero objects) before `psa_crypto_init`.
 * @module
 */
import { PSA_OPERATION_INCOMPLETE, PSA_SUCCESS } from '../values/status.js';
import type { ExportPublicKeyIop, GenerateKeyIop, KeyAgreementIop } from '../core/iop.js';
import { checkBytes } from '../core/validate.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { abortImpl, emptyHolder, implOf, numOpsOf, operationKind, type Holder } from './holder.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';
import { psa_interruptible_get_max_ops } from './sign.js';

/** `psa_generate_key_iop_t` (Mbed TLS; treat as opaque). */
export type psa_generate_key_iop_t = Holder<GenerateKeyIop>;
/** `psa_export_public_key_iop_t` (Mbed TLS; treat as opaque). */
export type psa_export_public_key_iop_t = Holder<ExportPublicKeyIop>;
/** `psa_key_agreement_iop_t` (Mbed TLS; treat as opaque). */
export type psa_key_agreement_iop_t = Holder<KeyAgreementIop>;

/** Run `body`; `undefined` from it means PSA_OPERATION_INCOMPLETE. */
function incompleteStatus(body: () => unknown): number {
  let incomplete = false;
  const result = status(() => {
    incomplete = body() === undefined;
  });
  return result === PSA_SUCCESS && incomplete ? PSA_OPERATION_INCOMPLETE : result;
}

const generateKind = operationKind<GenerateKeyIop>('psa_generate_key_iop_t', () => instance().generateKeyIop());
const exportKind = operationKind<ExportPublicKeyIop>('psa_export_public_key_iop_t', () => instance().exportPublicKeyIop());
const agreementKind = operationKind<KeyAgreementIop>('psa_key_agreement_iop_t', () => instance().keyAgreementIop());
const generateImpl = (op: unknown, fn: string): GenerateKeyIop => implOf(op, fn, generateKind);
const exportImpl = (op: unknown, fn: string): ExportPublicKeyIop => implOf(op, fn, exportKind);
const agreementImpl = (op: unknown, fn: string): KeyAgreementIop => implOf(op, fn, agreementKind);

/** `psa_generate_key_iop_init` / `PSA_GENERATE_KEY_IOP_INIT`. */
export function psa_generate_key_iop_init(): psa_generate_key_iop_t {
  return emptyHolder(generateKind);
}

/** `psa_generate_key_iop_setup`. */
export function psa_generate_key_iop_setup(operation: psa_generate_key_iop_t, attributes: psa_key_attributes_t): number {
  const fn = 'psa_generate_key_iop_setup';
  return status(() => instance().generateKeyIopSetup(generateImpl(operation, fn), toKeyAttributes(attributes, fn)));
}

/** `psa_generate_key_iop_complete`: `key` is set to the new key's id (0 unless PSA_SUCCESS). */
export function psa_generate_key_iop_complete(operation: psa_generate_key_iop_t, key: Out): number {
  const fn = 'psa_generate_key_iop_complete';
  resetOut(key, 0);
  return status(() => setOut(key, generateImpl(operation, fn).complete()));
}

/** `psa_generate_key_iop_get_num_ops`. */
export function psa_generate_key_iop_get_num_ops(operation: psa_generate_key_iop_t): number {
  return numOpsOf(operation, generateKind);
}

/** `psa_generate_key_iop_abort`: valid in any state. */
export function psa_generate_key_iop_abort(operation: psa_generate_key_iop_t): number {
  return status(() => abortImpl(operation, 'psa_generate_key_iop_abort', generateKind));
}

/** `psa_export_public_key_iop_init` / `PSA_EXPORT_PUBLIC_KEY_IOP_INIT`. */
export function psa_export_public_key_iop_init(): psa_export_public_key_iop_t {
  return emptyHolder(exportKind);
}

/** `psa_export_public_key_iop_setup`. */
export function psa_export_public_key_iop_setup(operation: psa_export_public_key_iop_t, key: number): number {
  return status(() => exportImpl(operation, 'psa_export_public_key_iop_setup').setup(key));
}

/**
 * `psa_export_public_key_iop_complete`: on success writes into `data` (its
 * length is `data_size`) and sets `data_length`; otherwise, as Mbed TLS,
 * leaves both as they were.
 */
export function psa_export_public_key_iop_complete(operation: psa_export_public_key_iop_t, data: Uint8Array, dataLength: Out): number {
  const fn = 'psa_export_public_key_iop_complete';
  return incompleteStatus(() => {
    const out = checkBytes(data, fn, 'data');
    const value = exportImpl(operation, fn).complete(psa_interruptible_get_max_ops(), out.length);
    if (value === undefined) return undefined;
    copyOut(value, out);
    setOut(dataLength, value.length);
    return value;
  });
}

/** `psa_export_public_key_iop_get_num_ops`. */
export function psa_export_public_key_iop_get_num_ops(operation: psa_export_public_key_iop_t): number {
  return numOpsOf(operation, exportKind);
}

/** `psa_export_public_key_iop_abort`: valid in any state. */
export function psa_export_public_key_iop_abort(operation: psa_export_public_key_iop_t): number {
  return status(() => abortImpl(operation, 'psa_export_public_key_iop_abort', exportKind));
}

/** `psa_key_agreement_iop_init` / `PSA_KEY_AGREEMENT_IOP_INIT`. */
export function psa_key_agreement_iop_init(): psa_key_agreement_iop_t {
  return emptyHolder(agreementKind);
}

/** `psa_key_agreement_iop_setup` (the whole of `peer_key` is the peer's public key). */
export function psa_key_agreement_iop_setup(
  operation: psa_key_agreement_iop_t,
  privateKey: number,
  peerKey: Uint8Array,
  alg: number,
  attributes: psa_key_attributes_t,
): number {
  const fn = 'psa_key_agreement_iop_setup';
  return status(() => instance().keyAgreementIopSetup(agreementImpl(operation, fn), privateKey, peerKey, alg, toKeyAttributes(attributes, fn)));
}

/** `psa_key_agreement_iop_complete`: `key` is set to the new key's id (0 unless PSA_SUCCESS). */
export function psa_key_agreement_iop_complete(operation: psa_key_agreement_iop_t, key: Out): number {
  const fn = 'psa_key_agreement_iop_complete';
  resetOut(key, 0);
  return incompleteStatus(() => {
    const id = agreementImpl(operation, fn).complete(psa_interruptible_get_max_ops());
    if (id !== undefined) setOut(key, id);
    return id;
  });
}

/** `psa_key_agreement_iop_get_num_ops`. */
export function psa_key_agreement_iop_get_num_ops(operation: psa_key_agreement_iop_t): number {
  return numOpsOf(operation, agreementKind);
}

/** `psa_key_agreement_iop_abort`: valid in any state. */
export function psa_key_agreement_iop_abort(operation: psa_key_agreement_iop_t): number {
  return status(() => abortImpl(operation, 'psa_key_agreement_iop_abort', agreementKind));
}
