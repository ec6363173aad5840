/**
 * SRP-6 in the software driver (Oberon PSA Crypto's `PSA_ALG_SRP_6(hash)`,
 * SRP-6a as Apple HomeKit uses it; arithmetic in `pake/srp/math.ts`). The client
 * (`PSA_PAKE_ROLE_CLIENT`) holds the password hash (an SRP key pair), the
 * server (`PSA_PAKE_ROLE_SERVER`) the verifier (an SRP public key, or a pair);
 * the user name is set with `psa_pake_set_user`.
 *
 * Steps, as Oberon documents them: SALT in, the peer's KEY_SHARE in and our
 * KEY_SHARE out, in any order; then the client outputs CONFIRM (M1) and
 * inputs the server's (M2); the server inputs M1 and outputs M2. The shared
 * key K = H(S) is released after the confirmation. A public value that is
 * 0 mod N, or of the wrong length, is INVALID_ARGUMENT; a wrong proof
 * INVALID_SIGNATURE (compared in constant time); a step out of order BAD_STATE.
 * @module
 */
import type { CHash } from '@noble/hashes/utils.js';
import type { DriverKeyAttributes } from '../../../driver.js';
import type { PakeContext, PakeInputs } from '../../../pake.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { PSA_ALG_GET_HASH } from '../../../../values/index.js';
import { PSA_KEY_TYPE_IS_SRP_KEY_PAIR, PSA_KEY_TYPE_SRP_GET_FAMILY } from '../../../../values/srp.js';
import {
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE_GET_BITS,
  PSA_PAKE_PRIMITIVE_GET_FAMILY,
  PSA_PAKE_PRIMITIVE_GET_TYPE,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_STEP_SALT,
} from '../../../../values/pake.js';
import { copyBytes } from '../../../../bytes.js';
import { bigIntFromBytes } from '../../dh/math.js';
import { NOBLE_HMAC_HASHES } from '../../hash/noble.js';
import {
  clientProof,
  clientPublic,
  clientSecret,
  pad,
  serverProof,
  serverPublic,
  serverSecret,
  sessionKey,
  srpGroup,
  verifier,
  type SrpGroup,
} from './math.js';

/** Constant-time equality of two byte strings. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Bytes of the private exponents a and b (256 bits, as Oberon draws them). */
const PRIVATE_BYTES = 32;

class SrpContext implements PakeContext {
  readonly #hash: CHash;
  readonly #group: SrpGroup;
  readonly #client: boolean;
  readonly #user: Uint8Array;
  readonly #random: (length: number) => Uint8Array;
  /** Client: the password hash x; server: undefined. */
  #x: Uint8Array | undefined;
  /** The verifier v (server). */
  #v = 0n;
  #salt: Uint8Array | undefined;
  #private = 0n;
  #own: bigint | undefined;
  #peer: bigint | undefined;
  #K: Uint8Array | undefined;
  #M1: Uint8Array | undefined;
  #proofSent = false;
  #proofReceived = false;
  #failed = false;

  constructor(hash: CHash, group: SrpGroup, client: boolean, user: Uint8Array, x: Uint8Array | undefined, v: bigint, random: (length: number) => Uint8Array) {
    this.#hash = hash;
    this.#group = group;
    this.#client = client;
    this.#user = copyBytes(user);
    this.#x = x && copyBytes(x);
    this.#v = v;
    this.#random = random;
  }

  #live(fn: string): void {
    if (this.#failed) fail(PSA_ERROR_BAD_STATE, `${fn}: the exchange has ended`);
  }

  /** K and M1, once the salt and both public values are known. */
  #session(fn: string): { K: Uint8Array; M1: Uint8Array } {
    if (this.#salt === undefined || this.#own === undefined || this.#peer === undefined) {
      return fail(PSA_ERROR_BAD_STATE, `${fn}: the salt and both key shares are needed first`);
    }
    if (!this.#K) {
      const [A, B] = this.#client ? [this.#own, this.#peer] : [this.#peer, this.#own];
      const S = this.#client
        ? clientSecret(this.#hash, this.#group, this.#x!, this.#private, A, B)
        : serverSecret(this.#hash, this.#group, this.#v, this.#private, A, B);
      this.#K = sessionKey(this.#hash, S);
      this.#M1 = clientProof(this.#hash, this.#group, this.#user, this.#salt, A, B, this.#K);
      this.#private = 0n;
    }
    return { K: this.#K, M1: this.#M1! };
  }

  output(step: number): Uint8Array {
    const fn = 'psa_pake_output';
    this.#live(fn);
    if (step === PSA_PAKE_STEP_KEY_SHARE) {
      if (this.#own !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the key share was already output`);
      const bytes = this.#random(PRIVATE_BYTES);
      this.#private = bigIntFromBytes(bytes);
      bytes.fill(0);
      this.#own = this.#client ? clientPublic(this.#group, this.#private) : serverPublic(this.#hash, this.#group, this.#v, this.#private);
      return pad(this.#group, this.#own);
    }
    if (step === PSA_PAKE_STEP_CONFIRM) {
      const { K, M1 } = this.#session(fn);
      if (this.#client) {
        if (this.#proofSent) fail(PSA_ERROR_BAD_STATE, `${fn}: M1 was already output`);
        this.#proofSent = true;
        return copyBytes(M1);
      }
      if (!this.#proofReceived || this.#proofSent) fail(PSA_ERROR_BAD_STATE, `${fn}: M2 follows a verified M1, once`);
      this.#proofSent = true;
      return serverProof(this.#hash, this.#peer!, M1, K);
    }
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: SRP has no output step ${step}`);
  }

  input(step: number, data: Uint8Array): void {
    const fn = 'psa_pake_input';
    this.#live(fn);
    try {
      if (step === PSA_PAKE_STEP_SALT) {
        if (this.#salt !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the salt was already input`);
        this.#salt = copyBytes(data);
        return;
      }
      if (step === PSA_PAKE_STEP_KEY_SHARE) {
        if (this.#peer !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the peer key share was already input`);
        if (data.length !== this.#group.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an SRP key share has the length of the group's prime`);
        const value = bigIntFromBytes(data);
        if (value % this.#group.N === 0n) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the peer key share is 0 mod N`);
        this.#peer = value;
        return;
      }
      if (step === PSA_PAKE_STEP_CONFIRM) {
        const { K, M1 } = this.#session(fn);
        if (this.#proofReceived) fail(PSA_ERROR_BAD_STATE, `${fn}: the peer proof was already input`);
        if (this.#client && !this.#proofSent) fail(PSA_ERROR_BAD_STATE, `${fn}: the client outputs M1 first`);
        const expected = this.#client ? serverProof(this.#hash, this.#own!, M1, K) : M1;
        if (!sameBytes(expected, data)) fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: the peer proof is wrong`);
        this.#proofReceived = true;
        return;
      }
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: SRP has no input step ${step}`);
    } catch (err) {
      this.destroy();
      throw err;
    }
  }

  sharedSecret(): Uint8Array {
    if (!this.#proofSent || !this.#proofReceived || !this.#K) return fail(PSA_ERROR_BAD_STATE, 'SRP: the shared key is available after both proofs');
    return copyBytes(this.#K);
  }

  destroy(): void {
    this.#x?.fill(0);
    this.#x = undefined;
    this.#K?.fill(0);
    this.#private = 0n;
    this.#failed = true;
  }
}

/**
 * Start an SRP-6 exchange: the primitive must be an RFC 3526 group this
 * driver has (NOT_SUPPORTED otherwise) matching the key; the client needs
 * the key pair (the core checks roles and key types first).
 */
export function srpSetup(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, inputs: PakeInputs): PakeContext {
  const fn = 'psa_pake_setup';
  const prim = inputs.primitive;
  const group = PSA_PAKE_PRIMITIVE_GET_TYPE(prim) === PSA_PAKE_PRIMITIVE_TYPE_DH ? srpGroup(PSA_PAKE_PRIMITIVE_GET_FAMILY(prim), PSA_PAKE_PRIMITIVE_GET_BITS(prim)) : undefined;
  if (!group) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the SRP group is not supported`);
  if (PSA_KEY_TYPE_SRP_GET_FAMILY(attributes.type) !== PSA_PAKE_PRIMITIVE_GET_FAMILY(prim) || attributes.bits !== PSA_PAKE_PRIMITIVE_GET_BITS(prim)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key does not fit the SRP group`);
  }
  const hash = NOBLE_HMAC_HASHES.get(PSA_ALG_GET_HASH(inputs.alg)) ?? fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the hash is not supported`);
  if (inputs.keyConfirmation !== PSA_PAKE_CONFIRMED_KEY) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: SRP releases a confirmed key only`);
  const client = inputs.role === PSA_PAKE_ROLE_CLIENT;
  const pair = PSA_KEY_TYPE_IS_SRP_KEY_PAIR(attributes.type);
  if (client && !pair) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the SRP client needs a key pair`);
  const v = pair ? verifier(group, keyBuffer) : bigIntFromBytes(keyBuffer);
  return new SrpContext(hash, group, client, inputs.user, pair ? keyBuffer : undefined, v, inputs.random);
}
