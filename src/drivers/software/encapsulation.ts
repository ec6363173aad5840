/**
 * The software driver's key encapsulation: `PSA_ALG_ECIES_SEC1` (SEC 1
 * §5.1.3 steps 1–4 and §5.1.4 steps 2–5): the ciphertext is an ephemeral
 * public key R on the key's curve, the shared secret the ECDH value Z
 * (cofactor ECDH is plain ECDH on these cofactor-1 Weierstrass curves; X25519
 * and X448 clear the cofactor by clamping). Twisted Edwards keys are
 * INVALID_ARGUMENT.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_ALG_ECIES_SEC1 } from '../../values/algorithms-pk.js';
import { PSA_ECC_FAMILY_TWISTED_EDWARDS, PSA_KEY_TYPE_ECC_KEY_PAIR } from '../../values/key-types.js';
import {
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY,
} from '../../values/key-type-predicates.js';
import { describe } from '../../values/index.js';
import type { DriverKeyAttributes } from '../driver.js';
import type { EncapsulationEntryPoints } from '../encapsulation.js';
import { ecdhAgreement } from './ecc/ecdh.js';
import { eccKeys, eccPublicKey } from './ecc/keys.js';

/** NOT_SUPPORTED for another algorithm, INVALID_ARGUMENT for a key ECIES cannot use. */
function checkEcies(attributes: DriverKeyAttributes, alg: number, fn: string): void {
  if (alg !== PSA_ALG_ECIES_SEC1) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
  if (!PSA_KEY_TYPE_IS_ECC(attributes.type) || PSA_KEY_TYPE_ECC_GET_FAMILY(attributes.type) === PSA_ECC_FAMILY_TWISTED_EDWARDS) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ECIES cannot use a ${describe(attributes.type, 'keyType')} key`);
  }
}

/** Encapsulation entry points of the software driver. */
export const softwareEncapsulation: EncapsulationEntryPoints = {
  encapsulate(attributes, keyBuffer, alg, random) {
    const fn = 'psa_encapsulate';
    checkEcies(attributes, alg, fn);
    const recipient = PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(attributes.type) ? keyBuffer : eccPublicKey(attributes, keyBuffer);
    const ephemeralAttributes: DriverKeyAttributes = {
      ...attributes,
      type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_KEY_TYPE_ECC_GET_FAMILY(attributes.type)),
    };
    const ephemeral = eccKeys!.generateKey!(ephemeralAttributes, random, new Uint8Array(0)).keyBuffer;
    try {
      const ciphertext = eccPublicKey(ephemeralAttributes, ephemeral);
      const sharedSecret = ecdhAgreement(ephemeralAttributes, ephemeral, recipient, fn);
      return { sharedSecret, ciphertext };
    } finally {
      ephemeral.fill(0);
    }
  },
  decapsulate(attributes, keyBuffer, alg, ciphertext) {
    const fn = 'psa_decapsulate';
    checkEcies(attributes, alg, fn);
    if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: decapsulation needs a key pair`);
    return ecdhAgreement(attributes, keyBuffer, ciphertext, fn);
  },
};
