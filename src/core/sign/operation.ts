/**
 * The PSA 1.5 multipart signature operations, `psa_sign_operation_t` and
 * `psa_verify_operation_t`: setup → [set_context] → update* → finish.
 *
 * - Hash-and-sign algorithms stream the message into a hash and sign or
 *   verify the hash at finish (with the context, for HashEdDSA).
 * - The message-only algorithms (PureEdDSA, EdDSA with context) cannot sign
 *   a fragmented message (INVALID_ARGUMENT at sign setup, as the spec says);
 *   verification keeps the fragments and verifies the whole message at
 *   finish.
 * - `set_context` is accepted once, before any update (else BAD_STATE).
 * - The key is looked up again at finish, so destroying it during the
 *   operation makes finish fail (INVALID_HANDLE), as the spec allows.
 *
 * As for the other operations of this package, any failure of an active
 * operation aborts it (later calls: BAD_STATE until a new setup).
 * @module
 */
import { withKey } from '../keys/management.js';
import type { HashContext } from '../../drivers/driver.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_VERIFY_MESSAGE, describe } from '../../values/index.js';

import {
  checkSigningKey,
  driverSignHash,
  driverVerifyHash,
  driverVerifyMessage,
  fitSignature,
  type SignEnv,
} from './index.js';
import { checkContext, checkSignAlg, isMessageOnly, signHashAlg, signKeyCompatible } from './rules.js';
import { checkBytes, checkLength, checkUint } from '../validate.js';
import { concatBytes, copyBytes } from '../../bytes.js';
import { OperationState } from '../operation.js';

/** The state of an active operation. */
interface Active {
  readonly key: number;
  readonly alg: number;
  /** The running hash of a hash-and-sign algorithm. */
  readonly hash: HashContext | undefined;
  /** The fragments of a message-only algorithm (verification only). */
  readonly parts: Uint8Array[];
  context: Uint8Array;
  /** Whether set_context or update has been called. */
  started: boolean;
  /** The expected signature (verify operations). */
  readonly signature: Uint8Array | undefined;
}

/** Wipe what an operation keeps: the running hash, the fragments, the context. */
function release(s: Active): void {
  s.hash?.destroy();
  for (const p of s.parts) p.fill(0);
  s.context.fill(0);
}

/** Common part of the sign and verify operations. */
abstract class SignatureOperation {
  readonly #env: (fn: string) => SignEnv;
  protected readonly op = new OperationState<Active>({ release });

  /** An inactive operation; `env` gives the instance (BAD_STATE once it is closed). */
  constructor(env: (fn: string) => SignEnv) {
    this.#env = env;
  }

  /** Whether the operation is active. */
  get active(): boolean {
    return this.op.active;
  }

  /** The algorithm of the active operation; 0 when inactive. */
  get alg(): number {
    return this.op.current?.alg ?? 0;
  }

  protected env(fn: string): SignEnv {
    return this.#env(fn);
  }

  /** Set up: checks common to sign and verify, then the key (policy, compatibility). */
  protected start(key: number, alg: number, isSign: boolean, signature: Uint8Array | undefined, fn: string): void {
    this.op.run(fn, () => {
      this.op.requireIdle(fn);
      const id = checkUint(key, fn, 'key');
      const a = checkUint(alg, fn, 'alg');
      const env = this.env(fn);
      checkSignAlg(env.hashes, true, a, new Uint8Array(0), fn);
      if (isSign && isMessageOnly(a)) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a, 'alg')} cannot sign a fragmented message`);
      }
      withKey(env.ctx, id, isSign ? PSA_KEY_USAGE_SIGN_MESSAGE : PSA_KEY_USAGE_VERIFY_MESSAGE, a, fn, (slot) => {
        if (isSign) checkSigningKey(slot, a, undefined, fn);
        if (!signKeyCompatible(slot.attributes.type, a)) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(a, 'alg')} cannot be used with ${describe(slot.attributes.type, 'keyType')}`);
        }
      });
      const hash = isMessageOnly(a) ? undefined : env.hashes.setup(signHashAlg(a));
      this.op.start({ key: id, alg: a, hash, parts: [], context: new Uint8Array(0), started: false, signature });
    });
  }

  /** `psa_*_set_context`: once, before any update. */
  protected setContextOf(context: Uint8Array, fn: string): void {
    const s = this.op.require(fn);
    this.op.run(fn, () => {
      if (s.started) fail(PSA_ERROR_BAD_STATE, `${fn}: too late for a context`);
      const c = checkBytes(context, fn, 'context');
      checkContext(s.alg, c, fn);
      s.context = copyBytes(c);
      s.started = true;
    });
  }

  /** `psa_*_update`: feed a fragment. */
  protected updateWith(input: Uint8Array, fn: string): void {
    const s = this.op.require(fn);
    this.op.run(fn, () => {
      const data = checkBytes(input, fn, 'input');
      s.started = true;
      if (data.length === 0) return;
      if (s.hash) s.hash.update(data);
      else s.parts.push(copyBytes(data));
    });
  }

  /** `psa_sign_abort` / `psa_verify_abort`: valid in any state. It throws only what the hash driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.op.abort();
  }
}

/**
 * A multipart sign operation (`psa_sign_operation_t`). A failure of a call
 * on an active operation aborts it (`operation.ts`); a BAD_STATE for an
 * inactive one changes nothing. Setup and finish can also give the
 * persistent-key statuses of `KeyMethods`.
 * @example
 * const op = psa.signSetup(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256));
 * op.update(part1);
 * op.update(part2);
 * const signature = op.finish();
 */
export class SignOperation extends SignatureOperation {
  /**
   * `psa_sign_setup` (key pair with SIGN_MESSAGE; a hash-and-sign algorithm).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is already active (it is aborted), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `key` or `alg` not an integer, `alg` not a message signature algorithm, a wildcard hash, a message-only algorithm (PureEdDSA, EdDSA with context), a key that is not a fitting key pair
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the algorithm's hash is not implemented
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks SIGN_MESSAGE or does not permit `alg`
   */
  setup(key: number, alg: number): void {
    this.start(key, alg, true, undefined, 'psa_sign_setup');
  }

  /**
   * `psa_sign_set_context`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or a context or input was already given
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a non-empty context for an algorithm that takes none, one longer than 255 bytes, or not a `Uint8Array`
   */
  setContext(context: Uint8Array): void {
    this.setContextOf(context, 'psa_sign_set_context');
  }

  /**
   * `psa_sign_update`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `input` is not a `Uint8Array`
   */
  update(input: Uint8Array): void {
    this.updateWith(input, 'psa_sign_update');
  }

  /**
   * `psa_sign_finish`: the signature; `signatureSize` is the C caller's buffer size (optional).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: the key was destroyed since setup
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the key id now names a key whose policy does not permit this
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `signatureSize` below the signature length
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `signatureSize` is not a length, or an RSA key too short for the hash
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver signs with `alg` and this key
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: a randomized algorithm got no random bytes
   */
  finish(signatureSize?: number): Uint8Array {
    const fn = 'psa_sign_finish';
    const s = this.op.require(fn);
    return this.op.run(fn, () => {
      const size = signatureSize === undefined ? undefined : checkLength(signatureSize, fn, 'signature_size');
      const env = this.env(fn);
      const signature = withKey(env.ctx, s.key, PSA_KEY_USAGE_SIGN_MESSAGE, s.alg, fn, (slot) => {
        checkSigningKey(slot, s.alg, size, fn);
        const digest = s.hash!.finish();
        return fitSignature(driverSignHash(env, slot, s.alg, digest, s.context, fn), size, fn);
      });
      this.abort();
      return signature;
    });
  }
}

/**
 * A multipart verify operation (`psa_verify_operation_t`). A failure of a
 * call on an active operation aborts it (`operation.ts`); a BAD_STATE for an
 * inactive one changes nothing. Setup and finish can also give the
 * persistent-key statuses of `KeyMethods`.
 * @example
 * const op = psa.verifySetup(publicKey, PSA_ALG_ECDSA(PSA_ALG_SHA_256), signature);
 * op.update(part1);
 * op.update(part2);
 * op.finish(); // throws PSA_ERROR_INVALID_SIGNATURE unless valid
 */
export class VerifyOperation extends SignatureOperation {
  /**
   * `psa_verify_setup` (VERIFY_MESSAGE; any message signature algorithm).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is already active (it is aborted), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `key` or `alg` not an integer, `signature` not a `Uint8Array`, `alg` not a message signature algorithm, a wildcard hash, a key type that does not fit `alg`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the algorithm's hash is not implemented
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks VERIFY_MESSAGE or does not permit `alg`
   */
  setup(key: number, alg: number, signature: Uint8Array): void {
    const fn = 'psa_verify_setup';
    if (this.active) {
      this.start(key, alg, false, undefined, fn);
      return;
    }
    const sig = copyBytes(checkBytes(signature, fn, 'signature'));
    this.start(key, alg, false, sig, fn);
  }

  /**
   * `psa_verify_set_context`.
   * @throws {PsaError} as `SignOperation.setContext`
   */
  setContext(context: Uint8Array): void {
    this.setContextOf(context, 'psa_verify_set_context');
  }

  /**
   * `psa_verify_update`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `input` is not a `Uint8Array`
   */
  update(input: Uint8Array): void {
    this.updateWith(input, 'psa_verify_update');
  }

  /**
   * `psa_verify_finish`: INVALID_SIGNATURE when the signature does not match; the operation ends.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the signature is not valid for the message
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: the key was destroyed since setup
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the key id now names a key whose policy does not permit this
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an RSA key too short for the hash
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver verifies with `alg` and this key
   */
  finish(): void {
    const fn = 'psa_verify_finish';
    const s = this.op.require(fn);
    this.op.run(fn, () => {
      const env = this.env(fn);
      withKey(env.ctx, s.key, PSA_KEY_USAGE_VERIFY_MESSAGE, s.alg, fn, (slot) => {
        if (s.hash) {
          driverVerifyHash(env, slot, s.alg, s.hash.finish(), s.signature!, s.context, fn);
        } else {
          driverVerifyMessage(env, slot, s.alg, concatBytes(...s.parts), s.signature!, s.context, fn);
        }
      });
      this.abort();
    });
  }
}
