/**
 * Xof methods of `Psa`.
 * @module
 */
import { PsaWrap } from './psa-wrap.js';

/** `PsaWrap` plus the xof functions. */
export class PsaXof extends PsaWrap {}
