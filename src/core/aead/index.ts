/**
 * The PSA AEAD functions: `psa_aead_encrypt`, `psa_aead_decrypt` here, and
 * the multipart `psa_aead_operation_t` (`AeadOperation`, in
 * `aead/operation.ts`, re-exported), with Mbed TLS's order of checks and
 * statuses. The algorithm rules are in `aead/rules.ts`; the arithmetic is
 * the drivers' (`src/drivers/aead.ts`).
 * @module
 */
import { withKey } from '../keys/management.js';
import type { DriverEntryPoints } from '../../drivers/driver.js';
import { aeadThroughContext } from '../../drivers/single-part.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { PSA_ALG_AEAD_GET_TAG_LENGTH, PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_ENCRYPT } from '../../values/index.js';
import {
  algorithmArgument,
  checkAeadAlgorithm,
  checkAeadKeyType,
  checkNonceLength,
  checkSinglePartTagLength,
  optionalSize,
} from './rules.js';
import type { CoreContext } from '../context.js';

import { checkBytes, checkUint } from '../validate.js';

const hasSetup = (d: DriverEntryPoints): boolean => d.aeadSetup !== undefined;

/**
 * `psa_aead_encrypt`: ciphertext ‖ tag. `ciphertextSize`, the C caller's
 * buffer size (optional), below plaintext + tag gives BUFFER_TOO_SMALL.
 */
export function aeadEncrypt(ctx: CoreContext, key: number, alg: number, nonce: Uint8Array,
  additionalData: Uint8Array, plaintext: Uint8Array, ciphertextSize?: number): Uint8Array {
  const fn = 'psa_aead_encrypt';
  const a = algorithmArgument(alg, fn);
  checkAeadAlgorithm(a, fn);
  const id = checkUint(key, fn, 'key');
  const n = checkBytes(nonce, fn, 'nonce');
  const ad = checkBytes(additionalData, fn, 'additional_data');
  const input = checkBytes(plaintext, fn, 'plaintext');
  const size = optionalSize(ciphertextSize, fn, 'ciphertext_size');
  return withKey(ctx, id, PSA_KEY_USAGE_ENCRYPT, a, fn, (slot) => {
    checkNonceLength(a, n.length, fn);
    checkAeadKeyType(slot.attributes.type, a, fn);
    const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(a);
    if (size !== undefined && size < input.length + tagLength) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ciphertext buffer of ${size} bytes, ${input.length + tagLength} needed`);
    }
    checkSinglePartTagLength(a, fn);
    return ctx.dispatch.keyCall(slot.attributes.lifetime, fn,
      (d) => d.aeadEncrypt !== undefined || hasSetup(d),
      (d) => d.aeadEncrypt
        ? d.aeadEncrypt(slot.attributes, slot.keyBuffer, a, n, ad, input)
        : aeadThroughContext(d.aeadSetup!(slot.attributes, slot.keyBuffer, a, true), true, tagLength, n, ad, input));
  });
}

/**
 * `psa_aead_decrypt` of ciphertext ‖ tag. INVALID_SIGNATURE when the tag
 * does not verify (no plaintext is released); `plaintextSize` as in encrypt.
 */
export function aeadDecrypt(ctx: CoreContext, key: number, alg: number, nonce: Uint8Array,
  additionalData: Uint8Array, ciphertext: Uint8Array, plaintextSize?: number): Uint8Array {
  const fn = 'psa_aead_decrypt';
  const a = algorithmArgument(alg, fn);
  checkAeadAlgorithm(a, fn);
  const id = checkUint(key, fn, 'key');
  const n = checkBytes(nonce, fn, 'nonce');
  const ad = checkBytes(additionalData, fn, 'additional_data');
  const input = checkBytes(ciphertext, fn, 'ciphertext');
  const size = optionalSize(plaintextSize, fn, 'plaintext_size');
  return withKey(ctx, id, PSA_KEY_USAGE_DECRYPT, a, fn, (slot) => {
    checkNonceLength(a, n.length, fn);
    checkAeadKeyType(slot.attributes.type, a, fn);
    const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(a);
    if (tagLength > input.length) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ciphertext shorter than the tag`);
    if (size !== undefined && input.length - tagLength > size) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: plaintext buffer of ${size} bytes, ${input.length - tagLength} needed`);
    }
    checkSinglePartTagLength(a, fn);
    return ctx.dispatch.keyCall(slot.attributes.lifetime, fn,
      (d) => d.aeadDecrypt !== undefined || hasSetup(d),
      (d) => d.aeadDecrypt
        ? d.aeadDecrypt(slot.attributes, slot.keyBuffer, a, n, ad, input)
        : aeadThroughContext(d.aeadSetup!(slot.attributes, slot.keyBuffer, a, false), false, tagLength, n, ad, input));
  });
}

export { AeadOperation, type AeadFinishOutput } from './operation.js';
