/**
 * The multipart AEAD operation (`psa_aead_operation_t`): setup,
 * set_lengths, generate_nonce, set_nonce, update_ad, update, finish, verify
 * and abort, with Mbed TLS's order of checks, statuses and state machine
 * (`psa_crypto.c`): any failure of an active operation aborts it; the
 * declared lengths are enforced; CCM needs them before any data.
 * @module
 */
import { withKey } from '../keys/management.js';
import type { AeadContext } from '../../drivers/aead.js';
import type { DriverEntryPoints } from '../../drivers/driver.js';
import { fail } from '../../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_SUCCESS,
} from '../../values/status.js';
import {
  PSA_AEAD_NONCE_LENGTH,
  PSA_ALG_AEAD_GET_TAG_LENGTH,
  PSA_ALG_CCM,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../values/index.js';
import {
  aeadBaseAlgorithm,
  algorithmArgument,
  checkAeadAlgorithm,
  checkDeclaredLengths,
  checkMultipartTagLength,
  nonceLengthStatus,
  optionalSize,
  sizeArgument,
} from './rules.js';
import type { CoreContext } from '../context.js';

import { checkBytes, checkUint } from '../validate.js';
import { OperationState } from '../operation.js';

const hasSetup = (d: DriverEntryPoints): boolean => d.aeadSetup !== undefined;

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
 *
 * A failure of a call on an active operation aborts it (Mbed TLS's rule,
 * `operation.ts`); a BAD_STATE for an inactive one changes nothing. The
 * setups can also give the persistent-key statuses of `KeyMethods`.
 * @example
 * const op = psa.aeadEncryptSetup(key, PSA_ALG_GCM);
 * op.setNonce(nonce12);
 * op.updateAd(header);
 * const c1 = op.update(part1);
 * const c2 = op.update(part2);
 * const { ciphertext, tag } = op.finish();
 */
export class AeadOperation {
  readonly #core: (fn: string) => CoreContext;
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
  readonly #op = new OperationState<AeadContext>({
    release: (impl) => impl.destroy(),
    reset: () => {
      this.#alg = 0;
      this.#keyType = 0;
      this.#tagLength = 0;
      this.#encrypt = false;
      this.#nonceSet = this.#lengthsSet = this.#adStarted = this.#bodyStarted = false;
      this.#adRemaining = this.#bodyRemaining = 0n;
    },
  });

  /** An inactive operation of the instance whose core `core` returns (BAD_STATE once closed). */
  constructor(core: (fn: string) => CoreContext) {
    this.#core = core;
  }

  /** Whether the operation is active. */
  get active(): boolean {
    return this.#op.active;
  }

  /** The operation's algorithm with its default tag length (as Mbed TLS's `operation.alg`); 0 when inactive. */
  get alg(): number {
    return this.#alg;
  }

  /** Whether the active operation encrypts. */
  get isEncrypt(): boolean {
    return this.#op.active && this.#encrypt;
  }

  /** The tag length of the active operation's algorithm (0 when inactive). */
  get tagLength(): number {
    return this.#tagLength;
  }

  #setup(encrypt: boolean, key: number, alg: number): void {
    const fn = encrypt ? 'psa_aead_encrypt_setup' : 'psa_aead_decrypt_setup';
    this.#op.run(fn, () => {
      const a = algorithmArgument(alg, fn);
      checkAeadAlgorithm(a, fn);
      this.#op.requireIdle(fn);
      const id = checkUint(key, fn, 'key');
      const ctx = this.#core(fn);
      withKey(ctx, id, encrypt ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_DECRYPT, a, fn, (slot) => {
        checkMultipartTagLength(a, fn);
        this.#op.start(ctx.dispatch.keyCall(slot.attributes.lifetime, fn, hasSetup,
          (d) => d.aeadSetup!(slot.attributes, slot.keyBuffer, a, encrypt)));
        this.#keyType = slot.attributes.type;
      });
      this.#alg = aeadBaseAlgorithm(a);
      this.#tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(a);
      this.#encrypt = encrypt;
    });
  }

  /**
   * `psa_aead_encrypt_setup`.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a specific AEAD algorithm, a tag length it refuses, `key` is not a key id
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is already active (it is aborted), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks ENCRYPT or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: an AEAD algorithm without rules here, or no driver implements `alg` with this key type
   */
  encryptSetup(key: number, alg: number): void {
    this.#setup(true, key, alg);
  }

  /**
   * `psa_aead_decrypt_setup`.
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DECRYPT or does not permit `alg`
   * @throws {PsaError} as `encryptSetup` otherwise
   */
  decryptSetup(key: number, alg: number): void {
    this.#setup(false, key, alg);
  }

  /**
   * `psa_aead_set_lengths`: declare the additional-data and plaintext lengths
   * (numbers or, for values beyond 2^53, bigints). Only before any additional
   * data or input (Mbed TLS also accepts it after the nonce).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, the lengths are already set, or data was given
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a length that is not a `size_t`, or beyond the limits of the algorithm (GCM, CCM)
   */
  setLengths(adLength: number | bigint, plaintextLength: number | bigint): void {
    const fn = 'psa_aead_set_lengths';
    const impl = this.#op.require(fn);
    this.#op.run(fn, () => {
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
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, decrypts, or already has its nonce; or the instance is closed
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `nonceSize` below `PSA_AEAD_NONCE_LENGTH`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `nonceSize` is not a length
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: no random bytes for the nonce
   */
  generateNonce(nonceSize?: number): Uint8Array {
    const fn = 'psa_aead_generate_nonce';
    const impl = this.#op.require(fn);
    return this.#op.run(fn, () => {
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

  /**
   * `psa_aead_set_nonce`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or the nonce is already set
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a nonce length the algorithm does not take, or `nonce` is not a `Uint8Array`
   */
  setNonce(nonce: Uint8Array): void {
    const fn = 'psa_aead_set_nonce';
    const impl = this.#op.require(fn);
    this.#op.run(fn, () => this.#setNonce(impl, checkBytes(nonce, fn, 'nonce'), fn));
  }

  /**
   * `psa_aead_update_ad`: more additional data (before any `update`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, no nonce yet, after `update`, or CCM without `setLengths`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: more additional data than declared, or `input` is not a `Uint8Array`
   */
  updateAd(input: Uint8Array): void {
    const fn = 'psa_aead_update_ad';
    const impl = this.#op.require(fn);
    this.#op.run(fn, () => {
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
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, no nonce yet, or CCM without `setLengths`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: less additional data or more input than declared, or a bad `input` / `outputSize`
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below the input length
   */
  update(input: Uint8Array, outputSize?: number): Uint8Array {
    const fn = 'psa_aead_update';
    const impl = this.#op.require(fn);
    return this.#op.run(fn, () => {
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
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, decrypts, or has no nonce
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: less data than declared, or a size that is not a length
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `tagSize` below the tag length, or `ciphertextSize` below the remaining ciphertext
   */
  finish(ciphertextSize?: number, tagSize?: number): AeadFinishOutput {
    const fn = 'psa_aead_finish';
    const impl = this.#op.require(fn);
    return this.#op.run(fn, () => {
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
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the tag does not verify
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, encrypts, or has no nonce
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: less data than declared, `tag` is not a `Uint8Array`, or `plaintextSize` is not a length
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `plaintextSize` below the remaining plaintext
   */
  verify(tag: Uint8Array, plaintextSize?: number): Uint8Array {
    const fn = 'psa_aead_verify';
    const impl = this.#op.require(fn);
    return this.#op.run(fn, () => {
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

  /** `psa_aead_abort`: wipe and release; valid in any state. It throws only what the driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.#op.abort();
  }
}
