/**
 * PBKDF2 (RFC 8018 §5.2) with HMAC or AES-CMAC-PRF-128 (RFC 4615) as a key
 * derivation state, with Mbed TLS's input order: COST (integer, 1 to
 * `PSA_VENDOR_PBKDF2_MAX_ITERATIONS`), SALT (one or more, concatenated),
 * then PASSWORD. For the CMAC PRF a password that is not 16 bytes is first
 * reduced to AES-CMAC(0^128, password), as RFC 4615 says.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_IS_PBKDF2_HMAC,
  PSA_ALG_PBKDF2_HMAC_GET_HASH,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_VENDOR_PBKDF2_MAX_ITERATIONS,
} from '../../../values/index.js';
import { copyBytes } from '../../../bytes.js';
import type { KdfState } from '../../key-derivation.js';
import { BlockStream, KeyedHmac, cmacOf } from './prf.js';
import { concatBytes } from '../../../bytes.js';

const enum Stage { Init, CostSet, SaltSet, PasswordSet, Output }

/** The state of a PBKDF2-HMAC or PBKDF2-AES-CMAC-PRF-128 operation (`kdfAlg`). */
export class Pbkdf2State implements KdfState {
  readonly #hash: number;
  readonly #cmac: boolean;
  /** HMAC keyed with the password (PBKDF2-HMAC, set with the password). */
  #hmac: KeyedHmac | undefined;
  #stage = Stage.Init;
  #cost = 0;
  #salt: Uint8Array = new Uint8Array(0);
  #password: Uint8Array = new Uint8Array(0);
  #stream: BlockStream | undefined;

  /** A fresh state for `kdfAlg`. */
  constructor(kdfAlg: number) {
    this.#cmac = !PSA_ALG_IS_PBKDF2_HMAC(kdfAlg);
    this.#hash = PSA_ALG_PBKDF2_HMAC_GET_HASH(kdfAlg);
  }

  /** See `KdfState.inputInteger`: the iteration count. */
  inputInteger(step: number, value: bigint): void {
    const fn = 'psa_key_derivation_input_integer';
    if (step !== PSA_KEY_DERIVATION_INPUT_COST) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: PBKDF2 takes an integer only as COST`);
    if (this.#stage !== Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: the cost comes first, once`);
    if (value > BigInt(PSA_VENDOR_PBKDF2_MAX_ITERATIONS)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: too many iterations`);
    if (value === 0n) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the cost must be at least 1`);
    this.#cost = Number(value);
    this.#stage = Stage.CostSet;
  }

  /** See `KdfState.input`. */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input';
    switch (step) {
      case PSA_KEY_DERIVATION_INPUT_SALT:
        if (this.#stage !== Stage.CostSet && this.#stage !== Stage.SaltSet) fail(PSA_ERROR_BAD_STATE, `${fn}: the salt comes after the cost`);
        this.#salt = concatBytes(this.#salt, data);
        this.#stage = Stage.SaltSet;
        return;
      case PSA_KEY_DERIVATION_INPUT_PASSWORD:
        if (this.#stage !== Stage.SaltSet) fail(PSA_ERROR_BAD_STATE, `${fn}: the password comes after the salt`);
        this.#password = this.#cmac && data.length !== 16 ? cmacOf(new Uint8Array(16), data) : copyBytes(data);
        if (!this.#cmac) this.#hmac = new KeyedHmac(this.#hash, this.#password, PSA_HASH_LENGTH(this.#hash));
        this.#stage = Stage.PasswordSet;
        return;
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: PBKDF2 does not take step 0x${step.toString(16)}`);
    }
  }

  /** T_index = U_1 ⊕ … ⊕ U_c, with U_1 = PRF(salt ‖ INT(index)) and U_j = PRF(U_{j−1}). */
  #block(index: number): Uint8Array {
    const counter = Uint8Array.of(index >>> 24, (index >>> 16) & 0xff, (index >>> 8) & 0xff, index & 0xff);
    const hmac = this.#hmac;
    if (hmac !== undefined) {
      const u = new Uint8Array(hmac.outputLength);
      hmac.macInto(u, this.#salt, counter);
      const t = u.slice();
      hmac.chain(u, t, this.#cost - 1);
      u.fill(0);
      return t;
    }
    let u = cmacOf(this.#password, this.#salt, counter);
    const t = u.slice();
    for (let i = 1; i < this.#cost; i++) {
      const next = cmacOf(this.#password, u);
      u.fill(0);
      u = next;
      for (let j = 0; j < t.length; j++) t[j]! ^= u[j]!;
    }
    u.fill(0);
    return t;
  }

  /** See `KdfState.read`. */
  read(length: number): Uint8Array {
    if (this.#stage === Stage.PasswordSet) {
      let index = 0;
      this.#stream = new BlockStream(() => this.#block(++index));
      this.#stage = Stage.Output;
    }
    if (this.#stage !== Stage.Output || this.#stream === undefined) {
      fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: PBKDF2 inputs are missing');
    }
    return this.#stream.read(length);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#password.fill(0);
    this.#hmac?.destroy();
    this.#stream?.destroy();
  }
}
