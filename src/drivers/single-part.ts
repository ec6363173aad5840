/**
 * A single-part cipher computation through a multipart cipher context, as
 * Mbed TLS's `psa_cipher_encrypt` / `psa_cipher_decrypt` fall back on a
 * driver's `cipher_encrypt_setup` / `set_iv` / `update` / `finish`. A
 * utility of the driver interface, used both by the core (for a driver that
 * has `cipherSetup` but no single-part entry point) and by drivers that
 * build their single-part entry points on their own contexts.
 * @module
 */
import type { CipherContext } from './cipher.js';

/**
 * The whole message through `ctx`: set `iv` (when not empty), update with
 * `input`, finish; returns the output of update and finish together. The
 * intermediate buffers are wiped and `ctx` is destroyed whatever happens.
 * @param ctx a fresh context from `cipherSetup` (this function owns it)
 * @param iv the IV, empty for an algorithm that takes none
 * @param input the whole plaintext or ciphertext
 * @throws whatever the context throws (INVALID_ARGUMENT, INVALID_PADDING, …)
 */
export function cipherThroughContext(ctx: CipherContext, iv: Uint8Array, input: Uint8Array): Uint8Array {
  try {
    if (iv.length > 0) ctx.setIv(iv);
    const head = ctx.update(input);
    const tail = ctx.finish();
    const out = new Uint8Array(head.length + tail.length);
    out.set(head);
    out.set(tail, head.length);
    head.fill(0);
    tail.fill(0);
    return out;
  } finally {
    ctx.destroy();
  }
}
