/**
 * Cipher methods of `Psa`.
 * @module
 */
import { PsaMac } from './psa-mac.js';

/** `PsaMac` plus the cipher functions. */
export class PsaCipher extends PsaMac {}
