/**
 * Signature methods of `Psa`: `psa_sign_hash`, `psa_verify_hash`,
 * `psa_sign_message`, `psa_verify_message`, their PSA 1.4 `*WithContext`
 * forms, and the PSA 1.5 multipart `psa_sign_operation_t` /
 * `psa_verify_operation_t`. Thin wrappers that check JavaScript arguments
 * and call `sign.ts` / `sign/operation.ts`.
 * @module
 */
import { api } from './psa-base.js';
import { PsaXof } from './psa-xof.js';
import { signHash, signMessage, verifyHash, verifyMessage, type SignEnv } from './sign/index.js';
import { SignHashInterruptible, VerifyHashInterruptible } from './sign/interruptible.js';
import { SignOperation, VerifyOperation } from './sign/operation.js';
import { checkBytes, checkLength, checkUint } from './validate.js';

/** `PsaXof` plus the signature functions. */
export class PsaSign extends PsaXof {
  /** The instance and its hashes for the signature functions (BAD_STATE once closed). */
  protected signEnv(fn: string): SignEnv {
    return { ctx: this.core(fn), hashes: this.hashProvider };
  }

  #size(size: number | undefined, fn: string): number | undefined {
    return size === undefined ? undefined : checkLength(size, fn, 'signature_size');
  }

  /** `psa_sign_hash`: sign a hash (raw input for `PSA_ALG_ECDSA_ANY`). `signatureSize` (optional) is the C caller's buffer size. */
  signHash(key: number, alg: number, hash: Uint8Array, signatureSize?: number): Uint8Array {
    const fn = 'psa_sign_hash';
    return api(fn, () => signHash(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), undefined, this.#size(signatureSize, fn), fn));
  }

  /** `psa_verify_hash`: throws INVALID_SIGNATURE unless `signature` is valid for `hash`. */
  verifyHash(key: number, alg: number, hash: Uint8Array, signature: Uint8Array): void {
    const fn = 'psa_verify_hash';
    api(fn, () => verifyHash(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), checkBytes(signature, fn, 'signature'), undefined, fn));
  }

  /** `psa_sign_message`: hash (for hash-and-sign algorithms) and sign `input`. */
  signMessage(key: number, alg: number, input: Uint8Array, signatureSize?: number): Uint8Array {
    const fn = 'psa_sign_message';
    return api(fn, () => signMessage(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), undefined, this.#size(signatureSize, fn), fn));
  }

  /** `psa_verify_message`: throws INVALID_SIGNATURE unless `signature` is valid for `input`. */
  verifyMessage(key: number, alg: number, input: Uint8Array, signature: Uint8Array): void {
    const fn = 'psa_verify_message';
    api(fn, () => verifyMessage(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(signature, fn, 'signature'), undefined, fn));
  }

  /** `psa_sign_hash_with_context` (PSA 1.4): a non-empty context needs `PSA_ALG_SIGN_SUPPORTS_CONTEXT(alg)`. */
  signHashWithContext(key: number, alg: number, hash: Uint8Array, context: Uint8Array, signatureSize?: number): Uint8Array {
    const fn = 'psa_sign_hash_with_context';
    return api(fn, () => signHash(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), checkBytes(context, fn, 'context'), this.#size(signatureSize, fn), fn));
  }

  /** `psa_verify_hash_with_context` (PSA 1.4). */
  verifyHashWithContext(key: number, alg: number, hash: Uint8Array, context: Uint8Array, signature: Uint8Array): void {
    const fn = 'psa_verify_hash_with_context';
    api(fn, () => verifyHash(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), checkBytes(signature, fn, 'signature'), checkBytes(context, fn, 'context'), fn));
  }

  /** `psa_sign_message_with_context` (PSA 1.4). */
  signMessageWithContext(key: number, alg: number, input: Uint8Array, context: Uint8Array, signatureSize?: number): Uint8Array {
    const fn = 'psa_sign_message_with_context';
    return api(fn, () => signMessage(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(context, fn, 'context'), this.#size(signatureSize, fn), fn));
  }

  /** `psa_verify_message_with_context` (PSA 1.4). */
  verifyMessageWithContext(key: number, alg: number, input: Uint8Array, context: Uint8Array, signature: Uint8Array): void {
    const fn = 'psa_verify_message_with_context';
    api(fn, () => verifyMessage(this.signEnv(fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(signature, fn, 'signature'), checkBytes(context, fn, 'context'), fn));
  }

  /** A new, inactive multipart sign operation (`psa_sign_operation_init`, PSA 1.5). */
  signOperation(): SignOperation {
    const fn = 'psa_sign_operation_init';
    return api(fn, () => (this.core(fn), new SignOperation((name) => this.signEnv(name))));
  }

  /** `psa_sign_setup`: an active multipart sign operation. */
  signSetup(key: number, alg: number): SignOperation {
    const op = this.signOperation();
    api('psa_sign_setup', () => op.setup(key, alg));
    return op;
  }

  /** A new, inactive multipart verify operation (`psa_verify_operation_init`, PSA 1.5). */
  verifyOperation(): VerifyOperation {
    const fn = 'psa_verify_operation_init';
    return api(fn, () => (this.core(fn), new VerifyOperation((name) => this.signEnv(name))));
  }

  /** `psa_verify_setup`: an active multipart verify operation that checks `signature`. */
  verifySetup(key: number, alg: number, signature: Uint8Array): VerifyOperation {
    const op = this.verifyOperation();
    api('psa_verify_setup', () => op.setup(key, alg, signature));
    return op;
  }

  /** A new interruptible sign-hash operation (Mbed TLS `psa_sign_hash_interruptible_operation_init`). */
  signHashInterruptible(): SignHashInterruptible {
    const fn = 'psa_sign_hash_interruptible_operation_init';
    return api(fn, () => (this.core(fn), new SignHashInterruptible((name) => this.signEnv(name))));
  }

  /** A new interruptible verify-hash operation (Mbed TLS `psa_verify_hash_interruptible_operation_init`). */
  verifyHashInterruptible(): VerifyHashInterruptible {
    const fn = 'psa_verify_hash_interruptible_operation_init';
    return api(fn, () => (this.core(fn), new VerifyHashInterruptible((name) => this.signEnv(name))));
  }
}
