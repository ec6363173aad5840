/**
 * The TLS 1.2 PRF (RFC 5246 §5) and TLS 1.2 PSK-to-MS (RFC 4279, RFC 5489)
 * as key derivation states, with Mbed TLS's input order: SEED, then
 * (PSK-to-MS only, optional) OTHER_SECRET, then SECRET, then LABEL. A PSK is
 * at most `PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE` bytes.
 *
 * The output stops after 255 blocks (255 × the hash length: 8,160 bytes with
 * SHA-256, 12,240 with SHA-384), as Mbed TLS's one-byte block counter does
 * (`psa_key_derivation_tls12_prf_generate_next_block`): the operation's
 * capacity is unlimited there, so a read past that point is
 * PSA_ERROR_CORRUPTION_DETECTED from the block generator, not
 * INSUFFICIENT_DATA.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_CORRUPTION_DETECTED, PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import {
  PSA_ALG_GET_HASH,
  PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_OTHER_SECRET,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE,
} from '../../../values/index.js';
import { copyBytes } from '../../../bytes.js';
import type { KdfState } from '../../key-derivation.js';
import { BlockStream, keyedHmac } from './prf.js';
import { concatBytes } from '../../../bytes.js';

const enum Stage { Init, SeedSet, OtherKeySet, KeySet, LabelSet, Output }

/** The most blocks one operation produces (Mbed TLS's block counter is a `uint8_t` that may not pass 0xff). */
const TLS12_PRF_MAX_BLOCKS = 255;

/** The premaster secret of RFC 4279 §2 (no other secret) or RFC 5489 (other secret). */
function pskPremaster(psk: Uint8Array, other: Uint8Array | undefined): Uint8Array {
  const first = other ?? new Uint8Array(psk.length);
  return concatBytes(Uint8Array.of(first.length >> 8, first.length & 0xff), first,
    Uint8Array.of(psk.length >> 8, psk.length & 0xff), psk);
}

/** The state of a TLS 1.2 PRF or PSK-to-MS operation (`kdfAlg`). */
export class Tls12PrfState implements KdfState {
  readonly #hash: number;
  readonly #pskToMs: boolean;
  #stage = Stage.Init;
  #seed: Uint8Array = new Uint8Array(0);
  #other: Uint8Array | undefined;
  #secret: Uint8Array = new Uint8Array(0);
  #label: Uint8Array = new Uint8Array(0);
  #stream: BlockStream | undefined;
  #wipeKeyed: (() => void) | undefined;

  /** A fresh state for `kdfAlg` (TLS12_PRF or TLS12_PSK_TO_MS with SHA-256 or SHA-384). */
  constructor(kdfAlg: number) {
    this.#hash = PSA_ALG_GET_HASH(kdfAlg);
    this.#pskToMs = PSA_ALG_IS_TLS12_PSK_TO_MS(kdfAlg);
  }

  /** See `KdfState.input`. */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input';
    const order = (ok: boolean): void => {
      if (!ok) fail(PSA_ERROR_BAD_STATE, `${fn}: TLS 1.2 PRF inputs are SEED, SECRET, LABEL in this order`);
    };
    switch (step) {
      case PSA_KEY_DERIVATION_INPUT_SEED:
        order(this.#stage === Stage.Init);
        this.#seed = copyBytes(data);
        this.#stage = Stage.SeedSet;
        return;
      case PSA_KEY_DERIVATION_INPUT_OTHER_SECRET:
        if (!this.#pskToMs) break;
        order(this.#stage === Stage.SeedSet);
        this.#other = copyBytes(data);
        this.#stage = Stage.OtherKeySet;
        return;
      case PSA_KEY_DERIVATION_INPUT_SECRET:
        if (this.#pskToMs) {
          if (data.length > PSA_TLS12_PSK_TO_MS_PSK_MAX_SIZE) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the PSK is too long`);
          const other = this.#stage === Stage.OtherKeySet ? this.#other : undefined;
          order(this.#stage === Stage.SeedSet || this.#stage === Stage.OtherKeySet);
          this.#secret = pskPremaster(data, other);
          this.#other?.fill(0);
        } else {
          order(this.#stage === Stage.SeedSet || this.#stage === Stage.OtherKeySet);
          this.#secret = copyBytes(data);
        }
        this.#stage = Stage.KeySet;
        return;
      case PSA_KEY_DERIVATION_INPUT_LABEL:
        order(this.#stage === Stage.KeySet);
        this.#label = copyBytes(data);
        this.#stage = Stage.LabelSet;
        return;
      default:
        break;
    }
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the TLS 1.2 PRF does not take step 0x${step.toString(16)}`);
  }

  /** See `KdfState.inputInteger`: the TLS 1.2 PRF takes no integer. */
  inputInteger(step: number): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_key_derivation_input_integer: the TLS 1.2 PRF takes no integer (step 0x${step.toString(16)})`);
  }

  /** See `KdfState.read`. */
  read(length: number): Uint8Array {
    if (this.#stage === Stage.LabelSet) {
      const labelSeed = concatBytes(this.#label, this.#seed);
      let a: Uint8Array = labelSeed.slice();
      const keyed = keyedHmac(this.#hash, this.#secret, PSA_HASH_LENGTH(this.#hash));
      this.#wipeKeyed = () => keyed.destroy();
      let blocks = 0;
      this.#stream = new BlockStream(() => {
        if (blocks === TLS12_PRF_MAX_BLOCKS) {
          fail(PSA_ERROR_CORRUPTION_DETECTED, `psa_key_derivation_output_bytes: the TLS 1.2 PRF stops after ${TLS12_PRF_MAX_BLOCKS} blocks`);
        }
        blocks++;
        const next = keyed.mac(a);
        a.fill(0);
        a = next;
        return keyed.mac(a, labelSeed);
      });
      this.#stage = Stage.Output;
    }
    if (this.#stage !== Stage.Output || this.#stream === undefined) {
      fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: TLS 1.2 PRF inputs are missing');
    }
    return this.#stream.read(length);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#secret.fill(0);
    this.#other?.fill(0);
    this.#wipeKeyed?.();
    this.#stream?.destroy();
  }
}
