/**
 * MAC methods of `Psa` (`psa_mac_compute`, `psa_mac_verify`, the multipart
 * `psa_mac_operation_t`): thin wrappers that check JavaScript arguments and
 * call `mac.ts`. The rest of `psa_mac_*` are methods of the returned
 * `MacOperation`.
 * @module
 */
import { MacOperation, macCompute, macVerify } from '../mac.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(MacOperation);

/** The MAC methods of `Psa`. */
export interface MacMethods {
  /**
   * `psa_mac_compute`: the MAC of `input`. `macSize` (optional) is the C caller's buffer size.
   * @param key a key whose policy has `PSA_KEY_USAGE_SIGN_MESSAGE` and permits `alg`
   * @param alg a MAC algorithm (`PSA_ALG_HMAC(h)`, `PSA_ALG_CMAC`, a truncated form …)
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks SIGN_MESSAGE or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a MAC algorithm, does not fit the key, or is longer than the full MAC
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key, or a MAC too short to be supported
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `macSize` below the MAC length
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const tag = psa.macCompute(key, PSA_ALG_HMAC(PSA_ALG_SHA_256), message);
   */
  macCompute(key: number, alg: number, input: Uint8Array, macSize?: number): Uint8Array;

  /**
   * `psa_mac_verify`: throws INVALID_SIGNATURE unless `mac` is the MAC of `input`.
   * @param key a key whose policy has `PSA_KEY_USAGE_VERIFY_MESSAGE` and permits `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: `mac` is not the MAC of `input` (compared in constant time)
   * @throws {PsaError} as `macCompute` otherwise (VERIFY_MESSAGE in place of SIGN_MESSAGE, no buffer size)
   */
  macVerify(key: number, alg: number, input: Uint8Array, mac: Uint8Array): void;

  /**
   * A new, inactive MAC operation (`psa_mac_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  macOperation(): MacOperation;

  /**
   * `psa_mac_sign_setup`: an active MAC operation that computes a MAC.
   * @throws {PsaError} the statuses of `macCompute` but `PSA_ERROR_BUFFER_TOO_SMALL`
   */
  macSignSetup(key: number, alg: number): MacOperation;

  /**
   * `psa_mac_verify_setup`: an active MAC operation that checks a MAC.
   * @throws {PsaError} the statuses of `macVerify` but `PSA_ERROR_INVALID_SIGNATURE`
   */
  macVerifySetup(key: number, alg: number): MacOperation;
}

/** The bodies of `MacMethods`, assigned to `Psa.prototype`. */
export const macMethods: MacMethods & ThisType<MacMethods> = guardMethods({
  macCompute(key, alg, input, macSize) {
    const fn = 'psa_mac_compute';
    return api(fn, () => macCompute(coreOf(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), macSize === undefined ? undefined : checkLength(macSize, fn, 'mac_size')));
  },

  macVerify(key, alg, input, mac) {
    const fn = 'psa_mac_verify';
    api(fn, () => macVerify(coreOf(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(mac, fn, 'mac')));
  },

  macOperation() {
    const fn = 'psa_mac_operation_init';
    return api(fn, () => (coreOf(this, fn), new MacOperation((name) => coreOf(this, name))));
  },

  macSignSetup(key, alg) {
    const op = this.macOperation();
    api('psa_mac_sign_setup', () => op.signSetup(key, alg));
    return op;
  },

  macVerifySetup(key, alg) {
    const op = this.macOperation();
    api('psa_mac_verify_setup', () => op.verifySetup(key, alg));
    return op;
  },
});
