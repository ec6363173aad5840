/**
 * Single-part cipher and AEAD computations through a multipart context, as
 * Mbed TLS's `psa_cipher_encrypt` / `psa_aead_encrypt` … fall back on a
 * driver's setup / set_iv (set_nonce) / update / finish. A utility of the
 * driver interface, used both by the core (for a driver that has the setup
 * entry point but no single-part one) and by drivers that build their
 * single-part entry points on their own contexts.
 * @module
 */
import type { AeadContext } from './aead.js';
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

/**
 * A whole AEAD message through `ctx`: declare the lengths, set the nonce,
 * absorb `ad`, then encrypt (ciphertext ‖ tag) or decrypt and verify the
 * tag at the end of `input` (the plaintext, wiped and not returned when the
 * tag does not verify). `ctx` is destroyed whatever happens.
 * @param ctx a fresh context from `aeadSetup` (this function owns it)
 * @param tagLength the algorithm's tag length (the caller has checked that `input` holds a tag when decrypting)
 * @throws whatever the context throws (INVALID_SIGNATURE for a tag that does not verify, INVALID_ARGUMENT, …)
 */
export function aeadThroughContext(ctx: AeadContext, encrypt: boolean, tagLength: number, nonce: Uint8Array,
  ad: Uint8Array, input: Uint8Array): Uint8Array {
  try {
    const text = encrypt ? input : input.subarray(0, input.length - tagLength);
    ctx.setLengths(BigInt(ad.length), BigInt(text.length));
    ctx.setNonce(nonce);
    ctx.updateAd(ad);
    const body = ctx.update(text);
    if (encrypt) {
      const { output, tag } = ctx.finish();
      const out = new Uint8Array(body.length + output.length + tag.length);
      out.set(body);
      out.set(output, body.length);
      out.set(tag, body.length + output.length);
      return out;
    }
    try {
      const rest = ctx.verify(input.subarray(text.length));
      const out = new Uint8Array(body.length + rest.length);
      out.set(body);
      out.set(rest, body.length);
      return out;
    } finally {
      body.fill(0);
    }
  } finally {
    ctx.destroy();
  }
}
