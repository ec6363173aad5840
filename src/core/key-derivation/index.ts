/**
 * The key derivation operation (`psa_key_derivation_operation_t`): setup, capacity, inputs (bytes, integer, key, key agreement),
 * outputs (bytes, key, custom key), verification (bytes, key) and abort, with the checks, their order and the statuses of Mbed TLS (`psa_crypto.c`):
 * - a failed input aborts the operation (it becomes inactive);
 * - a failed output keeps the algorithm but drops the state and sets the capacity to 0, so later outputs give INSUFFICIENT_DATA, not BAD_STATE;
 * - output_key needs the SECRET or PASSWORD to come from a key or a key agreement (NOT_PERMITTED otherwise).
 * verify_bytes / verify_key, which Mbed TLS does not implement, follow the spec: a mismatch is INVALID_SIGNATURE and ends the operation's output;
 * an input key with VERIFY_DERIVATION but not DERIVE permits them and nothing else (output_bytes, output_key: NOT_PERMITTED; PSA 1.1+
 * `PSA_KEY_USAGE_VERIFY_DERIVATION`: "permits calling verify_bytes or verify_key" when every input key has it).
 * @module
 */
import type { KdfState } from '../../drivers/key-derivation.js';
import { asPsaError, fail } from '../../values/error.js';
import { OperationState } from '../operation.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INSUFFICIENT_DATA,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../values/status.js';
import {
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_KEY_AGREEMENT_GET_BASE,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_NONE,
  PSA_KEY_TYPE_PASSWORD_HASH,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_VERIFY_DERIVATION,
  describe,
} from '../../values/index.js';
import type { ResolvedKeyAttributes } from '../keys/attributes.js';
import type { CoreContext } from '../context.js';
import { createKey } from '../keys/creation.js';
import { keyAgreementSecret } from '../key-agreement.js';
import { checkCapacity, checkUint64, transparentMaterial } from './arguments.js';
import { derivedKeyData } from './keys.js';
import { inputAllowed, kdfAlgOf, setupCapacity } from './rules.js';
import { withKey, type CustomKeyParameters } from '../keys/management.js';
import { checkBytes, checkLength, checkObject, checkUint, constantTimeEqual } from '../validate.js';

/** The work of an operation that is set up: what `OperationState` holds. */
interface Derivation {
  readonly alg: number;
  capacity: number;
  /** The driver's KDF state; gone after a failed output (the algorithm stays). */
  state: KdfState | undefined;
  /** Whether the SECRET or PASSWORD came from a key or a key agreement. */
  canOutputKey: boolean;
  /** Whether an input key permits verification only. */
  verifyOnly: boolean;
}

/**
 * A key derivation operation. Constructed inactive; `setup` makes it active; `abort` or a failed input make it inactive again (a failed output keeps the algorithm with capacity 0).
 * Besides the statuses each method lists: `PSA_ERROR_BAD_STATE` when the operation is not set up (every method but `setup`,
 * `keyAgreement` and `abort`); `PSA_ERROR_INVALID_ARGUMENT` for an argument of the wrong JavaScript type; for a key id,
 * `PSA_ERROR_INVALID_HANDLE` (no such key), the persistent-key statuses of `KeyMethods`, and BAD_STATE once the instance is closed.
 * @example
 * const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_256));
 * op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt); op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, secretKey);
 * op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, info);
 * const okm = op.outputBytes(32); op.abort();
 */
export class KeyDerivationOperation {
  readonly #core: (fn: string) => CoreContext;
  readonly #op = new OperationState<Derivation>({
    release: (d) => d.state?.destroy(),
    notActive: (fn) => `${fn}: the key derivation operation is not set up`,
    busy: (fn) => `${fn}: the operation is already set up`,
  });

  /** An inactive operation; `core` gives the instance's context (BAD_STATE once it is closed). */
  constructor(core: (fn: string) => CoreContext) {
    this.#core = core;
  }

  /** Whether the operation has an algorithm (set up and not aborted). */
  get active(): boolean {
    return this.#op.active;
  }

  /** The algorithm of the operation; 0 (`PSA_ALG_NONE`) when inactive. */
  get alg(): number {
    return this.#op.current?.alg ?? 0;
  }

  /** Keep the algorithm, drop the state and the capacity (Mbed TLS's failed-output path). */
  #exhaust(d: Derivation): void {
    d.state?.destroy();
    d.state = undefined;
    d.capacity = 0;
    d.canOutputKey = false;
  }

  /**
   * `psa_key_derivation_setup`: BAD_STATE when already set up; a failed setup leaves the operation inactive.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: already set up; and for `alg` and the instance, the statuses of `KeyDerivationMethods.keyDerivationSetup`
   */
  setup(alg: number): void {
    const fn = 'psa_key_derivation_setup';
    try {
      checkUint(alg, fn, 'alg');
      this.#op.requireIdle(fn);
      const ctx = this.#core(fn);
      const capacity = setupCapacity(alg, fn);
      const kdf = kdfAlgOf(alg);
      const state = ctx.dispatch.transparentCall(fn, (d) => d.keyDerivationSetup !== undefined, (d) => d.keyDerivationSetup!(kdf));
      this.#op.start({ alg, capacity, state, canOutputKey: false, verifyOnly: false });
    } catch (err) {
      throw asPsaError(err, fn);
    }
  }

  /** `psa_key_derivation_get_capacity`: how many bytes may still be read. */
  getCapacity(): number {
    return this.#op.require('psa_key_derivation_get_capacity').capacity;
  }

  /**
   * `psa_key_derivation_set_capacity`: lower the capacity (the operation stays usable when this fails).
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: above the current capacity
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: an SP 800-108 KDF after its first output (which fixed the length)
   */
  setCapacity(capacity: number | bigint): void {
    const fn = 'psa_key_derivation_set_capacity';
    const requested = checkCapacity(capacity, fn);
    const d = this.#op.require(fn);
    if (d.state?.capacityFixed?.() === true) fail(PSA_ERROR_BAD_STATE, `${fn}: ${describe(d.alg, 'alg')} fixed its output length at the first output`);
    if (requested > d.capacity) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${capacity} is above the capacity ${d.capacity}`);
    d.capacity = requested;
  }

  #feed(step: number, keyType: number, data: Uint8Array, fn: string): void {
    const d = this.#op.require(fn);
    if (!inputAllowed(kdfAlgOf(d.alg), step, keyType, fn)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a ${describe(keyType, 'keyType')} key cannot be input 0x${step.toString(16)}`);
    }
    if (d.state === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation can no longer take inputs`);
    d.state.input(step, data);
  }

  /**
   * `psa_key_derivation_input_bytes`: feed `data` as input `step`.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a step the KDF does not take (from bytes), or data it refuses
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: a step out of order, or no more inputs after a failed output
   */
  inputBytes(step: number, data: Uint8Array): void {
    const fn = 'psa_key_derivation_input_bytes';
    checkUint(step, fn, 'step', 16);
    checkBytes(data, fn, 'data');
    this.#op.run(fn, () => this.#feed(step, PSA_KEY_TYPE_NONE, data, fn));
  }

  /**
   * `psa_key_derivation_input_integer`: feed `value` (0 … 2^64 − 1) as input `step` (PBKDF2's COST).
   * @throws {PsaError} as `inputBytes` (INVALID_ARGUMENT for a KDF or step that takes no integer)
   */
  inputInteger(step: number, value: number | bigint): void {
    const fn = 'psa_key_derivation_input_integer';
    checkUint(step, fn, 'step', 16);
    const v = checkUint64(value, fn, 'value');
    this.#op.run(fn, () => {
      const d = this.#op.require(fn);
      if (d.state === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation can no longer take inputs`);
      d.state.inputInteger(step, v);
    });
  }

  /**
   * `psa_key_derivation_input_key`: feed the material of `key` as input `step`. The key needs usage DERIVE (or
   * VERIFY_DERIVATION, which then permits only verification) and a policy permitting the operation's algorithm.
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy has neither DERIVE nor VERIFY_DERIVATION, or does not permit the algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key in a secure element, or an SP 800-108 CMAC secret that is an ARIA, Camellia or SM4 key
   * @throws {PsaError} as `inputBytes` otherwise (INVALID_ARGUMENT also for a key type the step does not take)
   */
  inputKey(step: number, key: number): void {
    const fn = 'psa_key_derivation_input_key';
    checkUint(step, fn, 'step', 16);
    checkUint(key, fn, 'key');
    this.#op.run(fn, () => {
      const ctx = this.#core(fn);
      withKey(ctx, key, 0, this.alg, fn, (slot) => {
        const usage = slot.attributes.usage;
        if ((usage & (PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION)) === 0) {
          fail(PSA_ERROR_NOT_PERMITTED, `${fn}: the key policy lacks ${describe(PSA_KEY_USAGE_DERIVE, 'usage')}`);
        }
        const material = transparentMaterial(slot, fn);
        const d = this.#op.require(fn);
        if ((usage & PSA_KEY_USAGE_DERIVE) === 0) d.verifyOnly = true;
        if (step === PSA_KEY_DERIVATION_INPUT_SECRET || step === PSA_KEY_DERIVATION_INPUT_PASSWORD) d.canOutputKey = true;
        this.#feed(step, slot.attributes.type, material, fn);
      });
    });
  }

  /**
   * `psa_key_derivation_key_agreement`: the shared secret of `privateKey` (usage DERIVE) and `peerKey` as input `step`.
   * A failed key lookup (no such key, policy, a key in a secure element) leaves the operation as it was; any later failure aborts it.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: the operation's algorithm is not a key agreement (or it is not set up), a key or `peerKey` that does not fit it
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DERIVE or does not permit the algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key in a secure element, or a key agreement no driver implements for this key
   * @throws {PsaError} as `inputBytes` otherwise
   */
  keyAgreement(step: number, privateKey: number, peerKey: Uint8Array): void {
    const fn = 'psa_key_derivation_key_agreement';
    try {
      checkUint(step, fn, 'step', 16);
      checkUint(privateKey, fn, 'private_key');
      checkBytes(peerKey, fn, 'peer_key');
      if (!PSA_ALG_IS_KEY_AGREEMENT(this.alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the operation is not a key agreement`);
    } catch (err) {
      throw asPsaError(err, fn);
    }
    const ctx = this.#core(fn);
    let failedInside = false;
    try {
      withKey(ctx, privateKey, PSA_KEY_USAGE_DERIVE, this.alg, fn, (slot) => {
        // Part of the lookup (`psa_get_and_lock_transparent_key_slot_with_policy`): no abort yet.
        if (PSA_KEY_LIFETIME_GET_LOCATION(slot.attributes.lifetime) !== 0) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the key is in a secure element`);
        failedInside = true;
        const secret = keyAgreementSecret(ctx, slot, PSA_ALG_KEY_AGREEMENT_GET_BASE(this.alg), peerKey, fn);
        try {
          this.#feed(step, PSA_KEY_TYPE_DERIVE, secret, fn);
        } finally {
          secret.fill(0);
        }
        if (step === PSA_KEY_DERIVATION_INPUT_SECRET) this.#op.require(fn).canOutputKey = true;
      });
    } catch (err) {
      // A failed key lookup leaves the operation as it was (Mbed TLS); anything later aborts it.
      if (!failedInside) throw asPsaError(err, fn);
      this.abort();
      throw asPsaError(err, fn);
    }
  }

  /**
   * Read `length` bytes, with Mbed TLS's capacity rules and failed-output path. An output
   * (`verify` false) needs every input key to have DERIVE; a verification accepts keys with
   * VERIFY_DERIVATION only (PSA 1.1+ `PSA_KEY_USAGE_VERIFY_DERIVATION`).
   */
  #read(length: number, fn: string, verify = false): Uint8Array {
    const d = this.#op.require(fn);
    if (length === 0 && d.capacity === 0) fail(PSA_ERROR_INSUFFICIENT_DATA, `${fn}: the capacity is exhausted`);
    try {
      if (length > d.capacity) fail(PSA_ERROR_INSUFFICIENT_DATA, `${fn}: ${length} bytes requested, ${d.capacity} left`);
      if (d.verifyOnly && !verify) fail(PSA_ERROR_NOT_PERMITTED, `${fn}: an input key permits verification only`);
      if (d.state === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the operation has no state`);
      d.state.startOutput?.(d.capacity);
      d.capacity -= length;
      return d.state.read(length);
    } catch (err) {
      this.#exhaust(d);
      throw asPsaError(err, fn);
    }
  }

  /**
   * `psa_key_derivation_output_bytes`: the next `length` bytes. A failure sets the capacity to 0.
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_DATA`: `length` above the capacity, or 0 with no capacity left
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: an input key permits verification only
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: inputs are missing
   */
  outputBytes(length: number): Uint8Array {
    const fn = 'psa_key_derivation_output_bytes';
    try {
      checkLength(length, fn, 'output_length');
      return this.#read(length, fn);
    } catch (err) {
      throw asPsaError(err, fn);
    }
  }

  /**
   * `psa_key_derivation_output_key_custom` (and `output_key` with default parameters): a new key with `attributes` from the next bytes. Returns its id.
   * @throws {PsaError} as `KeyDerivationMethods.keyDerivationOutputKey` / `keyDerivationOutputKeyCustom`
   */
  outputKey(attributes: ResolvedKeyAttributes, custom: CustomKeyParameters = { flags: 0 }, customData: Uint8Array = new Uint8Array(0)): number {
    const isCustom = custom.flags !== 0 || customData.length !== 0;
    const fn = isCustom ? 'psa_key_derivation_output_key_custom' : 'psa_key_derivation_output_key';
    try {
      if (attributes.bits === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key size must be given`);
      if (isCustom) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no custom derivation parameters are defined`);
      const d = this.#op.require(fn);
      if (!d.canOutputKey) fail(PSA_ERROR_NOT_PERMITTED, `${fn}: the secret was not given as a key`);
      if (d.verifyOnly) fail(PSA_ERROR_NOT_PERMITTED, `${fn}: an input key permits verification only`);
      const ctx = this.#core(fn);
      checkObject(attributes, fn, 'attributes');
      return createKey(ctx, attributes, fn, (a) => {
        // PSA 1.5: a derived PASSWORD_HASH key permits the operation's algorithm or none.
        if (a.type === PSA_KEY_TYPE_PASSWORD_HASH && a.alg !== 0 && a.alg !== d.alg) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a derived ${describe(a.type, 'keyType')} key must permit the operation's algorithm`);
        }
        const data = d.state?.deriveKey
          ? this.#deriveKey(d, a.type, a.bits, fn)
          : derivedKeyData(a.type, a.bits, (n) => this.#read(n, fn), fn, (type, bits, read) =>
            ctx.dispatch.transparentCall(fn, (d) => d.deriveKey !== undefined, (d) => d.deriveKey!(a, read, fn)));
        try {
          return ctx.dispatch.importKey(a, data, fn);
        } finally {
          data.fill(0);
        }
      });
    } catch (err) {
      throw asPsaError(err, fn);
    }
  }

  /** A key value from a KDF whose output is a key (WPA3-SAE H2E), with the failed-output path of `#read`. */
  #deriveKey(d: Derivation, type: number, bits: number, fn: string): Uint8Array {
    try {
      const data = d.state!.deriveKey!(type, bits, fn);
      d.capacity = 0;
      return data;
    } catch (err) {
      this.#exhaust(d);
      throw asPsaError(err, fn);
    }
  }

  /** Compare the next `expected.length` bytes with `expected` in constant time. */
  #verify(expected: Uint8Array, fn: string): void {
    const actual = this.#read(expected.length, fn, true);
    const equal = constantTimeEqual(actual, expected);
    actual.fill(0);
    if (!equal) {
      this.#exhaust(this.#op.require(fn));
      fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: the derived bytes differ`);
    }
  }

  /**
   * `psa_key_derivation_verify_bytes`: INVALID_SIGNATURE unless the next bytes are `expected`.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: the next bytes differ (the output ends: capacity 0)
   * @throws {PsaError} as `outputBytes` otherwise, except that input keys with VERIFY_DERIVATION only are accepted
   */
  verifyBytes(expected: Uint8Array): void {
    const fn = 'psa_key_derivation_verify_bytes';
    try {
      checkBytes(expected, fn, 'expected');
      this.#verify(expected, fn);
    } catch (err) {
      throw asPsaError(err, fn);
    }
  }

  /**
   * `psa_key_derivation_verify_key`: INVALID_SIGNATURE unless the next bytes are the material of `expected`, a PASSWORD_HASH key (else INVALID_ARGUMENT) with usage VERIFY_DERIVATION permitting the operation's algorithm.
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the key lacks VERIFY_DERIVATION or does not permit the algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a key in a secure element
   * @throws {PsaError} as `verifyBytes` otherwise
   */
  verifyKey(expected: number): void {
    const fn = 'psa_key_derivation_verify_key';
    try {
      checkUint(expected, fn, 'expected');
      const d = this.#op.require(fn);
      const ctx = this.#core(fn);
      withKey(ctx, expected, PSA_KEY_USAGE_VERIFY_DERIVATION, d.alg, fn, (slot) => {
        if (slot.attributes.type !== PSA_KEY_TYPE_PASSWORD_HASH) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the expected key is not a ${describe(PSA_KEY_TYPE_PASSWORD_HASH, 'keyType')} key`);
        }
        this.#verify(transparentMaterial(slot, fn), fn);
      });
    } catch (err) {
      throw asPsaError(err, fn);
    }
  }

  /** `psa_key_derivation_abort`: wipe and release; valid in any state. It throws only what the driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.#op.abort();
  }
}
