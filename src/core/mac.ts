/**
 * The PSA MAC functions: `psa_mac_compute`, `psa_mac_verify` and the
 * multipart `psa_mac_operation_t` (sign/verify setup, update, sign/verify
 * finish, abort), with the checks, their order and the statuses of Mbed TLS
 * (`psa_crypto.c`): key policy first (usage SIGN_MESSAGE or VERIFY_MESSAGE,
 * a specific algorithm), then algorithm/key compatibility and MAC length,
 * then the caller's buffer. Any failure of an active operation aborts it.
 *
 * The policy check of a request is Mbed TLS's (`acquireKey` in
 * `keys/management.ts` with `isRequestWildcard` in `keys/policy.ts`, the one
 * rule for every function that takes a key): HMAC(ANY_HASH) is a specific
 * algorithm there, so an HMAC-SHA-256 key refuses it with NOT_PERMITTED and
 * a key whose policy is HMAC(ANY_HASH) reaches the MAC length check, which
 * answers NOT_SUPPORTED (no hash, so a 0-byte MAC).
 * @module
 */
import type { MacContext } from '../drivers/mac.js';
import { asPsaError, fail } from '../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
} from '../values/status.js';
import {
  PSA_ALG_FULL_LENGTH_MAC,
  PSA_ALG_IS_BLAKE2_MAC,
  PSA_ALG_IS_MAC,
  PSA_HASH_LENGTH,
  PSA_KEY_TYPE_BLAKE2,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_MAC_LENGTH,
  PSA_MAC_MAX_SIZE,
  describe,
} from '../values/index.js';
import { driverAttributes } from './keys/attributes.js';
import type { CoreContext } from './context.js';
import type { KeySlot } from './keys/slot.js';
import { withKey } from './keys/management.js';
import { macKeyCanDo } from './keys/policy.js';
import { checkBytes, checkLength, checkUint, constantTimeEqual } from './validate.js';
import { copyRange } from '../bytes.js';
import { OperationState } from './operation.js';

/** Shortest MAC accepted (Mbed TLS: shorter ones can be brute-forced). */
export const MAC_MIN_LENGTH = 4;

/** `psa_mac_key_can_do`, extended with BLAKE2 MAC (PSA 1.5): a BLAKE2 key no longer than the hash output. */
export function macKeyCompatible(alg: number, keyType: number, keyBits: number): boolean {
  const full = PSA_ALG_FULL_LENGTH_MAC(alg);
  if (PSA_ALG_IS_BLAKE2_MAC(full)) {
    return keyType === PSA_KEY_TYPE_BLAKE2 && keyBits > 0 && keyBits <= 8 * PSA_HASH_LENGTH(full);
  }
  return macKeyCanDo(alg, keyType);
}

/**
 * `psa_mac_finalize_alg_and_key_validation`: the MAC length of `alg` with
 * this key. INVALID_ARGUMENT for a non-MAC or an incompatible key type, or a
 * truncation longer than the full MAC; NOT_SUPPORTED for a MAC shorter than
 * 4 bytes or longer than `PSA_MAC_MAX_SIZE` (an unknown hash).
 */
export function macLengthFor(alg: number, keyType: number, keyBits: number, fn: string): number {
  if (!PSA_ALG_IS_MAC(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is not a MAC algorithm`);
  if (!macKeyCompatible(alg, keyType, keyBits)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} cannot be used with a ${keyBits}-bit ${describe(keyType, 'keyType')} key`);
  }
  const length = PSA_MAC_LENGTH(keyType, keyBits, alg);
  if (length < MAC_MIN_LENGTH) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: a MAC of ${length} bytes is not supported`);
  if (length > PSA_MAC_LENGTH(keyType, keyBits, PSA_ALG_FULL_LENGTH_MAC(alg))) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is longer than the full MAC`);
  }
  if (length > PSA_MAC_MAX_SIZE) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(alg, 'alg')} is not supported`);
  return length;
}

/** The first `length` bytes of a driver's MAC; the driver's buffer is wiped. */
function truncate(full: Uint8Array, length: number, fn: string): Uint8Array {
  if (!(full instanceof Uint8Array) || full.length < length) {
    fail(PSA_ERROR_GENERIC_ERROR, `${fn}: the driver returned a MAC shorter than ${length} bytes`);
  }
  const out = copyRange(full, 0, length);
  full.fill(0);
  return out;
}

/** Start a multipart MAC in the key's driver. */
function startContext(ctx: CoreContext, slot: KeySlot, alg: number, fn: string): MacContext {
  const a = slot.attributes;
  return ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.macSetup !== undefined,
    (d) => d.macSetup!(driverAttributes(a), slot.keyBuffer, alg));
}

/** The full MAC of `input` from the key's driver (single-part entry point, else setup/update/finish). */
function computeFull(ctx: CoreContext, slot: KeySlot, alg: number, input: Uint8Array, fn: string): Uint8Array {
  const a = slot.attributes;
  return ctx.dispatch.keyCall(a.lifetime, fn, (d) => d.macCompute !== undefined || d.macSetup !== undefined, (d) => {
    if (d.macCompute) return d.macCompute(driverAttributes(a), slot.keyBuffer, alg, input);
    const mac = d.macSetup!(driverAttributes(a), slot.keyBuffer, alg);
    try {
      if (input.length > 0) mac.update(input);
      return mac.finish();
    } finally {
      mac.destroy();
    }
  });
}

/** The truncated MAC of `input` with key `key`, checked as Mbed TLS does. */
function computeMac(ctx: CoreContext, key: number, alg: number, input: Uint8Array, usage: number, fn: string, macSize?: number): Uint8Array {
  return withKey(ctx, key, usage, alg, fn, (slot) => {
    const length = macLengthFor(alg, slot.attributes.type, slot.attributes.bits, fn);
    if (macSize !== undefined && macSize < length) {
      fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: MAC buffer of ${macSize} bytes, ${length} needed`);
    }
    return truncate(computeFull(ctx, slot, alg, input, fn), length, fn);
  });
}

/**
 * `psa_mac_compute`: the MAC of `input` (needs SIGN_MESSAGE). `macSize`,
 * the C caller's buffer size, is optional: below the MAC length it gives
 * BUFFER_TOO_SMALL.
 */
export function macCompute(ctx: CoreContext, key: number, alg: number, input: Uint8Array, macSize?: number): Uint8Array {
  const fn = 'psa_mac_compute';
  try {
    return computeMac(ctx, key, alg, input, PSA_KEY_USAGE_SIGN_MESSAGE, fn, macSize);
  } catch (err) {
    throw asPsaError(err);
  }
}

/**
 * `psa_mac_verify` (needs VERIFY_MESSAGE): succeed when `mac` is the MAC of
 * `input`, else INVALID_SIGNATURE (a wrong length too). Constant-time comparison.
 */
export function macVerify(ctx: CoreContext, key: number, alg: number, input: Uint8Array, mac: Uint8Array): void {
  const fn = 'psa_mac_verify';
  let actual: Uint8Array;
  try {
    actual = computeMac(ctx, key, alg, input, PSA_KEY_USAGE_VERIFY_MESSAGE, fn);
  } catch (err) {
    throw asPsaError(err);
  }
  const equal = constantTimeEqual(actual, mac);
  actual.fill(0);
  if (!equal) fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: MAC mismatch`);
}

/**
 * A multipart MAC (`psa_mac_operation_t`). Constructed inactive; a sign or
 * verify setup makes it active; finish, abort or any failure make it
 * inactive again. The driver context holds what it derived from the key, so
 * destroying the key during the operation does not affect it.
 *
 * A failure of a call on an active operation aborts it (Mbed TLS's rule,
 * `operation.ts`); a BAD_STATE for an inactive one changes nothing. The
 * setups can also give the persistent-key statuses of `KeyMethods`.
 * @example
 * const op = psa.macSignSetup(key, PSA_ALG_HMAC(PSA_ALG_SHA_256));
 * op.update(part1);
 * op.update(part2);
 * const tag = op.signFinish();
 */
export class MacOperation {
  readonly #core: (fn: string) => CoreContext;
  #alg = 0;
  #isSign = false;
  #length = 0;
  readonly #op = new OperationState<MacContext>({
    release: (ctx) => ctx.destroy(),
    reset: () => {
      this.#alg = 0;
      this.#isSign = false;
      this.#length = 0;
    },
    notActive: (fn) => `${fn}: the MAC operation is not active`,
    busy: (fn) => `${fn}: the MAC operation is already active`,
  });

  /** An inactive operation; `core` gives the instance's context (BAD_STATE once it is closed). */
  constructor(core: (fn: string) => CoreContext) {
    this.#core = core;
  }

  /** Whether the operation is active (set up and not yet finished or aborted). */
  get active(): boolean {
    return this.#op.active;
  }

  /** The algorithm of the active operation; 0 (`PSA_ALG_NONE`) when inactive. */
  get alg(): number {
    return this.#alg;
  }

  /** Whether the active operation is a sign operation (false when inactive or verifying). */
  get isSign(): boolean {
    return this.#isSign;
  }

  /** The MAC length of the active operation; 0 when inactive. */
  get macLength(): number {
    return this.#length;
  }

  #setup(key: number, alg: number, isSign: boolean, fn: string): void {
    this.#op.run(fn, () => {
      this.#op.requireIdle(fn);
      const id = checkUint(key, fn, 'key');
      const a = checkUint(alg, fn, 'alg');
      const usage = isSign ? PSA_KEY_USAGE_SIGN_MESSAGE : PSA_KEY_USAGE_VERIFY_MESSAGE;
      const ctx = this.#core(fn);
      withKey(ctx, id, usage, a, fn, (slot) => {
        const length = macLengthFor(a, slot.attributes.type, slot.attributes.bits, fn);
        this.#op.start(startContext(ctx, slot, a, fn));
        this.#alg = a;
        this.#isSign = isSign;
        this.#length = length;
      });
    });
  }

  /**
   * `psa_mac_sign_setup` (needs SIGN_MESSAGE). BAD_STATE, and abort, when already active.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is already active (it is aborted), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks SIGN_MESSAGE or does not permit `alg`
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `key` or `alg` not an integer, `alg` not a MAC algorithm, a key type it cannot use, a truncation longer than the full MAC, a key size the driver refuses
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a MAC shorter than 4 bytes or longer than `PSA_MAC_MAX_SIZE`, or no driver implements `alg` with this key
   */
  signSetup(key: number, alg: number): void {
    this.#setup(key, alg, true, 'psa_mac_sign_setup');
  }

  /**
   * `psa_mac_verify_setup` (needs VERIFY_MESSAGE). BAD_STATE, and abort, when already active.
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks VERIFY_MESSAGE or does not permit `alg`
   * @throws {PsaError} as `signSetup` otherwise
   */
  verifySetup(key: number, alg: number): void {
    this.#setup(key, alg, false, 'psa_mac_verify_setup');
  }

  /**
   * `psa_mac_update`: feed `input` (empty input is accepted and does nothing).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `input` is not a `Uint8Array` (the operation is aborted)
   */
  update(input: Uint8Array): void {
    const fn = 'psa_mac_update';
    const ctx = this.#op.require(fn);
    this.#op.run(fn, () => {
      const data = checkBytes(input, fn, 'input');
      if (data.length > 0) ctx.update(data);
    });
  }

  /**
   * `psa_mac_sign_finish`: the MAC; the operation becomes inactive.
   * BAD_STATE on a verify operation; `macSize`, the C caller's buffer size,
   * is optional: below the MAC length it gives BUFFER_TOO_SMALL.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or was set up for verification (it is aborted)
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `macSize` below the MAC length
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `macSize` is not a length, or CBC-MAC input that is not a non-empty whole number of blocks
   */
  signFinish(macSize?: number): Uint8Array {
    const fn = 'psa_mac_sign_finish';
    const ctx = this.#op.require(fn);
    return this.#op.run(fn, () => {
      if (!this.#isSign) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation was set up for verification`);
      const size = macSize === undefined ? undefined : checkLength(macSize, fn, 'mac_size');
      if (size !== undefined && size < this.#length) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: MAC buffer of ${size} bytes, ${this.#length} needed`);
      }
      const mac = truncate(ctx.finish(), this.#length, fn);
      this.abort();
      return mac;
    });
  }

  /**
   * `psa_mac_verify_finish`: compare with `mac` in constant time;
   * INVALID_SIGNATURE on mismatch (a wrong length too), BAD_STATE on a sign
   * operation. The operation becomes inactive.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: `mac` differs from the MAC or has another length
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is not active, or was set up for signing (it is aborted)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `mac` is not a `Uint8Array`, or CBC-MAC input that is not a non-empty whole number of blocks
   */
  verifyFinish(mac: Uint8Array): void {
    const fn = 'psa_mac_verify_finish';
    const ctx = this.#op.require(fn);
    this.#op.run(fn, () => {
      if (this.#isSign) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation was set up for signing`);
      const expected = checkBytes(mac, fn, 'mac');
      if (expected.length !== this.#length) fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: MAC length mismatch`);
      const actual = truncate(ctx.finish(), this.#length, fn);
      const equal = constantTimeEqual(actual, expected);
      actual.fill(0);
      if (!equal) fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: MAC mismatch`);
      this.abort();
    });
  }

  /** `psa_mac_abort`: wipe and release; valid in any state. It throws only what the driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.#op.abort();
  }
}
