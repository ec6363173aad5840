/**
 * The software driver's encapsulation entry points.
 * @module
 */
import type { EncapsulationEntryPoints } from '../encapsulation.js';

/** Encapsulation entry points of the software driver. */
export const softwareEncapsulation: EncapsulationEntryPoints = {};
