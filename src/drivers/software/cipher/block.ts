/**
 * What the block-cipher modes need of a block cipher: in-place encryption
 * and decryption of one block of `blockLength` bytes and wiping the key
 * schedule. 16-byte ciphers (AES `aes.ts`, SM4 `sm4.ts`, ARIA `aria.ts`,
 * Camellia `camellia.ts`) serve every mode of this folder and the AEAD and
 * MAC modules; the 8-byte DES family (`des.ts`) serves ECB, CBC and CMAC.
 * @module
 */

/** One key of a block cipher. */
export interface BlockCipher {
  /** Block length in bytes. */
  readonly blockLength: 8 | 16;
  /** Encrypt the `blockLength`-byte `block` in place. */
  encrypt(block: Uint8Array): void;
  /** Decrypt the `blockLength`-byte `block` in place. */
  decrypt(block: Uint8Array): void;
  /**
   * Optional fast path: encrypt or decrypt whole blocks in one call with ECB
   * or CBC (no padding). Modes fall back to `encrypt`/`decrypt` per block
   * when it is absent.
   */
  bulk?(mode: 'ecb' | 'cbc', encrypt: boolean, data: Uint8Array, iv?: Uint8Array): Uint8Array;
  /** Zero the key and its schedules. */
  wipe(): void;
}

/** A block cipher with 16-byte blocks (the counter modes, GCM, CCM, XTS need one). */
export interface BlockCipher16 extends BlockCipher {
  readonly blockLength: 16;
  /**
   * Optional fast path for GCM and CCM: counter mode over whole blocks from
   * the 16-byte `counter` (incremented in its last 32 bits, big-endian,
   * wrapping; advanced past the blocks used), `src` into `dst` (the same
   * length, a multiple of 16, both 4-byte aligned). Absent: the modes
   * encrypt counter blocks one by one.
   */
  ctr32?(counter: Uint8Array, src: Uint8Array, dst: Uint8Array): void;
}
