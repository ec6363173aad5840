/**
 * The software driver's key agreement entry points.
 * @module
 */
import type { KeyAgreementEntryPoints } from '../key-agreement.js';

/** KeyAgreement entry points of the software driver. */
export const softwareKeyAgreement: KeyAgreementEntryPoints = {};
