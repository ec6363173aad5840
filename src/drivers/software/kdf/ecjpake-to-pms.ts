/**
 * TLS 1.2 EC J-PAKE to premaster secret (RFC 8236 §6 via Mbed TLS): the
 * secret is the uncompressed P-256 point K (65 bytes, first byte 0x04); the
 * output is SHA-256 of its X coordinate (32 bytes).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import { PSA_ALG_SHA_256, PSA_KEY_DERIVATION_INPUT_SECRET, PSA_TLS12_ECJPAKE_TO_PMS_INPUT_SIZE } from '../../../values/index.js';
import { copyRange } from '../../../bytes.js';
import type { KdfState } from '../../key-derivation.js';
import { softwareHashCompute } from '../hash/index.js';

/** The state of a TLS12_ECJPAKE_TO_PMS operation. */
export class EcjpakeToPmsState implements KdfState {
  #x: Uint8Array = new Uint8Array(32);

  /** See `KdfState.input`: only SECRET, an uncompressed point. */
  input(step: number, data: Uint8Array): void {
    if (data.length !== PSA_TLS12_ECJPAKE_TO_PMS_INPUT_SIZE || step !== PSA_KEY_DERIVATION_INPUT_SECRET || data[0] !== 0x04) {
      fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_key_derivation_input: EC J-PAKE to PMS takes an uncompressed P-256 point as SECRET');
    }
    this.#x = copyRange(data, 1, 33);
  }

  /** See `KdfState.inputInteger`: no integer input. */
  inputInteger(): void {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_key_derivation_input_integer: EC J-PAKE to PMS takes no integer');
  }

  /** See `KdfState.read`: SHA-256 of the X coordinate, read in one 32-byte piece (else INVALID_ARGUMENT). */
  read(length: number): Uint8Array {
    if (length !== 32) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_key_derivation_output_bytes: EC J-PAKE to PMS outputs 32 bytes at once');
    return softwareHashCompute(PSA_ALG_SHA_256, this.#x);
  }

  /** See `KdfState.destroy`. */
  destroy(): void {
    this.#x.fill(0);
  }
}
