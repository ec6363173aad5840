/**
 * Key encapsulation methods of `Psa` (`psa_encapsulate`, `psa_decapsulate`).
 * @module
 */
import { PsaKeyAgreement } from './psa-key-agreement.js';

/** `PsaKeyAgreement` plus key encapsulation. */
export class PsaEncapsulation extends PsaKeyAgreement {}
