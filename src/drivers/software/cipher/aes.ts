/**
 * The raw AES block function for the software cipher modes: noble's
 * expanded-key block encryption and decryption, wrapped so that the modes
 * work on 16-byte scratch blocks and can wipe the key schedule when done.
 * @module
 */
import { cbc, ecb, unsafe } from '@noble/ciphers/aes.js';
import { copyBytes } from '../../../bytes.js';
import type { BlockCipher16 } from './block.js';

/** AES block length in bytes. */
export const AES_BLOCK = 16;

/** One AES key, ready to encrypt (and, on demand, decrypt) single blocks in place. */
export class AesBlock implements BlockCipher16 {
  /** 16-byte blocks. */
  readonly blockLength = 16 as const;
  readonly #key: Uint8Array;
  readonly #enc: Uint32Array;
  #dec: Uint32Array | undefined;

  /** `key` is 16, 24 or 32 bytes; the object keeps its own copy. */
  constructor(key: Uint8Array) {
    this.#key = copyBytes(key);
    this.#enc = unsafe.expandKeyLE(this.#key);
  }

  /** Encrypt the 16-byte `block` in place (a fresh `Uint8Array(16)` or any 4-byte aligned view). */
  encrypt(block: Uint8Array): void {
    unsafe.encryptBlock(this.#enc, block);
  }

  /** Decrypt the 16-byte `block` in place. */
  decrypt(block: Uint8Array): void {
    this.#dec ??= unsafe.expandKeyDecLE(this.#key);
    unsafe.decryptBlock(this.#dec, block);
  }

  /**
   * Encrypt or decrypt whole blocks in one call with noble's one-shot ECB or
   * CBC (no padding): the fast path for long inputs. `data.length` must be a
   * multiple of the block length.
   */
  bulk(mode: 'ecb' | 'cbc', encrypt: boolean, data: Uint8Array, iv?: Uint8Array): Uint8Array {
    const c = mode === 'ecb' ? ecb(this.#key, { disablePadding: true }) : cbc(this.#key, iv!, { disablePadding: true });
    return encrypt ? c.encrypt(data) : c.decrypt(data);
  }

  /** GCM-style counter mode over whole blocks with noble's `ctr32` (see `BlockCipher16.ctr32`). */
  ctr32(counter: Uint8Array, src: Uint8Array, dst: Uint8Array): void {
    unsafe.ctr32(this.#enc, false, counter, src, dst);
  }

  /** Zero the key and its schedules. */
  wipe(): void {
    this.#key.fill(0);
    this.#enc.fill(0);
    this.#dec?.fill(0);
  }
}

/** `dst[i] = a[i] ^ b[i]` for the first `length` bytes (the arrays may be the same). */
export function xorInto(dst: Uint8Array, a: Uint8Array, b: Uint8Array, length = AES_BLOCK): void {
  for (let i = 0; i < length; i++) dst[i] = a[i]! ^ b[i]!;
}
