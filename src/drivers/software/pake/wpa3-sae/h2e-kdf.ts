/**
 * `PSA_ALG_WPA3_SAE_H2E(hash)` as a key derivation state (PSA 1.5 §10.6):
 * inputs SALT (the SSID), PASSWORD, then optionally INFO (the password
 * identifier), in that order; the only output is one password token key
 * (`PSA_KEY_TYPE_WPA3_SAE_ECC` or `_DH`) through `psa_key_derivation_output_key`.
 * Reading bytes is NOT_PERMITTED; a second key INSUFFICIENT_DATA (the
 * operation's capacity is spent).
 * @module
 */
import type { KdfState } from '../../../key-derivation.js';
import { copyBytes } from '../../../../bytes.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INSUFFICIENT_DATA, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_PERMITTED } from '../../../../values/status.js';
import {
  PSA_ALG_GET_HASH,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY,
  PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY,
  describe,
} from '../../../../values/index.js';
import { checkSaeFfcGroup, checkSaeGroup, saePasswordToken } from './h2e.js';
import { saeFfcPasswordToken } from './ffc.js';

const EMPTY = new Uint8Array(0);

/** The state of a WPA3-SAE H2E derivation. */
export class SaeH2eState implements KdfState {
  readonly #hash: number;
  #ssid: Uint8Array | undefined;
  #password: Uint8Array | undefined;
  #identifier: Uint8Array | undefined;
  #done = false;

  /** A fresh state for `kdfAlg` (`PSA_ALG_WPA3_SAE_H2E(hash)`). */
  constructor(kdfAlg: number) {
    this.#hash = PSA_ALG_GET_HASH(kdfAlg);
  }

  /** See `KdfState.input`: SALT, PASSWORD, [INFO], in that order, once each. */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input';
    switch (step) {
      case PSA_KEY_DERIVATION_INPUT_SALT:
        if (this.#ssid !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the SSID was already given`);
        this.#ssid = copyBytes(data);
        return;
      case PSA_KEY_DERIVATION_INPUT_PASSWORD:
        if (this.#ssid === undefined || this.#password !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the password comes once, after the SSID`);
        this.#password = copyBytes(data);
        return;
      case PSA_KEY_DERIVATION_INPUT_INFO:
        if (this.#password === undefined || this.#identifier !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the identifier comes once, after the password`);
        this.#identifier = copyBytes(data);
        return;
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: WPA3-SAE H2E does not take step 0x${step.toString(16)}`);
    }
  }

  /** See `KdfState.inputInteger`: H2E takes no integer. */
  inputInteger(step: number): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_key_derivation_input_integer: WPA3-SAE H2E takes no integer (step 0x${step.toString(16)})`);
  }

  /** See `KdfState.read`: H2E outputs keys only. */
  read(): Uint8Array {
    return fail(PSA_ERROR_NOT_PERMITTED, 'psa_key_derivation_output_bytes: WPA3-SAE H2E outputs a password token key only');
  }

  /** See `KdfState.deriveKey`: the password token of a `PSA_KEY_TYPE_WPA3_SAE_ECC` or `_DH` key of `bits`. */
  deriveKey(type: number, bits: number, fn: string): Uint8Array {
    const ffc = PSA_KEY_TYPE_IS_WPA3_SAE_DH(type);
    if (!ffc && !PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: WPA3-SAE H2E derives password tokens, not ${describe(type, 'keyType')} keys`);
    if (this.#ssid === undefined || this.#password === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the SSID and the password are needed`);
    if (this.#done) fail(PSA_ERROR_INSUFFICIENT_DATA, `${fn}: WPA3-SAE H2E derives a single key`);
    if (ffc) {
      const group = checkSaeFfcGroup(PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY(type), bits, this.#hash, fn);
      this.#done = true;
      return saeFfcPasswordToken(group, this.#ssid, this.#password, this.#identifier ?? EMPTY);
    }
    const group = checkSaeGroup(PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type), bits, this.#hash, fn);
    this.#done = true;
    return saePasswordToken(group, this.#ssid, this.#password, this.#identifier ?? EMPTY);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#ssid?.fill(0);
    this.#password?.fill(0);
    this.#identifier?.fill(0);
  }
}
