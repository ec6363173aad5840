/**
 * The NIST SP 800-108r1 §4.1 counter-mode KDFs of PSA 1.2+
 * (`PSA_ALG_SP800_108_COUNTER_HMAC(hash)`, `PSA_ALG_SP800_108_COUNTER_CMAC`)
 * as key derivation states. Inputs, in this order: SECRET (mandatory),
 * LABEL (optional, no zero byte), CONTEXT (optional), each at most once.
 * Block i is PRF(K_IN, [i]_4 ‖ Label ‖ 0x00 ‖ Context ‖ [L]_4), where L is
 * 8 × the operation's capacity when the first output is requested. The
 * CMAC variant has the SP 800-108r1 §6.7 mitigation: K(0) = CMAC(K_IN,
 * Label ‖ 0x00 ‖ Context ‖ [L]_4) is appended to every block's input.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import {
  PSA_ALG_GET_HASH,
  PSA_ALG_SP800_108_COUNTER_CMAC,
  PSA_HASH_LENGTH,
  PSA_KEY_DERIVATION_INPUT_CONTEXT,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_SECRET,
} from '../../../values/index.js';
import { copyBytes } from '../../../bytes.js';
import type { KdfState } from '../../key-derivation.js';
import { BlockStream, cmacOf, keyedHmac } from './prf.js';
import { concatBytes } from '../../../bytes.js';

const enum Stage { Init, Secret, Label, Context, Output }

/** `[x]_4`: the big-endian 32-bit encoding of `x`. */
function be32(x: number): Uint8Array {
  return Uint8Array.of(x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff);
}

/**
 * The SP 800-108 §4.1 counter-mode stream K(1) ‖ K(2) ‖ … with
 * K(i) = `prf`([i]_4 ‖ `fixed`), a 32-bit counter before the fixed input.
 * `fixed` is kept (not copied) until the stream is dropped.
 */
export function counterModeStream(prf: (...parts: Uint8Array[]) => Uint8Array, fixed: Uint8Array): BlockStream {
  let counter = 0;
  return new BlockStream(() => prf(be32(++counter), fixed));
}

/** The state of an SP 800-108 counter-mode KDF (`kdfAlg`: the HMAC family or the CMAC algorithm). */
export class Sp800108CounterState implements KdfState {
  readonly #cmac: boolean;
  readonly #hash: number;
  #stage = Stage.Init;
  #secret: Uint8Array = new Uint8Array(0);
  #label: Uint8Array = new Uint8Array(0);
  #context: Uint8Array = new Uint8Array(0);
  #stream: BlockStream | undefined;
  #wipe: (() => void) | undefined;

  /** A fresh state for `kdfAlg`. */
  constructor(kdfAlg: number) {
    this.#cmac = kdfAlg === PSA_ALG_SP800_108_COUNTER_CMAC;
    this.#hash = this.#cmac ? 0 : PSA_ALG_GET_HASH(kdfAlg);
  }

  /** See `KdfState.input`. */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input';
    if (this.#stage === Stage.Output) fail(PSA_ERROR_BAD_STATE, `${fn}: the output has started`);
    switch (step) {
      case PSA_KEY_DERIVATION_INPUT_SECRET:
        if (this.#stage !== Stage.Init) fail(PSA_ERROR_BAD_STATE, `${fn}: the secret comes first, once`);
        if (this.#cmac && data.length !== 16 && data.length !== 24 && data.length !== 32) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the CMAC secret must be an AES key`);
        }
        this.#secret = copyBytes(data);
        this.#stage = Stage.Secret;
        return;
      case PSA_KEY_DERIVATION_INPUT_LABEL:
        if (this.#stage !== Stage.Secret) fail(PSA_ERROR_BAD_STATE, `${fn}: the label comes after the secret, once, before the context`);
        if (data.includes(0)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an SP 800-108 label must not contain a zero byte`);
        this.#label = copyBytes(data);
        this.#stage = Stage.Label;
        return;
      case PSA_KEY_DERIVATION_INPUT_CONTEXT:
        if (this.#stage !== Stage.Secret && this.#stage !== Stage.Label) {
          fail(PSA_ERROR_BAD_STATE, `${fn}: the context comes after the secret and the label, once`);
        }
        this.#context = copyBytes(data);
        this.#stage = Stage.Context;
        return;
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: SP 800-108 does not take step 0x${step.toString(16)}`);
    }
  }

  /** See `KdfState.inputInteger`: SP 800-108 takes no integer. */
  inputInteger(step: number): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, `psa_key_derivation_input_integer: SP 800-108 takes no integer (step 0x${step.toString(16)})`);
  }

  /** See `KdfState.startOutput`: fixes L = 8 × `capacity` at the first output request. */
  startOutput(capacity: number): void {
    if (this.#stage === Stage.Output) return;
    if (this.#stage === Stage.Init) fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: the SP 800-108 secret is missing');
    // L = 8 × capacity < 2^32 since the capacity never exceeds 2^29 − 1.
    const fixed = concatBytes(this.#label, Uint8Array.of(0), this.#context, be32(capacity * 8));
    if (this.#cmac) {
      const k0 = cmacOf(this.#secret, fixed);
      const tail = concatBytes(fixed, k0);
      k0.fill(0);
      this.#stream = counterModeStream((...parts) => cmacOf(this.#secret, ...parts), tail);
      this.#wipe = () => tail.fill(0);
    } else {
      const keyed = keyedHmac(this.#hash, this.#secret, PSA_HASH_LENGTH(this.#hash));
      this.#stream = counterModeStream((...parts) => keyed.mac(...parts), fixed);
      this.#wipe = () => keyed.destroy();
    }
    this.#stage = Stage.Output;
  }

  /** See `KdfState.capacityFixed`: L is fixed once the output has started. */
  capacityFixed(): boolean {
    return this.#stage === Stage.Output;
  }

  /** See `KdfState.read`. */
  read(length: number): Uint8Array {
    if (this.#stage !== Stage.Output || this.#stream === undefined) {
      fail(PSA_ERROR_BAD_STATE, 'psa_key_derivation_output_bytes: the SP 800-108 output has not started');
    }
    return this.#stream.read(length);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#secret.fill(0);
    this.#label.fill(0);
    this.#context.fill(0);
    this.#wipe?.();
    this.#stream?.destroy();
  }
}
