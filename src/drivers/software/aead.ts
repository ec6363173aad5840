/**
 * The software driver's aead entry points.
 * @module
 */
import type { AeadEntryPoints } from '../aead.js';

/** Aead entry points of the software driver. */
export const softwareAead: AeadEntryPoints = {};
