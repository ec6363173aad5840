/**
 * The order of the AEAD functions' checks, as Mbed TLS 3.6 has it
 * (library/psa_crypto.c): `psa_aead_encrypt`, `psa_aead_decrypt` and
 * `psa_aead_setup` start with `psa_aead_check_algorithm` (not an AEAD
 * algorithm, or a wildcard by Mbed TLS's `PSA_ALG_IS_WILDCARD`, i.e. the
 * at-least-this-length flag: INVALID_ARGUMENT, before the key and, in the
 * setup, before BAD_STATE), then `psa_get_and_lock_key_slot_with_policy`
 * (usage, then `psa_key_policy_permits`: NOT_PERMITTED), then the nonce
 * length (single-part, `psa_aead_check_nonce_length`) or the tag length
 * (setup, `psa_validate_tag_length`), then the driver. So an AEAD algorithm
 * outside the policy is NOT_PERMITTED even when its tag, its nonce or its
 * key type is wrong.
 *
 * A non-AEAD algorithm such as PSA_ALG_CFB is INVALID_ARGUMENT in the
 * multipart setups as in the single-part functions: Mbed TLS's
 * `psa_aead_setup` calls `psa_aead_check_algorithm` first, and its test
 * suite pins it ("PSA AEAD setup: invalid algorithm (CTR)" and
 * "(ChaCha20)" in test_suite_psa_crypto.data expect INVALID_ARGUMENT).
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';

const statusOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
  return V.PSA_SUCCESS;
};

const psa = createPsa();
const BOTH = V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_DECRYPT;
const AES128 = new Uint8Array(16).fill(0x44);
/** An AEAD-category value that names no algorithm and ends in 0xff (no at-least flag). */
const AEAD_FF = 0x055002ff;

function statuses(key: number, alg: number, nonce: Uint8Array = new Uint8Array(12)): Record<string, number> {
  return {
    psa_aead_encrypt: statusOf(() => psa.aeadEncrypt(key, alg, nonce, new Uint8Array(0), new Uint8Array(8))),
    psa_aead_decrypt: statusOf(() => psa.aeadDecrypt(key, alg, nonce, new Uint8Array(0), new Uint8Array(24))),
    psa_aead_encrypt_setup: statusOf(() => psa.aeadEncryptSetup(key, alg).abort()),
    psa_aead_decrypt_setup: statusOf(() => psa.aeadDecryptSetup(key, alg).abort()),
  };
}
const all = (status: number): Record<string, number> => ({
  psa_aead_encrypt: status, psa_aead_decrypt: status, psa_aead_encrypt_setup: status, psa_aead_decrypt_setup: status,
});
const aesKey = (alg: number, usage = BOTH): number => psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage, alg }, AES128);

describe('psa_aead_check_algorithm first: INVALID_ARGUMENT before the key', () => {
  it('PSA_ALG_CFB, CTR and the stream cipher in the setups and the single-part functions, even with no AEAD use permitted', () => {
    const gcm = aesKey(V.PSA_ALG_GCM);
    const cfbKey = aesKey(V.PSA_ALG_CFB);
    const exportOnly = aesKey(V.PSA_ALG_GCM, V.PSA_KEY_USAGE_EXPORT);
    for (const alg of [V.PSA_ALG_CFB, V.PSA_ALG_CTR, V.PSA_ALG_STREAM_CIPHER, V.PSA_ALG_HMAC(V.PSA_ALG_ANY_HASH), 0]) {
      for (const id of [gcm, cfbKey, exportOnly, 0x3ffffff0]) {
        expect(statuses(id, alg), `${V.describe(alg, 'alg')}, key ${id}`).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
      }
    }
    for (const id of [gcm, cfbKey, exportOnly]) psa.destroyKey(id);
  });

  it('an at-least-this-length tag is a wildcard: INVALID_ARGUMENT, also for a key whose policy is that wildcard', () => {
    const wildcard = V.PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(V.PSA_ALG_GCM, 12);
    const id = aesKey(wildcard);
    expect(statuses(id, wildcard)).toEqual(all(V.PSA_ERROR_INVALID_ARGUMENT));
    expect(psa.aeadEncrypt(id, V.PSA_ALG_GCM, new Uint8Array(12), new Uint8Array(0), new Uint8Array(0))).toHaveLength(16);
    psa.destroyKey(id);
  });

  it('psa_aead_encrypt_setup(CFB) on an active operation is INVALID_ARGUMENT, not BAD_STATE, and aborts it', () => {
    const id = aesKey(V.PSA_ALG_GCM);
    const op = psa.aeadEncryptSetup(id, V.PSA_ALG_GCM);
    expect(statusOf(() => op.encryptSetup(id, V.PSA_ALG_CFB))).toBe(V.PSA_ERROR_INVALID_ARGUMENT);
    expect(op.active).toBe(false);
    op.decryptSetup(id, V.PSA_ALG_GCM);
    expect(statusOf(() => op.decryptSetup(id, V.PSA_ALG_GCM))).toBe(V.PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    psa.destroyKey(id);
  });
});

describe('policy before validity (psa_get_and_lock_key_slot_with_policy before the nonce, tag and key-type checks)', () => {
  it('an AES-GCM key with an AEAD algorithm outside its policy that is also invalid: NOT_PERMITTED', () => {
    const id = aesKey(V.PSA_ALG_GCM);
    const cases: Array<[string, number, Uint8Array?]> = [
      ['GCM with a 2-byte tag (INVALID_ARGUMENT if permitted)', V.PSA_ALG_AEAD_WITH_SHORTENED_TAG(V.PSA_ALG_GCM, 2)],
      ['ChaCha20-Poly1305 on an AES key (NOT_SUPPORTED if permitted)', V.PSA_ALG_CHACHA20_POLY1305],
      ['CCM with a 3-byte nonce (INVALID_ARGUMENT if permitted)', V.PSA_ALG_CCM, new Uint8Array(3)],
      ['an AEAD value ending in 0xff (no wildcard to Mbed TLS)', AEAD_FF],
    ];
    for (const [what, alg, nonce] of cases) expect(statuses(id, alg, nonce), what).toEqual(all(V.PSA_ERROR_NOT_PERMITTED));
    psa.destroyKey(id);
  });

  it('the same algorithms permitted to the key give their validity status', () => {
    const short = V.PSA_ALG_AEAD_WITH_SHORTENED_TAG(V.PSA_ALG_GCM, 2);
    const shortKey = aesKey(short);
    expect(statusOf(() => psa.aeadEncryptSetup(shortKey, short))).toBe(V.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => psa.aeadDecryptSetup(shortKey, short))).toBe(V.PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(shortKey);
    const chachaKey = aesKey(V.PSA_ALG_CHACHA20_POLY1305);
    expect(statuses(chachaKey, V.PSA_ALG_CHACHA20_POLY1305)).toEqual(all(V.PSA_ERROR_NOT_SUPPORTED));
    psa.destroyKey(chachaKey);
    const ccmKey = aesKey(V.PSA_ALG_CCM);
    expect(statusOf(() => psa.aeadEncrypt(ccmKey, V.PSA_ALG_CCM, new Uint8Array(3), new Uint8Array(0), new Uint8Array(0)))).toBe(V.PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(ccmKey);
    const ffKey = aesKey(AEAD_FF);
    expect(statuses(ffKey, AEAD_FF)).toEqual(all(V.PSA_ERROR_NOT_SUPPORTED));
    psa.destroyKey(ffKey);
  });
});
