/**
 * Key agreement methods of `Psa` (`psa_raw_key_agreement`, `psa_key_agreement`).
 * @module
 */
import { PsaAsymmetricEncryption } from './psa-asymmetric-encryption.js';

/** `PsaAsymmetricEncryption` plus key agreement. */
export class PsaKeyAgreement extends PsaAsymmetricEncryption {}
