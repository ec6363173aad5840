/**
 * MACs over a block cipher in the software driver: CMAC (NIST SP 800-38B,
 * RFC 4493) and CBC-MAC (ISO/IEC 9797-1 MAC algorithm 1 without padding),
 * both with AES only, over @noble/ciphers.
 *
 * CBC-MAC takes whole blocks only, as an unpadded CBC encryption does: a
 * message that is empty or not a multiple of 16 bytes makes `finish` fail
 * with `PSA_ERROR_INVALID_ARGUMENT`.
 * @module
 */
import { cmac, unsafe } from '@noble/ciphers/aes.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import { PSA_KEY_TYPE_AES, describe } from '../../../values/index.js';
import type { MacContext } from '../../mac.js';
import { NobleMacContext } from './noble.js';
import { copyBytes } from '../../../bytes.js';

const BLOCK = 16;

/** NOT_SUPPORTED unless `keyType` is AES with a 128/192/256-bit key. */
function requireAes(keyType: number, key: Uint8Array, what: string): void {
  if (keyType !== PSA_KEY_TYPE_AES) fail(PSA_ERROR_NOT_SUPPORTED, `${what} with ${describe(keyType, 'keyType')} is not supported`);
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${what}: an AES key has 16, 24 or 32 bytes`);
  }
}

/** Start AES-CMAC. NOT_SUPPORTED for any other block cipher. */
export function cmacSetup(keyType: number, key: Uint8Array): MacContext {
  requireAes(keyType, key, 'CMAC');
  return new NobleMacContext(cmac.create(key), 'CMAC');
}

class CbcMacContext implements MacContext {
  #xk: Uint32Array | undefined;
  /** The chaining value, with the bytes of the current partial block XORed in. */
  readonly #state = new Uint8Array(BLOCK);
  #pos = 0;
  #blocks = 0;

  constructor(xk: Uint32Array) {
    this.#xk = xk;
  }

  #key(): Uint32Array {
    return this.#xk ?? fail(PSA_ERROR_BAD_STATE, 'CBC-MAC context is finished');
  }

  update(data: Uint8Array): void {
    const xk = this.#key();
    for (const byte of data) {
      this.#state[this.#pos++]! ^= byte;
      if (this.#pos === BLOCK) {
        unsafe.encryptBlock(xk, this.#state);
        this.#pos = 0;
        this.#blocks++;
      }
    }
  }

  finish(): Uint8Array {
    this.#key();
    try {
      if (this.#pos !== 0 || this.#blocks === 0) {
        fail(PSA_ERROR_INVALID_ARGUMENT, 'CBC-MAC needs a non-empty message of whole 16-byte blocks');
      }
      return copyBytes(this.#state);
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.#xk?.fill(0);
    this.#xk = undefined;
    this.#state.fill(0);
    this.#pos = 0;
  }
}

/** Start AES-CBC-MAC (zero IV, whole blocks). NOT_SUPPORTED for any other block cipher. */
export function cbcMacSetup(keyType: number, key: Uint8Array): MacContext {
  requireAes(keyType, key, 'CBC-MAC');
  return new CbcMacContext(unsafe.expandKeyLE(key));
}
