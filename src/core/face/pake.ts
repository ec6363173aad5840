/**
 * PAKE methods of `Psa` (`psa_pake_operation_t` and `psa_pake_get_shared_key`):
 * thin wrappers that check JavaScript arguments and call `pake.ts`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from './keys/attributes.js';
import { PakeOperation, type PakeCipherSuite } from './pake/index.js';
import { api } from './psa-base.js';
import { PsaKeyDerivation } from './psa-key-derivation.js';
import { checkObject } from './validate.js';

/** `PsaKeyDerivation` plus password-authenticated key exchange. */
export class PsaPake extends PsaKeyDerivation {
  /** A new, inactive PAKE operation (`psa_pake_operation_init`). */
  pakeOperation(): PakeOperation {
    const fn = 'psa_pake_operation_init';
    return api(fn, () => (this.core(fn), new PakeOperation((name) => this.core(name))));
  }

  /**
   * `psa_pake_setup`: an active PAKE operation for the password key
   * `passwordKey` (usage DERIVE, a policy permitting the suite's algorithm)
   * and `cipherSuite`. Continue with `setRole` / `setUser` / `setPeer` /
   * `setContext` as the algorithm needs, then `output` / `input`.
   */
  pakeSetup(passwordKey: number, cipherSuite: PakeCipherSuite): PakeOperation {
    const op = this.pakeOperation();
    api('psa_pake_setup', () => op.setup(passwordKey, cipherSuite));
    return op;
  }

  /**
   * `psa_pake_get_shared_key` (C argument order): the shared secret of a
   * finished exchange as a new key with `attributes`; returns its id. The
   * operation ends whether or not this succeeds.
   */
  pakeGetSharedKey(operation: PakeOperation, attributes: KeyAttributes): number {
    const fn = 'psa_pake_get_shared_key';
    return api(fn, () => {
      if (!(operation instanceof PakeOperation)) return checkObject(undefined, fn, 'operation') as never;
      return operation.getSharedKey(resolveAttributes(attributes, fn));
    });
  }
}
