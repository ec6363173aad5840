/**
 * The raw AES block function for the software cipher modes: noble's
 * expanded-key block encryption and decryption, wrapped so that the modes
 * work on 16-byte scratch blocks and can wipe the key schedule when done.
 * @module
 */
import { unsafe } from '@noble/ciphers/aes.js';

/** AES block length in bytes. */
export const AES_BLOCK = 16;

/** One AES key, ready to encrypt (and, on demand, decrypt) single blocks in place. */
export class AesBlock {
  readonly #key: Uint8Array;
  readonly #enc: Uint32Array;
  #dec: Uint32Array | undefined;

  /** `key` is 16, 24 or 32 bytes; the object keeps its own copy. */
  constructor(key: Uint8Array) {
    this.#key = key.slice();
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
