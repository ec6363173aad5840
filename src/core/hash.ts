/**
 * The PSA hash functions: `psa_hash_compute`, `psa_hash_compare` and the multipart `psa_hash_operation_t` (setup, update,
 * finish, verify, abort, clone, suspend, resume), with Mbed TLS's statuses and state machine: any failure of an active operation aborts it.
 * @module
 */
import type { HashContext, HashSuspendParts } from '../drivers/driver.js';
import { asPsaError, fail } from '../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
} from '../values/status.js';
import { PSA_ALG_MD2 } from '../values/algorithms.js';
import { PSA_ALG_IS_HASH, PSA_ALG_IS_HMAC } from '../values/alg-predicates.js';
import {
  PSA_HASH_BLOCK_LENGTH,
  PSA_HASH_LENGTH,
  PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH,
  PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH,
  PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH,
  PSA_HASH_SUSPEND_OUTPUT_SIZE,
} from '../values/sizes.js';
import { copyRange } from '../bytes.js';
import { OperationState } from './operation.js';

/** Where hash computations come from: the core passes one that tries transparent drivers, then software. */
export interface HashProvider {
  /** Start a multipart hash (NOT_SUPPORTED when no implementation has `alg`). */
  setup(alg: number): HashContext;
  /** Rebuild a multipart hash from suspended parts; absent means suspend/resume is not supported. */
  resume?(alg: number, parts: HashSuspendParts): HashContext;
  /** Single-part hash; when absent, `hashCompute` uses setup, update and finish. */
  compute?(alg: number, input: Uint8Array): Uint8Array;
  /** Whether an implementation declares `alg` (a driver's `hashAlgorithms`); nothing is computed. Absent: none is declared. */
  supports?(alg: number): boolean;
}

/** Length of the algorithm field of a hash suspend state (`PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH`). */
export const HASH_SUSPEND_ALGORITHM_FIELD_LENGTH = PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH;

/**
 * [input-length field, hash-state field] lengths of the suspend state, for the algorithms whose format this module reads and
 * writes (MD2's format counts only the unprocessed bytes and is not handled); undefined otherwise.
 */
function suspendFields(alg: number): readonly [number, number] | undefined {
  if (alg === PSA_ALG_MD2) return undefined;
  const lengthField = PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(alg);
  const stateField = PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(alg);
  return lengthField === 0 || stateField === 0 ? undefined : [lengthField, stateField];
}

/** `alg` as an unsigned 32-bit number; INVALID_ARGUMENT when it is not an integer identifier. */
function algorithmArgument(alg: unknown): number {
  if (typeof alg !== 'number' || !Number.isInteger(alg) || alg < -0x80000000 || alg > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `not an algorithm identifier: ${String(alg)}`);
  }
  return alg >>> 0;
}

function hashAlgorithmArgument(alg: unknown): number {
  const a = algorithmArgument(alg);
  if (!PSA_ALG_IS_HASH(a)) fail(PSA_ERROR_INVALID_ARGUMENT, `not a hash algorithm: 0x${a.toString(16)}`);
  return a;
}

function bytesArgument(value: unknown, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, `${what} must be a Uint8Array`);
  return value;
}

function sizeArgument(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${what} must be a non-negative integer`);
  }
  return value;
}


/** `PSA_HASH_LENGTH(alg)` for a hash or HMAC algorithm: the digest length; 0 if unknown or another kind of algorithm. */
export function hashLength(alg: number): number {
  return PSA_ALG_IS_HASH(alg) || PSA_ALG_IS_HMAC(alg) ? PSA_HASH_LENGTH(alg) : 0;
}

/** `PSA_HASH_BLOCK_LENGTH(alg)` for a hash or HMAC algorithm: the input block length; 0 if unknown. */
export function hashBlockLength(alg: number): number {
  return PSA_ALG_IS_HASH(alg) || PSA_ALG_IS_HMAC(alg) ? PSA_HASH_BLOCK_LENGTH(alg) : 0;
}

/** `PSA_HASH_SUSPEND_OUTPUT_SIZE(alg)` for the formats handled here; 0 otherwise. */
export function hashSuspendOutputSize(alg: number): number {
  return suspendFields(alg >>> 0) === undefined ? 0 : PSA_HASH_SUSPEND_OUTPUT_SIZE(alg);
}

/** Constant-time equality of two byte strings (the lengths are not secret). */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function computeWith(provider: HashProvider, alg: number, input: Uint8Array): Uint8Array {
  if (provider.compute) return provider.compute(alg, input);
  const ctx = provider.setup(alg);
  try {
    if (input.length > 0) ctx.update(input);
    return ctx.finish();
  } finally {
    ctx.destroy();
  }
}

/**
 * `psa_hash_compute`: the digest of `input`. INVALID_ARGUMENT for a non-hash `alg`, NOT_SUPPORTED for a hash nobody
 * implements; `hashSize` (the C caller's buffer size, optional) below the digest length gives BUFFER_TOO_SMALL.
 */
export function hashCompute(p: HashProvider, alg: number, input: Uint8Array, hashSize?: number): Uint8Array {
  const a = hashAlgorithmArgument(alg);
  const data = bytesArgument(input, 'input');
  const size = hashSize === undefined ? undefined : sizeArgument(hashSize, 'hash size');
  let digest: Uint8Array;
  try {
    digest = computeWith(p, a, data);
  } catch (err) {
    throw asPsaError(err);
  }
  if (size !== undefined && size < digest.length) {
    digest.fill(0);
    fail(PSA_ERROR_BUFFER_TOO_SMALL, `hash buffer of ${size} bytes, ${digest.length} needed`);
  }
  return digest;
}

/** `psa_hash_compare`: succeed when `hash` is the digest of `input`, else INVALID_SIGNATURE (also for a length mismatch). Constant-time comparison. */
export function hashCompare(p: HashProvider, alg: number, input: Uint8Array, hash: Uint8Array): void {
  const a = hashAlgorithmArgument(alg);
  const data = bytesArgument(input, 'input');
  const expected = bytesArgument(hash, 'hash');
  let actual: Uint8Array;
  try {
    actual = computeWith(p, a, data);
  } catch (err) {
    throw asPsaError(err);
  }
  const equal = constantTimeEqual(actual, expected);
  actual.fill(0);
  if (!equal) fail(PSA_ERROR_INVALID_SIGNATURE, 'hash mismatch');
}

function writeLength(out: Uint8Array, offset: number, fieldLength: number, value: number): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const end = offset + fieldLength;
  view.setUint32(end - 4, value >>> 0);
  view.setUint32(end - 8, Math.floor(value / 0x100000000));
}

function readLength(state: Uint8Array, offset: number, fieldLength: number): bigint {
  let v = 0n;
  for (let i = 0; i < fieldLength; i++) v = (v << 8n) | BigInt(state[offset + i]!);
  return v;
}

/** Parse a PSA hash suspend state into its algorithm and parts (INVALID_ARGUMENT / NOT_SUPPORTED). */
function parseSuspendState(state: Uint8Array): { alg: number; parts: HashSuspendParts } {
  if (state.length < HASH_SUSPEND_ALGORITHM_FIELD_LENGTH) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'hash suspend state too short');
  }
  const alg = new DataView(state.buffer, state.byteOffset, state.byteLength).getUint32(0);
  if (!PSA_ALG_IS_HASH(alg)) fail(PSA_ERROR_INVALID_ARGUMENT, `suspend state names a non-hash algorithm 0x${alg.toString(16)}`);
  const fields = suspendFields(alg);
  if (fields === undefined) fail(PSA_ERROR_NOT_SUPPORTED, `no suspend format for hash algorithm 0x${alg.toString(16)}`);
  const [lengthField, stateField] = fields;
  const block = hashBlockLength(alg);
  const fixed = HASH_SUSPEND_ALGORITHM_FIELD_LENGTH + lengthField + stateField;
  if (state.length < fixed) fail(PSA_ERROR_INVALID_ARGUMENT, 'hash suspend state too short');
  const total = readLength(state, HASH_SUSPEND_ALGORITHM_FIELD_LENGTH, lengthField);
  // The hash's own limit: its padding encodes the bit length in the length-field size.
  if (total >= 1n << BigInt(8 * lengthField - 3)) fail(PSA_ERROR_INVALID_ARGUMENT, 'input length beyond the hash limit');
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) fail(PSA_ERROR_NOT_SUPPORTED, 'input length too large for this implementation');
  const inputLength = Number(total);
  if (state.length !== fixed + (inputLength % block)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'hash suspend state length does not match its input length');
  }
  const start = HASH_SUSPEND_ALGORITHM_FIELD_LENGTH + lengthField;
  return {
    alg,
    parts: {
      inputLength,
      state: copyRange(state, start, start + stateField),
      unprocessed: copyRange(state, fixed),
    },
  };
}

/** Serialise suspended parts as a PSA hash suspend state (GENERIC_ERROR if the parts are inconsistent). */
function formatSuspendState(alg: number, parts: HashSuspendParts): Uint8Array {
  const [lengthField, stateField] = suspendFields(alg)!;
  const block = hashBlockLength(alg);
  const { inputLength, state, unprocessed } = parts;
  if (
    !Number.isSafeInteger(inputLength) ||
    inputLength < 0 ||
    state.length !== stateField ||
    unprocessed.length !== inputLength % block
  ) {
    fail(PSA_ERROR_GENERIC_ERROR, 'hash implementation returned an inconsistent suspend state');
  }
  const fixed = HASH_SUSPEND_ALGORITHM_FIELD_LENGTH + lengthField + stateField;
  const out = new Uint8Array(fixed + unprocessed.length);
  new DataView(out.buffer).setUint32(0, alg);
  writeLength(out, HASH_SUSPEND_ALGORITHM_FIELD_LENGTH, lengthField, inputLength);
  out.set(state, HASH_SUSPEND_ALGORITHM_FIELD_LENGTH + lengthField);
  out.set(unprocessed, fixed);
  return out;
}

/**
 * A multipart hash (`psa_hash_operation_t`). Constructed inactive; `setup`, `resume` or `cloneTo` make it active;
 * `finish`, `verify`, `suspend` and `abort` make it inactive again. A failure while active aborts it.
 * Besides the statuses each method lists, `update`, `finish`, `verify`, `cloneTo`, `clone` and `suspend` throw `PSA_ERROR_BAD_STATE`
 * on an inactive operation (nothing is aborted), and every method `PSA_ERROR_INVALID_ARGUMENT` for an argument of the wrong JavaScript type.
 * @example
 * const op = psa.hashSetup(PSA_ALG_SHA_256);
 * op.update(part1);
 * op.update(part2);
 * const digest = op.finish();
 */
export class HashOperation {
  readonly #provider: HashProvider;
  #alg = 0;
  readonly #op = new OperationState<HashContext>({
    release: (ctx) => ctx.destroy(),
    reset: () => {
      this.#alg = 0;
    },
    notActive: () => 'hash operation is not active',
    busy: () => 'hash operation already active',
  });

  /** An inactive operation drawing implementations from `provider`. */
  constructor(provider: HashProvider) {
    this.#provider = provider;
  }

  /** Whether the operation is active (set up and not yet finished or aborted). */
  get active(): boolean {
    return this.#op.active;
  }

  /** The algorithm of the active operation; 0 (`PSA_ALG_NONE`) when inactive. */
  get alg(): number {
    return this.#alg;
  }

  #start(alg: number, ctx: HashContext): void {
    this.#op.start(ctx);
    this.#alg = alg;
  }

  /**
   * `psa_hash_setup`.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is active (it is aborted)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a hash algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no implementation has `alg`
   */
  setup(alg: number): void {
    const fn = 'psa_hash_setup';
    this.#op.run(fn, () => {
      this.#op.requireIdle(fn);
      const a = hashAlgorithmArgument(alg);
      this.#start(a, this.#provider.setup(a));
    });
  }

  /** `psa_hash_update`: feed `input` (empty input is accepted and does nothing). */
  update(input: Uint8Array): void {
    const fn = 'psa_hash_update';
    const ctx = this.#op.require(fn);
    this.#op.run(fn, () => {
      const data = bytesArgument(input, 'input');
      if (data.length > 0) ctx.update(data);
    });
  }

  /**
   * `psa_hash_finish`: the digest (exactly `hashLength(alg)` bytes); the operation becomes inactive. `hashSize` is the C caller's buffer size (optional).
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `hashSize` below the digest length (the operation is aborted)
   */
  finish(hashSize?: number): Uint8Array {
    const fn = 'psa_hash_finish';
    const ctx = this.#op.require(fn);
    return this.#op.run(fn, () => {
      const size = hashSize === undefined ? undefined : sizeArgument(hashSize, 'hash size');
      const digest = ctx.finish();
      this.abort();
      if (size !== undefined && size < digest.length) {
        digest.fill(0);
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `hash buffer of ${size} bytes, ${digest.length} needed`);
      }
      return digest;
    });
  }

  /**
   * `psa_hash_verify`: finish and compare with `hash` in constant time.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: `hash` is not the digest (or has another length)
   */
  verify(hash: Uint8Array): void {
    const fn = 'psa_hash_verify';
    const ctx = this.#op.require(fn);
    this.#op.run(fn, () => {
      const expected = bytesArgument(hash, 'hash');
      const actual = ctx.finish();
      this.abort();
      const equal = constantTimeEqual(actual, expected);
      actual.fill(0);
      if (!equal) fail(PSA_ERROR_INVALID_SIGNATURE, 'hash mismatch');
    });
  }

  /** `psa_hash_abort`: wipe and release; valid in any state. It throws only what the driver's `destroy` throws (the software driver's never does). */
  abort(): void {
    this.#op.abort();
  }

  /**
   * `psa_hash_clone`: copy this active operation into the inactive `target` (else BAD_STATE, nothing aborted).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: `target` is active
   */
  cloneTo(target: HashOperation): void {
    const fn = 'psa_hash_clone';
    if (!(target instanceof HashOperation)) fail(PSA_ERROR_INVALID_ARGUMENT, 'clone target must be a HashOperation');
    const ctx = this.#op.require(fn);
    if (target.active) fail(PSA_ERROR_BAD_STATE, 'clone target is active');
    target.#op.run(fn, () => target.#start(this.#alg, ctx.clone()));
  }

  /** An active copy of this active operation, drawing from the same provider. */
  clone(): HashOperation {
    const target = new HashOperation(this.#provider);
    this.cloneTo(target);
    return target;
  }

  /**
   * `psa_hash_suspend`: the PSA hash suspend state for the input so far; the operation becomes inactive. `stateSize` as in `finish`.
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: an algorithm without a suspend format (SHA-3, SHAKE, BLAKE2, …)
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `stateSize` below the state's length (the operation is aborted)
   * @throws {PsaError} `PSA_ERROR_GENERIC_ERROR`: the implementation returned an inconsistent state
   */
  suspend(stateSize?: number): Uint8Array {
    const fn = 'psa_hash_suspend';
    const ctx = this.#op.require(fn);
    return this.#op.run(fn, () => {
      const size = stateSize === undefined ? undefined : sizeArgument(stateSize, 'hash state size');
      const alg = this.#alg;
      if (suspendFields(alg) === undefined || ctx.suspend === undefined) {
        fail(PSA_ERROR_NOT_SUPPORTED, `suspend is not supported for hash algorithm 0x${alg.toString(16)}`);
      }
      const parts = ctx.suspend();
      const out = formatSuspendState(alg, parts);
      parts.state.fill(0);
      parts.unprocessed.fill(0);
      this.abort();
      if (size !== undefined && size < out.length) {
        out.fill(0);
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `hash state buffer of ${size} bytes, ${out.length} needed`);
      }
      return out;
    });
  }

  /**
   * `psa_hash_resume`: continue from a suspend state.
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the operation is active (it is aborted)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a malformed state
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: an algorithm without resume support
   */
  resume(state: Uint8Array): void {
    const fn = 'psa_hash_resume';
    this.#op.run(fn, () => {
      this.#op.requireIdle(fn);
      const { alg, parts } = parseSuspendState(bytesArgument(state, 'hash state'));
      try {
        const resume = this.#provider.resume;
        if (resume === undefined) fail(PSA_ERROR_NOT_SUPPORTED, 'hash resume is not supported');
        this.#start(alg, resume.call(this.#provider, alg, parts));
      } finally {
        parts.state.fill(0);
        parts.unprocessed.fill(0);
      }
    });
  }
}
