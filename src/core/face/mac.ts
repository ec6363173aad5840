/**
 * MAC methods of `Psa` (`psa_mac_compute`, `psa_mac_verify`, the multipart
 * `psa_mac_operation_t`): thin wrappers that check JavaScript arguments and
 * call `mac.ts`.
 * @module
 */
import { MacOperation, macCompute, macVerify } from './mac.js';
import { api } from './psa-base.js';
import { PsaKeys } from './psa-keys.js';
import { checkBytes, checkLength, checkUint } from './validate.js';

/** `PsaKeys` plus the MAC functions. */
export class PsaMac extends PsaKeys {
  /** `psa_mac_compute`: the MAC of `input`. `macSize` (optional) is the C caller's buffer size. */
  macCompute(key: number, alg: number, input: Uint8Array, macSize?: number): Uint8Array {
    const fn = 'psa_mac_compute';
    return api(fn, () => macCompute(this.core(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), macSize === undefined ? undefined : checkLength(macSize, fn, 'mac_size')));
  }

  /** `psa_mac_verify`: throws INVALID_SIGNATURE unless `mac` is the MAC of `input`. */
  macVerify(key: number, alg: number, input: Uint8Array, mac: Uint8Array): void {
    const fn = 'psa_mac_verify';
    api(fn, () => macVerify(this.core(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(mac, fn, 'mac')));
  }

  /** A new, inactive MAC operation (`psa_mac_operation_init`). */
  macOperation(): MacOperation {
    const fn = 'psa_mac_operation_init';
    return api(fn, () => (this.core(fn), new MacOperation((name) => this.core(name))));
  }

  /** `psa_mac_sign_setup`: an active MAC operation that computes a MAC. */
  macSignSetup(key: number, alg: number): MacOperation {
    const op = this.macOperation();
    api('psa_mac_sign_setup', () => op.signSetup(key, alg));
    return op;
  }

  /** `psa_mac_verify_setup`: an active MAC operation that checks a MAC. */
  macVerifySetup(key: number, alg: number): MacOperation {
    const op = this.macOperation();
    api('psa_mac_verify_setup', () => op.verifySetup(key, alg));
    return op;
  }
}
