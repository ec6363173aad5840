/**
 * The software driver's xof entry points.
 * @module
 */
import type { XofEntryPoints } from '../xof.js';

/** Xof entry points of the software driver. */
export const softwareXof: XofEntryPoints = {};
