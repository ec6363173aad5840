/**
 * The PSA AEAD functions: `psa_aead_encrypt`, `psa_aead_decrypt` and the
 * multipart `psa_aead_operation_t` (setup, set_lengths, generate_nonce,
 * set_nonce, update_ad, update, finish, verify, abort), with Mbed TLS's
 * order of checks, statuses and state machine: any failure of an active
 * operation aborts it. The algorithm rules are in `aead-rules.ts`; the
 * arithmetic is the drivers' (`src/drivers/aead.ts`).
 * @module
 */
import type { AeadContext } from '../drivers/aead.js';
import type { DriverEntryPoints } from '../drivers/driver.js';
import { PsaError, fail, statusOf } from '../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_SUCCESS,
} from '../values/status.js';
import {
  PSA_AEAD_NONCE_LENGTH,
  PSA_ALG_AEAD_GET_TAG_LENGTH,
  PSA_ALG_CCM,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../values/index.js';
import {
  SIZE_MAX,
  aeadBaseAlgorithm,
  checkAeadAlgorithm,
  checkAeadKeyType,
  checkDeclaredLengths,
  checkMultipartTagLength,
  checkSinglePartTagLength,
  nonceLengthStatus,
  checkNonceLength,
} from './aead-rules.js';
import type { CoreContext } from './context.js';
import { withKey } from './key-management.js';
import { checkBytes, checkLength, checkUint } from './validate.js';

/** An algorithm argument: a 32-bit integer (C `int` or `psa_algorithm_t`), as unsigned. */
function algorithmArgument(alg: unknown, fn: string): number {
  if (typeof alg !== 'number' || !Number.isInteger(alg) || alg < -0x80000000 || alg > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: alg must be an algorithm identifier`);
  }
  return alg >>> 0;
}

/** A `size_t` length argument (a non-negative safe integer or a bigint up to 2^64 − 1). */
function sizeArgument(value: unknown, fn: string, param: string): bigint {
  if (typeof value === 'bigint' && value >= 0n && value <= SIZE_MAX) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} must be a non-negative integer below 2^64`);
}

/** An optional C buffer size. */
function optionalSize(value: unknown, fn: string, param: string): number | undefined {
  return value === undefined ? undefined : checkLength(value, fn, param);
}

/** Any thrown value as a `PsaError` (a non-PSA exception becomes GENERIC_ERROR). */
function asPsaError(err: unknown): PsaError {
  if (err instanceof PsaError) return err;
  return new PsaError(statusOf(err), err instanceof Error ? err.message : String(err));
}

const hasSetup = (d: DriverEntryPoints): boolean => d.aeadSetup !== undefined;

/** Run a streaming context over a whole message (for drivers with setup only). */
function oneShotViaContext(ctx: AeadContext, encrypt: boolean, alg: number, nonce: Uint8Array,
  ad: Uint8Array, input: Uint8Array): Uint8Array {
  try {
    const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
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
    } catch (err) {
      body.fill(0);
      throw err;
    }
  } finally {
    ctx.destroy();
  }
}

/**
 * `psa_aead_encrypt`: ciphertext ‖ tag. `ciphertextSize`, the C caller's
 * buffer size (optional), below plaintext + tag gives BUFFER_TOO_SMALL.
 */
export function aeadEncrypt(ctx: CoreContext, key: number, alg: number, nonce: Uint8Array,
  additionalData: Uint8Array, plaintext: Uint8Array, ciphertextSize?: number): Uint8Array {
  const fn = 'psa_aead_encrypt';
  const a = algorithmArgument(alg, fn);
  checkAeadAlgorithm(a, fn);
  const id = checkUint(key, fn, 'key');
  const n = checkBytes(nonce, fn, 'nonce');
  const ad = checkBytes(additionalData, fn, 'additional_data');
  const input = checkBytes(plaintext, fn, 'plaintext');
  const size = optionalSize(ciphertextSize, fn, 'ciphertext_size');
  return withKey(ctx, id, PSA_KEY_USAGE_ENCRYPT, a, fn, (slot) => {
    checkNonceLength(a, n.length, fn);
    checkAeadKeyType(slot.attributes.type, a, fn);
    const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(a);
    if (size !== undefined && size < input.length + tagLength) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ciphertext buffer of ${size} bytes, ${input.length + tagLength} needed`);
    }
    checkSinglePartTagLength(a, fn);
    return ctx.dispatch.keyCall(slot.attributes.lifetime, fn,
      (d) => d.aeadEncrypt !== undefined || hasSetup(d),
      (d) => d.aeadEncrypt
        ? d.aeadEncrypt(slot.attributes, slot.keyBuffer, a, n, ad, input)
        : oneShotViaContext(d.aeadSetup!(slot.attributes, slot.keyBuffer, a, true), true, a, n, ad, input));
  });
}

/**
 * `psa_aead_decrypt` of ciphertext ‖ tag. INVALID_SIGNATURE when the tag
 * does not verify (no plaintext is released); `plaintextSize` as in encrypt.
 */
export function aeadDecrypt(ctx: CoreContext, key: number, alg: number, nonce: Uint8Array,
  additionalData: Uint8Array, ciphertext: Uint8Array, plaintextSize?: number): Uint8Array {
  const fn = 'psa_aead_decrypt';
  const a = algorithmArgument(alg, fn);
  checkAeadAlgorithm(a, fn);
  const id = checkUint(key, fn, 'key');
  const n = checkBytes(nonce, fn, 'nonce');
  const ad = checkBytes(additionalData, fn, 'additional_data');
  const input = checkBytes(ciphertext, fn, 'ciphertext');
  const size = optionalSize(plaintextSize, fn, 'plaintext_size');
  return withKey(ctx, id, PSA_KEY_USAGE_DECRYPT, a, fn, (slot) => {
    checkNonceLength(a, n.length, fn);
    checkAeadKeyType(slot.attributes.type, a, fn);
    const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(a);
    if (tagLength > input.length) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ciphertext shorter than the tag`);
    if (size !== undefined && input.length - tagLength > size) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: plaintext buffer of ${size} bytes, ${input.length - tagLength} needed`);
    }
    checkSinglePartTagLength(a, fn);
    return ctx.dispatch.keyCall(slot.attributes.lifetime, fn,
      (d) => d.aeadDecrypt !== undefined || hasSetup(d),
      (d) => d.aeadDecrypt
        ? d.aeadDecrypt(slot.attributes, slot.keyBuffer, a, n, ad, input)
        : oneShotViaContext(d.aeadSetup!(slot.attributes, slot.keyBuffer, a, false), false, a, n, ad, input));
  });
}

/** What `AeadOperation.finish` returns. */
export interface AeadFinishOutput {
  /** Ciphertext held back until the end (empty for every supported algorithm). */
  readonly ciphertext: Uint8Array;
  /** The authentication tag. */
  readonly tag: Uint8Array;
}

/**
 * A multipart AEAD operation (`psa_aead_operation_t`). Constructed inactive;
 * `encryptSetup` / `decryptSetup` make it active; `finish`, `verify` and
 * `abort` make it inactive again, and so does any failure while active.
 */
export class AeadOperation {
  readonly #core: (fn: string) => CoreContext;
  #impl: AeadContext | undefined;
  #alg = 0;
  #keyType = 0;
  #tagLength = 0;
  #encrypt = false;
  #nonceSet = false;
  #lengthsSet = false;
  #adStarted = false;
  #bodyStarted = false;
  #adRemaining = 0n;
  #bodyRemaining = 0n;

  /** An inactive operation of the instance whose core `core` returns (BAD_STATE once closed). */
  constructor(core: (fn: string) => CoreContext) {
    this.#core = core;
  }

  /** Whether the operation is active. */
  get active(): boolean {
    return this.#impl !== undefined;
  }

  /** The operation's algorithm with its default tag length (as Mbed TLS's `operation.alg`); 0 when inactive. */
  get alg(): number {
    return this.#alg;
  }

  /** Whether the active operation encrypts. */
  get isEncrypt(): boolean {
    return this.#impl !== undefined && this.#encrypt;
  }

  /** The tag length of the active operation's algorithm (0 when inactive). */
  get tagLength(): number {
    return this.#tagLength;
  }

  #requireActive(fn: string): AeadContext {
    return this.#impl ?? fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not active`);
  }

  /** Run `body`; on any failure abort the operation and throw the failure as a `PsaError`. */
  #orAbort<T>(body: () => T): T {
    try {
      return body();
    } catch (err) {
      this.abort();
      throw asPsaError(err);
    }
  }

  #setup(encrypt: boolean, key: number, alg: number): void {
    const fn = encrypt ? 'psa_aead_encrypt_setup' : 'psa_aead_decrypt_setup';
    this.#orAbort(() => {
      const a = algorithmArgument(alg, fn);
      checkAeadAlgorithm(a, fn);
      if (this.active) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is already active`);
      const id = checkUint(key, fn, 'key');
      const ctx = this.#core(fn);
      withKey(ctx, id, encrypt ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_DECRYPT, a, fn, (slot) => {
        checkMultipartTagLength(a, fn);
        this.#impl = ctx.dispatch.keyCall(slot.attributes.lifetime, fn, hasSetup,
          (d) => d.aeadSetup!(slot.attributes, slot.keyBuffer, a, encrypt));
        this.#keyType = slot.attributes.type;
      });
      this.#alg = aeadBaseAlgorithm(a);
      this.#tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(a);
      this.#encrypt = encrypt;
    });
  }

  /** `psa_aead_encrypt_setup`. */
  encryptSetup(key: number, alg: number): void {
    this.#setup(true, key, alg);
  }

  /** `psa_aead_decrypt_setup`. */
  decryptSetup(key: number, alg: number): void {
    this.#setup(false, key, alg);
  }

  /**
   * `psa_aead_set_lengths`: declare the additional-data and plaintext lengths
   * (numbers or, for values beyond 2^53, bigints). Only before any additional
   * data or input (Mbed TLS also accepts it after the nonce).
   */
  setLengths(adLength: number | bigint, plaintextLength: number | bigint): void {
    const fn = 'psa_aead_set_lengths';
    const impl = this.#requireActive(fn);
    this.#orAbort(() => {
      const ad = sizeArgument(adLength, fn, 'ad_length');
      const pt = sizeArgument(plaintextLength, fn, 'plaintext_length');
      if (this.#lengthsSet || this.#adStarted || this.#bodyStarted) {
        fail(PSA_ERROR_BAD_STATE, `${fn}: too late to declare the lengths`);
      }
      checkDeclaredLengths(this.#alg, ad, pt, fn);
      impl.setLengths(ad, pt);
      this.#adRemaining = ad;
      this.#bodyRemaining = pt;
      this.#lengthsSet = true;
    });
  }

  #setNonce(impl: AeadContext, nonce: Uint8Array, fn: string): void {
    if (this.#nonceSet) fail(PSA_ERROR_BAD_STATE, `${fn}: the nonce is already set`);
    if (nonceLengthStatus(this.#alg, nonce.length) !== PSA_SUCCESS) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a nonce of ${nonce.length} bytes is not valid here`);
    }
    impl.setNonce(nonce);
    this.#nonceSet = true;
  }

  /**
   * `psa_aead_generate_nonce` (encryption only): a random nonce of
   * `PSA_AEAD_NONCE_LENGTH` bytes, set and returned. `nonceSize`, the C
   * caller's buffer size (optional), below that gives BUFFER_TOO_SMALL.
   */
  generateNonce(nonceSize?: number): Uint8Array {
    const fn = 'psa_aead_generate_nonce';
    const impl = this.#requireActive(fn);
    return this.#orAbort(() => {
      const size = optionalSize(nonceSize, fn, 'nonce_size');
      if (this.#nonceSet || !this.#encrypt) fail(PSA_ERROR_BAD_STATE, `${fn}: not allowed in this state`);
      const required = PSA_AEAD_NONCE_LENGTH(this.#keyType, this.#alg);
      if (size !== undefined && size < required) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: nonce buffer of ${size} bytes, ${required} needed`);
      }
      const nonce = this.#core(fn).rng.generate(required);
      this.#setNonce(impl, nonce, fn);
      return nonce;
    });
  }

  /** `psa_aead_set_nonce`. */
  setNonce(nonce: Uint8Array): void {
    const fn = 'psa_aead_set_nonce';
    const impl = this.#requireActive(fn);
    this.#orAbort(() => this.#setNonce(impl, checkBytes(nonce, fn, 'nonce'), fn));
  }

  /** `psa_aead_update_ad`: more additional data (before any `update`). */
  updateAd(input: Uint8Array): void {
    const fn = 'psa_aead_update_ad';
    const impl = this.#requireActive(fn);
    this.#orAbort(() => {
      const data = checkBytes(input, fn, 'input');
      if (!this.#nonceSet || this.#bodyStarted) fail(PSA_ERROR_BAD_STATE, `${fn}: not allowed in this state`);
      if (data.length > 0) {
        if (this.#lengthsSet) {
          if (this.#adRemaining < BigInt(data.length)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: more additional data than declared`);
          this.#adRemaining -= BigInt(data.length);
        } else if (this.#alg === PSA_ALG_CCM) {
          fail(PSA_ERROR_BAD_STATE, `${fn}: CCM needs psa_aead_set_lengths first`);
        }
        impl.updateAd(data);
      }
      this.#adStarted = true;
    });
  }

  /**
   * `psa_aead_update`: encrypt or decrypt a fragment. `outputSize`, the C
   * caller's buffer size (optional), below the input length gives BUFFER_TOO_SMALL.
   */
  update(input: Uint8Array, outputSize?: number): Uint8Array {
    const fn = 'psa_aead_update';
    const impl = this.#requireActive(fn);
    return this.#orAbort(() => {
      const data = checkBytes(input, fn, 'input');
      const size = optionalSize(outputSize, fn, 'output_size');
      if (!this.#nonceSet) fail(PSA_ERROR_BAD_STATE, `${fn}: the nonce is not set`);
      if (this.#lengthsSet) {
        if (this.#adRemaining !== 0n) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: less additional data than declared`);
        if (this.#bodyRemaining < BigInt(data.length)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: more input than declared`);
        this.#bodyRemaining -= BigInt(data.length);
      } else if (this.#alg === PSA_ALG_CCM) {
        fail(PSA_ERROR_BAD_STATE, `${fn}: CCM needs psa_aead_set_lengths first`);
      }
      if (size !== undefined && size < data.length) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: output buffer of ${size} bytes, ${data.length} needed`);
      }
      const output = impl.update(data);
      this.#bodyStarted = true;
      return output;
    });
  }

  /** `psa_aead_final_checks`. */
  #finalChecks(fn: string): void {
    if (!this.#nonceSet) fail(PSA_ERROR_BAD_STATE, `${fn}: the nonce is not set`);
    if (this.#lengthsSet && (this.#adRemaining !== 0n || this.#bodyRemaining !== 0n)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: less input than declared`);
    }
  }

  /**
   * `psa_aead_finish` (encryption): the remaining ciphertext and the tag;
   * the operation becomes inactive. `tagSize` / `ciphertextSize`, the C
   * caller's buffer sizes (optional), too small give BUFFER_TOO_SMALL.
   */
  finish(ciphertextSize?: number, tagSize?: number): AeadFinishOutput {
    const fn = 'psa_aead_finish';
    const impl = this.#requireActive(fn);
    return this.#orAbort(() => {
      const cSize = optionalSize(ciphertextSize, fn, 'ciphertext_size');
      const tSize = optionalSize(tagSize, fn, 'tag_size');
      this.#finalChecks(fn);
      if (!this.#encrypt) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation decrypts`);
      if (tSize !== undefined && tSize < this.#tagLength) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: tag buffer of ${tSize} bytes, ${this.#tagLength} needed`);
      }
      const { output, tag } = impl.finish();
      this.abort();
      if (cSize !== undefined && cSize < output.length) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ciphertext buffer of ${cSize} bytes, ${output.length} needed`);
      }
      return { ciphertext: output, tag };
    });
  }

  /**
   * `psa_aead_verify` (decryption): check `tag` (INVALID_SIGNATURE on
   * mismatch) and return the remaining plaintext; the operation becomes inactive.
   */
  verify(tag: Uint8Array, plaintextSize?: number): Uint8Array {
    const fn = 'psa_aead_verify';
    const impl = this.#requireActive(fn);
    return this.#orAbort(() => {
      const expected = checkBytes(tag, fn, 'tag');
      const size = optionalSize(plaintextSize, fn, 'plaintext_size');
      this.#finalChecks(fn);
      if (this.#encrypt) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation encrypts`);
      const output = impl.verify(expected);
      this.abort();
      if (size !== undefined && size < output.length) {
        output.fill(0);
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: plaintext buffer of ${size} bytes, ${output.length} needed`);
      }
      return output;
    });
  }

  /** `psa_aead_abort`: wipe and release; valid in any state. */
  abort(): void {
    const impl = this.#impl;
    this.#impl = undefined;
    this.#alg = 0;
    this.#keyType = 0;
    this.#tagLength = 0;
    this.#encrypt = false;
    this.#nonceSet = this.#lengthsSet = this.#adStarted = this.#bodyStarted = false;
    this.#adRemaining = this.#bodyRemaining = 0n;
    if (impl === undefined) return;
    try {
      impl.destroy();
    } catch (err) {
      throw asPsaError(err);
    }
  }
}
