/**
 * The order of the signature functions' checks, Mbed TLS 3.6's
 * (`library/psa_crypto.c`), with inputs that fail two checks at once:
 * - `psa_sign_internal` / `psa_verify_internal`: `psa_sign_verify_check_alg`
 *   (algorithm-only checks: a message function needs a message algorithm,
 *   no ANY_HASH, a supported hash) → an empty signature buffer
 *   (BUFFER_TOO_SMALL) → `psa_get_and_lock_key_slot_with_policy` (usage,
 *   then `psa_key_policy_permits`: NOT_PERMITTED) → a key pair for signing
 *   (INVALID_ARGUMENT) → the driver, which rejects an algorithm that does
 *   not fit the key (INVALID_ARGUMENT) — so an algorithm both outside the
 *   policy and wrong for the key is NOT_PERMITTED;
 * - `psa_sign_hash_start` / `psa_verify_hash_start`: the same order, then
 *   the driver's NOT_SUPPORTED for what cannot be interrupted;
 * - the PSA 1.5 multipart `psa_sign_setup` / `psa_verify_setup` (Mbed TLS has
 *   none) keep that order: algorithm-only checks, policy, then the key.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as v from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const P256 = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1);
const P256_PUBLIC = v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.PSA_ECC_FAMILY_SECP_R1);
const ECDSA256 = v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_256);
const PSS256 = v.PSA_ALG_RSA_PSS(v.PSA_ALG_SHA_256);
const USAGE = v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_VERIFY_HASH | v.PSA_KEY_USAGE_SIGN_MESSAGE | v.PSA_KEY_USAGE_VERIFY_MESSAGE;
const HASH = new Uint8Array(32).fill(0x5a);
const SIGNATURE = new Uint8Array(64).fill(1);

const psa = createPsa();
const pair = psa.importKey({ type: P256, usage: USAGE, alg: ECDSA256 }, new Uint8Array(32).fill(7));
const pub = psa.importKey({ type: P256_PUBLIC, usage: USAGE, alg: ECDSA256 }, psa.exportPublicKey(pair));

describe('psa_sign_hash / psa_verify_hash: policy before the key and the driver (psa_sign_internal, psa_verify_internal)', () => {
  it('RSA-PSS with a P-256 ECDSA(SHA-256) key: outside the policy and not for this key → NOT_PERMITTED', () => {
    expect(statusOfCall(() => psa.signHash(pair, PSS256, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.verifyHash(pair, PSS256, HASH, SIGNATURE))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('a public key asked to sign with an algorithm outside its policy → NOT_PERMITTED (the policy comes before the key-pair check)', () => {
    expect(statusOfCall(() => psa.signHash(pub, PSS256, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.signHash(pub, ECDSA256, HASH))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('psa_sign_verify_check_alg comes first: ECDSA(ANY_HASH) is INVALID_ARGUMENT even for a key without that policy', () => {
    const wildcard = v.PSA_ALG_ECDSA(v.PSA_ALG_ANY_HASH);
    expect(statusOfCall(() => psa.signHash(pair, wildcard, HASH))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.verifyHash(pair, wildcard, HASH, SIGNATURE))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('an empty signature buffer is BUFFER_TOO_SMALL before the policy', () => {
    expect(statusOfCall(() => psa.signHash(pair, PSS256, HASH, 0))).toBe(v.PSA_ERROR_BUFFER_TOO_SMALL);
  });

  // psa_key_policy_permits tests Mbed TLS's PSA_ALG_IS_WILDCARD (crypto_values.h: hash-and-sign with
  // ANY_HASH, MAC/AEAD at-least-length, or ANY_HASH itself), for which 0x7fffffff is no wildcard (the
  // spec's macro says it is: its hash byte is 0xff), so the policy answers NOT_PERMITTED.
  it('psa_sign_hash / psa_verify_hash(P-256 ECDSA(SHA-256) key, 0x7fffffff) → NOT_PERMITTED (psa_key_policy_permits)', () => {
    expect(statusOfCall(() => psa.signHash(pair, 0x7fffffff, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.verifyHash(pair, 0x7fffffff, HASH, SIGNATURE))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    const sign = psa.signHashInterruptible();
    expect(statusOfCall(() => sign.start(pair, 0x7fffffff, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    sign.abort();
  });
});

describe('psa_sign_message / psa_verify_message', () => {
  it('RSA-PSS on the ECDSA key → NOT_PERMITTED', () => {
    expect(statusOfCall(() => psa.signMessage(pair, PSS256, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.verifyMessage(pair, PSS256, HASH, SIGNATURE))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('an algorithm that hashes nothing (ECDSA_ANY) is INVALID_ARGUMENT before the policy (psa_sign_verify_check_alg)', () => {
    expect(statusOfCall(() => psa.signMessage(pair, v.PSA_ALG_ECDSA_ANY, HASH))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.verifyMessage(pair, v.PSA_ALG_ECDSA_ANY, HASH, SIGNATURE))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('psa_sign_hash_start / psa_verify_hash_start', () => {
  it('RSA-PSS on the ECDSA key → NOT_PERMITTED (policy before the driver\'s NOT_SUPPORTED), and the operation is in error', () => {
    const sign = psa.signHashInterruptible();
    expect(statusOfCall(() => sign.start(pair, PSS256, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => sign.start(pair, ECDSA256, HASH))).toBe(v.PSA_ERROR_BAD_STATE);
    sign.abort();
    const verify = psa.verifyHashInterruptible();
    expect(statusOfCall(() => verify.start(pair, PSS256, HASH, SIGNATURE))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    verify.abort();
  });

  it('a public key with an algorithm outside its policy → NOT_PERMITTED before the key-pair check', () => {
    const sign = psa.signHashInterruptible();
    expect(statusOfCall(() => sign.start(pub, PSS256, HASH))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    sign.abort();
  });
});

describe('psa_sign_setup / psa_verify_setup (PSA 1.5)', () => {
  it('RSA-PSS on the ECDSA key → NOT_PERMITTED before the key-compatibility check', () => {
    expect(statusOfCall(() => psa.signSetup(pair, PSS256))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.verifySetup(pair, PSS256, SIGNATURE))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.signSetup(pub, PSS256))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });
});
