/**
 * WPA3-SAE in the software driver (PSA 1.5 §10.13.12, IEEE 802.11 §12.4)
 * for the ECC groups 19, 20, 21 (secp256r1, secp384r1, secp521r1) and 28, 29,
 * 30 (brainpoolP256r1, P384r1, P512r1) and the finite-field groups 15, 16,
 * 17, 18 (RFC 3526, 3072 to 8192 bits): the
 * looping variant (`PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256)` with a PASSWORD
 * key, which holds the password with any password identifier appended) and
 * the hash-to-element variants (`PSA_ALG_WPA3_SAE_FIXED(hash)` /
 * `_GDH(hash)` with a `PSA_KEY_TYPE_WPA3_SAE_ECC` or `_DH` password token
 * of the primitive's group and the group's hash). The KCK has the hash's length; the PMK is 256 bits, or the
 * hash's length for GDH (Table 19). The user and peer identities are the two
 * MAC addresses.
 *
 * Steps, in the order the spec's flow allows:
 * - COMMIT out and COMMIT in, in either order, once each (a peer commit equal
 *   to ours, a reflection, is INVALID_ARGUMENT, as any invalid commit);
 * - SALT in, optional, before the keys are derived (the keyseed salt: the
 *   rejected-groups list for H2E; a hash-length string of zeros when not given);
 * - CONFIRM_COUNT in (2 bytes, little-endian) before each CONFIRM out; CONFIRM
 *   in verifies the peer's send-confirm ‖ confirm (INVALID_SIGNATURE when
 *   wrong); both may be repeated;
 * - KEY_ID out (the PMKID) and the shared key (the PMK) once a peer
 *   confirmation has been verified.
 * A step the algorithm does not have is INVALID_ARGUMENT, a step too early
 * or repeated BAD_STATE.
 * @module
 */
import type { DriverKeyAttributes } from '../../../driver.js';
import type { PakeContext, PakeInputs } from '../../../pake.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import {
  PSA_ALG_GET_HASH,
  PSA_ALG_IS_WPA3_SAE_GDH,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_IS_WPA3_SAE_DH,
  PSA_KEY_TYPE_IS_WPA3_SAE_ECC,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY,
  PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY,
} from '../../../../values/index.js';
import {
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_GET_BITS,
  PSA_PAKE_PRIMITIVE_GET_FAMILY,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_STEP_COMMIT,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_CONFIRM_COUNT,
  PSA_PAKE_STEP_KEY_ID,
  PSA_PAKE_STEP_SALT,
} from '../../../../values/pake.js';
import { copyBytes } from '../../../../bytes.js';
import { bytesToBigBE } from '../../ecc/codec.js';
import { confirmValue, deriveKeys, saeHash, type Commit, type SaeExchangeGroup, type SaeHash, type SaeKeys } from './common.js';
import { eccExchangeGroup, saeGroup } from './ecc.js';
import { saeFfcGroup } from './ffc.js';

/** Constant-time equality of two byte strings. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

class SaeContext implements PakeContext {
  readonly #group: SaeExchangeGroup;
  readonly #hash: SaeHash;
  readonly #pmkLength: number;
  readonly #random: (length: number) => Uint8Array;
  #pwe: unknown;
  #rand = 0n;
  #own: Commit | undefined;
  #peer: Commit | undefined;
  #salt: Uint8Array | undefined;
  #keys: SaeKeys | undefined;
  #sendConfirm: number | undefined;
  #confirmed = false;

  constructor(group: SaeExchangeGroup, hash: SaeHash, pmkLength: number, pwe: unknown, random: (length: number) => Uint8Array) {
    this.#group = group;
    this.#hash = hash;
    this.#pmkLength = pmkLength;
    this.#pwe = pwe;
    this.#random = random;
  }

  /** A scalar in [2, r−1] by rejection sampling (len(p) bytes drawn, bits above r's length masked off). */
  #scalar(): bigint {
    const { len, order } = this.#group;
    const spare = 8 * len - order.toString(2).length;
    for (;;) {
      const bytes = this.#random(len);
      bytes[0]! &= 0xff >> spare;
      const v = bytesToBigBE(bytes);
      bytes.fill(0);
      if (v > 1n && v < order) return v;
    }
  }

  #pweOrFail(): unknown {
    return this.#pwe ?? fail(PSA_ERROR_BAD_STATE, 'WPA3-SAE: the exchange has ended');
  }

  /** KCK, PMK and PMKID, derived once both commits are known. */
  #derived(fn: string): SaeKeys {
    if (!this.#own || !this.#peer) return fail(PSA_ERROR_BAD_STATE, `${fn}: both commits are needed first`);
    if (!this.#keys) {
      const k = this.#group.sharedSecret(this.#pweOrFail(), this.#rand, this.#peer);
      this.#keys = deriveKeys(this.#group, this.#hash, this.#pmkLength, k, this.#own, this.#peer, this.#salt ?? new Uint8Array(this.#hash.outputLen));
      k.fill(0);
    }
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
          const commit = this.#group.makeCommit(pwe, rand, this.#scalar());
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
        const confirm = confirmValue(this.#hash, kck, this.#sendConfirm, this.#own!, this.#peer!);
        // Each confirmation attempt takes a fresh counter (PSA 1.5 §10.13.12, Confirm).
        this.#sendConfirm = undefined;
        return confirm;
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
        const peer = this.#group.parseCommit(data);
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
        const size = 2 + this.#hash.outputLen;
        if (data.length !== size) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a confirmation is send-confirm ‖ confirm, ${size} bytes`);
        const { kck } = this.#derived(fn);
        const expected = confirmValue(this.#hash, kck, data[0]! | (data[1]! << 8), this.#peer!, this.#own!);
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

/** The exchange group of a cipher suite's primitive, with its token key type test and token size; undefined when not supported. */
function exchangeGroup(primitive: number): { group: SaeExchangeGroup; tokenFits: (type: number) => boolean; tokenSize: number } | undefined {
  const bits = PSA_PAKE_PRIMITIVE_GET_BITS(primitive);
  const family = PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive);
  if (primitive >>> 0 === PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, family, bits)) {
    const g = saeGroup(family, bits);
    const tokenFits = (type: number): boolean => PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type) && PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type) === family;
    return g && { group: eccExchangeGroup(g), tokenFits, tokenSize: 2 * g.len };
  }
  if (primitive >>> 0 === PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, family, bits)) {
    const g = saeFfcGroup(family, bits);
    const tokenFits = (type: number): boolean => PSA_KEY_TYPE_IS_WPA3_SAE_DH(type) && PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY(type) === family;
    return g && { group: g, tokenFits, tokenSize: g.len };
  }
  return undefined;
}

/**
 * Start a WPA3-SAE exchange. NOT_SUPPORTED for groups other than 19–21,
 * 28–30 and 15–18 and for an unconfirmed key; INVALID_ARGUMENT for a hash
 * that does not fit the variant and group, or a key that does not fit the
 * variant (the core checks most of this first).
 */
export function wpa3SaeSetup(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, inputs: PakeInputs): PakeContext {
  const fn = 'psa_pake_setup';
  const suite = exchangeGroup(inputs.primitive);
  if (!suite) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE is supported for the ECC groups 19–21 and 28–30 and the finite-field groups 15–18 only`);
  const { group } = suite;
  if (inputs.keyConfirmation !== PSA_PAKE_CONFIRMED_KEY) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE releases a confirmed key only`);
  const hashAlg = PSA_ALG_GET_HASH(inputs.alg);
  const gdh = PSA_ALG_IS_WPA3_SAE_GDH(inputs.alg);
  let pwe: unknown;
  if (attributes.type === PSA_KEY_TYPE_PASSWORD && !gdh) {
    if (hashAlg !== PSA_ALG_SHA_256) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the looping WPA3-SAE variant uses SHA-256`);
    pwe = group.huntAndPeck(keyBuffer, inputs.user, inputs.peer);
  } else if (suite.tokenFits(attributes.type) && attributes.bits === group.bits && keyBuffer.length === suite.tokenSize) {
    if (hashAlg !== group.hashAlg) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: group ${group.id} uses ${group.hash.outputLen * 8}-bit SHA-2 for hash-to-element`);
    pwe = group.pweFromToken(keyBuffer, inputs.user, inputs.peer);
  } else {
    return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the key does not fit WPA3-SAE`);
  }
  const hash = saeHash(hashAlg)!;
  return new SaeContext(group, hash, gdh ? hash.outputLen : 32, pwe, inputs.random);
}
