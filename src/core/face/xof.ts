/**
 * XOF methods of `Psa` (`psa_xof_operation_init`, `psa_xof_setup`); the
 * rest of `psa_xof_*` are methods of the returned `XofOperation`. The
 * operation starts its XOF through `Dispatcher.xofSetup`.
 * @module
 */
import { XofOperation } from '../xof.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(XofOperation);

/** The XOF methods of `Psa`. */
export interface XofMethods {
  /**
   * A new, inactive XOF operation (`psa_xof_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  xofOperation(): XofOperation;

  /**
   * `psa_xof_setup`: an active XOF operation.
   * @param alg an XOF algorithm (`PSA_ALG_SHAKE128`, `PSA_ALG_SHAKE256`, …)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not an XOF algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg`
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  xofSetup(alg: number): XofOperation;
}

/** The bodies of `XofMethods`, assigned to `Psa.prototype`. */
export const xofMethods: XofMethods & ThisType<XofMethods> = guardMethods({
  xofOperation() {
    const fn = 'psa_xof_operation_init';
    return api(fn, () => {
      coreOf(this, fn);
      return new XofOperation({ setup: (alg) => coreOf(this, 'psa_xof_setup').dispatch.xofSetup(alg, 'psa_xof_setup') });
    });
  },

  xofSetup(alg) {
    const op = this.xofOperation();
    api('psa_xof_setup', () => op.setup(alg));
    return op;
  },
});
