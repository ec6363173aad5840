/**
 * The software driver's sign entry points.
 * @module
 */
import type { SignEntryPoints } from '../sign.js';

/** Sign entry points of the software driver. */
export const softwareSign: SignEntryPoints = {};
