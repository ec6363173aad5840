/**
 * Mbed TLS interruptible key operations of `Psa` (`psa_generate_key_iop_*`,
 * `psa_export_public_key_iop_*`, `psa_key_agreement_iop_*`).
 * @module
 */
import { PsaPake } from './psa-pake.js';

/** `PsaPake` plus the Mbed TLS interruptible key operations. */
export class PsaIop extends PsaPake {}
