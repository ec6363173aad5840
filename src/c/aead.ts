/**
 * The AEAD functions in C shape. `psa_aead_operation_t` is a holder whose
 * implementation is created on setup, so an operation object can be
 * initialised (`PSA_AEAD_OPERATION_INIT`) before `psa_crypto_init`. Output
 * buffers are caller-allocated; their length is the C buffer size, and
 * BUFFER_TOO_SMALL comes exactly where Mbed TLS gives it. As in Mbed TLS,
 * a failed single-part call zeroes its output buffer (so a failed
 * decryption leaves nothing readable), and `psa_aead_finish` fills the
 * unused part of the tag buffer (all of it on failure) with `'!'`.
 * @module
 */
import { PSA_SUCCESS } from '../values/status.js';
import type { AeadOperation } from '../core/aead/index.js';
import { checkBytes } from '../core/validate.js';
import { abortImpl, emptyHolder, implOf, operationKind, setupImpl, type Holder } from './holder.js';
import { copyOut, instance, lengthOf, resetOut, setOut, status, wipeOut, type Out } from './instance.js';

/** `psa_aead_operation_t` (treat as opaque). */
export type psa_aead_operation_t = Holder<AeadOperation>;

/** `psa_aead_operation_init` / `PSA_AEAD_OPERATION_INIT`: an inactive operation. */
export function psa_aead_operation_init(): psa_aead_operation_t {
  return emptyHolder(kind);
}

/** What `psa_aead_finish` writes into an unused tag buffer (Mbed TLS's `psa_wipe_tag_output_buffer`). */
const TAG_FILL = 0x21;

/** A fresh implementation from the current instance. */
const kind = operationKind<AeadOperation>('psa_aead_operation_t', () => instance().aeadOperation());

/** Run a single-part call writing into `out`; on failure zero all of `out`. */
function singlePart(out: Uint8Array, length: Out, body: () => Uint8Array): number {
  resetOut(length, 0);
  const result = status(() => {
    const data = body();
    copyOut(data, out);
    setOut(length, data.length);
    data.fill(0);
  });
  if (result !== PSA_SUCCESS) wipeOut(out, 0);
  return result;
}

/** `psa_aead_encrypt`: writes ciphertext ‖ tag into `ciphertext`. */
export function psa_aead_encrypt(key: number, alg: number, nonce: Uint8Array, additionalData: Uint8Array,
  plaintext: Uint8Array, ciphertext: Uint8Array, ciphertextLength: Out): number {
  const fn = 'psa_aead_encrypt';
  return singlePart(ciphertext, ciphertextLength, () => {
    const out = checkBytes(ciphertext, fn, 'ciphertext');
    return instance().aeadEncrypt(key, alg, nonce, additionalData, plaintext, out.length);
  });
}

/** `psa_aead_decrypt` of ciphertext ‖ tag; on failure (INVALID_SIGNATURE included) `plaintext` is zeroed. */
export function psa_aead_decrypt(key: number, alg: number, nonce: Uint8Array, additionalData: Uint8Array,
  ciphertext: Uint8Array, plaintext: Uint8Array, plaintextLength: Out): number {
  const fn = 'psa_aead_decrypt';
  return singlePart(plaintext, plaintextLength, () => {
    const out = checkBytes(plaintext, fn, 'plaintext');
    return instance().aeadDecrypt(key, alg, nonce, additionalData, ciphertext, out.length);
  });
}

/** `psa_aead_encrypt_setup`. */
export function psa_aead_encrypt_setup(operation: psa_aead_operation_t, key: number, alg: number): number {
  return status(() => setupImpl(operation, 'psa_aead_encrypt_setup', kind).encryptSetup(key, alg));
}

/** `psa_aead_decrypt_setup`. */
export function psa_aead_decrypt_setup(operation: psa_aead_operation_t, key: number, alg: number): number {
  return status(() => setupImpl(operation, 'psa_aead_decrypt_setup', kind).decryptSetup(key, alg));
}

/**
 * `psa_aead_set_lengths`. The lengths are `size_t`: numbers, or bigints for
 * values beyond 2^53 (up to `SIZE_MAX`, 2^64 − 1).
 */
export function psa_aead_set_lengths(operation: psa_aead_operation_t, adLength: number | bigint, plaintextLength: number | bigint): number {
  return status(() => implOf(operation, 'psa_aead_set_lengths', kind, false).setLengths(adLength, plaintextLength));
}

/** `psa_aead_generate_nonce`: writes a random nonce into `nonce` (its length is `nonce_size`). */
export function psa_aead_generate_nonce(operation: psa_aead_operation_t, nonce: Uint8Array, nonceLength: Out): number {
  const fn = 'psa_aead_generate_nonce';
  resetOut(nonceLength, 0);
  return status(() => {
    const op = implOf(operation, fn, kind, false);
    const out = checkBytes(nonce, fn, 'nonce');
    const generated = op.generateNonce(out.length);
    copyOut(generated, out);
    setOut(nonceLength, generated.length);
  });
}

/** `psa_aead_set_nonce`. */
export function psa_aead_set_nonce(operation: psa_aead_operation_t, nonce: Uint8Array): number {
  return status(() => implOf(operation, 'psa_aead_set_nonce', kind, false).setNonce(nonce));
}

/** `psa_aead_update_ad`. */
export function psa_aead_update_ad(operation: psa_aead_operation_t, input: Uint8Array): number {
  return status(() => implOf(operation, 'psa_aead_update_ad', kind, false).updateAd(input));
}

/** `psa_aead_update`: writes the output fragment into `output`. */
export function psa_aead_update(operation: psa_aead_operation_t, input: Uint8Array, output: Uint8Array, outputLength: Out): number {
  const fn = 'psa_aead_update';
  resetOut(outputLength, 0);
  return status(() => {
    const op = implOf(operation, fn, kind, false);
    const out = checkBytes(output, fn, 'output');
    const result = op.update(input, out.length);
    out.set(result);
    setOut(outputLength, result.length);
    result.fill(0);
  });
}

/**
 * `psa_aead_finish`: writes the remaining ciphertext and the tag. As in
 * Mbed TLS, `tag_length` is set to the tag buffer's size on failure, and the
 * tag buffer beyond the tag (all of it on failure) is filled with `'!'`.
 */
export function psa_aead_finish(operation: psa_aead_operation_t, ciphertext: Uint8Array, ciphertextLength: Out,
  tag: Uint8Array, tagLength: Out): number {
  const fn = 'psa_aead_finish';
  resetOut(ciphertextLength, 0);
  resetOut(tagLength, lengthOf(tag));
  let written = 0;
  const result = status(() => {
    const op = implOf(operation, fn, kind, false);
    const cOut = checkBytes(ciphertext, fn, 'ciphertext');
    const tOut = checkBytes(tag, fn, 'tag');
    try {
      const done = op.finish(cOut.length, tOut.length);
      cOut.set(done.ciphertext);
      tOut.set(done.tag);
      written = done.tag.length;
      setOut(ciphertextLength, done.ciphertext.length);
      setOut(tagLength, done.tag.length);
    } finally {
      op.abort();
    }
  });
  wipeOut(tag, TAG_FILL, result === PSA_SUCCESS ? written : 0);
  return result;
}

/** `psa_aead_verify`: checks `tag` (INVALID_SIGNATURE on mismatch) and writes the remaining plaintext. */
export function psa_aead_verify(operation: psa_aead_operation_t, plaintext: Uint8Array, plaintextLength: Out, tag: Uint8Array): number {
  const fn = 'psa_aead_verify';
  resetOut(plaintextLength, 0);
  return status(() => {
    const op = implOf(operation, fn, kind, false);
    try {
      const out = checkBytes(plaintext, fn, 'plaintext');
      const result = op.verify(tag, out.length);
      out.set(result);
      setOut(plaintextLength, result.length);
    } finally {
      op.abort();
    }
  });
}

/** `psa_aead_abort`: valid in any state. */
export function psa_aead_abort(operation: psa_aead_operation_t): number {
  return status(() => abortImpl(operation, 'psa_aead_abort', kind));
}
