/**
 * Key derivation methods of `Psa` (`psa_key_derivation_operation_t` and the
 * functions that create keys from it): thin wrappers that check JavaScript
 * arguments and call `key-derivation/index.ts`. The input and output steps
 * are methods of the returned `KeyDerivationOperation`.
 * @module
 */
import { resolveAttributes, type KeyAttributes } from '../keys/attributes.js';
import { KeyDerivationOperation } from '../key-derivation/index.js';
import type { CustomKeyParameters } from '../keys/management.js';
import { checkBytes, checkObject, checkUint } from '../validate.js';
import { api, guardMethods, guardOperation, operationOf } from './api.js';
import { coreOf } from './instance.js';

guardOperation(KeyDerivationOperation);

/** The key derivation methods of `Psa`. */
export interface KeyDerivationMethods {
  /**
   * A new, inactive key derivation operation (`psa_key_derivation_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  keyDerivationOperation(): KeyDerivationOperation;

  /**
   * `psa_key_derivation_setup`: an active operation for `alg` (a KDF or a key agreement + KDF).
   * @param alg a KDF (`PSA_ALG_HKDF(h)`, `PSA_ALG_PBKDF2_HMAC(h)`, `PSA_ALG_TLS12_PRF(h)`, …) or `PSA_ALG_KEY_AGREEMENT(ka, kdf)`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a key derivation algorithm, a raw key agreement with no KDF, or a KDF that cannot follow a key agreement
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the KDF or key agreement is not implemented
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_256));
   * op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
   * op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, secretKey);
   * op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, info);
   * const okm = op.outputBytes(32);
   * op.abort();
   */
  keyDerivationSetup(alg: number): KeyDerivationOperation;

  /**
   * `psa_key_derivation_output_key` (C argument order): a new key with
   * `attributes` made from the next bytes of `operation`; returns its id.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `operation` is not a `KeyDerivationOperation`, no key size, bad attributes
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the secret was not given as a key (or permits verification only)
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_DATA`: the capacity is exhausted
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key type that cannot be derived
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not set up or has no more inputs, or the instance is closed
   * @throws {PsaError} and the key-creation statuses of `importKey`
   */
  keyDerivationOutputKey(attributes: KeyAttributes, operation: KeyDerivationOperation): number;

  /**
   * `psa_key_derivation_output_key_custom`: as `keyDerivationOutputKey`
   * with custom parameters (none are defined: flags 0 and empty data only).
   * @throws {PsaError} as `keyDerivationOutputKey`; `PSA_ERROR_INVALID_ARGUMENT` also for non-zero flags or custom data
   */
  keyDerivationOutputKeyCustom(attributes: KeyAttributes, operation: KeyDerivationOperation, custom: CustomKeyParameters, customData: Uint8Array): number;
}

/** `operation` when it is a key derivation operation; INVALID_ARGUMENT for a non-object, BAD_STATE for another kind (`operationOf`). */
function derivation(operation: unknown, fn: string): KeyDerivationOperation {
  return operationOf(operation, KeyDerivationOperation, fn);
}

/** The bodies of `KeyDerivationMethods`, assigned to `Psa.prototype`. */
export const keyDerivationMethods: KeyDerivationMethods & ThisType<KeyDerivationMethods> = guardMethods({
  keyDerivationOperation() {
    const fn = 'psa_key_derivation_operation_init';
    return api(fn, () => (coreOf(this, fn), new KeyDerivationOperation((name) => coreOf(this, name))));
  },

  keyDerivationSetup(alg) {
    const op = this.keyDerivationOperation();
    api('psa_key_derivation_setup', () => op.setup(alg));
    return op;
  },

  keyDerivationOutputKey(attributes, operation) {
    const fn = 'psa_key_derivation_output_key';
    return api(fn, () => derivation(operation, fn).outputKey(resolveAttributes(attributes, fn)));
  },

  keyDerivationOutputKeyCustom(attributes, operation, custom, customData) {
    const fn = 'psa_key_derivation_output_key_custom';
    return api(fn, () => {
      const flags = checkUint(checkObject(custom, fn, 'custom').flags, fn, 'custom.flags');
      return derivation(operation, fn).outputKey(resolveAttributes(attributes, fn), { flags }, checkBytes(customData, fn, 'custom_data'));
    });
  },
});
