/**
 * Key derivation methods of `Psa` (`psa_key_derivation_operation_t` and the
 * functions that create keys from it): thin wrappers that check JavaScript
 * arguments and call `key-derivation.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from './keys/attributes.js';
import { KeyDerivationOperation } from './key-derivation/index.js';
import type { CustomKeyParameters } from './keys/management.js';
import { api } from './psa-base.js';
import { PsaEncapsulation } from './psa-encapsulation.js';
import { checkBytes, checkObject, checkUint } from './validate.js';

/** `PsaEncapsulation` plus key derivation. */
export class PsaKeyDerivation extends PsaEncapsulation {
  /** A new, inactive key derivation operation (`psa_key_derivation_operation_init`). */
  keyDerivationOperation(): KeyDerivationOperation {
    const fn = 'psa_key_derivation_operation_init';
    return api(fn, () => (this.core(fn), new KeyDerivationOperation((name) => this.core(name))));
  }

  /** `psa_key_derivation_setup`: an active operation for `alg` (a KDF or a key agreement + KDF). */
  keyDerivationSetup(alg: number): KeyDerivationOperation {
    const op = this.keyDerivationOperation();
    api('psa_key_derivation_setup', () => op.setup(alg));
    return op;
  }

  /**
   * `psa_key_derivation_output_key` (C argument order): a new key with
   * `attributes` made from the next bytes of `operation`; returns its id.
   */
  keyDerivationOutputKey(attributes: KeyAttributes, operation: KeyDerivationOperation): number {
    const fn = 'psa_key_derivation_output_key';
    return api(fn, () => this.#operation(operation, fn).outputKey(resolveAttributes(attributes, fn)));
  }

  /**
   * `psa_key_derivation_output_key_custom`: as `keyDerivationOutputKey`
   * with custom parameters (none are defined: flags 0 and empty data only).
   */
  keyDerivationOutputKeyCustom(attributes: KeyAttributes, operation: KeyDerivationOperation, custom: CustomKeyParameters, customData: Uint8Array): number {
    const fn = 'psa_key_derivation_output_key_custom';
    return api(fn, () => {
      const flags = checkUint(checkObject(custom, fn, 'custom').flags, fn, 'custom.flags');
      return this.#operation(operation, fn).outputKey(resolveAttributes(attributes, fn), { flags }, checkBytes(customData, fn, 'custom_data'));
    });
  }

  #operation(operation: unknown, fn: string): KeyDerivationOperation {
    if (operation instanceof KeyDerivationOperation) return operation;
    return checkObject(undefined, fn, 'operation') as never;
  }
}
