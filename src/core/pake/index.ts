/**
 * The PAKE operation (`psa_pake_operation_t`): setup with a password key and
 * a cipher suite, the `set_role/user/peer/context` inputs, the exchange
 * steps and `get_shared_key`, with the checks, their order and the statuses
 * of Mbed TLS's `psa_crypto.c` and PSA 1.5 §10.13:
 * - setup copies the password key (the key may be destroyed afterwards) and
 *   leaves the operation unchanged when it fails;
 * - the driver is started at the first `output`/`input` (the end of the
 *   "collect inputs" stage), and from then on owns the step order;
 * - as for every multipart operation here (and in Mbed TLS), any failure of
 *   an active operation aborts it: later calls are BAD_STATE until a new
 *   setup; `get_shared_key` ends the operation whether it succeeds or not.
 * @module
 */
import { withKey } from '../keys/management.js';
import type { DriverKeyAttributes } from '../../drivers/driver.js';
import type { PakeContext } from '../../drivers/pake.js';
import { copyBytes } from '../../bytes.js';
import { asPsaError, fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_BUFFER_TOO_SMALL, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { PSA_KEY_USAGE_DERIVE, PSA_PAKE_INPUT_SIZE, PSA_PAKE_OUTPUT_MAX_SIZE } from '../../values/index.js';
import { PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_ROLE_NONE } from '../../values/pake.js';
import { driverAttributes, type ResolvedKeyAttributes } from '../keys/attributes.js';
import type { CoreContext } from '../context.js';
import { createKey } from '../keys/creation.js';

import {
  checkContextAllowed,
  checkIdentity,
  checkKeyConfirmation,
  checkPasswordKey,
  checkReady,
  checkRole,
  pakeFamilyOf,
  type PakeFamily,
} from './rules.js';
import { checkBytes, checkLength, checkObject, checkUint } from '../validate.js';
import { OperationState } from '../operation.js';

/**
 * `psa_pake_cipher_suite_t`: the PAKE algorithm, the primitive
 * (`PSA_PAKE_PRIMITIVE(type, family, bits)`) and the key confirmation
 * (`PSA_PAKE_CONFIRMED_KEY`, the default, or `PSA_PAKE_UNCONFIRMED_KEY`).
 */
export interface PakeCipherSuite {
  readonly algorithm: number;
  readonly primitive: number;
  readonly keyConfirmation?: number;
}

const EMPTY = new Uint8Array(0);

/**
 * A C input buffer `(const uint8_t *data, size_t length)` as the C facade
 * passes it: `data` a `Uint8Array` or `null` (NULL), `length` the C length
 * (omitted: the array's length, 0 for NULL). A length above the array's is
 * INVALID_ARGUMENT (C would read past the buffer); a shorter one takes the
 * first bytes. Returns `undefined` for NULL with a non-zero length, which the
 * caller rejects as an invalid argument at its place in the order of checks.
 */
function cInput(data: unknown, length: unknown, fn: string, param: string): Uint8Array | undefined {
  const n = length === undefined ? undefined : checkLength(length, fn, `${param}_len`);
  if (data === null) return n === undefined || n === 0 ? EMPTY : undefined;
  const bytes = checkBytes(data, fn, param);
  if (n === undefined) return bytes;
  if (n > bytes.length) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param}_len ${n} is longer than ${param} (${bytes.length} bytes)`);
  return bytes.subarray(0, n);
}

/** `data` from `cInput`; NULL with a non-zero length is INVALID_ARGUMENT (PSA: the buffer is not valid). */
function present(data: Uint8Array | undefined, fn: string, param: string): Uint8Array {
  if (data === undefined) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${param} is NULL with a non-zero length`);
  return data;
}

/** Everything the setup stage collected, wiped once the driver has started or the operation ends. */
interface Collected {
  readonly family: PakeFamily;
  readonly alg: number;
  readonly primitive: number;
  readonly keyConfirmation: number;
  readonly keyAttributes: DriverKeyAttributes;
  readonly password: Uint8Array;
  role: number | undefined;
  user: Uint8Array | undefined;
  peer: Uint8Array | undefined;
  context: Uint8Array | undefined;
}

/** The stages of an active operation: collecting the inputs, then the exchange in the driver. */
type Stage =
  | { readonly kind: 'collect'; readonly inputs: Collected }
  | { readonly kind: 'compute'; readonly alg: number; readonly primitive: number; readonly driver: PakeContext };

/** Wipe the copied password, or end the driver's exchange. */
function release(stage: Stage): void {
  if (stage.kind === 'collect') stage.inputs.password.fill(0);
  else stage.driver.destroy();
}

/**
 * A PAKE operation. Constructed inactive; `setup` makes it active; `abort` or a successful `getSharedKey` end it.
 * A failure of a call on an active operation aborts it (Mbed TLS's rule,
 * `operation.ts`). `setup` and `getSharedKey` can also give the
 * persistent-key statuses of `KeyMethods`.
 */
export class PakeOperation {
  readonly #core: (fn: string) => CoreContext;
  readonly #op = new OperationState<Stage>({ release });

  /** An inactive operation; `core` gives the instance's context (BAD_STATE once it is closed). */
  constructor(core: (fn: string) => CoreContext) {
    this.#core = core;
  }

  /** Whether the operation is set up (and not ended, failed or aborted). */
  get active(): boolean {
    return this.#op.active;
  }

  #collecting(fn: string): Collected {
    const stage = this.#op.current;
    if (stage?.kind !== 'collect') fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not in its setup stage`);
    return stage.inputs;
  }

  /**
   * `psa_pake_setup`: BAD_STATE unless inactive; INVALID_ARGUMENT for a
   * non-PAKE algorithm; NOT_SUPPORTED for a PAKE without rules here; then the
   * key lookup (INVALID_HANDLE), usage DERIVE and policy (NOT_PERMITTED), key
   * type and size (INVALID_ARGUMENT). A failure leaves the operation inactive
   * (an active one is aborted, as Mbed TLS does).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is already active (it is aborted), or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: not a PAKE algorithm, a bad key confirmation value, a key type or size that does not fit the suite, an argument of the wrong type
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: a PAKE algorithm without rules here
   * @throws {PsaError} `PSA_ERROR_INVALID_HANDLE`: no such key
   * @throws {PsaError} `PSA_ERROR_NOT_PERMITTED`: the policy lacks DERIVE or does not permit the suite's algorithm
   */
  setup(passwordKey: number, suite: PakeCipherSuite): void {
    const fn = 'psa_pake_setup';
    try {
      checkUint(passwordKey, fn, 'password_key');
      const s = checkObject(suite, fn, 'cipher_suite');
      const alg = checkUint(s['algorithm'], fn, 'cipher_suite.algorithm');
      const primitive = checkUint(s['primitive'], fn, 'cipher_suite.primitive');
      const keyConfirmation = s['keyConfirmation'] === undefined ? PSA_PAKE_CONFIRMED_KEY : checkUint(s['keyConfirmation'], fn, 'cipher_suite.keyConfirmation');
      if (this.active) {
        this.abort();
        fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is already in use`);
      }
      const ctx = this.#core(fn);
      const family = pakeFamilyOf(alg, fn);
      checkKeyConfirmation(keyConfirmation, fn);
      const collected = withKey(ctx, passwordKey, PSA_KEY_USAGE_DERIVE, alg, fn, (slot) => {
        const a = slot.attributes;
        checkPasswordKey(family, primitive, a.type, a.bits, fn, alg);
        return {
          family,
          alg,
          primitive,
          keyConfirmation,
          keyAttributes: driverAttributes(a),
          password: copyBytes(slot.keyBuffer),
          role: undefined,
          user: undefined,
          peer: undefined,
          context: undefined,
        } satisfies Collected;
      });
      this.#op.start({ kind: 'collect', inputs: collected });
    } catch (err) {
      throw asPsaError(err, fn);
    }
  }

  /**
   * `psa_pake_set_role`: once, before the first output or input.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not in the setup stage, or the role is already set
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a role the algorithm does not take (J-PAKE, WPA3-SAE: NONE only; a SPAKE2+ client needs a key pair)
   */
  setRole(role: number): void {
    const fn = 'psa_pake_set_role';
    this.#op.run(fn, () => {
      const r = checkUint(role, fn, 'role', 8);
      const inputs = this.#collecting(fn);
      if (inputs.role !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the role is already set`);
      checkRole(inputs.family, r, inputs.keyAttributes.type, fn);
      inputs.role = r;
    });
  }

  /**
   * `psa_pake_set_user`: this party's identity, once, before the first output or input.
   * `userId` `null` and `userIdLength` are C's NULL and `user_id_len` (the C facade's spelling, see `cInput`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not in the setup stage, or the user identity is already set
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an empty J-PAKE or SRP identity, a WPA3-SAE identity that is not 6 bytes, NULL with a non-zero length, or not a `Uint8Array`
   */
  setUser(userId: Uint8Array | null, userIdLength?: number): void {
    const fn = 'psa_pake_set_user';
    this.#op.run(fn, () => {
      const data = cInput(userId, userIdLength, fn, 'user_id');
      const inputs = this.#collecting(fn);
      const id = present(data, fn, 'user_id');
      checkIdentity(inputs.family, id, fn);
      if (inputs.user !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the user identity is already set`);
      inputs.user = copyBytes(id);
    });
  }

  /**
   * `psa_pake_set_peer`: the peer's identity, once, before the first output or input (`null` and `peerIdLength` as in `setUser`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not in the setup stage, or the peer identity is already set
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: as `setUser`
   */
  setPeer(peerId: Uint8Array | null, peerIdLength?: number): void {
    const fn = 'psa_pake_set_peer';
    this.#op.run(fn, () => {
      const data = cInput(peerId, peerIdLength, fn, 'peer_id');
      const inputs = this.#collecting(fn);
      const id = present(data, fn, 'peer_id');
      checkIdentity(inputs.family, id, fn);
      if (inputs.peer !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the peer identity is already set`);
      inputs.peer = copyBytes(id);
    });
  }

  /**
   * `psa_pake_set_context`: SPAKE2+ only (an empty context still counts as set), once (`null` and `contextLength` as in `setUser`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not in the setup stage, an algorithm without a context, or the context is already set
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: NULL with a non-zero length, or `context` is not a `Uint8Array`
   */
  setContext(context: Uint8Array | null, contextLength?: number): void {
    const fn = 'psa_pake_set_context';
    this.#op.run(fn, () => {
      const given = cInput(context, contextLength, fn, 'context');
      const inputs = this.#collecting(fn);
      checkContextAllowed(inputs.family, fn);
      const data = present(given, fn, 'context');
      if (inputs.context !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the context is already set`);
      inputs.context = copyBytes(data);
    });
  }

  /** End the setup stage: hand everything collected to the driver of the password key. */
  #start(fn: string): void {
    const stage = this.#op.current;
    if (stage?.kind !== 'collect') return;
    const inputs = stage.inputs;
    checkReady(inputs.family, inputs.user !== undefined, inputs.peer !== undefined, inputs.role, fn);
    const ctx = this.#core(fn);
    const driver = ctx.dispatch.keyCall(inputs.keyAttributes.lifetime, fn, (d) => d.pakeSetup !== undefined, (d) =>
      d.pakeSetup!(inputs.keyAttributes, inputs.password, {
        alg: inputs.alg,
        primitive: inputs.primitive,
        keyConfirmation: inputs.keyConfirmation,
        role: inputs.role ?? PSA_PAKE_ROLE_NONE,
        user: inputs.user ?? new Uint8Array(0),
        peer: inputs.peer ?? new Uint8Array(0),
        context: inputs.context ?? new Uint8Array(0),
        hasContext: inputs.context !== undefined,
        random: (n) => ctx.rng.generate(n),
      }));
    this.#op.replace({ kind: 'compute', alg: inputs.alg, primitive: inputs.primitive, driver });
  }

  #computing(fn: string): Extract<Stage, { kind: 'compute' }> {
    const stage = this.#op.current;
    if (stage?.kind !== 'compute') fail(PSA_ERROR_BAD_STATE, `${fn}: the operation is not set up`);
    return stage;
  }

  /**
   * `psa_pake_output`: the value to send for `step`. `outputSize` is the C
   * caller's buffer size (default `PSA_PAKE_OUTPUT_MAX_SIZE`): 0 is
   * INVALID_ARGUMENT, too small BUFFER_TOO_SMALL.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not set up, identities or role missing at the first step, a step out of sequence, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `outputSize` 0 or not a length, or a step the algorithm does not have
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `outputSize` below the output
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: the driver does not implement the cipher suite (checked at the first step)
   * @throws {PsaError} `PSA_ERROR_INSUFFICIENT_ENTROPY`: no random bytes for the exchange
   */
  output(step: number, outputSize: number = PSA_PAKE_OUTPUT_MAX_SIZE): Uint8Array {
    const fn = 'psa_pake_output';
    return this.#op.run(fn, () => {
      const s = checkUint(step, fn, 'step', 8);
      const size = checkLength(outputSize, fn, 'output_size');
      this.#start(fn);
      const { driver } = this.#computing(fn);
      if (size === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the output buffer is empty`);
      const out = driver.output(s);
      if (out.length > size) {
        out.fill(0);
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ${out.length} bytes do not fit in ${size}`);
      }
      return out;
    });
  }

  /**
   * `psa_pake_input`: the peer's value for `step`. An empty input, or one
   * longer than `PSA_PAKE_INPUT_SIZE` for the step, is INVALID_ARGUMENT.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not set up, identities or role missing at the first step, a step out of sequence, or the instance is closed
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an input of a wrong size, a malformed or invalid peer value, or a step the algorithm does not have
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: a proof or key confirmation that does not verify
   * @throws {PsaError} `PSA_ERROR_DATA_INVALID`: a J-PAKE point off the curve, a zero key share or a proof response out of range
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: as `output`
   */
  input(step: number, data: Uint8Array): void {
    const fn = 'psa_pake_input';
    this.#op.run(fn, () => {
      const s = checkUint(step, fn, 'step', 8);
      const bytes = checkBytes(data, fn, 'input');
      this.#start(fn);
      const { driver, alg, primitive } = this.#computing(fn);
      if (bytes.length === 0 || bytes.length > PSA_PAKE_INPUT_SIZE(alg, primitive, s)) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${bytes.length} bytes is not a valid input size for step ${s}`);
      }
      driver.input(s, copyBytes(bytes));
    });
  }

  /**
   * `psa_pake_get_shared_key`: the shared secret as a new key with
   * `attributes` (import rules: a non-zero size must match). BAD_STATE
   * before the exchange allows it. The operation ends either way.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: not set up, the exchange has not reached the shared key yet, or the instance is closed
   * @throws {PsaError} and the key-creation statuses of `importKey` (INVALID_ARGUMENT for a size that does not match, …)
   */
  getSharedKey(attributes: ResolvedKeyAttributes): number {
    const fn = 'psa_pake_get_shared_key';
    try {
      const { driver } = this.#computing(fn);
      const ctx = this.#core(fn);
      const secret = driver.sharedSecret();
      try {
        return createKey(ctx, attributes, fn, (a) => ctx.dispatch.importKey(a, secret, fn));
      } finally {
        secret.fill(0);
      }
    } catch (err) {
      throw asPsaError(err, fn);
    } finally {
      this.abort();
    }
  }

  /** `psa_pake_abort`: valid in any state; the operation becomes inactive and reusable. It throws only what the driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.#op.abort();
  }
}
