/**
 * The order of checks of asymmetric encryption, key agreement and key
 * encapsulation, with inputs that fail two checks at once:
 * - `psa_asymmetric_encrypt` / `psa_asymmetric_decrypt` (Mbed TLS 3.6
 *   `library/psa_crypto.c`): a salt with a non-OAEP algorithm
 *   (INVALID_ARGUMENT) → `psa_get_and_lock_key_slot_with_policy` (usage
 *   ENCRYPT / DECRYPT, the algorithm: NOT_PERMITTED) → the key type
 *   (asymmetric / a key pair: INVALID_ARGUMENT) → the driver;
 * - `psa_raw_key_agreement`: `PSA_ALG_IS_KEY_AGREEMENT` (INVALID_ARGUMENT)
 *   → the key policy (usage DERIVE, the algorithm) → the output size → the
 *   driver, which rejects a key of the wrong type;
 * - `psa_key_agreement` (TF-PSA-Crypto 1.0 `validate_key_agreement_params`):
 *   a raw key agreement (NOT_SUPPORTED) and the new key's type
 *   (INVALID_ARGUMENT) before the private key is looked at;
 * - `psa_encapsulate` / `psa_decapsulate` (Mbed TLS has none; the order of
 *   `psa_key_agreement`): a key-encapsulation algorithm and the new key's
 *   type, then the key policy (usage ENCRYPT / DECRYPT, the algorithm), then
 *   the key type.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as v from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const P256 = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1);
const P256_PUBLIC = v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.PSA_ECC_FAMILY_SECP_R1);
const ALL = v.PSA_KEY_USAGE_ENCRYPT | v.PSA_KEY_USAGE_DECRYPT | v.PSA_KEY_USAGE_DERIVE | v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_EXPORT;
const ECDSA256 = v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_256);
const DATA = new Uint8Array(32).fill(0x11);

const psa = createPsa();
/** A P-256 key pair whose policy is ECDSA(SHA-256): every algorithm below is outside it. */
const ecdsaPair = psa.importKey({ type: P256, usage: ALL, alg: ECDSA256 }, new Uint8Array(32).fill(7));
const ecdsaPublic = psa.importKey({ type: P256_PUBLIC, usage: ALL, alg: ECDSA256 }, psa.exportPublicKey(ecdsaPair));
/** An AES key with every usage and a CBC policy: not asymmetric, and outside the policy. */
const aes = psa.importKey({ type: v.PSA_KEY_TYPE_AES, usage: ALL, alg: v.PSA_ALG_CBC_NO_PADDING }, new Uint8Array(16));
const SECRET_ATTRIBUTES = { type: v.PSA_KEY_TYPE_DERIVE, usage: v.PSA_KEY_USAGE_EXPORT };

describe('psa_asymmetric_encrypt / psa_asymmetric_decrypt', () => {
  it('RSA PKCS#1 v1.5 with a P-256 key (outside the policy, not an RSA key) → NOT_PERMITTED', () => {
    expect(statusOfCall(() => psa.asymmetricEncrypt(ecdsaPair, v.PSA_ALG_RSA_PKCS1V15_CRYPT, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.asymmetricDecrypt(ecdsaPair, v.PSA_ALG_RSA_PKCS1V15_CRYPT, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('a symmetric key (outside the policy, not asymmetric) → NOT_PERMITTED; a public key asked to decrypt → NOT_PERMITTED first', () => {
    const oaep = v.PSA_ALG_RSA_OAEP(v.PSA_ALG_SHA_256);
    expect(statusOfCall(() => psa.asymmetricEncrypt(aes, oaep, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.asymmetricDecrypt(aes, oaep, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.asymmetricDecrypt(ecdsaPublic, oaep, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('a salt with a non-OAEP algorithm is INVALID_ARGUMENT before the policy', () => {
    const salt = new Uint8Array(4);
    expect(statusOfCall(() => psa.asymmetricEncrypt(ecdsaPair, v.PSA_ALG_RSA_PKCS1V15_CRYPT, DATA, salt))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.asymmetricDecrypt(ecdsaPair, v.PSA_ALG_RSA_PKCS1V15_CRYPT, DATA, salt))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('psa_raw_key_agreement / psa_key_agreement', () => {
  it('ECDH with the ECDSA key, or with an AES key (outside the policy; no ECDH for it) → NOT_PERMITTED', () => {
    expect(statusOfCall(() => psa.rawKeyAgreement(v.PSA_ALG_ECDH, ecdsaPair, new Uint8Array(0)))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.rawKeyAgreement(v.PSA_ALG_ECDH, aes, new Uint8Array(0)))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.rawKeyAgreement(v.PSA_ALG_FFDH, ecdsaPair, new Uint8Array(0), 0))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('an algorithm that is no key agreement is INVALID_ARGUMENT before the key', () => {
    expect(statusOfCall(() => psa.rawKeyAgreement(ECDSA256, ecdsaPair, new Uint8Array(0)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('psa_key_agreement: a new key of a type a shared secret cannot have is INVALID_ARGUMENT before the key policy', () => {
    expect(statusOfCall(() => psa.keyAgreement(ecdsaPair, new Uint8Array(65), v.PSA_ALG_ECDH, { type: v.PSA_KEY_TYPE_AES }))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.keyAgreement(ecdsaPair, new Uint8Array(65), v.PSA_ALG_ECDH, SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });
});

describe('psa_encapsulate / psa_decapsulate', () => {
  it('ECIES with the ECDSA key or an AES key (outside the policy; the AES key cannot encapsulate) → NOT_PERMITTED', () => {
    expect(statusOfCall(() => psa.encapsulate(ecdsaPair, v.PSA_ALG_ECIES_SEC1, SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.encapsulate(aes, v.PSA_ALG_ECIES_SEC1, SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.decapsulate(aes, v.PSA_ALG_ECIES_SEC1, new Uint8Array(65), SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.decapsulate(ecdsaPublic, v.PSA_ALG_ECIES_SEC1, new Uint8Array(65), SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });

  it('an algorithm that is no key encapsulation, or a new key type a shared secret cannot have, is INVALID_ARGUMENT before the policy', () => {
    expect(statusOfCall(() => psa.encapsulate(ecdsaPair, ECDSA256, SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.encapsulate(ecdsaPair, v.PSA_ALG_ECIES_SEC1, { type: v.PSA_KEY_TYPE_AES }))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('0x7fffffff: no wildcard for Mbed TLS\'s psa_key_policy_permits', () => {
  // Mbed TLS's PSA_ALG_IS_WILDCARD (crypto_values.h) is false for 0x7fffffff (the spec's macro, which
  // looks at the hash byte only, says true), so psa_key_policy_permits answers NOT_PERMITTED.
  it('psa_asymmetric_encrypt / decrypt, psa_encapsulate with 0x7fffffff on the P-256 key → NOT_PERMITTED', () => {
    expect(statusOfCall(() => psa.asymmetricEncrypt(ecdsaPair, 0x7fffffff, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.asymmetricDecrypt(ecdsaPair, 0x7fffffff, DATA))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.encapsulate(ecdsaPair, 0x0c0001ff, SECRET_ATTRIBUTES))).toBe(v.PSA_ERROR_NOT_PERMITTED);
  });
});
