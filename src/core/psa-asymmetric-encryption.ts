/**
 * Asymmetric encryption methods of `Psa` (`psa_asymmetric_encrypt/decrypt`).
 * @module
 */
import { PsaSign } from './psa-sign.js';

/** `PsaSign` plus asymmetric encryption. */
export class PsaAsymmetricEncryption extends PsaSign {}
