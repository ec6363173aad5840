/**
 * The software driver's key agreement entry point: ECDH here, FFDH through
 * `dhAgreement` (NOT_SUPPORTED while that is not provided).
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_ALG_ECDH, PSA_ALG_FFDH } from '../../values/algorithms-pk.js';
import { describe } from '../../values/index.js';
import type { KeyAgreementEntryPoints } from '../key-agreement.js';
import { dhAgreement } from './dh/agreement.js';
import { ecdhAgreement } from './ecc/ecdh.js';

/** KeyAgreement entry points of the software driver. */
export const softwareKeyAgreement: KeyAgreementEntryPoints = {
  keyAgreement(attributes, keyBuffer, alg, peerKey) {
    if (alg === PSA_ALG_ECDH) return ecdhAgreement(attributes, keyBuffer, peerKey);
    if (alg === PSA_ALG_FFDH && dhAgreement) return dhAgreement(attributes, keyBuffer, peerKey);
    return fail(PSA_ERROR_NOT_SUPPORTED, `psa_raw_key_agreement: ${describe(alg, 'alg')} is not supported`);
  },
};
