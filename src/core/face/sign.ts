/**
 * Signature methods of `Psa`: `psa_sign_hash`, `psa_verify_hash`,
 * `psa_sign_message`, `psa_verify_message`, their PSA 1.4 `*WithContext`
 * forms, the PSA 1.5 multipart `psa_sign_operation_t` /
 * `psa_verify_operation_t`, and Mbed TLS's interruptible sign/verify-hash
 * operations. Thin wrappers that check JavaScript arguments and call
 * `sign/index.ts` / `sign/operation.ts` / `sign/interruptible.ts`.
 *
 * Every function here can give, besides the statuses it lists:
 * `PSA_ERROR_INVALID_HANDLE` (no such key), `PSA_ERROR_BAD_STATE` (the
 * instance is closed), and the persistent-key statuses of `KeyMethods`.
 * @module
 */
import { signHash, signMessage, verifyHash, verifyMessage, type SignEnv } from '../sign/index.js';
import { SignHashInterruptible, VerifyHashInterruptible } from '../sign/interruptible.js';
import { SignOperation, VerifyOperation } from '../sign/operation.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(SignOperation);
guardOperation(VerifyOperation);
guardOperation(SignHashInterruptible);
guardOperation(VerifyHashInterruptible);

/** The signature methods of `Psa`. */
export interface SignMethods {
  /**
   * `psa_sign_hash`: sign a hash (raw input for `PSA_ALG_ECDSA_ANY`). `signatureSize` (optional) is the C caller's buffer size.
   * @param key a key pair whose policy has `PSA_KEY_USAGE_SIGN_HASH` and permits `alg`
   * @param alg a hash-and-sign algorithm (`PSA_ALG_ECDSA(h)`, `PSA_ALG_RSA_PSS(h)`, `PSA_ALG_RSA_PKCS1V15_SIGN(h)`, …)
   * @param hash the digest of the message with the algorithm's hash
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks SIGN_HASH or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a sign-hash algorithm, the key is not a key pair of a fitting type, `hash` has the wrong length
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `signatureSize` below the signature length
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: a randomized algorithm got no random bytes
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const digest = psa.hashCompute(PSA_ALG_SHA_256, message);
   * const signature = psa.signHash(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest);
   */
  signHash(key: number, alg: number, hash: Uint8Array, signatureSize?: number): Uint8Array;

  /**
   * `psa_verify_hash`: throws INVALID_SIGNATURE unless `signature` is valid for `hash`.
   * @param key a key pair or public key whose policy has `PSA_KEY_USAGE_VERIFY_HASH` and permits `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the signature is not valid for `hash`
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks VERIFY_HASH or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a sign-hash algorithm, the key type does not fit it, `hash` has the wrong length
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg` with this key
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * psa.verifyHash(publicKey, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest, signature); // throws unless valid
   */
  verifyHash(key: number, alg: number, hash: Uint8Array, signature: Uint8Array): void;

  /**
   * `psa_sign_message`: hash (for hash-and-sign algorithms) and sign `input`.
   * @param key a key pair whose policy has `PSA_KEY_USAGE_SIGN_MESSAGE` and permits `alg`
   * @param alg a message-signature algorithm (a hash-and-sign algorithm with a specific hash, `PSA_ALG_PURE_EDDSA`, …)
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks SIGN_MESSAGE or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a message-signature algorithm or has a wildcard hash, the key is not a fitting key pair
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: `alg` or its hash is not implemented
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `signatureSize` below the signature length
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: a randomized algorithm got no random bytes
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const signature = psa.signMessage(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), message);
   */
  signMessage(key: number, alg: number, input: Uint8Array, signatureSize?: number): Uint8Array;

  /**
   * `psa_verify_message`: throws INVALID_SIGNATURE unless `signature` is valid for `input`.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the signature is not valid for `input`
   * @throws {PsaError} as `signMessage` otherwise (VERIFY_MESSAGE usage, a public key allowed, no buffer size)
   */
  verifyMessage(key: number, alg: number, input: Uint8Array, signature: Uint8Array): void;

  /**
   * `psa_sign_hash_with_context` (PSA 1.4): a non-empty context needs `PSA_ALG_SIGN_SUPPORTS_CONTEXT(alg)`.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a non-empty context for an algorithm that takes none, or a context longer than 255 bytes
   * @throws {PsaError} as `signHash` otherwise
   */
  signHashWithContext(key: number, alg: number, hash: Uint8Array, context: Uint8Array, signatureSize?: number): Uint8Array;

  /**
   * `psa_verify_hash_with_context` (PSA 1.4).
   * @throws {PsaError} the context statuses of `signHashWithContext`, and as `verifyHash`
   */
  verifyHashWithContext(key: number, alg: number, hash: Uint8Array, context: Uint8Array, signature: Uint8Array): void;

  /**
   * `psa_sign_message_with_context` (PSA 1.4).
   * @throws {PsaError} the context statuses of `signHashWithContext`, and as `signMessage`
   */
  signMessageWithContext(key: number, alg: number, input: Uint8Array, context: Uint8Array, signatureSize?: number): Uint8Array;

  /**
   * `psa_verify_message_with_context` (PSA 1.4).
   * @throws {PsaError} the context statuses of `signHashWithContext`, and as `verifyMessage`
   */
  verifyMessageWithContext(key: number, alg: number, input: Uint8Array, context: Uint8Array, signature: Uint8Array): void;

  /**
   * A new, inactive multipart sign operation (`psa_sign_operation_init`, PSA 1.5).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  signOperation(): SignOperation;

  /**
   * `psa_sign_setup`: an active multipart sign operation.
   * @throws {PsaError} the key and algorithm statuses of `signMessage`
   */
  signSetup(key: number, alg: number): SignOperation;

  /**
   * A new, inactive multipart verify operation (`psa_verify_operation_init`, PSA 1.5).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  verifyOperation(): VerifyOperation;

  /**
   * `psa_verify_setup`: an active multipart verify operation that checks `signature`.
   * @throws {PsaError} the key and algorithm statuses of `verifyMessage`
   */
  verifySetup(key: number, alg: number, signature: Uint8Array): VerifyOperation;

  /**
   * A new interruptible sign-hash operation (Mbed TLS `psa_sign_hash_interruptible_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  signHashInterruptible(): SignHashInterruptible;

  /**
   * A new interruptible verify-hash operation (Mbed TLS `psa_verify_hash_interruptible_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  verifyHashInterruptible(): VerifyHashInterruptible;
}

/** The instance and its hashes for the signature functions (BAD_STATE once closed). */
function signEnv(psa: object, fn: string): SignEnv {
  const ctx = coreOf(psa, fn);
  return { ctx, hashes: ctx.dispatch.hashes };
}

/** The C caller's signature buffer size, when given. */
function size(signatureSize: number | undefined, fn: string): number | undefined {
  return signatureSize === undefined ? undefined : checkLength(signatureSize, fn, 'signature_size');
}

/** The bodies of `SignMethods`, assigned to `Psa.prototype`. */
export const signMethods: SignMethods & ThisType<SignMethods> = guardMethods({
  signHash(key, alg, hash, signatureSize) {
    const fn = 'psa_sign_hash';
    return api(fn, () => signHash(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), undefined, size(signatureSize, fn), fn));
  },

  verifyHash(key, alg, hash, signature) {
    const fn = 'psa_verify_hash';
    api(fn, () => verifyHash(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), checkBytes(signature, fn, 'signature'), undefined, fn));
  },

  signMessage(key, alg, input, signatureSize) {
    const fn = 'psa_sign_message';
    return api(fn, () => signMessage(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), undefined, size(signatureSize, fn), fn));
  },

  verifyMessage(key, alg, input, signature) {
    const fn = 'psa_verify_message';
    api(fn, () => verifyMessage(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(signature, fn, 'signature'), undefined, fn));
  },

  signHashWithContext(key, alg, hash, context, signatureSize) {
    const fn = 'psa_sign_hash_with_context';
    return api(fn, () => signHash(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), checkBytes(context, fn, 'context'), size(signatureSize, fn), fn));
  },

  verifyHashWithContext(key, alg, hash, context, signature) {
    const fn = 'psa_verify_hash_with_context';
    api(fn, () => verifyHash(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(hash, fn, 'hash'), checkBytes(signature, fn, 'signature'), checkBytes(context, fn, 'context'), fn));
  },

  signMessageWithContext(key, alg, input, context, signatureSize) {
    const fn = 'psa_sign_message_with_context';
    return api(fn, () => signMessage(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(context, fn, 'context'), size(signatureSize, fn), fn));
  },

  verifyMessageWithContext(key, alg, input, context, signature) {
    const fn = 'psa_verify_message_with_context';
    api(fn, () => verifyMessage(signEnv(this, fn), checkUint(key, fn, 'key'), checkUint(alg, fn, 'alg'),
      checkBytes(input, fn, 'input'), checkBytes(signature, fn, 'signature'), checkBytes(context, fn, 'context'), fn));
  },

  signOperation() {
    const fn = 'psa_sign_operation_init';
    return api(fn, () => (coreOf(this, fn), new SignOperation((name) => signEnv(this, name))));
  },

  signSetup(key, alg) {
    const op = this.signOperation();
    api('psa_sign_setup', () => op.setup(key, alg));
    return op;
  },

  verifyOperation() {
    const fn = 'psa_verify_operation_init';
    return api(fn, () => (coreOf(this, fn), new VerifyOperation((name) => signEnv(this, name))));
  },

  verifySetup(key, alg, signature) {
    const op = this.verifyOperation();
    api('psa_verify_setup', () => op.setup(key, alg, signature));
    return op;
  },

  signHashInterruptible() {
    const fn = 'psa_sign_hash_interruptible_operation_init';
    return api(fn, () => (coreOf(this, fn), new SignHashInterruptible((name) => signEnv(this, name))));
  },

  verifyHashInterruptible() {
    const fn = 'psa_verify_hash_interruptible_operation_init';
    return api(fn, () => (coreOf(this, fn), new VerifyHashInterruptible((name) => signEnv(this, name))));
  },
});
