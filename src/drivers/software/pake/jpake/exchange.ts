/**
 * EC J-PAKE in the software driver (`PSA_ALG_JPAKE(PSA_ALG_SHA_256)` over
 * P-256), interoperable with Mbed TLS / TF-PSA-Crypto and the TLS ECJPAKE
 * key exchange. The context reproduces both halves of Mbed TLS:
 * - the core's step order (`psa_jpake_prologue` / `_epilogue`): two rounds
 *   of KEY_SHARE, ZK_PUBLIC, ZK_PROOF parts (two keys in round one, one in
 *   round two); in each round the application may do all outputs or all
 *   inputs first, but not mix them; an unknown step is INVALID_ARGUMENT, a
 *   step out of order BAD_STATE;
 * - the driver (`psa_crypto_pake.c`): the role comes from the identities,
 *   which must be "client"/"server" or "server"/"client" (NOT_SUPPORTED
 *   otherwise); a round's output is computed at its first KEY_SHARE and
 *   handed out part by part; received parts are kept and checked together
 *   at the round's last ZK_PROOF, so an error in any part is reported there.
 * The shared secret is the point K (65 bytes), the input
 * `PSA_ALG_TLS12_ECJPAKE_TO_PMS` expects.
 * @module
 */
import type { DriverKeyAttributes } from '../../../driver.js';
import type { PakeContext, PakeInputs } from '../../../pake.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { PSA_ALG_GET_HASH, PSA_ALG_SHA_256, PSA_ECC_FAMILY_SECP_R1 } from '../../../../values/index.js';
import {
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_STEP_ZK_PROOF,
  PSA_PAKE_STEP_ZK_PUBLIC,
} from '../../../../values/pake.js';
import { bytesToBigBE } from '../../ecc/codec.js';
import { G, N, encodePoint, prove, randomScalar, verifyKeyShare, type JpakePoint, type JpakeRole } from './group.js';

const P256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);

const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

class JpakeContext implements PakeContext {
  readonly #me: JpakeRole;
  readonly #peer: JpakeRole;
  readonly #random: (length: number) => Uint8Array;
  #s: bigint;
  /** Round 1 or 2, 3 when finished. */
  #round = 1;
  #step = PSA_PAKE_STEP_KEY_SHARE;
  #inputs = 0;
  #outputs = 0;
  #mode: 'input' | 'output' | undefined;
  /** This party's round-one keys. */
  #x1 = 0n;
  #x2 = 0n;
  #X1: JpakePoint | undefined;
  #X2: JpakePoint | undefined;
  /** The peer's verified keys: round one Xp1, Xp2; round two Xp. */
  #Xp1: JpakePoint | undefined;
  #Xp2: JpakePoint | undefined;
  #Xp: JpakePoint | undefined;
  /** The current round's output parts, handed out in order. */
  #pending: Uint8Array[] = [];
  /** The current round's received parts. */
  #received: Uint8Array[] = [];

  constructor(me: JpakeRole, s: bigint, random: (length: number) => Uint8Array) {
    this.#me = me;
    this.#peer = me === 'client' ? 'server' : 'client';
    this.#s = s;
    this.#random = random;
  }

  /** Mbed TLS's `psa_jpake_prologue`. */
  #prologue(step: number, mode: 'input' | 'output'): void {
    if (step !== PSA_PAKE_STEP_KEY_SHARE && step !== PSA_PAKE_STEP_ZK_PUBLIC && step !== PSA_PAKE_STEP_ZK_PROOF) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `J-PAKE has no step ${step}`);
    }
    if (this.#round !== 1 && this.#round !== 2) fail(PSA_ERROR_BAD_STATE, 'J-PAKE: the exchange is complete');
    if (step !== this.#step) fail(PSA_ERROR_BAD_STATE, `J-PAKE: step ${step} is out of order (expected ${this.#step})`);
    if (step === PSA_PAKE_STEP_KEY_SHARE && this.#inputs === 0 && this.#outputs === 0) {
      this.#mode = mode;
    } else if (this.#mode !== mode) {
      fail(PSA_ERROR_BAD_STATE, `J-PAKE: ${mode} in the middle of a round of ${this.#mode}s`);
    }
  }

  /** Mbed TLS's `psa_jpake_epilogue`. */
  #epilogue(mode: 'input' | 'output'): void {
    if (this.#step !== PSA_PAKE_STEP_ZK_PROOF) {
      this.#step++;
      return;
    }
    const expected = this.#round === 1 ? 2 : 1;
    if (mode === 'input') {
      this.#inputs++;
      if (this.#inputs === expected) this.#mode = 'output';
    } else {
      this.#outputs++;
      if (this.#outputs === expected) this.#mode = 'input';
    }
    if (this.#inputs === expected && this.#outputs === expected) {
      this.#inputs = 0;
      this.#outputs = 0;
      this.#round++;
    }
    this.#step = PSA_PAKE_STEP_KEY_SHARE;
  }

  output(step: number): Uint8Array {
    this.#prologue(step, 'output');
    if (step === PSA_PAKE_STEP_KEY_SHARE && this.#outputs === 0) {
      this.#pending = this.#round === 1 ? this.#roundOne() : this.#roundTwo();
    }
    const part = this.#pending.shift();
    if (part === undefined) return fail(PSA_ERROR_BAD_STATE, 'J-PAKE: no output is pending');
    this.#epilogue('output');
    return part;
  }

  input(step: number, data: Uint8Array): void {
    this.#prologue(step, 'input');
    this.#received.push(Uint8Array.from(data));
    if (step === PSA_PAKE_STEP_ZK_PROOF && this.#inputs + 1 === (this.#round === 1 ? 2 : 1)) {
      const parts = this.#received;
      this.#received = [];
      if (this.#round === 1) this.#readRoundOne(parts);
      else this.#readRoundTwo(parts);
    }
    this.#epilogue('input');
  }

  sharedSecret(): Uint8Array {
    if (this.#round !== 3 || !this.#Xp || !this.#Xp2) return fail(PSA_ERROR_BAD_STATE, 'J-PAKE: the shared key is available after round two');
    // K = (Xp − Xp2·(x2·s))·x2
    const x2s = (this.#x2 * this.#s) % N;
    const K = this.#Xp.subtract(this.#Xp2.multiply(x2s)).multiply(this.#x2);
    return encodePoint(K);
  }

  destroy(): void {
    this.#s = 0n;
    this.#x1 = 0n;
    this.#x2 = 0n;
    for (const part of [...this.#pending, ...this.#received]) part.fill(0);
    this.#pending = [];
    this.#received = [];
    this.#round = 0;
  }

  /** Round one: two key shares on the base point, each with its proof. */
  #roundOne(): Uint8Array[] {
    this.#x1 = randomScalar(this.#random);
    this.#X1 = G.multiply(this.#x1);
    const proof1 = prove(G, this.#x1, this.#X1, this.#me, randomScalar(this.#random));
    this.#x2 = randomScalar(this.#random);
    this.#X2 = G.multiply(this.#x2);
    const proof2 = prove(G, this.#x2, this.#X2, this.#me, randomScalar(this.#random));
    return [encodePoint(this.#X1), proof1.V, proof1.r, encodePoint(this.#X2), proof2.V, proof2.r];
  }

  /** Round two: A = (x2·s)·(X1 + Xp1 + Xp2), with its proof on that generator. */
  #roundTwo(): Uint8Array[] {
    const generator = this.#X1!.add(this.#Xp1!).add(this.#Xp2!);
    const xs = (this.#x2 * this.#s) % N;
    const A = generator.multiply(xs);
    const proof = prove(generator, xs, A, this.#me, randomScalar(this.#random));
    return [encodePoint(A), proof.V, proof.r];
  }

  #readRoundOne(parts: Uint8Array[]): void {
    const [share1, V1, r1, share2, V2, r2] = parts as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    this.#Xp1 = verifyKeyShare(G, share1, V1, r1, this.#peer);
    this.#Xp2 = verifyKeyShare(G, share2, V2, r2, this.#peer);
  }

  /** The peer's round-two share, on the generator X1 + X2 + Xp1. */
  #readRoundTwo(parts: Uint8Array[]): void {
    const [share, V, r] = parts as [Uint8Array, Uint8Array, Uint8Array];
    const generator = this.#X1!.add(this.#X2!).add(this.#Xp1!);
    this.#Xp = verifyKeyShare(generator, share, V, r, this.#peer);
  }
}

/**
 * Start an EC J-PAKE exchange for the password in `keyBuffer`. As Mbed TLS:
 * NOT_SUPPORTED unless the suite is P-256 with SHA-256 and the identities
 * are "client"/"server" (either way round); the password, read as a
 * big-endian integer, must not be a multiple of n (INVALID_ARGUMENT).
 */
export function jpakeSetup(_attributes: DriverKeyAttributes, keyBuffer: Uint8Array, inputs: PakeInputs): PakeContext {
  if (inputs.primitive >>> 0 !== P256 || PSA_ALG_GET_HASH(inputs.alg) !== PSA_ALG_SHA_256) {
    fail(PSA_ERROR_NOT_SUPPORTED, 'J-PAKE is supported over P-256 with SHA-256 only');
  }
  const client = new TextEncoder().encode('client');
  const server = new TextEncoder().encode('server');
  let role: JpakeRole;
  if (same(inputs.user, client) && same(inputs.peer, server)) role = 'client';
  else if (same(inputs.user, server) && same(inputs.peer, client)) role = 'server';
  else return fail(PSA_ERROR_NOT_SUPPORTED, 'J-PAKE identities must be "client" and "server"');
  const s = bytesToBigBE(keyBuffer) % N;
  if (s === 0n) fail(PSA_ERROR_INVALID_ARGUMENT, 'psa_pake_setup: the J-PAKE password reduces to 0 modulo the group order');
  return new JpakeContext(role, s, inputs.random);
}
