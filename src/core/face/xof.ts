/**
 * XOF methods of `Psa` (`psa_xof_operation_init`, `psa_xof_setup`); the
 * rest of `psa_xof_*` are methods of the returned `XofOperation`.
 * @module
 */
import type { DriverEntryPoints } from '../drivers/driver.js';
import { api } from './psa-base.js';
import { PsaWrap } from './psa-wrap.js';
import { XofOperation, type XofProvider } from './xof.js';

const hasXof = (d: DriverEntryPoints): boolean => d.xofSetup !== undefined;

/** `PsaWrap` plus the XOF functions. */
export class PsaXof extends PsaWrap {
  /** A new, inactive XOF operation (`psa_xof_operation_init`). */
  xofOperation(): XofOperation {
    const fn = 'psa_xof_operation_init';
    return api(fn, () => {
      this.core(fn);
      const provider: XofProvider = {
        setup: (alg) => this.core('psa_xof_setup').dispatch.transparentCall('psa_xof_setup', hasXof, (d) => d.xofSetup!(alg)),
      };
      return new XofOperation(provider);
    });
  }

  /** `psa_xof_setup`: an active XOF operation. */
  xofSetup(alg: number): XofOperation {
    const op = this.xofOperation();
    api('psa_xof_setup', () => op.setup(alg));
    return op;
  }
}
