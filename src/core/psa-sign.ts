/**
 * Signature methods of `Psa` (sign/verify hash and message, with context, multipart).
 * @module
 */
import { PsaXof } from './psa-xof.js';

/** `PsaXof` plus the signature functions. */
export class PsaSign extends PsaXof {}
