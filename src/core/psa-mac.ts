/**
 * Mac methods of `Psa`.
 * @module
 */
import { PsaKeys } from './psa-keys.js';

/** `PsaKeys` plus the mac functions. */
export class PsaMac extends PsaKeys {}
