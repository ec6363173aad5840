/**
 * Mbed TLS's interruptible sign/verify hash operations
 * (`psa_sign_hash_start` / `_complete` / `_abort` / `_get_num_ops` and the
 * verify counterparts), with Mbed TLS's state rules: start on an operation
 * in use or in error is BAD_STATE; a failed start or complete puts it in
 * error until `abort`; success or failure of complete ends the operation but
 * keeps `num_ops` until `abort`.
 *
 * As in Mbed TLS, only ECDSA can be interrupted (other algorithms:
 * NOT_SUPPORTED at start).
 *
 * The work is split by the key's driver when it offers `signHashStart` /
 * `verifyHashStart` (the software driver does for ECDSA:
 * `ecdsa-interruptible.ts`, with Mbed TLS's op weights). The job is created
 * at start with its own copy of the key, as Mbed TLS loads the key at start;
 * `complete` runs it within the `max_ops` budget and `get_num_ops` reports
 * the ops it spent. A driver without those entry points gets two coarse
 * steps: (1) the key is looked up again and its policy and type re-checked,
 * (2) the signature is computed or verified in one piece.
 * @module
 */
import { withKey } from '../keys/management.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_ALG_IS_ECDSA, PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED, PSA_KEY_TYPE_IS_ECC, PSA_KEY_TYPE_IS_KEY_PAIR, PSA_SIGN_OUTPUT_SIZE, PSA_KEY_USAGE_SIGN_HASH, PSA_KEY_USAGE_VERIFY_HASH, describe } from '../../values/index.js';
import type { InterruptibleJob } from '../../drivers/sign.js';
import { PsaError } from '../../values/error.js';
import type { KeySlot } from '../keys/slot.js';

import { driverSignHash, driverVerifyHash, fitSignature, type SignEnv } from './index.js';
import { checkSignAlg, signKeyCompatible } from './rules.js';
import { driverAttributes } from '../keys/attributes.js';
import { copyBytes } from '../../bytes.js';
import { OperationState } from '../operation.js';

/** Steps of one signature or verification (see the module comment). */
const STEPS = 2;

const NO_CONTEXT = new Uint8Array(0);

/** What a started operation keeps. */
interface Started {
  readonly key: number;
  readonly alg: number;
  readonly hash: Uint8Array;
  readonly signature: Uint8Array | undefined;
  /** The signature size of the key with `alg` (`PSA_SIGN_OUTPUT_SIZE`). */
  readonly size: number;
  /** The driver's split computation, when its driver has one; otherwise the coarse steps. */
  readonly job: InterruptibleJob<Uint8Array | true> | undefined;
  done: number;
}

/** Common part of the interruptible sign and verify operations. */
abstract class InterruptibleHashOperation {
  readonly #env: (fn: string) => SignEnv;
  #numOps = 0;
  /** The started operation; a failed start or complete leaves it in error until `abort`. */
  readonly #op = new OperationState<Started>({
    reset: () => {
      this.#numOps = 0;
    },
    onFailure: 'error',
    notActive: (fn) => `${fn}: the operation has not been started`,
    busy: (fn) => `${fn}: the operation is in use`,
  });

  /** An inactive operation over the instance given by `env`. */
  constructor(env: (fn: string) => SignEnv) {
    this.#env = env;
  }

  /** Whether start succeeded and the operation has not ended. */
  get active(): boolean {
    return this.#op.active;
  }

  /** `psa_*_hash_get_num_ops`: steps done since start (kept after the end, 0 after abort). */
  get numOps(): number {
    return this.#numOps;
  }

  protected env(fn: string): SignEnv {
    return this.#env(fn);
  }

  /** The start checks of Mbed TLS, in its order; on failure the operation is in error. */
  protected begin(key: number, alg: number, hash: Uint8Array, signature: Uint8Array | undefined, isSign: boolean, fn: string): void {
    this.#op.requireIdle(fn);
    this.#op.run(fn, () => {
      const env = this.env(fn);
      checkSignAlg(env.hashes, false, alg, NO_CONTEXT, fn);
      const size = this.#checkKey(env, key, alg, isSign, fn);
      const job = withKey(env.ctx, key, 0, 0, fn, (slot) => this.startJob(env, slot, alg, hash, signature, fn));
      this.#numOps = 0;
      this.#op.start({ key, alg, hash: copyBytes(hash), signature: signature && copyBytes(signature), size, job, done: 0 });
    });
  }

  /** The key checks of start (repeated as step 1); returns the signature size. */
  #checkKey(env: SignEnv, key: number, alg: number, isSign: boolean, fn: string): number {
    return withKey(env.ctx, key, isSign ? PSA_KEY_USAGE_SIGN_HASH : PSA_KEY_USAGE_VERIFY_HASH, alg, fn, (slot) => {
      if (isSign && !PSA_KEY_TYPE_IS_KEY_PAIR(slot.attributes.type)) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(slot.attributes.type, 'keyType')} is not a key pair`);
      }
      if (!PSA_KEY_TYPE_IS_ECC(slot.attributes.type) || !PSA_ALG_IS_ECDSA(alg)) {
        fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: only ECDSA can be interrupted`);
      }
      if (!signKeyCompatible(slot.attributes.type, alg)) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} cannot be used with ${describe(slot.attributes.type, 'keyType')}`);
      }
      return PSA_SIGN_OUTPUT_SIZE(slot.attributes.type, slot.attributes.bits, alg);
    });
  }

  /**
   * Run up to `maxOps` steps; `last` does step 2 and returns its result.
   * `undefined` means INCOMPLETE. Ends the operation on success or failure.
   */
  protected advance<T>(maxOps: number, isSign: boolean, fn: string, precheck: (s: Started) => void, last: (s: Started, env: SignEnv) => T): T | undefined {
    return this.#op.run(fn, () => {
      const s = this.#op.require(fn);
      precheck(s);
      if (s.job) {
        const result = s.job.step(maxOps === PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED ? maxOps : Math.max(1, maxOps));
        this.#numOps = s.job.numOps;
        if (result === undefined) return undefined;
        this.#op.end();
        return this.finishJob(result, s) as T;
      }
      const env = this.env(fn);
      let budget = maxOps === PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED ? STEPS : Math.max(1, maxOps);
      let result: T | undefined;
      while (budget > 0 && s.done < STEPS) {
        if (s.done === 0) this.#checkKey(env, s.key, s.alg, isSign, fn);
        else result = last(s, env);
        s.done++;
        this.#numOps++;
        budget--;
      }
      if (s.done < STEPS) return undefined;
      this.#op.end();
      return result as T;
    });
  }

  /**
   * The driver's split computation for this key. NOT_SUPPORTED means the
   * key's driver has none; the operation then uses the coarse steps.
   */
  protected abstract createJob(env: SignEnv, slot: KeySlot, alg: number, hash: Uint8Array, signature: Uint8Array | undefined, fn: string): InterruptibleJob<Uint8Array | true>;

  /** What `complete` returns for a finished job. */
  protected abstract finishJob(result: Uint8Array | true, s: Started): unknown;

  /** `createJob`, with `undefined` when the driver has no split computation. */
  private startJob(env: SignEnv, slot: KeySlot, alg: number, hash: Uint8Array, signature: Uint8Array | undefined, fn: string): InterruptibleJob<Uint8Array | true> | undefined {
    try {
      return this.createJob(env, slot, alg, hash, signature, fn);
    } catch (err) {
      if (err instanceof PsaError && err.status === PSA_ERROR_NOT_SUPPORTED) return undefined;
      throw err;
    }
  }

  /** `psa_sign_hash_abort` / `psa_verify_hash_abort`: ends the operation, clears the error state and the op count; never throws. */
  abort(): void {
    this.#op.abort();
  }
}

/**
 * `psa_sign_hash_interruptible_operation_t`. A failure does not abort: a
 * failed `start` or `complete` leaves the operation in error (`OperationState`
 * in `'error'` mode), where both give BAD_STATE until `abort`. Both can also
 * give the persistent-key statuses of `KeyMethods`.
 */
export class SignHashInterruptible extends InterruptibleHashOperation {
  /**
   * `psa_sign_hash_start`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is started or in error (nothing changes), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks SIGN_HASH or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a wildcard hash, a key that is not a key pair, or a Montgomery or Edwards key
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: not ECDSA with an ECC key, or the algorithm's hash is not implemented
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: randomized ECDSA got no random bytes
   */
  start(key: number, alg: number, hash: Uint8Array): void {
    this.begin(key, alg, hash, undefined, true, 'psa_sign_hash_start');
  }

  protected createJob(env: SignEnv, slot: KeySlot, alg: number, hash: Uint8Array, _signature: Uint8Array | undefined, fn: string): InterruptibleJob<Uint8Array> {
    const a = slot.attributes;
    return env.ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.signHashStart !== undefined,
      (d) => d.signHashStart!(driverAttributes(a), slot.keyBuffer, alg, hash, (n) => env.ctx.rng.generate(n)));
  }

  protected finishJob(result: Uint8Array | true): Uint8Array {
    return result as Uint8Array;
  }

  /**
   * `psa_sign_hash_complete`: the signature, or `undefined` for PSA_OPERATION_INCOMPLETE.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not started or in error, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `signatureSize` 0 or below `PSA_SIGN_OUTPUT_SIZE`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: deterministic ECDSA without a hash
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: the key was destroyed since start (a driver without `signHashStart`: the key is looked up again)
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the key id now names a key whose policy does not permit this (likewise)
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver signs with `alg` and this key (likewise)
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: randomized ECDSA got no random bytes (likewise)
   */
  complete(maxOps: number, signatureSize?: number): Uint8Array | undefined {
    const fn = 'psa_sign_hash_complete';
    return this.advance(maxOps, true, fn, (s) => {
      if (signatureSize === 0) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: empty signature buffer`);
      if (signatureSize !== undefined && signatureSize < s.size) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: signature buffer of ${signatureSize} bytes, ${s.size} needed`);
      }
    }, (s, env) => withKey(env.ctx, s.key, PSA_KEY_USAGE_SIGN_HASH, s.alg, fn,
      (slot) => fitSignature(driverSignHash(env, slot, s.alg, s.hash, NO_CONTEXT, fn), signatureSize, fn)));
  }
}

/**
 * `psa_verify_hash_interruptible_operation_t`. A failure does not abort: a
 * failed `start` or `complete` leaves the operation in error (`OperationState`
 * in `'error'` mode), where both give BAD_STATE until `abort`. Both can also
 * give the persistent-key statuses of `KeyMethods`.
 */
export class VerifyHashInterruptible extends InterruptibleHashOperation {
  /**
   * `psa_verify_hash_start`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is started or in error (nothing changes), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks VERIFY_HASH or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a wildcard hash, or a Montgomery or Edwards key
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: not ECDSA with an ECC key, or the algorithm's hash is not implemented
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: a signature of the wrong length (software driver)
   */
  start(key: number, alg: number, hash: Uint8Array, signature: Uint8Array): void {
    this.begin(key, alg, hash, signature, false, 'psa_verify_hash_start');
  }

  protected createJob(env: SignEnv, slot: KeySlot, alg: number, hash: Uint8Array, signature: Uint8Array | undefined, fn: string): InterruptibleJob<true> {
    const a = slot.attributes;
    return env.ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.verifyHashStart !== undefined,
      (d) => d.verifyHashStart!(driverAttributes(a), slot.keyBuffer, alg, hash, signature!));
  }

  protected finishJob(): true {
    return true;
  }

  /**
   * `psa_verify_hash_complete`: true when verified, false for PSA_OPERATION_INCOMPLETE; INVALID_SIGNATURE throws.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the signature is not valid for the hash
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not started or in error, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: the key was destroyed since start (a driver without `verifyHashStart`: the key is looked up again)
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the key id now names a key whose policy does not permit this (likewise)
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver verifies with `alg` and this key (likewise)
   */
  complete(maxOps: number): boolean {
    const fn = 'psa_verify_hash_complete';
    const done = this.advance(maxOps, false, fn, () => undefined, (s, env) => {
      withKey(env.ctx, s.key, PSA_KEY_USAGE_VERIFY_HASH, s.alg, fn,
        (slot) => driverVerifyHash(env, slot, s.alg, s.hash, s.signature!, NO_CONTEXT, fn));
      return true;
    });
    return done === true;
  }
}
