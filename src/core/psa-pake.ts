/**
 * PAKE methods of `Psa` (`psa_pake_*`): thin wrappers that check JavaScript
 * arguments and call `pake.ts`.
 * @module
 */
import { PsaKeyDerivation } from './psa-key-derivation.js';

/** `PsaKeyDerivation` plus password-authenticated key exchange. */
export class PsaPake extends PsaKeyDerivation {}
