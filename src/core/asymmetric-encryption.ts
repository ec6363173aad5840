/**
 * `psa_asymmetric_encrypt` / `psa_asymmetric_decrypt`, with the checks, their
 * order and the statuses of Mbed TLS (`psa_crypto.c`): a salt (OAEP label)
 * with a non-OAEP algorithm is INVALID_ARGUMENT before the key is looked up;
 * then the key policy (usage ENCRYPT or DECRYPT, the algorithm, with Mbed
 * TLS's wildcard test: `acquireKey`); then the key
 * type (asymmetric for encryption, a key pair for decryption); then the
 * driver. For encryption, an output buffer shorter than the modulus is
 * BUFFER_TOO_SMALL before the message is looked at (as the Mbed TLS RSA
 * driver checks it first); for decryption, the plaintext is checked against
 * the buffer after a successful decryption.
 * @module
 */
import { withKey } from './keys/management.js';
import { fail } from '../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import {
  PSA_ALG_IS_RSA_OAEP,
  PSA_KEY_TYPE_IS_KEY_PAIR,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_RSA,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  describe,
} from '../values/index.js';
import { driverAttributes } from './keys/attributes.js';
import type { CoreContext } from './context.js';

function checkSalt(alg: number, salt: Uint8Array, fn: string): void {
  if (!PSA_ALG_IS_RSA_OAEP(alg) && salt.length !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} takes no salt`);
  }
}

/** `psa_asymmetric_encrypt`: the ciphertext of `input`. `outputSize` (optional) is the C caller's buffer size. */
export function asymmetricEncrypt(ctx: CoreContext, key: number, alg: number, input: Uint8Array, salt: Uint8Array,
  outputSize?: number): Uint8Array {
  const fn = 'psa_asymmetric_encrypt';
  checkSalt(alg, salt, fn);
  return withKey(ctx, key, PSA_KEY_USAGE_ENCRYPT, alg, fn, (slot) => {
    const a = slot.attributes;
    if (!PSA_KEY_TYPE_IS_PUBLIC_KEY(a.type) && !PSA_KEY_TYPE_IS_KEY_PAIR(a.type)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a.type, 'keyType')} is not an asymmetric key`);
    }
    if (outputSize !== undefined && PSA_KEY_TYPE_IS_RSA(a.type) && outputSize < Math.ceil(a.bits / 8)) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: the output buffer is shorter than the modulus`);
    }
    const out = ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.asymmetricEncrypt !== undefined,
      (d) => d.asymmetricEncrypt!(driverAttributes(a), slot.keyBuffer, alg, input, salt, (n) => ctx.rng.generate(n)));
    if (outputSize !== undefined && out.length > outputSize) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: the output buffer is too small`);
    return out;
  });
}

/** `psa_asymmetric_decrypt`: the plaintext inside `input`. `outputSize` (optional) is the C caller's buffer size. */
export function asymmetricDecrypt(ctx: CoreContext, key: number, alg: number, input: Uint8Array, salt: Uint8Array,
  outputSize?: number): Uint8Array {
  const fn = 'psa_asymmetric_decrypt';
  checkSalt(alg, salt, fn);
  return withKey(ctx, key, PSA_KEY_USAGE_DECRYPT, alg, fn, (slot) => {
    const a = slot.attributes;
    if (!PSA_KEY_TYPE_IS_KEY_PAIR(a.type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a.type, 'keyType')} is not a key pair`);
    const out = ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.asymmetricDecrypt !== undefined,
      (d) => d.asymmetricDecrypt!(driverAttributes(a), slot.keyBuffer, alg, input, salt, (n) => ctx.rng.generate(n)));
    if (outputSize !== undefined && out.length > outputSize) {
      out.fill(0);
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: the output buffer is too small`);
    }
    return out;
  });
}
