/**
 * The software driver's PAKE entry point: routes `pakeSetup` to the module of
 * the cipher suite's algorithm family.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ALG_IS_JPAKE, PSA_ALG_IS_SPAKE2P, PSA_ALG_IS_WPA3_SAE } from '../../../values/alg-predicates.js';
import { describe } from '../../../values/describe.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import type { PakeEntryPoints } from '../../pake.js';
import { jpakeSetup } from './jpake/exchange.js';
import { spake2pSetup } from './spake2p/exchange.js';
import { wpa3SaeSetup } from './wpa3-sae/exchange.js';
import { srpSetup } from './srp/exchange.js';
import { PSA_ALG_IS_SRP_6 } from '../../../values/srp.js';

/** PAKE entry points of the software driver. */
export const softwarePake: PakeEntryPoints = {
  pakeSetup(attributes, keyBuffer, inputs) {
    if (PSA_ALG_IS_JPAKE(inputs.alg)) return jpakeSetup(attributes, keyBuffer, inputs);
    if (PSA_ALG_IS_SPAKE2P(inputs.alg)) return spake2pSetup(attributes, keyBuffer, inputs);
    if (PSA_ALG_IS_WPA3_SAE(inputs.alg)) return wpa3SaeSetup(attributes, keyBuffer, inputs);
    if (PSA_ALG_IS_SRP_6(inputs.alg)) return srpSetup(attributes, keyBuffer, inputs);
    return fail(PSA_ERROR_NOT_SUPPORTED, `PAKE ${describe(inputs.alg, 'alg')} is not supported`);
  },
};
