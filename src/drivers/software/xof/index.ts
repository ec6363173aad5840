/**
 * The software driver's XOF entry points: SHAKE128 and SHAKE256 (FIPS 202)
 * over @noble/hashes; Ascon-XOF128 and Ascon-CXOF128 (SP 800-232) over our
 * own sponge (`ascon/sponge.ts`). Ascon-CXOF128 takes the PSA context as its
 * customization string (at most 256 bytes); without `set_context` the
 * customization string is empty.
 * @module
 */
import { shake128, shake256 } from '@noble/hashes/sha3.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import { PSA_ALG_ASCON_CXOF128, PSA_ALG_ASCON_XOF128, PSA_ALG_SHAKE128, PSA_ALG_SHAKE256, describe } from '../../../values/index.js';
import type { XofContext, XofEntryPoints } from '../../xof.js';
import { AsconSponge } from '../ascon/sponge.js';

/** The sponge of a noble SHAKE instance, as far as this driver uses it. */
interface Sponge {
  update(data: Uint8Array): unknown;
  xof(length: number): Uint8Array;
  destroy(): void;
}

const SPONGES: ReadonlyMap<number, () => Sponge> = new Map<number, () => Sponge>([
  [PSA_ALG_SHAKE128, () => shake128.create()],
  [PSA_ALG_SHAKE256, () => shake256.create()],
  [PSA_ALG_ASCON_XOF128, () => new AsconSponge('xof128')],
  [PSA_ALG_ASCON_CXOF128, () => new AsconSponge('cxof128')],
]);

/** The XOF algorithms this driver computes. */
export const SOFTWARE_XOF_ALGORITHMS: readonly number[] = [...SPONGES.keys()];

class SpongeContext implements XofContext {
  readonly alg: number;
  #sponge: Sponge | undefined;
  readonly setContext?: (context: Uint8Array) => void;

  constructor(alg: number, sponge: Sponge) {
    this.alg = alg;
    this.#sponge = sponge;
    if (sponge instanceof AsconSponge && alg === PSA_ALG_ASCON_CXOF128) {
      this.setContext = (context) => (this.#live() as AsconSponge).customize(context);
    }
  }

  #live(): Sponge {
    return this.#sponge ?? fail(PSA_ERROR_BAD_STATE, 'XOF context already destroyed');
  }

  update(data: Uint8Array): void {
    this.#live().update(data);
  }

  output(length: number): Uint8Array {
    return this.#live().xof(length);
  }

  destroy(): void {
    this.#sponge?.destroy();
    this.#sponge = undefined;
  }
}

/** XOF entry points of the software driver. */
export const softwareXof: XofEntryPoints = {
  xofSetup(alg) {
    const create = SPONGES.get(alg >>> 0);
    if (create === undefined) fail(PSA_ERROR_NOT_SUPPORTED, `XOF ${describe(alg >>> 0, 'alg')} is not built in`);
    return new SpongeContext(alg >>> 0, create());
  },
};
