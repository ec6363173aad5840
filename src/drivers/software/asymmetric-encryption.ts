/**
 * The software driver's asymmetric encryption entry points.
 * @module
 */
import type { AsymmetricEncryptionEntryPoints } from '../asymmetric-encryption.js';

/** AsymmetricEncryption entry points of the software driver. */
export const softwareAsymmetricEncryption: AsymmetricEncryptionEntryPoints = {};
