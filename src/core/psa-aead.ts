/**
 * Aead methods of `Psa`.
 * @module
 */
import { PsaCipher } from './psa-cipher.js';

/** `PsaCipher` plus the aead functions. */
export class PsaAead extends PsaCipher {}
