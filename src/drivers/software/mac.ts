/**
 * The software driver's mac entry points.
 * @module
 */
import type { MacEntryPoints } from '../mac.js';

/** Mac entry points of the software driver. */
export const softwareMac: MacEntryPoints = {};
