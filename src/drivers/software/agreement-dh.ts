/**
 * Finite-field Diffie-Hellman (FFDH) shared secrets for the software
 * driver's key-agreement entry point. `undefined` while FFDH is not supported.
 * @module
 */
import type { DriverKeyAttributes } from '../driver.js';

/** FFDH: the shared secret of our private key and the peer's public value (both big-endian, the group's length). */
export const dhAgreement: ((attributes: DriverKeyAttributes, keyBuffer: Uint8Array, peer: Uint8Array) => Uint8Array) | undefined = undefined;
