/**
 * Mbed TLS interruptible key operations of `Psa` (`psa_generate_key_iop_*`,
 * `psa_export_public_key_iop_*`, `psa_key_agreement_iop_*`): constructors of
 * the operation objects of `iop.ts`, whose methods take the op budget of
 * each `complete` call (the C facade passes `psa_interruptible_get_max_ops()`).
 * @module
 */
import { resolveAttributes, type KeyAttributes } from './keys/attributes.js';
import { ExportPublicKeyIop, GenerateKeyIop, KeyAgreementIop } from './iop.js';
import { api } from './psa-base.js';
import { PsaPake } from './psa-pake.js';
import { checkBytes, checkUint } from './validate.js';

/** `PsaPake` plus the Mbed TLS interruptible key operations. */
export class PsaIop extends PsaPake {
  /** A new, inactive `psa_generate_key_iop_t`. */
  generateKeyIop(): GenerateKeyIop {
    const fn = 'psa_generate_key_iop_init';
    return api(fn, () => (this.core(fn), new GenerateKeyIop((name) => this.core(name))));
  }

  /** `psa_generate_key_iop_setup` on `operation` with `attributes` (an ECC key pair type and size). */
  generateKeyIopSetup(operation: GenerateKeyIop, attributes: KeyAttributes): void {
    const fn = 'psa_generate_key_iop_setup';
    api(fn, () => operation.setup(resolveAttributes(attributes, fn)));
  }

  /** A new, inactive `psa_export_public_key_iop_t`. */
  exportPublicKeyIop(): ExportPublicKeyIop {
    const fn = 'psa_export_public_key_iop_init';
    return api(fn, () => (this.core(fn), new ExportPublicKeyIop((name) => this.core(name))));
  }

  /** A new, inactive `psa_key_agreement_iop_t`. */
  keyAgreementIop(): KeyAgreementIop {
    const fn = 'psa_key_agreement_iop_init';
    return api(fn, () => (this.core(fn), new KeyAgreementIop((name) => this.core(name))));
  }

  /** `psa_key_agreement_iop_setup` (C argument order). */
  keyAgreementIopSetup(operation: KeyAgreementIop, privateKey: number, peerKey: Uint8Array, alg: number, attributes: KeyAttributes): void {
    const fn = 'psa_key_agreement_iop_setup';
    api(fn, () => operation.setup(checkUint(privateKey, fn, 'private_key'), checkBytes(peerKey, fn, 'peer_key'), checkUint(alg, fn, 'alg'),
      resolveAttributes(attributes, fn)));
  }
}
