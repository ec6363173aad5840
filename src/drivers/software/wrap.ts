/**
 * The software driver's wrap entry points.
 * @module
 */
import type { KeyWrapEntryPoints } from '../wrap.js';

/** KeyWrap entry points of the software driver. */
export const softwareKeyWrap: KeyWrapEntryPoints = {};
