/**
 * The software driver's cipher entry points.
 * @module
 */
import type { CipherEntryPoints } from '../cipher.js';

/** Cipher entry points of the software driver. */
export const softwareCipher: CipherEntryPoints = {};
