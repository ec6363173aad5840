/**
 * Wrap methods of `Psa`.
 * @module
 */
import { PsaAead } from './psa-aead.js';

/** `PsaAead` plus the wrap functions. */
export class PsaWrap extends PsaAead {}
