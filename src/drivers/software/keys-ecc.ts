/**
 * ECC keys in the software driver (import validation, generation, public key).
 * @module
 */
import type { KeyFamily } from './key-families.js';

/** The ECC key family; `undefined` while ECC keys are not supported. */
export const eccKeys: KeyFamily | undefined = undefined;
