/**
 * Mbed TLS interruptible key operations of `Psa` (`psa_generate_key_iop_*`,
 * `psa_export_public_key_iop_*`, `psa_key_agreement_iop_*`): constructors of
 * the operation objects of `iop.ts`, whose methods take the op budget of
 * each `complete` call (the C facade passes `psa_interruptible_get_max_ops()`).
 * @module
 */
import { resolveAttributes, type KeyAttributes } from '../keys/attributes.js';
import { ExportPublicKeyIop, GenerateKeyIop, KeyAgreementIop } from '../iop.js';
import { checkBytes, checkUint } from '../validate.js';
import { api, guardMethods, guardOperation, operationOf } from './api.js';
import { coreOf } from './instance.js';

guardOperation(GenerateKeyIop);
guardOperation(ExportPublicKeyIop);
guardOperation(KeyAgreementIop);

/** The interruptible key operations of `Psa`. */
export interface IopMethods {
  /**
   * A new, inactive `psa_generate_key_iop_t`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  generateKeyIop(): GenerateKeyIop;

  /**
   * `psa_generate_key_iop_setup` on `operation` with `attributes` (an ECC key pair type and size).
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: not an ECC key pair type, or a size that cannot be generated interruptibly
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: no key size, a public-key type, bad attributes
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is in use or has failed, or the instance is closed
   */
  generateKeyIopSetup(operation: GenerateKeyIop, attributes: KeyAttributes): void;

  /**
   * A new, inactive `psa_export_public_key_iop_t`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  exportPublicKeyIop(): ExportPublicKeyIop;

  /**
   * A new, inactive `psa_key_agreement_iop_t`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  keyAgreementIop(): KeyAgreementIop;

  /**
   * `psa_key_agreement_iop_setup` (C argument order).
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DERIVE or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: `alg` is not a raw key agreement, or a key not in local storage
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an algorithm other than ECDH, attributes a shared secret cannot have
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is in use or has failed, or the instance is closed
   */
  keyAgreementIopSetup(operation: KeyAgreementIop, privateKey: number, peerKey: Uint8Array, alg: number, attributes: KeyAttributes): void;
}

/** The bodies of `IopMethods`, assigned to `Psa.prototype`. */
export const iopMethods: IopMethods & ThisType<IopMethods> = guardMethods({
  generateKeyIop() {
    const fn = 'psa_generate_key_iop_init';
    return api(fn, () => (coreOf(this, fn), new GenerateKeyIop((name) => coreOf(this, name))));
  },

  generateKeyIopSetup(operation, attributes) {
    const fn = 'psa_generate_key_iop_setup';
    api(fn, () => operationOf(operation, GenerateKeyIop, fn).setup(resolveAttributes(attributes, fn)));
  },

  exportPublicKeyIop() {
    const fn = 'psa_export_public_key_iop_init';
    return api(fn, () => (coreOf(this, fn), new ExportPublicKeyIop((name) => coreOf(this, name))));
  },

  keyAgreementIop() {
    const fn = 'psa_key_agreement_iop_init';
    return api(fn, () => (coreOf(this, fn), new KeyAgreementIop((name) => coreOf(this, name))));
  },

  keyAgreementIopSetup(operation, privateKey, peerKey, alg, attributes) {
    const fn = 'psa_key_agreement_iop_setup';
    api(fn, () => operationOf(operation, KeyAgreementIop, fn).setup(checkUint(privateKey, fn, 'private_key'), checkBytes(peerKey, fn, 'peer_key'), checkUint(alg, fn, 'alg'),
      resolveAttributes(attributes, fn)));
  },
});
