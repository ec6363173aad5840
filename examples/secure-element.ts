/**
 * A toy secure element for the tour: an opaque driver whose one key, a
 * P-256 key pair named "device-identity", was written at manufacturing.
 * Applications reach it with `psa_attach_key`; the private key never leaves
 * this module (the core holds a one-byte reference), and the element only
 * lets it sign. Signing reuses the software driver on the material it keeps.
 */
import { p256 } from '@noble/curves/nist.js';
import {
  PSA_ALG_ANY_HASH,
  PSA_ALG_ECDSA,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_USAGE_SIGN_HASH,
  PsaError,
  softwareDriver,
  type OpaqueDriver,
} from '../src/index.js';

/** The element's storage location (a vendor location: bit 23 set). */
export const SECURE_ELEMENT_LOCATION = 0x800001;

/** An opaque driver for a secure element holding one provisioned identity key. */
export function secureElement(): OpaqueDriver {
  const software = softwareDriver();
  const identity = p256.utils.randomSecretKey(); // "manufacturing"
  const local = <T extends { lifetime: number }>(a: T): T => ({ ...a, lifetime: 0 });
  return {
    kind: 'opaque',
    name: 'secure-element',
    location: SECURE_ELEMENT_LOCATION,
    attachKey(_attributes, label) {
      if (new TextDecoder().decode(label) !== 'device-identity') throw new PsaError(PSA_ERROR_DOES_NOT_EXIST, 'no such key in the element');
      return {
        keyBuffer: Uint8Array.of(1),
        type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1),
        bits: 256,
        policy: { usage: PSA_KEY_USAGE_SIGN_HASH, alg: PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), alg2: 0 },
      };
    },
    exportPublicKey: (a) => software.exportPublicKey!(local(a), identity),
    signHash: (a, _ref, alg, hash, random, context) => software.signHash!(local(a), identity, alg, hash, random, context),
  };
}
