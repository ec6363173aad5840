/**
 * Mbed TLS's interruptible key operations (TF-PSA-Crypto 1.0,
 * `MBEDTLS_ECP_RESTARTABLE`): `psa_generate_key_iop_t`,
 * `psa_export_public_key_iop_t` and `psa_key_agreement_iop_t`, with the
 * checks, their order and the state rules of Mbed TLS's `psa_crypto.c`:
 * - setup on an operation in use, or in error, is BAD_STATE;
 * - a failed setup or complete puts the operation in error until `abort`;
 * - complete ends the operation when it is not INCOMPLETE, keeping
 *   `num_ops` until `abort` (or the next setup); a finished key agreement
 *   stays in error even after success, so a new setup needs `abort` first;
 * - only ECC keys in local storage are supported (NOT_SUPPORTED otherwise).
 * The work is split by the key's transparent driver
 * (`exportPublicKeyStart` / `keyAgreementStart`); key generation has no
 * arithmetic to split (it draws a private key), and reports 1 op, as Mbed TLS.
 * @module
 */
import type { InterruptibleJob } from '../drivers/sign.js';
import { fail } from '../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import {
  PSA_ALG_ECDH,
  PSA_ALG_IS_RAW_KEY_AGREEMENT,
  PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_IS_ASYMMETRIC,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  describe,
} from '../values/index.js';
import { driverAttributes, type ResolvedKeyAttributes } from './keys/attributes.js';
import type { CoreContext } from './context.js';
import { generateKey, importKey, withKey } from './keys/management.js';
import type { KeySlot } from './keys/slot.js';
import { copyBytes } from '../bytes.js';
import { OperationState } from './operation.js';
import { MBEDTLS_ECP_DP_NONE, mbedtls_ecc_group_from_psa } from '../values/ecp-groups.js';
import { PSA_KEY_TYPE_ECC_GET_FAMILY } from '../values/index.js';


/** Keys in a secure element cannot be used here (Mbed TLS's transparent-slot lookup). */
function requireLocal(slot: KeySlot, fn: string): void {
  if (PSA_KEY_LIFETIME_GET_LOCATION(slot.attributes.lifetime) !== 0) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: only keys in local storage can be used`);
}

/** NOT_SUPPORTED for a curve Mbed TLS's ECC code does not have (Edwards curves, and the extra curves of this package). */
function requireMbedtlsCurve(type: number, bits: number, fn: string): void {
  if (mbedtls_ecc_group_from_psa(PSA_KEY_TYPE_ECC_GET_FAMILY(type), bits) === MBEDTLS_ECP_DP_NONE) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bits}-bit ${describe(type, 'keyType')} keys cannot be used interruptibly`);
  }
}

/** The op budget of one complete call: 0 counts as 1. */
const budget = (maxOps: number): number => (maxOps === PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED ? maxOps : Math.max(1, maxOps));

/**
 * The state common to the three operations: an `OperationState` in error
 * mode (a failed setup or complete leaves the operation in error until
 * `abort`) over the work in progress `Ctx`, and the op count.
 */
abstract class IopOperation<Ctx> {
  protected readonly core: (fn: string) => CoreContext;
  #numOps = 0;
  protected readonly op = new OperationState<Ctx>({
    reset: () => {
      this.#numOps = 0;
    },
    onFailure: 'error',
    notActive: (fn) => `${fn}: the operation is not set up`,
    busy: (fn) => `${fn}: the operation is in use or has failed (abort it first)`,
  });

  constructor(core: (fn: string) => CoreContext) {
    this.core = core;
  }

  /** Whether setup succeeded and the operation has not ended. */
  get active(): boolean {
    return this.op.active;
  }

  /** `psa_*_iop_get_num_ops`. */
  get numOps(): number {
    return this.#numOps;
  }

  protected set numOps(value: number) {
    this.#numOps = value;
  }

  /** Run `job` within `maxOps`: its result once done (the operation then ends), `undefined` while incomplete. */
  protected runJob(job: InterruptibleJob<Uint8Array>, maxOps: number): Uint8Array | undefined {
    const result = job.step(budget(maxOps));
    this.numOps = job.numOps;
    if (result !== undefined) this.op.end();
    return result;
  }

  /** `psa_generate_key_iop_abort` / `psa_export_public_key_iop_abort` / `psa_key_agreement_iop_abort`: valid in any state; clears the error and the op count; never throws. */
  abort(): void {
    this.op.abort();
  }
}

/**
 * `psa_generate_key_iop_t`: the work in progress is the new key's attributes.
 * A failure does not abort: a failed setup or complete leaves the operation
 * in error (`OperationState` in `'error'` mode) until `abort`.
 */
export class GenerateKeyIop extends IopOperation<ResolvedKeyAttributes> {
  /**
   * `psa_generate_key_iop_setup`: ECC key pairs of a supported curve (NOT_SUPPORTED for other types, checked first).
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: not an ECC type, or a curve Mbed TLS's ECC code does not have (Edwards, this package's extra curves)
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is in use or in error, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: no key size, or a public-key type
   */
  setup(attributes: ResolvedKeyAttributes): void {
    const fn = 'psa_generate_key_iop_setup';
    this.op.run(fn, () => {
      if (!PSA_KEY_TYPE_IS_ECC(attributes.type)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: only ECC keys can be generated interruptibly`);
      this.op.requireIdle(fn);
      if (attributes.bits === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key size must be given`);
      if (PSA_KEY_TYPE_IS_PUBLIC_KEY(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(attributes.type, 'keyType')} is a public key type`);
      requireMbedtlsCurve(attributes.type, attributes.bits, fn);
      this.core(fn);
      this.numOps = 0;
      this.op.start({ ...attributes });
    });
  }

  /**
   * `psa_generate_key_iop_complete`: the new key's id (generation is one step).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not set up or in error, or the instance is closed
   * @throws {PsaError} and the statuses of `psa_generate_key` (`KeyMethods.generateKey`)
   */
  complete(): number {
    const fn = 'psa_generate_key_iop_complete';
    const attributes = this.op.require(fn);
    return this.op.run(fn, () => {
      const id = generateKey(this.core(fn), attributes);
      this.numOps = 1;
      this.op.end();
      return id;
    });
  }
}

/**
 * `psa_export_public_key_iop_t`. A failure does not abort: a failed setup or
 * complete leaves the operation in error (`OperationState` in `'error'`
 * mode) until `abort`. Setup can also give the persistent-key statuses of `KeyMethods`.
 */
export class ExportPublicKeyIop extends IopOperation<InterruptibleJob<Uint8Array>> {
  /**
   * `psa_export_public_key_iop_setup`: an ECC key (no usage needed: a public key is never secret).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is in use or in error (nothing changes), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a key type with no public key
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key not in local storage, not an ECC key, or on a curve Mbed TLS's ECC code does not have
   */
  setup(key: number): void {
    const fn = 'psa_export_public_key_iop_setup';
    this.op.requireIdle(fn);
    this.op.run(fn, () => {
      this.numOps = 0;
      const ctx = this.core(fn);
      this.op.start(withKey(ctx, key, 0, 0, fn, (slot) => {
        requireLocal(slot, fn);
        const type = slot.attributes.type;
        if (!PSA_KEY_TYPE_IS_ASYMMETRIC(type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(type, 'keyType')} has no public key`);
        if (!PSA_KEY_TYPE_IS_ECC(type)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: only ECC public keys can be exported interruptibly`);
        requireMbedtlsCurve(type, slot.attributes.bits, fn);
        const attributes = driverAttributes(slot.attributes);
        const keyBuffer = copyBytes(slot.keyBuffer);
        return ctx.dispatch.transparentCall(fn, (d) => d.exportPublicKeyStart !== undefined, (d) => d.exportPublicKeyStart!(attributes, keyBuffer));
      }));
    });
  }

  /**
   * `psa_export_public_key_iop_complete`: the public key, or `undefined` for
   * PSA_OPERATION_INCOMPLETE. `dataSize` is the C caller's buffer size.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not set up or in error
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `dataSize` below the public key's length
   */
  complete(maxOps: number, dataSize?: number): Uint8Array | undefined {
    const fn = 'psa_export_public_key_iop_complete';
    const job = this.op.require(fn);
    return this.op.run(fn, () => {
      const result = this.runJob(job, maxOps);
      if (result === undefined) return undefined;
      if (dataSize !== undefined && result.length > dataSize) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ${result.length} bytes do not fit in ${dataSize}`);
      return result;
    });
  }
}

/** The key types a shared secret may become (Mbed TLS's `validate_key_agreement_params`). */
const AGREEMENT_OUTPUT_TYPES: readonly number[] = [PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_RAW_DATA, PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_PASSWORD];

/** The work in progress of a key agreement: the driver's job and the new key's attributes. */
interface Agreement {
  readonly job: InterruptibleJob<Uint8Array>;
  readonly attributes: ResolvedKeyAttributes;
}

/**
 * `psa_key_agreement_iop_t`. A failure does not abort: a failed setup or
 * complete leaves the operation in error (`OperationState` in `'error'`
 * mode) until `abort`, and so does a finished one. Setup can also give the
 * persistent-key statuses of `KeyMethods`.
 */
export class KeyAgreementIop extends IopOperation<Agreement> {
  /**
   * `psa_key_agreement_iop_setup`: ECDH with an ECC key pair (usage DERIVE), the secret to become a key with `attributes`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is in use, in error or finished (nothing changes), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: `alg` is not a raw key agreement, a key not in local storage, or a curve Mbed TLS's ECC code does not have
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: attributes a shared secret cannot have, an algorithm other than ECDH, a key that is not an ECC key pair, an invalid `peerKey`
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DERIVE or does not permit `alg`
   */
  setup(privateKey: number, peerKey: Uint8Array, alg: number, attributes: ResolvedKeyAttributes): void {
    const fn = 'psa_key_agreement_iop_setup';
    this.op.requireIdle(fn);
    this.op.run(fn, () => {
      if (!PSA_ALG_IS_RAW_KEY_AGREEMENT(alg)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not a raw key agreement`);
      if (!AGREEMENT_OUTPUT_TYPES.includes(attributes.type)) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a shared secret cannot become a ${describe(attributes.type, 'keyType')} key`);
      }
      const ctx = this.core(fn);
      const peer = copyBytes(peerKey);
      const job = withKey(ctx, privateKey, PSA_KEY_USAGE_DERIVE, alg, fn, (slot) => {
        requireLocal(slot, fn);
        if (alg !== PSA_ALG_ECDH) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: only ECDH can be interrupted`);
        if (PSA_KEY_TYPE_IS_ECC(slot.attributes.type)) requireMbedtlsCurve(slot.attributes.type, slot.attributes.bits, fn);
        const a = driverAttributes(slot.attributes);
        const keyBuffer = copyBytes(slot.keyBuffer);
        return ctx.dispatch.transparentCall(fn, (d) => d.keyAgreementStart !== undefined, (d) => d.keyAgreementStart!(a, keyBuffer, alg, peer));
      });
      this.op.start({ job, attributes: { ...attributes } });
      this.numOps = job.numOps;
    });
  }

  /**
   * `psa_key_agreement_iop_complete`: the new key's id, or `undefined` for
   * PSA_OPERATION_INCOMPLETE. Whatever the outcome, a finished operation
   * needs `abort` before the next setup (Mbed TLS).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not set up, in error or finished, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: the shared point is the point at infinity
   * @throws {PsaError} and the key-creation statuses of `importKey` for the new key
   */
  complete(maxOps: number): number | undefined {
    const fn = 'psa_key_agreement_iop_complete';
    const { job, attributes } = this.op.require(fn);
    return this.op.run(fn, () => {
      const result = this.runJob(job, maxOps);
      if (result === undefined) return undefined;
      this.op.markError();
      try {
        return importKey(this.core(fn), attributes, result);
      } finally {
        result.fill(0);
      }
    });
  }
}
