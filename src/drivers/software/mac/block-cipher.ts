/**
 * MACs over a block cipher in the software driver: CMAC (NIST SP 800-38B,
 * RFC 4493) over the block ciphers `cipher/families.ts` offers it with (AES
 * and three-key Triple-DES, as Mbed TLS's `mbedtls_cipher_cmac_starts`),
 * and CBC-MAC (ISO/IEC 9797-1 MAC algorithm 1 without padding) with AES
 * only (Mbed TLS has no CBC-MAC).
 *
 * CMAC statuses as Mbed TLS 3.6 `cmac_setup` gives them: DES keys of 64 or
 * 128 bits NOT_SUPPORTED (single DES and two-key Triple-DES), ARIA and
 * Camellia INVALID_ARGUMENT (its CMAC refuses the cipher), SM4 and any other
 * key type NOT_SUPPORTED.
 *
 * CBC-MAC takes whole blocks only, as an unpadded CBC encryption does: a
 * message that is empty or not a multiple of 16 bytes makes `finish` fail
 * with `PSA_ERROR_INVALID_ARGUMENT`.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import { PSA_KEY_TYPE_AES, describe } from '../../../values/index.js';
import type { MacContext } from '../../mac.js';
import type { BlockCipher } from '../cipher/block.js';
import { blockCipherFamily } from '../cipher/families.js';
import { copyBytes } from '../../../bytes.js';

/** The CMAC subkey doubling in GF(2^n): shift left by one bit, reduce with R_b (0x87 for n = 128, 0x1b for n = 64). */
function double(block: Uint8Array): void {
  const n = block.length;
  const msb = block[0]! >>> 7;
  for (let i = 0; i < n - 1; i++) block[i] = ((block[i]! << 1) | (block[i + 1]! >>> 7)) & 0xff;
  block[n - 1] = ((block[n - 1]! << 1) & 0xff) ^ (-msb & (n === 16 ? 0x87 : 0x1b));
}

/**
 * The chaining of CBC-MAC and CMAC: the running value with the bytes of the
 * current block XORed in. A full block is encrypted only when more data
 * follows it, so `finish` sees the last block still open.
 */
class ChainedMac {
  #cipher: BlockCipher | undefined;
  readonly state: Uint8Array;
  /** Bytes of the current block absorbed (0 to n). */
  pos = 0;
  blocks = 0;

  constructor(cipher: BlockCipher) {
    this.#cipher = cipher;
    this.state = new Uint8Array(cipher.blockLength);
  }

  cipher(what: string): BlockCipher {
    return this.#cipher ?? fail(PSA_ERROR_BAD_STATE, `${what} context is finished`);
  }

  update(data: Uint8Array, what: string): void {
    const cipher = this.cipher(what);
    const n = this.state.length;
    for (let i = 0; i < data.length; i++) {
      if (this.pos === n) {
        cipher.encrypt(this.state);
        this.pos = 0;
        this.blocks++;
      }
      this.state[this.pos++]! ^= data[i]!;
    }
  }

  destroy(): void {
    this.#cipher?.wipe();
    this.#cipher = undefined;
    this.state.fill(0);
    this.pos = 0;
  }
}

/** CMAC over a block cipher of 8- or 16-byte blocks. */
class CmacContext implements MacContext {
  readonly #mac: ChainedMac;

  constructor(cipher: BlockCipher) {
    this.#mac = new ChainedMac(cipher);
  }

  update(data: Uint8Array): void {
    this.#mac.update(data, 'CMAC');
  }

  finish(): Uint8Array {
    const cipher = this.#mac.cipher('CMAC');
    const { state } = this.#mac;
    const n = state.length;
    // K1 = dbl(E(0)); K2 = dbl(K1). A complete last block takes K1, a partial one 10* padding and K2.
    const subkey = new Uint8Array(n);
    try {
      cipher.encrypt(subkey);
      double(subkey);
      if (this.#mac.pos < n) {
        double(subkey);
        state[this.#mac.pos]! ^= 0x80;
      }
      for (let i = 0; i < n; i++) state[i]! ^= subkey[i]!;
      cipher.encrypt(state);
      return copyBytes(state);
    } finally {
      subkey.fill(0);
      this.destroy();
    }
  }

  destroy(): void {
    this.#mac.destroy();
  }
}

/**
 * Start CMAC with the key `key` of `keyType` (its size is its length).
 * @throws {PsaError} NOT_SUPPORTED or INVALID_ARGUMENT as the module header lists
 */
export function cmacSetup(keyType: number, key: Uint8Array): MacContext {
  const bits = key.length * 8;
  const family = blockCipherFamily(keyType);
  const support = family?.cmac ?? 'not-supported';
  if (support === 'invalid-argument') fail(PSA_ERROR_INVALID_ARGUMENT, `CMAC is not defined with ${describe(keyType, 'keyType')} here (AES and 3-key 3DES only)`);
  if (support === 'not-supported' || (support === 'only-192-bit' && bits !== 192)) {
    fail(PSA_ERROR_NOT_SUPPORTED, `CMAC with a ${bits}-bit ${describe(keyType, 'keyType')} key is not supported`);
  }
  return new CmacContext(family!.create(key));
}

class CbcMacContext implements MacContext {
  readonly #mac: ChainedMac;

  constructor(cipher: BlockCipher) {
    this.#mac = new ChainedMac(cipher);
  }

  update(data: Uint8Array): void {
    this.#mac.update(data, 'CBC-MAC');
  }

  finish(): Uint8Array {
    const cipher = this.#mac.cipher('CBC-MAC');
    const { state } = this.#mac;
    try {
      if (this.#mac.pos !== state.length) {
        fail(PSA_ERROR_INVALID_ARGUMENT, 'CBC-MAC needs a non-empty message of whole 16-byte blocks');
      }
      cipher.encrypt(state);
      return copyBytes(state);
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.#mac.destroy();
  }
}

/** Start AES-CBC-MAC (zero IV, whole blocks). NOT_SUPPORTED for any other block cipher. */
export function cbcMacSetup(keyType: number, key: Uint8Array): MacContext {
  if (keyType !== PSA_KEY_TYPE_AES) fail(PSA_ERROR_NOT_SUPPORTED, `CBC-MAC with ${describe(keyType, 'keyType')} is not supported`);
  return new CbcMacContext(blockCipherFamily(keyType)!.create(key));
}
