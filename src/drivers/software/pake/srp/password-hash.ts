/**
 * Oberon PSA Crypto's `PSA_ALG_SRP_PASSWORD_HASH(hash)` as a key derivation
 * state: inputs INFO (the user name), PASSWORD, SALT, in that order; the
 * only output is one `PSA_KEY_TYPE_SRP_KEY_PAIR` key holding
 * x = H(salt ‖ H(user ‖ ":" ‖ password)) (reading bytes is NOT_PERMITTED).
 * @module
 */
import type { KdfState } from '../../../key-derivation.js';
import { copyBytes } from '../../../../bytes.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INSUFFICIENT_DATA, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { PSA_ALG_GET_HASH, PSA_KEY_DERIVATION_INPUT_INFO, PSA_KEY_DERIVATION_INPUT_PASSWORD, PSA_KEY_DERIVATION_INPUT_SALT, describe } from '../../../../values/index.js';
import { PSA_KEY_TYPE_IS_SRP_KEY_PAIR, PSA_KEY_TYPE_SRP_GET_FAMILY } from '../../../../values/srp.js';
import { NOBLE_HMAC_HASHES } from '../../hash/noble.js';
import { passwordHash, srpGroup } from './math.js';

/** The state of an SRP password-hash derivation. */
export class SrpPasswordHashState implements KdfState {
  readonly #hashAlg: number;
  #user: Uint8Array | undefined;
  #password: Uint8Array | undefined;
  #salt: Uint8Array | undefined;
  #done = false;

  /** A fresh state for `kdfAlg` (`PSA_ALG_SRP_PASSWORD_HASH(hash)`). */
  constructor(kdfAlg: number) {
    this.#hashAlg = PSA_ALG_GET_HASH(kdfAlg);
  }

  /** See `KdfState.input`: INFO, PASSWORD, SALT, in that order, once each. */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input';
    switch (step) {
      case PSA_KEY_DERIVATION_INPUT_INFO:
        if (this.#user !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the user name was already given`);
        this.#user = copyBytes(data);
        return;
      case PSA_KEY_DERIVATION_INPUT_PASSWORD:
        if (this.#user === undefined || this.#password !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the password comes once, after the user name`);
        this.#password = copyBytes(data);
        return;
      case PSA_KEY_DERIVATION_INPUT_SALT:
        if (this.#password === undefined || this.#salt !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the salt comes once, after the password`);
        this.#salt = copyBytes(data);
        return;
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the SRP password hash does not take step 0x${step.toString(16)}`);
    }
  }

  /** See `KdfState.inputInteger`: no integer input. */
  inputInteger(step: number): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_key_derivation_input_integer: the SRP password hash takes no integer (step 0x${step.toString(16)})`);
  }

  /** See `KdfState.read`: keys only. */
  read(): Uint8Array {
    return fail(PSA_ERROR_NOT_PERMITTED, 'psa_key_derivation_output_bytes: the SRP password hash outputs an SRP key pair only');
  }

  /** See `KdfState.deriveKey`: x for an SRP key pair of a supported group. */
  deriveKey(type: number, bits: number, fn: string): Uint8Array {
    if (!PSA_KEY_TYPE_IS_SRP_KEY_PAIR(type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the SRP password hash derives SRP key pairs, not ${describe(type, 'keyType')} keys`);
    if (this.#salt === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the user name, password and salt are needed`);
    if (this.#done) fail(PSA_ERROR_INSUFFICIENT_DATA, `${fn}: the SRP password hash derives a single key`);
    if (!srpGroup(PSA_KEY_TYPE_SRP_GET_FAMILY(type), bits)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bits}-bit SRP groups of this family are not supported`);
    const hash = NOBLE_HMAC_HASHES.get(this.#hashAlg) ?? fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the hash is not supported`);
    this.#done = true;
    return passwordHash(hash, this.#user!, this.#password!, this.#salt);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#password?.fill(0);
  }
}
