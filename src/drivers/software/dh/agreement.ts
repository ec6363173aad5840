/**
 * Finite-field Diffie-Hellman (FFDH) shared secrets for the software
 * driver's key-agreement entry point.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import { PSA_KEY_TYPE_IS_DH_KEY_PAIR } from '../../../values/key-type-predicates.js';
import type { DriverKeyAttributes } from '../../driver.js';
import { dhGroupOf } from './keys.js';
import { bigIntFromBytes, bigIntToBytes, modPow } from './math.js';

/**
 * FFDH: the shared secret peer^x mod p of our private key x and the peer's
 * public value, both big-endian and as long as the group's prime; the secret
 * is left-padded to that length (as Mbed TLS). INVALID_ARGUMENT when the key
 * is not a DH key pair, the peer value has another length (as Mbed TLS), or
 * the peer value is outside 1 < y < p−1 (the check of RFC 7919 §5.1, which
 * Mbed TLS does not make).
 */
export const dhAgreement: ((attributes: DriverKeyAttributes, keyBuffer: Uint8Array, peer: Uint8Array) => Uint8Array) | undefined = (
  attributes,
  keyBuffer,
  peer,
) => {
  if (!PSA_KEY_TYPE_IS_DH_KEY_PAIR(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, 'FFDH: the key is not a DH key pair');
  if (peer.length !== keyBuffer.length) fail(PSA_ERROR_INVALID_ARGUMENT, `FFDH: peer key of ${peer.length} bytes, expected ${keyBuffer.length}`);
  const group = dhGroupOf(attributes.type, keyBuffer.length * 8);
  const y = bigIntFromBytes(peer);
  if (y <= 1n || y >= group.p - 1n) fail(PSA_ERROR_INVALID_ARGUMENT, 'FFDH: peer public value out of range');
  return bigIntToBytes(modPow(y, bigIntFromBytes(keyBuffer), group.p), group.bytes);
};
