/**
 * The key agreement functions in C shape: `psa_raw_key_agreement` and
 * `psa_key_agreement`. As in Mbed TLS, a failed `psa_raw_key_agreement`
 * fills the caller's whole buffer with random bytes and sets the length to
 * the buffer size, so a caller that misses the status holds no usable key.
 * @module
 */
import { PSA_ERROR_INVALID_ARGUMENT, PSA_SUCCESS } from '../values/status.js';
import { checkBytes } from '../core/validate.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { copyOut, instance, lengthOf, resetOut, setOut, status, type Out } from './instance.js';

/** `psa_raw_key_agreement`. */
export function psa_raw_key_agreement(alg: number, privateKey: number, peerKey: Uint8Array, output: Uint8Array, outputLength: Out): number {
  const fn = 'psa_raw_key_agreement';
  let written = 0;
  const result = status(() => {
    const out = checkBytes(output, fn, 'output');
    const secret = instance().rawKeyAgreement(alg, privateKey, peerKey, out.length);
    try {
      copyOut(secret, out);
      written = secret.length;
    } finally {
      secret.fill(0);
    }
  });
  if (result !== PSA_SUCCESS && lengthOf(output) > 0) {
    status(() => output.set(instance().generateRandom(output.length)));
    written = lengthOf(output);
  }
  if (!resetOut(outputLength, written) && result === PSA_SUCCESS) return PSA_ERROR_INVALID_ARGUMENT;
  return result;
}

/** `psa_key_agreement` (PSA 1.2): the shared secret as a new key. */
export function psa_key_agreement(
  privateKey: number,
  peerKey: Uint8Array,
  alg: number,
  attributes: psa_key_attributes_t,
  key: Out,
): number {
  resetOut(key, 0);
  return status(() => setOut(key, instance().keyAgreement(privateKey, peerKey, alg, toKeyAttributes(attributes, 'psa_key_agreement'))));
}
