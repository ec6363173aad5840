/**
 * SPAKE2+ in the software driver (RFC 9383; `PSA_ALG_SPAKE2P_MATTER` with
 * the Matter key schedule). The prover (`PSA_PAKE_ROLE_CLIENT`, key pair
 * w0 ‖ w1) and the verifier (`PSA_PAKE_ROLE_SERVER`, key pair or public key
 * w0 ‖ L) follow the PSA 1.5 step order:
 * prover out KEY_SHARE → verifier in KEY_SHARE → verifier out KEY_SHARE,
 * out CONFIRM → prover in KEY_SHARE, in CONFIRM → prover out CONFIRM →
 * verifier in CONFIRM. A bad key share is INVALID_ARGUMENT, a wrong
 * confirmation value INVALID_SIGNATURE (compared in constant time); the
 * shared secret is available once the exchange is confirmed. Only
 * `PSA_PAKE_CONFIRMED_KEY` is supported.
 * @module
 */
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import type { DriverKeyAttributes } from '../../../driver.js';
import type { PakeContext, PakeInputs } from '../../../pake.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import {
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE_GET_BITS,
  PSA_PAKE_PRIMITIVE_GET_FAMILY,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_NONE,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_KEY_SHARE,
} from '../../../../values/pake.js';
import { PSA_KEY_TYPE_IS_SPAKE2P, PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR, PSA_KEY_TYPE_SPAKE2P_GET_FAMILY } from '../../../../values/key-type-predicates.js';
import { bigToBytesBE, bytesToBigBE, readWeierstrassPoint, readWeierstrassScalar, writeWeierstrassPoint } from '../../ecc/codec.js';
import { spake2pSuite, type Spake2pSuite } from './suite.js';
import { spake2pConfirmation, spake2pKeySchedule, spake2pMainKey, type Spake2pKeys } from './schedule.js';

type Step = 'out-share' | 'in-share' | 'out-confirm' | 'in-confirm' | 'done' | 'failed';

const PROVER_STEPS: readonly Step[] = ['out-share', 'in-share', 'in-confirm', 'out-confirm', 'done'];
const VERIFIER_STEPS: readonly Step[] = ['in-share', 'out-share', 'out-confirm', 'in-confirm', 'done'];

/** Constant-time equality of two byte strings of the same length. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The step kind of a PSA step id; INVALID_ARGUMENT for a step SPAKE2+ does not have. */
function stepKind(step: number): 'share' | 'confirm' {
  if (step === PSA_PAKE_STEP_KEY_SHARE) return 'share';
  if (step === PSA_PAKE_STEP_CONFIRM) return 'confirm';
  return fail(PSA_ERROR_INVALID_ARGUMENT, `SPAKE2+ has no step ${step}`);
}

class Spake2pContext implements PakeContext {
  readonly #suite: Spake2pSuite;
  readonly #prover: boolean;
  readonly #steps: readonly Step[];
  #index = 0;
  #failed = false;
  readonly #random: (length: number) => Uint8Array;
  readonly #context: Uint8Array | undefined;
  readonly #idProver: Uint8Array;
  readonly #idVerifier: Uint8Array;
  #w0: bigint;
  #w1: bigint | undefined;
  #L: WeierstrassPoint<bigint> | undefined;
  /** x (prover) or y (verifier). */
  #ephemeral: bigint | undefined;
  /** The peer's share minus w0·(M or N): the base of Z and V. */
  #peerBase: WeierstrassPoint<bigint> | undefined;
  #shareP: Uint8Array | undefined;
  #shareV: Uint8Array | undefined;
  #keys: Spake2pKeys | undefined;

  constructor(suite: Spake2pSuite, prover: boolean, w0: bigint, w1: bigint | undefined, L: WeierstrassPoint<bigint> | undefined, inputs: PakeInputs) {
    this.#suite = suite;
    this.#prover = prover;
    this.#steps = prover ? PROVER_STEPS : VERIFIER_STEPS;
    this.#random = inputs.random;
    const hasContext = inputs.hasContext ?? inputs.context.length > 0;
    this.#context = hasContext ? Uint8Array.from(inputs.context) : undefined;
    this.#idProver = Uint8Array.from(prover ? inputs.user : inputs.peer);
    this.#idVerifier = Uint8Array.from(prover ? inputs.peer : inputs.user);
    this.#w0 = w0;
    this.#w1 = w1;
    this.#L = L;
  }

  output(step: number): Uint8Array {
    const kind = stepKind(step);
    return this.#run(kind === 'share' ? 'out-share' : 'out-confirm', () => (kind === 'share' ? this.#writeShare() : this.#writeConfirm()));
  }

  input(step: number, data: Uint8Array): void {
    const kind = stepKind(step);
    this.#run(kind === 'share' ? 'in-share' : 'in-confirm', () => (kind === 'share' ? this.#readShare(data) : this.#readConfirm(data)));
  }

  sharedSecret(): Uint8Array {
    if (this.#failed || this.#steps[this.#index] !== 'done' || !this.#keys) {
      return fail(PSA_ERROR_BAD_STATE, 'SPAKE2+: the shared key is available once the exchange is confirmed');
    }
    return Uint8Array.from(this.#keys.shared);
  }

  destroy(): void {
    this.#w0 = 0n;
    this.#w1 = undefined;
    this.#ephemeral = undefined;
    this.#peerBase = undefined;
    if (this.#keys) {
      this.#keys.confirmP.fill(0);
      this.#keys.confirmV.fill(0);
      this.#keys.shared.fill(0);
      this.#keys = undefined;
    }
    this.#failed = true;
  }

  /** Run the step `expected` if it is the next one (BAD_STATE otherwise); any failure ends the exchange. */
  #run<T>(expected: Step, body: () => T): T {
    if (this.#failed || this.#steps[this.#index] !== expected) {
      return fail(PSA_ERROR_BAD_STATE, `SPAKE2+: ${expected.replace('-', 'put ').replace('share', 'KEY_SHARE').replace('confirm', 'CONFIRM')} is out of sequence`);
    }
    try {
      const result = body();
      this.#index++;
      return result;
    } catch (e) {
      this.destroy();
      throw e;
    }
  }

  get #curve() {
    return this.#suite.group.curve;
  }

  /** A scalar in [1, n-1] from `bytes` + 8 random bytes reduced mod n (RFC 9383 §3.2 bias bound). */
  #randomScalar(): bigint {
    const { n, bytes } = this.#curve;
    for (;;) {
      const drawn = this.#random(bytes + 8);
      const k = bytesToBigBE(drawn) % n;
      drawn.fill(0);
      if (k !== 0n) return k;
    }
  }

  #writeShare(): Uint8Array {
    const { curve, M, N } = this.#suite.group;
    const e = this.#randomScalar();
    this.#ephemeral = e;
    const share = writeWeierstrassPoint(curve, curve.Point.BASE.multiply(e).add((this.#prover ? M : N).multiply(this.#w0)));
    if (this.#prover) {
      this.#shareP = share;
    } else {
      this.#shareV = share;
      this.#deriveKeys();
    }
    return Uint8Array.from(share);
  }

  #readShare(data: Uint8Array): void {
    const { curve, M, N } = this.#suite.group;
    const point = readWeierstrassPoint(curve, data, 'psa_pake_input');
    const base = point.subtract((this.#prover ? N : M).multiply(this.#w0));
    if (base.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: the key share is not valid');
    this.#peerBase = base;
    if (this.#prover) {
      this.#shareV = Uint8Array.from(data);
      this.#deriveKeys();
    } else {
      this.#shareP = Uint8Array.from(data);
    }
  }

  /** Z, V, the transcript and the key schedule, once both shares are known. */
  #deriveKeys(): void {
    const { curve, M, N } = this.#suite.group;
    const base = this.#peerBase!;
    const e = this.#ephemeral!;
    const Zp = base.multiply(e);
    const Vp = this.#prover ? base.multiply(this.#w1!) : this.#L!.multiply(e);
    if (Zp.is0() || Vp.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_input: the key share is not valid');
    const Z = writeWeierstrassPoint(curve, Zp);
    const V = writeWeierstrassPoint(curve, Vp);
    const w0 = bigToBytesBE(this.#w0, curve.bytes);
    const kMain = spake2pMainKey(this.#suite, {
      context: this.#context,
      idProver: this.#idProver,
      idVerifier: this.#idVerifier,
      M: writeWeierstrassPoint(curve, M),
      N: writeWeierstrassPoint(curve, N),
      shareP: this.#shareP!,
      shareV: this.#shareV!,
      Z,
      V,
      w0,
    });
    this.#keys = spake2pKeySchedule(this.#suite, kMain);
    for (const secret of [Z, V, w0, kMain]) secret.fill(0);
    this.#ephemeral = undefined;
    this.#peerBase = undefined;
  }

  #writeConfirm(): Uint8Array {
    const keys = this.#keys!;
    // confirmV = MAC(K_confirmV, shareP); confirmP = MAC(K_confirmP, shareV).
    return this.#prover
      ? spake2pConfirmation(this.#suite, keys.confirmP, this.#shareV!)
      : spake2pConfirmation(this.#suite, keys.confirmV, this.#shareP!);
  }

  #readConfirm(data: Uint8Array): void {
    if (data.length !== this.#suite.confirmLength) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `psa_pake_input: a confirmation value has ${this.#suite.confirmLength} bytes`);
    }
    const keys = this.#keys!;
    const expected = this.#prover
      ? spake2pConfirmation(this.#suite, keys.confirmV, this.#shareP!)
      : spake2pConfirmation(this.#suite, keys.confirmP, this.#shareV!);
    const ok = sameBytes(expected, data);
    expected.fill(0);
    if (!ok) fail(PSA_ERROR_INVALID_SIGNATURE, 'psa_pake_input: the key confirmation value is wrong');
  }
}

/**
 * Start a SPAKE2+ exchange for the SPAKE2+ key in `keyBuffer` (w0 ‖ w1 or
 * w0 ‖ L). NOT_SUPPORTED for a suite the driver lacks or an unconfirmed key;
 * INVALID_ARGUMENT for a key that does not fit the suite or the role; BAD_STATE without a role.
 */
export function spake2pSetup(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, inputs: PakeInputs): PakeContext {
  const fn = 'psa_pake_setup';
  const suite = spake2pSuite(inputs.alg, inputs.primitive);
  if (inputs.keyConfirmation !== PSA_PAKE_CONFIRMED_KEY) fail(PSA_ERROR_NOT_SUPPORTED, 'SPAKE2+: only a confirmed shared key is supported');
  const { type, bits } = attributes;
  if (
    !PSA_KEY_TYPE_IS_SPAKE2P(type) ||
    PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type) !== PSA_PAKE_PRIMITIVE_GET_FAMILY(inputs.primitive) ||
    bits !== PSA_PAKE_PRIMITIVE_GET_BITS(inputs.primitive)
  ) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key does not match the SPAKE2+ cipher suite`);
  }
  if (inputs.role === PSA_PAKE_ROLE_NONE) fail(PSA_ERROR_BAD_STATE, 'SPAKE2+ needs a role (CLIENT or SERVER)');
  if (inputs.role !== PSA_PAKE_ROLE_CLIENT && inputs.role !== PSA_PAKE_ROLE_SERVER) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'SPAKE2+ roles are CLIENT (prover) and SERVER (verifier)');
  }
  const prover = inputs.role === PSA_PAKE_ROLE_CLIENT;
  const pair = PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type);
  if (prover && !pair) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the SPAKE2+ prover needs a key pair`);
  const { curve } = suite.group;
  const s = curve.bytes;
  const expectedLength = pair ? 2 * s : s + 2 * curve.coordinateBytes + 1;
  if (keyBuffer.length !== expectedLength) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: corrupt SPAKE2+ key`);
  const w0 = readWeierstrassScalar(curve, keyBuffer.subarray(0, s), fn);
  if (pair) {
    const w1 = readWeierstrassScalar(curve, keyBuffer.subarray(s), fn);
    return prover
      ? new Spake2pContext(suite, true, w0, w1, undefined, inputs)
      : new Spake2pContext(suite, false, w0, undefined, curve.Point.BASE.multiply(w1), inputs);
  }
  const L = readWeierstrassPoint(curve, keyBuffer.subarray(s), fn);
  return new Spake2pContext(suite, false, w0, undefined, L, inputs);
}
