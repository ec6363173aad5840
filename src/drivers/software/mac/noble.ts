/**
 * A `MacContext` over any incremental noble MAC (HMAC, CMAC): the same
 * update / digest / destroy shape, finished exactly once.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE } from '../../../values/status.js';
import type { MacContext } from '../../mac.js';

/** The part of a noble incremental MAC this wrapper uses. */
export interface NobleMac {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
  destroy(): void;
}

/** Wraps a noble MAC object; `what` names it in errors (e.g. `'HMAC'`). */
export class NobleMacContext implements MacContext {
  #mac: NobleMac | undefined;
  readonly #what: string;

  constructor(mac: NobleMac, what: string) {
    this.#mac = mac;
    this.#what = what;
  }

  update(data: Uint8Array): void {
    (this.#mac ?? fail(PSA_ERROR_BAD_STATE, `${this.#what} context is finished`)).update(data);
  }

  finish(): Uint8Array {
    const mac = this.#mac ?? fail(PSA_ERROR_BAD_STATE, `${this.#what} context is finished`);
    const out = mac.digest();
    this.destroy();
    return out;
  }

  destroy(): void {
    const mac = this.#mac;
    this.#mac = undefined;
    mac?.destroy();
  }
}
