/**
 * WPA3-SAE in the software driver (PSA 1.5 §10.13.12, IEEE 802.11 §12.4)
 * for ECC group 19 (secp256r1, SHA-256): the looping variant
 * (`PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256)` with a PASSWORD key, which
 * holds the password with any password identifier appended) and the
 * hash-to-element variants (`PSA_ALG_WPA3_SAE_FIXED` / `_GDH` with a
 * `PSA_KEY_TYPE_WPA3_SAE_ECC` password token); for group 19 both give a
 * 256-bit KCK and PMK. The user and peer identities are the two MAC addresses.
 *
 * Steps, in the order the spec's flow allows:
 * - COMMIT out and COMMIT in, in either order, once each (a peer commit equal
 *   to ours, a reflection, is INVALID_ARGUMENT, as any invalid commit);
 * - SALT in, optional, before the keys are derived (the keyseed salt: the
 *   rejected-groups list for H2E; 32 zero bytes when not given);
 * - CONFIRM_COUNT in (2 bytes, little-endian) before each CONFIRM out; CONFIRM
 *   in verifies the peer's send-confirm ‖ confirm (INVALID_SIGNATURE when
 *   wrong); both may be repeated;
 * - KEY_ID out (the PMKID) and the shared key (the PMK) once a peer
 *   confirmation has been verified.
 * A step the algorithm does not have is INVALID_ARGUMENT, a step too early
 * or repeated BAD_STATE.
 * @module
 */
import type { DriverKeyAttributes } from '../driver.js';
import type { PakeContext, PakeInputs } from '../pake.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_ALG_GET_HASH, PSA_ALG_SHA_256, PSA_ECC_FAMILY_SECP_R1, PSA_KEY_TYPE_IS_WPA3_SAE_ECC, PSA_KEY_TYPE_PASSWORD } from '../../values/index.js';
import {
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_STEP_COMMIT,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_CONFIRM_COUNT,
  PSA_PAKE_STEP_KEY_ID,
  PSA_PAKE_STEP_SALT,
} from '../../values/pake.js';
import { copyBytes } from '../../bytes.js';
import { bytesToBigBE } from './ecc-codec.js';
import { LEN, R, confirmValue, deriveKeys, huntAndPeck, makeCommit, parseCommit, pweFromToken, type Commit, type SaePoint } from './sae-ecc.js';

const GROUP_19 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);

/** Constant-time equality of two byte strings. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

class SaeContext implements PakeContext {
  readonly #random: (length: number) => Uint8Array;
  #pwe: SaePoint | undefined;
  #rand = 0n;
  #own: Commit | undefined;
  #peer: Commit | undefined;
  #salt: Uint8Array | undefined;
  #keys: { kck: Uint8Array; pmk: Uint8Array; pmkid: Uint8Array } | undefined;
  #sendConfirm: number | undefined;
  #confirmed = false;

  constructor(pwe: SaePoint, random: (length: number) => Uint8Array) {
    this.#pwe = pwe;
    this.#random = random;
  }

  /** A scalar in [2, r−1] by rejection sampling. */
  #scalar(): bigint {
    for (;;) {
      const bytes = this.#random(LEN);
      const v = bytesToBigBE(bytes);
      bytes.fill(0);
      if (v > 1n && v < R) return v;
    }
  }

  #pweOrFail(): SaePoint {
    return this.#pwe ?? fail(PSA_ERROR_BAD_STATE, 'WPA3-SAE: the exchange has ended');
  }

  /** KCK, PMK and PMKID, derived once both commits are known. */
  #derived(fn: string): { kck: Uint8Array; pmk: Uint8Array; pmkid: Uint8Array } {
    if (!this.#own || !this.#peer) return fail(PSA_ERROR_BAD_STATE, `${fn}: both commits are needed first`);
    this.#keys ??= deriveKeys(this.#pweOrFail(), this.#rand, this.#own, this.#peer, this.#salt ?? new Uint8Array(LEN));
    return this.#keys;
  }

  output(step: number): Uint8Array {
    const fn = 'psa_pake_output';
    switch (step) {
      case PSA_PAKE_STEP_COMMIT: {
        if (this.#own) fail(PSA_ERROR_BAD_STATE, `${fn}: the commit was already output`);
        const pwe = this.#pweOrFail();
        for (;;) {
          const rand = this.#scalar();
          const commit = makeCommit(pwe, rand, this.#scalar());
          if (commit.scalar > 1n) {
            this.#rand = rand;
            this.#own = commit;
            return copyBytes(commit.bytes);
          }
        }
      }
      case PSA_PAKE_STEP_CONFIRM: {
        if (this.#sendConfirm === undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the send-confirm counter is needed first (PSA_PAKE_STEP_CONFIRM_COUNT)`);
        const { kck } = this.#derived(fn);
        return confirmValue(kck, this.#sendConfirm, this.#own!, this.#peer!);
      }
      case PSA_PAKE_STEP_KEY_ID:
        if (!this.#confirmed) fail(PSA_ERROR_BAD_STATE, `${fn}: the PMKID is available once the peer is confirmed`);
        return copyBytes(this.#keys!.pmkid);
      default:
        return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: WPA3-SAE has no output step ${step}`);
    }
  }

  input(step: number, data: Uint8Array): void {
    const fn = 'psa_pake_input';
    switch (step) {
      case PSA_PAKE_STEP_COMMIT: {
        if (this.#peer) fail(PSA_ERROR_BAD_STATE, `${fn}: the peer commit was already input`);
        this.#pweOrFail();
        const peer = parseCommit(data);
        if (this.#own && sameBytes(this.#own.bytes, peer.bytes)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the peer commit reflects ours`);
        this.#peer = peer;
        return;
      }
      case PSA_PAKE_STEP_SALT:
        if (this.#salt !== undefined || this.#keys !== undefined) fail(PSA_ERROR_BAD_STATE, `${fn}: the salt comes once, before the keys are derived`);
        this.#salt = copyBytes(data);
        return;
      case PSA_PAKE_STEP_CONFIRM_COUNT:
        if (!this.#own || !this.#peer) fail(PSA_ERROR_BAD_STATE, `${fn}: both commits are needed first`);
        if (data.length !== 2) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the send-confirm counter is 2 bytes`);
        this.#sendConfirm = data[0]! | (data[1]! << 8);
        return;
      case PSA_PAKE_STEP_CONFIRM: {
        if (data.length !== 2 + LEN) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a confirmation is send-confirm ‖ confirm, ${2 + LEN} bytes`);
        const { kck } = this.#derived(fn);
        const expected = confirmValue(kck, data[0]! | (data[1]! << 8), this.#peer!, this.#own!);
        const ok = sameBytes(expected, data);
        expected.fill(0);
        if (!ok) fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: the peer confirmation is wrong`);
        this.#confirmed = true;
        return;
      }
      default:
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: WPA3-SAE has no input step ${step}`);
    }
  }

  sharedSecret(): Uint8Array {
    if (!this.#confirmed || !this.#keys) return fail(PSA_ERROR_BAD_STATE, 'WPA3-SAE: the PMK is available once the peer is confirmed');
    return copyBytes(this.#keys.pmk);
  }

  destroy(): void {
    this.#pwe = undefined;
    this.#rand = 0n;
    if (this.#keys) {
      this.#keys.kck.fill(0);
      this.#keys.pmk.fill(0);
      this.#keys = undefined;
    }
    this.#salt?.fill(0);
    this.#confirmed = false;
  }
}

/**
 * Start a WPA3-SAE exchange. NOT_SUPPORTED for groups other than 19 and
 * for an unconfirmed key; INVALID_ARGUMENT for a hash other than SHA-256 or
 * a key that does not fit the variant (the core checks most of this first).
 */
export function wpa3SaeSetup(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, inputs: PakeInputs): PakeContext {
  const fn = 'psa_pake_setup';
  if (inputs.primitive >>> 0 !== GROUP_19) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE is supported for group 19 (secp256r1) only`);
  if (PSA_ALG_GET_HASH(inputs.alg) !== PSA_ALG_SHA_256) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: group 19 uses SHA-256`);
  if (inputs.keyConfirmation !== PSA_PAKE_CONFIRMED_KEY) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE releases a confirmed key only`);
  let pwe: SaePoint;
  if (attributes.type === PSA_KEY_TYPE_PASSWORD) pwe = huntAndPeck(keyBuffer, inputs.user, inputs.peer);
  else if (PSA_KEY_TYPE_IS_WPA3_SAE_ECC(attributes.type) && keyBuffer.length === 2 * LEN) pwe = pweFromToken(keyBuffer, inputs.user, inputs.peer);
  else return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key does not fit WPA3-SAE`);
  return new SaeContext(pwe, inputs.random);
}
