/**
 * PAKE methods of `Psa` (`psa_pake_operation_t` and `psa_pake_get_shared_key`):
 * thin wrappers that check JavaScript arguments and call `pake/index.ts`.
 * The exchange steps are methods of the returned `PakeOperation`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from '../keys/attributes.js';
import { PakeOperation, type PakeCipherSuite } from '../pake/index.js';
import { checkObject } from '../validate.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(PakeOperation);

/** The PAKE methods of `Psa`. */
export interface PakeMethods {
  /**
   * A new, inactive PAKE operation (`psa_pake_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  pakeOperation(): PakeOperation;

  /**
   * `psa_pake_setup`: an active PAKE operation for the password key
   * `passwordKey` (usage DERIVE, a policy permitting the suite's algorithm)
   * and `cipherSuite`. Continue with `setRole` / `setUser` / `setPeer` /
   * `setContext` as the algorithm needs, then `output` / `input`.
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DERIVE or does not permit the suite's algorithm
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: not a PAKE algorithm, a key or primitive that does not fit the cipher suite
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the algorithm or primitive is not implemented
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  pakeSetup(passwordKey: number, cipherSuite: PakeCipherSuite): PakeOperation;

  /**
   * `psa_pake_get_shared_key` (C argument order): the shared secret of a
   * finished exchange as a new key with `attributes`; returns its id. The
   * operation ends whether or not this succeeds.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `operation` is not a `PakeOperation`, or attributes a shared secret cannot have
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the exchange is not finished, or the instance is closed
   * @throws {PsaError} and the key-creation statuses of `importKey`
   */
  pakeGetSharedKey(operation: PakeOperation, attributes: KeyAttributes): number;
}

/** The bodies of `PakeMethods`, assigned to `Psa.prototype`. */
export const pakeMethods: PakeMethods & ThisType<PakeMethods> = guardMethods({
  pakeOperation() {
    const fn = 'psa_pake_operation_init';
    return api(fn, () => (coreOf(this, fn), new PakeOperation((name) => coreOf(this, name))));
  },

  pakeSetup(passwordKey, cipherSuite) {
    const op = this.pakeOperation();
    api('psa_pake_setup', () => op.setup(passwordKey, cipherSuite));
    return op;
  },

  pakeGetSharedKey(operation, attributes) {
    const fn = 'psa_pake_get_shared_key';
    return api(fn, () => {
      if (!(operation instanceof PakeOperation)) return checkObject(undefined, fn, 'operation') as never;
      return operation.getSharedKey(resolveAttributes(attributes, fn));
    });
  },
});
