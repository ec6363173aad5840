/**
 * What the 16-byte-block modes (`ecb-cbc.ts`, `keystream.ts`) need of a
 * block cipher: in-place encryption and decryption of one block and wiping
 * the key schedule. AES (`aes.ts`) and SM4 (`sm4.ts`) provide it.
 * @module
 */

/** One key of a block cipher with 16-byte blocks. */
export interface BlockCipher16 {
  /** Encrypt the 16-byte `block` in place. */
  encrypt(block: Uint8Array): void;
  /** Decrypt the 16-byte `block` in place. */
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
