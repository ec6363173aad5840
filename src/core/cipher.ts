/**
 * The PSA unauthenticated cipher functions: `psa_cipher_encrypt`,
 * `psa_cipher_decrypt` and the multipart `psa_cipher_operation_t`
 * (encrypt/decrypt setup, generate/set IV, update, finish, abort), with
 * the statuses, the order of checks and the state machine of Mbed TLS
 * (`psa_crypto.c` and its built-in cipher driver): a non-cipher algorithm
 * first, then the key's usage and policy (`acquireKey`, Mbed TLS's
 * `psa_get_and_lock_key_slot_with_policy`), then the driver; any failure of
 * an active operation aborts it, and an output buffer is too small exactly
 * where Mbed TLS says so.
 * @module
 */
import { withKey, acquireKey } from './keys/management.js';
import type { CipherContext, CipherEntryPoints } from '../drivers/cipher.js';
import type { DriverEntryPoints } from '../drivers/driver.js';
import { cipherThroughContext } from '../drivers/single-part.js';
import { asPsaError, fail } from '../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../values/status.js';
import {
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_IS_CIPHER,
  PSA_ALG_IS_STREAM_CIPHER,
  PSA_BLOCK_CIPHER_BLOCK_LENGTH,
  PSA_CIPHER_IV_LENGTH,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  describe,
} from '../values/index.js';
import type { CoreContext } from './context.js';

import { checkBytes, checkLength, checkUint } from './validate.js';
import { OperationState } from './operation.js';

/** `alg` as an unsigned 32-bit cipher algorithm; INVALID_ARGUMENT for anything else. */
function cipherAlgorithm(alg: unknown, fn: string): number {
  if (typeof alg !== 'number' || !Number.isInteger(alg) || alg < -0x80000000 || alg > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: not an algorithm identifier`);
  }
  const a = alg >>> 0;
  if (!PSA_ALG_IS_CIPHER(a)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a, 'alg')} is not a cipher algorithm`);
  return a;
}

/** The caller's buffer size when given (the C facade passes it), else unlimited. */
function outputSizeArgument(size: number | undefined, fn: string): number {
  return size === undefined ? Number.MAX_SAFE_INTEGER : checkLength(size, fn, 'output size');
}

/**
 * The output size Mbed TLS requires before it processes an update: the
 * input length for stream ciphers (CTR, CFB, OFB, CCM*, ChaCha20), else
 * the complete blocks of what is pending plus the input.
 */
export function updateOutputNeeded(keyType: number, alg: number, pending: number, inputLength: number): number {
  const block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType);
  if (PSA_ALG_IS_STREAM_CIPHER(alg) || block === 0) return inputLength;
  return Math.floor((pending + inputLength) / block) * block;
}

/** Whether a driver has any cipher entry point usable for a single-part call. */
function hasSinglePart(d: DriverEntryPoints, entry: keyof CipherEntryPoints): boolean {
  return d[entry] !== undefined || d.cipherSetup !== undefined;
}

/**
 * Run a single-part computation and apply Mbed TLS's buffer rules: a buffer
 * below what the update step needs is BUFFER_TOO_SMALL before any
 * data-dependent error (bad block count, bad padding); a buffer below the
 * actual output is BUFFER_TOO_SMALL after them.
 */
function singlePart(available: number, needed: number, compute: () => Uint8Array): Uint8Array {
  let out: Uint8Array;
  try {
    out = compute();
  } catch (err) {
    const e = asPsaError(err);
    if (e.status !== PSA_ERROR_NOT_SUPPORTED && needed > available) fail(PSA_ERROR_BUFFER_TOO_SMALL, `output buffer of ${available} bytes, ${needed} needed`);
    throw e;
  }
  if (needed > available || out.length > available) {
    out.fill(0);
    fail(PSA_ERROR_BUFFER_TOO_SMALL, `output buffer of ${available} bytes, ${Math.max(needed, out.length)} needed`);
  }
  return out;
}

/**
 * `psa_cipher_encrypt`: a random IV of `PSA_CIPHER_IV_LENGTH` bytes, then the
 * ciphertext; returns IV ‖ ciphertext. `outputSize` is the C caller's buffer size.
 */
export function cipherEncrypt(ctx: CoreContext, key: number, alg: number, input: Uint8Array, outputSize?: number): Uint8Array {
  const fn = 'psa_cipher_encrypt';
  const a = cipherAlgorithm(alg, fn);
  const data = checkBytes(input, fn, 'input');
  const size = outputSizeArgument(outputSize, fn);
  return withKey(ctx, checkUint(key, fn, 'key'), PSA_KEY_USAGE_ENCRYPT, a, fn, (slot) => {
    const attrs = slot.attributes;
    const ivLength = PSA_CIPHER_IV_LENGTH(attrs.type, a);
    if (ivLength > 0 && size < ivLength) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: output buffer smaller than the IV`);
    const iv = ctx.rng.generate(ivLength);
    const needed = updateOutputNeeded(attrs.type, a, 0, data.length);
    const body = singlePart(size - ivLength, needed, () =>
      ctx.dispatch.keyCall(attrs.lifetime, fn, (d) => hasSinglePart(d, 'cipherEncrypt'), (d) =>
        d.cipherEncrypt
          ? d.cipherEncrypt(attrs, slot.keyBuffer, a, iv, data)
          : cipherThroughContext(d.cipherSetup!(attrs, slot.keyBuffer, a, true), iv, data)));
    const out = new Uint8Array(ivLength + body.length);
    out.set(iv);
    out.set(body, ivLength); // ciphertext: nothing secret to wipe
    return out;
  });
}

/** `psa_cipher_decrypt`: `input` is IV ‖ ciphertext; returns the plaintext. */
export function cipherDecrypt(ctx: CoreContext, key: number, alg: number, input: Uint8Array, outputSize?: number): Uint8Array {
  const fn = 'psa_cipher_decrypt';
  const a = cipherAlgorithm(alg, fn);
  const data = checkBytes(input, fn, 'input');
  const size = outputSizeArgument(outputSize, fn);
  return withKey(ctx, checkUint(key, fn, 'key'), PSA_KEY_USAGE_DECRYPT, a, fn, (slot) => {
    const attrs = slot.attributes;
    const ivLength = PSA_CIPHER_IV_LENGTH(attrs.type, a);
    if (data.length < ivLength) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: input shorter than the ${ivLength}-byte IV`);
    const needed = updateOutputNeeded(attrs.type, a, 0, data.length - ivLength);
    return singlePart(size, needed, () =>
      ctx.dispatch.keyCall(attrs.lifetime, fn, (d) => hasSinglePart(d, 'cipherDecrypt'), (d) =>
        d.cipherDecrypt
          ? d.cipherDecrypt(attrs, slot.keyBuffer, a, data)
          : cipherThroughContext(d.cipherSetup!(attrs, slot.keyBuffer, a, false), data.subarray(0, ivLength), data.subarray(ivLength))));
  });
}

/**
 * A multipart cipher operation (`psa_cipher_operation_t`). Constructed
 * inactive; `encryptSetup` / `decryptSetup` make it active; `finish` and
 * `abort` make it inactive again. A failure while active aborts it. The
 * driver context holds its own copy of the key, so the key may be destroyed
 * while the operation runs.
 *
 * A failure of a call on an active operation aborts it (Mbed TLS's rule,
 * `operation.ts`); a BAD_STATE for an inactive one changes nothing. The
 * setups can also give the persistent-key statuses of `KeyMethods`.
 * @example
 * const op = psa.cipherEncryptSetup(key, PSA_ALG_CBC_PKCS7);
 * const iv = op.generateIv();
 * const c1 = op.update(part1);
 * const c2 = op.update(part2);
 * const last = op.finish();
 */
export class CipherOperation {
  readonly #core: CoreContext;
  #alg = 0;
  #keyType = 0;
  #ivRequired = false;
  #ivSet = false;
  #defaultIvLength = 0;
  readonly #op = new OperationState<CipherContext>({
    release: (ctx) => ctx.destroy(),
    reset: () => {
      this.#alg = 0;
      this.#keyType = 0;
      this.#ivRequired = false;
      this.#ivSet = false;
      this.#defaultIvLength = 0;
    },
    notActive: (fn) => `${fn}: the cipher operation is not active`,
  });

  /** An inactive operation of the instance `core`. */
  constructor(core: CoreContext) {
    this.#core = core;
  }

  /** Whether the operation is active (set up and not yet finished or aborted). */
  get active(): boolean {
    return this.#op.active;
  }

  /** The algorithm of the active operation; 0 when inactive. */
  get alg(): number {
    return this.#alg;
  }

  #setup(key: number, alg: number, encrypt: boolean): void {
    const fn = encrypt ? 'psa_cipher_encrypt_setup' : 'psa_cipher_decrypt_setup';
    this.#op.run(fn, () => {
      this.#op.requireIdle(fn);
      const a = cipherAlgorithm(alg, fn);
      const usage = encrypt ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_DECRYPT;
      const slot = acquireKey(this.#core, checkUint(key, fn, 'key'), usage, a, fn);
      try {
        const attrs = slot.attributes;
        this.#op.start(this.#core.dispatch.keyCall(attrs.lifetime, fn, (d) => d.cipherSetup !== undefined, (d) =>
          d.cipherSetup!(attrs, slot.keyBuffer, a, encrypt)));
        this.#alg = a;
        this.#keyType = attrs.type;
        this.#ivRequired = a !== PSA_ALG_ECB_NO_PADDING;
        this.#ivSet = false;
        this.#defaultIvLength = PSA_CIPHER_IV_LENGTH(attrs.type, a);
      } finally {
        this.#core.store.release(slot);
      }
    });
  }

  /**
   * `psa_cipher_encrypt_setup`. BAD_STATE (and abort) if active; INVALID_ARGUMENT for a non-cipher; policy and support errors.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is already active (it is aborted)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a cipher algorithm, `key` is not a key id, or a key size the mode refuses
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks ENCRYPT or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key type
   */
  encryptSetup(key: number, alg: number): void {
    this.#setup(key, alg, true);
  }

  /**
   * `psa_cipher_decrypt_setup`: as `encryptSetup`, needing DECRYPT usage.
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DECRYPT or does not permit `alg`
   * @throws {PsaError} as `encryptSetup` otherwise
   */
  decryptSetup(key: number, alg: number): void {
    this.#setup(key, alg, false);
  }

  /** BAD_STATE (and abort) when the algorithm takes no IV or the IV is already set. */
  #checkIvExpected(fn: string): void {
    if (this.#ivSet || !this.#ivRequired) fail(PSA_ERROR_BAD_STATE, `${fn}: ${this.#ivSet ? 'the IV is already set' : 'this algorithm takes no IV'}`);
  }

  /**
   * `psa_cipher_generate_iv`: a random IV of the default length, set on the
   * operation and returned. `ivSize`, the C caller's buffer size, is optional:
   * below the IV length it gives BUFFER_TOO_SMALL (and aborts).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, the IV is already set, or the algorithm takes no IV
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `ivSize` below the IV length
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `ivSize` is not a length
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: no random bytes for the IV
   */
  generateIv(ivSize?: number): Uint8Array {
    const fn = 'psa_cipher_generate_iv';
    const ctx = this.#op.require(fn);
    return this.#op.run(fn, () => {
      this.#checkIvExpected(fn);
      const size = outputSizeArgument(ivSize, fn);
      const length = this.#defaultIvLength;
      if (size < length) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: IV buffer of ${size} bytes, ${length} needed`);
      const iv = this.#core.rng.generate(length);
      ctx.setIv(iv);
      this.#ivSet = true;
      return iv;
    });
  }

  /**
   * `psa_cipher_set_iv`: INVALID_ARGUMENT (and abort) for a length the
   * algorithm does not take, which the driver decides (the software driver,
   * as Mbed TLS's `mbedtls_psa_cipher_set_iv`: exactly `PSA_CIPHER_IV_LENGTH`,
   * so 16 bytes for AES-CTR and 12 for ChaCha20; XChaCha20 24 or 32).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, the IV is already set, or the algorithm takes no IV
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an IV length the algorithm does not take, or `iv` is not a `Uint8Array`
   */
  setIv(iv: Uint8Array): void {
    const fn = 'psa_cipher_set_iv';
    const ctx = this.#op.require(fn);
    this.#op.run(fn, () => {
      this.#checkIvExpected(fn);
      ctx.setIv(checkBytes(iv, fn, 'iv'));
      this.#ivSet = true;
    });
  }

  #requireIv(fn: string): void {
    if (this.#ivRequired && !this.#ivSet) fail(PSA_ERROR_BAD_STATE, `${fn}: the IV has not been set`);
  }

  /**
   * `psa_cipher_update`: the output that became available. `outputSize`
   * (optional) below what Mbed TLS requires for this input gives
   * BUFFER_TOO_SMALL (and aborts).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or the algorithm needs an IV that is not set
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below what this input needs
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `input` is not a `Uint8Array`, or `outputSize` is not a length
   */
  update(input: Uint8Array, outputSize?: number): Uint8Array {
    const fn = 'psa_cipher_update';
    const ctx = this.#op.require(fn);
    return this.#op.run(fn, () => {
      this.#requireIv(fn);
      const data = checkBytes(input, fn, 'input');
      const size = outputSizeArgument(outputSize, fn);
      const needed = updateOutputNeeded(this.#keyType, this.#alg, ctx.pending, data.length);
      if (size < needed) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: output buffer of ${size} bytes, ${needed} needed`);
      const out = ctx.update(data);
      if (out.length > size) {
        out.fill(0);
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: output buffer of ${size} bytes, ${out.length} needed`);
      }
      return out;
    });
  }

  /**
   * `psa_cipher_finish`: the last output; the operation becomes inactive
   * whatever happens. INVALID_ARGUMENT for an incomplete block where whole
   * blocks are needed, INVALID_PADDING for bad padding, BUFFER_TOO_SMALL
   * when `outputSize` (optional) is below the output.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or the algorithm needs an IV that is not set
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an incomplete block where whole blocks are needed, or `outputSize` is not a length
   * @throws {PsaError} `PSA_ERROR_INVALID_PADDING`: bad padding (decryption with PKCS#7)
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below the output
   */
  finish(outputSize?: number): Uint8Array {
    const fn = 'psa_cipher_finish';
    const ctx = this.#op.require(fn);
    return this.#op.run(fn, () => {
      this.#requireIv(fn);
      const size = outputSizeArgument(outputSize, fn);
      const out = ctx.finish();
      this.abort();
      if (out.length > size) {
        out.fill(0);
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: output buffer of ${size} bytes, ${out.length} needed`);
      }
      return out;
    });
  }

  /** `psa_cipher_abort`: wipe and release; valid in any state. It throws only what the driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.#op.abort();
  }
}
