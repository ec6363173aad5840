/**
 * HKDF (RFC 5869), HKDF-Extract and HKDF-Expand as key derivation states,
 * with Mbed TLS's input order: SALT (optional for HKDF, mandatory for
 * Extract, refused by Expand), SECRET, then INFO (at any time before output
 * for HKDF; after SECRET for Expand; refused by Extract). For Expand the
 * secret is the PRK and must be exactly one hash long.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import {
  PSA_ALG_HKDF_GET_HASH,
  PSA_ALG_IS_HKDF_EXPAND,
  PSA_ALG_IS_HKDF_EXTRACT,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
} from '../../values/index.js';
import type { KdfState } from '../key-derivation.js';
import { BlockStream, hmacOf } from './kdf-prf.js';

const enum Stage { Init, Started, Keyed, Output }

/** The state of an HKDF, HKDF-Extract or HKDF-Expand operation (`kdfAlg`). */
export class HkdfState implements KdfState {
  readonly #hash: number;
  readonly #extract: boolean;
  readonly #expand: boolean;
  #stage = Stage.Init;
  #salt: Uint8Array = new Uint8Array(0);
  #prk: Uint8Array = new Uint8Array(0);
  #info: Uint8Array | undefined;
  #stream: BlockStream | undefined;

  /** A fresh state for `kdfAlg` (an HKDF variant with a supported HMAC hash). */
  constructor(kdfAlg: number) {
    this.#hash = PSA_ALG_HKDF_GET_HASH(kdfAlg);
    this.#extract = PSA_ALG_IS_HKDF_EXTRACT(kdfAlg);
    this.#expand = PSA_ALG_IS_HKDF_EXPAND(kdfAlg);
  }

  /** See `KdfState.input`. */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input';
    switch (step) {
      case PSA_KEY_DERIVATION_INPUT_SALT:
        if (this.#expand) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: HKDF-Expand takes no salt`);
        if (this.#stage !== Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: the salt comes first, once`);
        this.#salt = data.slice();
        this.#stage = Stage.Started;
        return;
      case PSA_KEY_DERIVATION_INPUT_SECRET:
        if (this.#expand) {
          if (this.#stage !== Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: the secret was already given`);
          if (data.length !== PSA_HASH_LENGTH(this.#hash)) {
            fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an HKDF-Expand secret is one hash long`);
          }
          this.#prk = data.slice();
        } else {
          if (this.#stage === Stage.Init) {
            if (this.#extract) fail(PSA_ERROR_BAD_STATE, `${fn}: HKDF-Extract needs the salt first`);
            this.#stage = Stage.Started;
          }
          if (this.#stage !== Stage.Started) fail(PSA_ERROR_BAD_STATE, `${fn}: the secret was already given`);
          this.#prk = hmacOf(this.#hash, this.#salt, data);
          this.#salt.fill(0);
        }
        this.#stage = Stage.Keyed;
        this.#startStream();
        return;
      case PSA_KEY_DERIVATION_INPUT_INFO:
        if (this.#extract) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: HKDF-Extract takes no info`);
        if (this.#expand && this.#stage === Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: HKDF-Expand needs the secret first`);
        if (this.#stage === Stage.Output || this.#info !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the info was already given`);
        this.#info = data.slice();
        return;
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: HKDF does not take step 0x${step.toString(16)}`);
    }
  }

  #startStream(): void {
    const length = PSA_HASH_LENGTH(this.#hash);
    if (this.#extract) {
      let given = false;
      this.#stream = new BlockStream(() => {
        if (given) fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: HKDF-Extract has one block');
        given = true;
        return this.#prk.slice();
      });
      return;
    }
    let previous: Uint8Array = new Uint8Array(0);
    let counter = 0;
    this.#stream = new BlockStream(() => {
      if (counter === 255) fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: HKDF has 255 blocks');
      counter += 1;
      const block = hmacOf(this.#hash, this.#prk, previous, this.#info ?? new Uint8Array(0), Uint8Array.of(counter)).subarray(0, length);
      previous.fill(0);
      previous = block.slice();
      return block;
    });
  }

  /** See `KdfState.inputInteger`: HKDF takes no integer. */
  inputInteger(step: number): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_key_derivation_input_integer: HKDF takes no integer (step 0x${step.toString(16)})`);
  }

  /** See `KdfState.read`. */
  read(length: number): Uint8Array {
    if (this.#stage < Stage.Keyed || (this.#info === undefined && !this.#extract) || this.#stream === undefined) {
      fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: HKDF inputs are missing');
    }
    this.#stage = Stage.Output;
    return this.#stream.read(length);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#salt.fill(0);
    this.#prk.fill(0);
    this.#info?.fill(0);
    this.#stream?.destroy();
  }
}
