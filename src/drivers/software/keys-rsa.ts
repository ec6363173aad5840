/**
 * RSA keys in the software driver (import validation, generation, public key).
 * @module
 */
import type { KeyFamily } from './key-families.js';

/** The RSA key family; `undefined` while RSA keys are not supported. */
export const rsaKeys: KeyFamily | undefined = undefined;
