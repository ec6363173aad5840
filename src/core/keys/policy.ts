/**
 * Key policies: which algorithm a key permits (primary `alg` and Mbed TLS's
 * second `alg2`), wildcard matching, the intersection used by `psa_copy_key`,
 * and usage-flag validation. The rules are those of the PSA spec §9.6 and
 * exactly the choices Mbed TLS makes where the spec leaves room.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_PERMITTED } from '../../values/status.js';
import {
  PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG,
  PSA_ALG_AEAD_GET_TAG_LENGTH,
  PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG,
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_ANY_HASH,
  PSA_ALG_AT_LEAST_THIS_LENGTH_MAC,
  PSA_ALG_CCM,
  PSA_ALG_CCM_STAR_ANY_TAG,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_ECDSA_ANY,
  PSA_ALG_FULL_LENGTH_MAC,
  PSA_ALG_GET_HASH,
  PSA_ALG_IS_AEAD,
  PSA_ALG_IS_BLOCK_CIPHER_MAC,
  PSA_ALG_IS_ECDSA,
  PSA_ALG_IS_HASH_AND_SIGN,
  PSA_ALG_IS_HMAC,
  PSA_ALG_IS_JPAKE,
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_IS_MAC,
  PSA_ALG_IS_RAW_KEY_AGREEMENT,
  PSA_ALG_IS_SIGN_HASH,
  PSA_ALG_IS_WPA3_SAE,
  PSA_ALG_IS_WPA3_SAE_H2E,
  PSA_ALG_JPAKE_BETA,
  PSA_ALG_KEY_AGREEMENT_GET_BASE,
  PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG,
  PSA_ALG_SIGN_GET_HASH,
  PSA_ALG_TRUNCATED_MAC,
  PSA_ALG_WPA3_SAE_ANY,
  PSA_BLOCK_CIPHER_BLOCK_LENGTH,
  PSA_KEY_TYPE_CATEGORY_MASK,
  PSA_KEY_TYPE_CATEGORY_SYMMETRIC,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_COPY,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_UNWRAP,
  PSA_KEY_USAGE_VERIFY_DERIVATION,
  PSA_KEY_USAGE_VERIFY_HASH,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_KEY_USAGE_WRAP,
  PSA_MAC_LENGTH,
  PSA_MAC_TRUNCATED_LENGTH,
  describe,
} from '../../values/index.js';

/** The policy part of a key's attributes. */
export interface KeyPolicy {
  readonly usage: number;
  readonly alg: number;
  readonly alg2: number;
}

const HASH_MASK = 0xff;
const MAC_AT_LEAST_FLAG = 0x00008000;
const AEAD_AT_LEAST_FLAG = 0x00008000;

/**
 * Usage flags a key policy may carry. Mbed TLS rejects CACHE (unimplemented)
 * and DERIVE_PUBLIC (a query-only flag). WRAP/UNWRAP are the key-wrapping usages (PSA 1.4).
 */
export const VALID_POLICY_USAGE =
  (PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT |
    PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_SIGN_HASH |
    PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_DERIVATION | PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_WRAP | PSA_KEY_USAGE_UNWRAP) >>> 0;

/** `psa_validate_key_policy`: reject usage flags a stored policy cannot have. */
export function validatePolicy(policy: KeyPolicy, fn: string): void {
  if ((policy.usage & ~VALID_POLICY_USAGE) !== 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: usage ${describe(policy.usage, 'usage')} is not a valid key policy`);
  }
}

/** Whether `alg` (a MAC algorithm) can be used with a key of `keyType` (Mbed TLS `psa_mac_key_can_do`). */
export function macKeyCanDo(alg: number, keyType: number): boolean {
  // The 1.5 reference PSA_ALG_IS_HMAC also tests bit 15, so it is false for an
  // at-least-this-length wildcard: classify the full-length base algorithm.
  const base = PSA_ALG_FULL_LENGTH_MAC(alg);
  if (PSA_ALG_IS_HMAC(base) && keyType === PSA_KEY_TYPE_HMAC) return true;
  if (PSA_ALG_IS_BLOCK_CIPHER_MAC(base) &&
      (keyType & PSA_KEY_TYPE_CATEGORY_MASK) === PSA_KEY_TYPE_CATEGORY_SYMMETRIC &&
      PSA_BLOCK_CIPHER_BLOCK_LENGTH(keyType) > 1) {
    return true;
  }
  return false;
}

const sameBase = (a: number, b: number): boolean => ((a & ~HASH_MASK) >>> 0) === ((b & ~HASH_MASK) >>> 0);

/** Whether one policy algorithm permits a specific requested algorithm. */
export function algorithmPermits(keyType: number, policyAlg: number, requested: number): boolean {
  if (requested === policyAlg) return true;
  if (PSA_ALG_IS_SIGN_HASH(requested) && PSA_ALG_SIGN_GET_HASH(policyAlg) === PSA_ALG_ANY_HASH) {
    // PSA spec: ECDSA_ANY is permitted only by itself, not by ECDSA(ANY_HASH)
    // (Mbed TLS permits it; none of its test vectors depends on that).
    if (requested === PSA_ALG_ECDSA_ANY) return false;
    return sameBase(policyAlg, requested);
  }
  if (PSA_ALG_IS_AEAD(policyAlg) && PSA_ALG_IS_AEAD(requested) &&
      PSA_ALG_AEAD_WITH_SHORTENED_TAG(policyAlg, 0) === PSA_ALG_AEAD_WITH_SHORTENED_TAG(requested, 0) &&
      (policyAlg & AEAD_AT_LEAST_FLAG) !== 0) {
    return PSA_ALG_AEAD_GET_TAG_LENGTH(policyAlg) <= PSA_ALG_AEAD_GET_TAG_LENGTH(requested);
  }
  if (PSA_ALG_IS_MAC(policyAlg) && PSA_ALG_IS_MAC(requested) &&
      PSA_ALG_FULL_LENGTH_MAC(policyAlg) === PSA_ALG_FULL_LENGTH_MAC(requested)) {
    if (!macKeyCanDo(policyAlg, keyType)) return false;
    const requestedLength = PSA_MAC_LENGTH(keyType, 0, requested);
    const defaultLength = PSA_MAC_LENGTH(keyType, 0, PSA_ALG_FULL_LENGTH_MAC(requested));
    if (PSA_MAC_TRUNCATED_LENGTH(policyAlg) === 0) return requestedLength === defaultLength;
    if (PSA_MAC_TRUNCATED_LENGTH(requested) === 0 && PSA_MAC_TRUNCATED_LENGTH(policyAlg) === defaultLength) {
      return true;
    }
    if ((policyAlg & MAC_AT_LEAST_FLAG) !== 0) return PSA_MAC_TRUNCATED_LENGTH(policyAlg) <= requestedLength;
  }
  if (PSA_ALG_IS_RAW_KEY_AGREEMENT(policyAlg) && PSA_ALG_IS_KEY_AGREEMENT(requested)) {
    return PSA_ALG_KEY_AGREEMENT_GET_BASE(requested) === policyAlg;
  }
  // PSA 1.2: CCM_STAR_ANY_TAG permits CCM* without tag, and CCM with a 4-, 8- or 16-byte tag.
  if (policyAlg === PSA_ALG_CCM_STAR_ANY_TAG) {
    if (requested === PSA_ALG_CCM_STAR_NO_TAG) return true;
    if (PSA_ALG_AEAD_WITH_SHORTENED_TAG(requested, 0) === PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 0)) {
      return (requested & AEAD_AT_LEAST_FLAG) === 0 && [4, 8, 16].includes(PSA_ALG_AEAD_GET_TAG_LENGTH(requested));
    }
  }
  // PSA 1.4: WPA3_SAE_ANY permits H2E and WPA3-SAE with any hash; H2E(ANY_HASH) any H2E.
  if (policyAlg === PSA_ALG_WPA3_SAE_ANY && (PSA_ALG_IS_WPA3_SAE_H2E(requested) || PSA_ALG_IS_WPA3_SAE(requested))) return true;
  if (PSA_ALG_IS_WPA3_SAE_H2E(policyAlg) && PSA_ALG_GET_HASH(policyAlg) === PSA_ALG_ANY_HASH && PSA_ALG_IS_WPA3_SAE_H2E(requested)) return true;
  // Mbed TLS 3.x stored J-PAKE policies without a hash; they permit any J-PAKE.
  if (policyAlg === PSA_ALG_JPAKE_BETA && PSA_ALG_IS_JPAKE(requested)) return true;
  return false;
}

/** The bit that distinguishes deterministic ECDSA from randomized ECDSA (`0x06000700` vs `0x06000600`). */
const ECDSA_DETERMINISTIC_FLAG = 0x00000100;

/** Randomized ECDSA with the hash of `alg` when `alg` is (deterministic) ECDSA with a hash; otherwise `alg`. */
function verifyEquivalent(alg: number): number {
  if (!PSA_ALG_IS_ECDSA(alg) || PSA_ALG_SIGN_GET_HASH(alg) === 0) return alg;
  return (alg & ~ECDSA_DETERMINISTIC_FLAG) >>> 0;
}

/**
 * Whether a policy algorithm permits `requested` for verification (PSA 1.4):
 * as `algorithmPermits`, and in addition ECDSA(h) and DETERMINISTIC_ECDSA(h)
 * (and their ANY_HASH wildcards) permit each other. `ECDSA_ANY` is unchanged.
 */
export function algorithmPermitsVerify(keyType: number, policyAlg: number, requested: number): boolean {
  if (algorithmPermits(keyType, policyAlg, requested)) return true;
  const p = verifyEquivalent(policyAlg);
  const r = verifyEquivalent(requested);
  return (p !== policyAlg || r !== requested) && algorithmPermits(keyType, p, r);
}

/** Options of `checkPolicyPermits`. */
export interface PermitOptions {
  /** The key is used to verify (VERIFY_HASH / VERIFY_MESSAGE): the PSA 1.4 verification equivalences apply. */
  readonly verify?: boolean;
}

/**
 * Mbed TLS 3.6's `PSA_ALG_IS_WILDCARD` (`crypto_values.h`), the test its
 * `psa_key_policy_permits` applies to a requested algorithm before the
 * policy (INVALID_ARGUMENT): a hash-and-sign algorithm with ANY_HASH, a MAC
 * or AEAD algorithm with the at-least-this-length flag, ANY_HASH itself.
 * The spec's macro also counts every other algorithm whose hash field is
 * ANY_HASH (HMAC(ANY_HASH), HKDF(ANY_HASH), any value ending in 0xff); Mbed
 * TLS takes those as specific algorithms, which the policy then permits or
 * not. `PSA_ALG_CCM_STAR_ANY_TAG` (PSA 1.2, not in Mbed TLS 3.6) keeps the
 * spec's rule.
 */
export function isRequestWildcard(alg: number): boolean {
  if (PSA_ALG_IS_HASH_AND_SIGN(alg)) return PSA_ALG_SIGN_GET_HASH(alg) === PSA_ALG_ANY_HASH;
  if (PSA_ALG_IS_MAC(alg)) return (alg & PSA_ALG_MAC_AT_LEAST_THIS_LENGTH_FLAG) !== 0;
  if (PSA_ALG_IS_AEAD(alg)) return (alg & PSA_ALG_AEAD_AT_LEAST_THIS_LENGTH_FLAG) !== 0;
  return alg === PSA_ALG_ANY_HASH || alg === PSA_ALG_CCM_STAR_ANY_TAG;
}

/**
 * `psa_key_policy_permits`: INVALID_ARGUMENT for 0 or a wildcard request
 * (`isRequestWildcard`, Mbed TLS's test),
 * NOT_PERMITTED when neither `alg` nor `alg2` permits it. With
 * `{ verify: true }`, randomized and deterministic ECDSA with the same hash
 * are equivalent (PSA 1.4; Mbed TLS has no such rule and no vector on it).
 */
export function checkPolicyPermits(policy: KeyPolicy, keyType: number, alg: number, fn: string, options: PermitOptions = {}): void {
  if (alg === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: PSA_ALG_NONE is not an algorithm`);
  if (isRequestWildcard(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${describe(alg, 'alg')} is a wildcard, not a specific algorithm`);
  }
  const permits = options.verify === true ? algorithmPermitsVerify : algorithmPermits;
  if (!permits(keyType, policy.alg, alg) && !permits(keyType, policy.alg2, alg)) {
    fail(PSA_ERROR_NOT_PERMITTED, `${fn}: the key policy does not permit ${describe(alg, 'alg')}`);
  }
}

/** The algorithm both policies allow, or 0 when they have nothing in common. */
export function algorithmIntersection(keyType: number, alg1: number, alg2: number): number {
  if (alg1 === alg2) return alg1;
  if (PSA_ALG_IS_SIGN_HASH(alg1) && PSA_ALG_IS_SIGN_HASH(alg2) && sameBase(alg1, alg2)) {
    if (PSA_ALG_SIGN_GET_HASH(alg1) === PSA_ALG_ANY_HASH) return alg2;
    if (PSA_ALG_SIGN_GET_HASH(alg2) === PSA_ALG_ANY_HASH) return alg1;
  }
  if (PSA_ALG_IS_AEAD(alg1) && PSA_ALG_IS_AEAD(alg2) &&
      PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg1, 0) === PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg2, 0)) {
    const len1 = PSA_ALG_AEAD_GET_TAG_LENGTH(alg1);
    const len2 = PSA_ALG_AEAD_GET_TAG_LENGTH(alg2);
    const wild1 = (alg1 & AEAD_AT_LEAST_FLAG) !== 0;
    const wild2 = (alg2 & AEAD_AT_LEAST_FLAG) !== 0;
    if (wild1 && wild2) return PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(alg1, Math.max(len1, len2));
    if (wild1 && len1 <= len2) return alg2;
    if (wild2 && len2 <= len1) return alg1;
  }
  if (PSA_ALG_IS_MAC(alg1) && PSA_ALG_IS_MAC(alg2) && PSA_ALG_FULL_LENGTH_MAC(alg1) === PSA_ALG_FULL_LENGTH_MAC(alg2)) {
    if (!macKeyCanDo(alg1, keyType)) return 0;
    const len1 = PSA_MAC_LENGTH(keyType, 0, alg1);
    const len2 = PSA_MAC_LENGTH(keyType, 0, alg2);
    const wild1 = (alg1 & MAC_AT_LEAST_FLAG) !== 0;
    const wild2 = (alg2 & MAC_AT_LEAST_FLAG) !== 0;
    if (wild1 && wild2) return PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(alg1, Math.max(len1, len2));
    if (wild1) return len1 <= len2 ? alg2 : 0;
    if (wild2) return len2 <= len1 ? alg1 : 0;
    if (len1 === len2) return PSA_ALG_TRUNCATED_MAC(alg1, len1);
  }
  return 0;
}

/**
 * `psa_restrict_key_policy`: the policy of a copy is the intersection of the
 * requested policy and the source's. INVALID_ARGUMENT when both name an
 * algorithm and they are incompatible.
 */
export function restrictPolicy(keyType: number, requested: KeyPolicy, source: KeyPolicy, fn: string): KeyPolicy {
  const alg = algorithmIntersection(keyType, requested.alg, source.alg);
  const alg2 = algorithmIntersection(keyType, requested.alg2, source.alg2);
  if ((alg === 0 && requested.alg !== 0 && source.alg !== 0) ||
      (alg2 === 0 && requested.alg2 !== 0 && source.alg2 !== 0)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the requested policy and the source key's policy have no algorithm in common`);
  }
  return { usage: (requested.usage & source.usage) >>> 0, alg, alg2 };
}
