/**
 * HKDF (RFC 5869), HKDF-Extract and HKDF-Expand as key derivation states,
 * with Mbed TLS's input order: SALT (optional for HKDF, mandatory for
 * Extract, refused by Expand), SECRET, then INFO (at any time before output
 * for HKDF; after SECRET for Expand; refused by Extract). For Expand the
 * secret is the PRK and must be exactly one hash long.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_HKDF_GET_HASH,
  PSA_ALG_IS_HKDF_EXPAND,
  PSA_ALG_IS_HKDF_EXTRACT,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
} from '../../../values/index.js';
import { copyBytes, copyRange } from '../../../bytes.js';
import type { KdfState } from '../../key-derivation.js';
import { NOBLE_HMAC_HASHES } from '../hash/noble.js';
import { expand, extract, hkdf } from '@noble/hashes/hkdf.js';
import type { CHash } from '@noble/hashes/utils.js';

const enum Stage { Init, Started, Keyed, Output }

/** The initial value of the byte fields (never written: wiping it is a no-op). */
const EMPTY = new Uint8Array(0);

/** The state of an HKDF, HKDF-Extract or HKDF-Expand operation (`kdfAlg`). */
export class HkdfState implements KdfState {
  readonly #hash: number;
  readonly #extract: boolean;
  readonly #expand: boolean;
  #stage = Stage.Init;
  #salt: Uint8Array = EMPTY;
  #prk: Uint8Array = EMPTY;
  /** The input keying material until the PRK is extracted (HKDF and HKDF-Extract). */
  #ikm: Uint8Array | undefined;
  #info: Uint8Array | undefined;
  /** The output generated so far, and how much of it was read. */
  #okm: Uint8Array = EMPTY;
  #used = 0;

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
        this.#salt = copyBytes(data);
        this.#stage = Stage.Started;
        return;
      case PSA_KEY_DERIVATION_INPUT_SECRET:
        if (this.#expand) {
          if (this.#stage !== Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: the secret was already given`);
          if (data.length !== PSA_HASH_LENGTH(this.#hash)) {
            fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an HKDF-Expand secret is one hash long`);
          }
          this.#prk = copyBytes(data);
        } else {
          if (this.#stage === Stage.Init) {
            if (this.#extract) fail(PSA_ERROR_BAD_STATE, `${fn}: HKDF-Extract needs the salt first`);
            this.#stage = Stage.Started;
          }
          if (this.#stage !== Stage.Started) fail(PSA_ERROR_BAD_STATE, `${fn}: the secret was already given`);
          // Extracted at the first output, where one call to noble's HKDF does both halves.
          this.#ikm = copyBytes(data);
        }
        this.#stage = Stage.Keyed;
        return;
      case PSA_KEY_DERIVATION_INPUT_INFO:
        if (this.#extract) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: HKDF-Extract takes no info`);
        if (this.#expand && this.#stage === Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: HKDF-Expand needs the secret first`);
        if (this.#stage === Stage.Output || this.#info !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the info was already given`);
        this.#info = copyBytes(data);
        return;
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: HKDF does not take step 0x${step.toString(16)}`);
    }
  }

  /**
   * Make at least `need` bytes of output available. HKDF-Expand (noble's,
   * which reuses its hash states across blocks) recomputes the stream from
   * T(1), so the buffer grows to at least twice its size each time: reading
   * n bytes in any pieces costs O(n) HMAC blocks.
   */
  #generate(need: number): void {
    const fn = 'psa_key_derivation_output_bytes';
    const hashLength = PSA_HASH_LENGTH(this.#hash);
    const hash = NOBLE_HMAC_HASHES.get(this.#hash) ?? fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: HKDF with this hash is not supported`);
    if (this.#extract) {
      if (need > hashLength) fail(PSA_ERROR_BAD_STATE, `${fn}: HKDF-Extract has one block`);
      this.#okm = copyBytes(this.#extracted(hash));
      return;
    }
    const max = 255 * hashLength;
    if (need > max) fail(PSA_ERROR_BAD_STATE, `${fn}: HKDF has 255 blocks`);
    if (this.#okm.length === 0 && this.#used === 0 && this.#ikm !== undefined) {
      // First output: extract and expand in one call (the stream is exactly what is asked).
      this.#okm = hkdf(hash, this.#ikm, this.#salt, this.#info, need);
      return;
    }
    // The first generation makes exactly what is asked (often all that will be read, which
    // `read` then hands over without a copy); later ones at least double the stream.
    const target = this.#okm.length === 0 && this.#used === 0
      ? need
      : Math.min(max, Math.ceil(Math.max(need, 2 * this.#okm.length) / hashLength) * hashLength);
    const next = expand(hash, this.#extracted(hash), this.#info, target);
    this.#okm.fill(0);
    this.#okm = next;
  }

  /** The PRK: given (HKDF-Expand) or extracted from the salt and the input keying material once. */
  #extracted(hash: CHash): Uint8Array {
    if (this.#ikm !== undefined) {
      this.#prk = extract(hash, this.#ikm, this.#salt);
      this.#ikm.fill(0);
      this.#ikm = undefined;
      this.#salt.fill(0);
    }
    return this.#prk;
  }

  /** See `KdfState.inputInteger`: HKDF takes no integer. */
  inputInteger(step: number): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_key_derivation_input_integer: HKDF takes no integer (step 0x${step.toString(16)})`);
  }

  /** See `KdfState.read`. */
  read(length: number): Uint8Array {
    if (this.#stage < Stage.Keyed || (this.#info === undefined && !this.#extract)) {
      fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: HKDF inputs are missing');
    }
    this.#stage = Stage.Output;
    const end = this.#used + length;
    if (end > this.#okm.length) this.#generate(end);
    if (this.#used === 0 && end === this.#okm.length) {
      // The whole buffer goes to the caller: hand it over; a later read regenerates the stream.
      const out = this.#okm;
      this.#okm = EMPTY;
      this.#used = end;
      return out;
    }
    const out = copyRange(this.#okm, this.#used, end);
    this.#used = end;
    return out;
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#salt.fill(0);
    this.#ikm?.fill(0);
    this.#prk.fill(0);
    this.#info?.fill(0);
    this.#okm.fill(0);
  }
}
