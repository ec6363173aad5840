/**
 * DH keys in the software driver (import validation, generation, public key).
 * @module
 */
import type { KeyFamily } from './key-families.js';

/** The DH key family; `undefined` while DH keys are not supported. */
export const dhKeys: KeyFamily | undefined = undefined;
