/**
 * `psa_encapsulate` / `psa_decapsulate` with `PSA_ALG_ECIES_SEC1`: the
 * ciphertext is an ephemeral public key R and the shared secret the ECDH
 * value Z (SEC 1 §5.1.3–5.1.4), checked against node:crypto's ECDH of the
 * recipient's private key with R; statuses through both faces.
 */
import { createECDH, createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import * as c from '../../src/c/index.js';
import {
  PSA_ALG_ECDH,
  PSA_ALG_ECIES_SEC1,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ENCAPSULATE_CIPHERTEXT_SIZE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_SUCCESS,
} from '../../src/values/index.js';
import { expectStatus, toHex } from '../keys/helpers.js';

const SECRET = { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_EXPORT };
const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_EXPORT;

describe('ECIES-SEC1 on Weierstrass curves', () => {
  const curves: [string, number, number][] = [
    ['prime256v1', PSA_ECC_FAMILY_SECP_R1, 256],
    ['secp521r1', PSA_ECC_FAMILY_SECP_R1, 521],
    ['secp256k1', PSA_ECC_FAMILY_SECP_K1, 256],
    ['brainpoolP384r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384],
  ];
  for (const [name, family, bits] of curves) {
    it(`${name}: encapsulate to the public key, decapsulate with the pair, OpenSSL agrees`, () => {
      const psa = createPsa();
      const pair = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, usage, alg: PSA_ALG_ECIES_SEC1 });
      const pub = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), usage, alg: PSA_ALG_ECIES_SEC1 }, psa.exportPublicKey(pair));
      for (const recipient of [pub, pair]) {
        const { key, ciphertext } = psa.encapsulate(recipient, PSA_ALG_ECIES_SEC1, SECRET);
        expect(ciphertext.length).toBe(PSA_ENCAPSULATE_CIPHERTEXT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, PSA_ALG_ECIES_SEC1));
        expect(ciphertext[0]).toBe(0x04);
        const z = psa.exportKey(key);
        expect(z.length).toBe(Math.ceil(bits / 8));
        const decapsulated = psa.decapsulate(pair, PSA_ALG_ECIES_SEC1, ciphertext, SECRET);
        expect(toHex(psa.exportKey(decapsulated))).toBe(toHex(z));
        const ecdh = createECDH(name);
        ecdh.setPrivateKey(psa.exportKey(pair));
        expect(toHex(ecdh.computeSecret(ciphertext))).toBe(toHex(z));
      }
    });
  }
});

describe('ECIES-SEC1 on Montgomery curves', () => {
  for (const [crv, bits] of [['X25519', 255], ['X448', 448]] as const) {
    it(`${crv}: the ciphertext is a u-coordinate and OpenSSL agrees`, () => {
      const psa = createPsa();
      const pair = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), bits, usage, alg: PSA_ALG_ECIES_SEC1 });
      const { key, ciphertext } = psa.encapsulate(pair, PSA_ALG_ECIES_SEC1, { type: PSA_KEY_TYPE_HMAC, usage: PSA_KEY_USAGE_EXPORT });
      expect(ciphertext.length).toBe(bits === 255 ? 32 : 56);
      const z = psa.exportKey(key);
      expect(toHex(psa.exportKey(psa.decapsulate(pair, PSA_ALG_ECIES_SEC1, ciphertext, SECRET)))).toBe(toHex(z));
      const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64url');
      const privateKey = createPrivateKey({ key: { kty: 'OKP', crv, d: b64(psa.exportKey(pair)), x: '' }, format: 'jwk' });
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv, x: b64(ciphertext) }, format: 'jwk' });
      expect(toHex(diffieHellman({ privateKey, publicKey }))).toBe(toHex(z));
    });
  }
});

describe('ECIES-SEC1 checks', () => {
  const pairType = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

  it('policy, output type, key type, ciphertext', () => {
    const psa = createPsa();
    const pair = psa.generateKey({ type: pairType, bits: 256, usage, alg: PSA_ALG_ECIES_SEC1 });
    const pub = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage, alg: PSA_ALG_ECIES_SEC1 },
      psa.exportPublicKey(pair));
    const { ciphertext } = psa.encapsulate(pub, PSA_ALG_ECIES_SEC1, SECRET);
    expectStatus(() => psa.encapsulate(pub, PSA_ALG_ECDH, SECRET), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.encapsulate(pub, PSA_ALG_ECIES_SEC1, { type: PSA_KEY_TYPE_AES }), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.decapsulate(pub, PSA_ALG_ECIES_SEC1, ciphertext, SECRET), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.decapsulate(pair, PSA_ALG_ECIES_SEC1, ciphertext.subarray(1), SECRET), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.encapsulate(pub, PSA_ALG_ECIES_SEC1, SECRET, 64), PSA_ERROR_BUFFER_TOO_SMALL);
    const encryptOnly = psa.generateKey({ type: pairType, bits: 256, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_ECIES_SEC1 });
    expectStatus(() => psa.decapsulate(encryptOnly, PSA_ALG_ECIES_SEC1, ciphertext, SECRET), PSA_ERROR_NOT_PERMITTED);
    const otherAlg = psa.generateKey({ type: pairType, bits: 256, usage, alg: PSA_ALG_ECDH });
    expectStatus(() => psa.encapsulate(otherAlg, PSA_ALG_ECIES_SEC1, SECRET), PSA_ERROR_NOT_PERMITTED);
    const ed = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), bits: 255, usage, alg: PSA_ALG_ECIES_SEC1 });
    expectStatus(() => psa.encapsulate(ed, PSA_ALG_ECIES_SEC1, SECRET), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('C face: ciphertext buffer, lengths, and ids on failure', () => {
    expect(c.psa_crypto_init()).toBe(PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, pairType);
    c.psa_set_key_bits(attributes, 384);
    c.psa_set_key_usage_flags(attributes, usage);
    c.psa_set_key_algorithm(attributes, PSA_ALG_ECIES_SEC1);
    const pair = { value: 0 };
    expect(c.psa_generate_key(attributes, pair)).toBe(PSA_SUCCESS);
    const secretAttributes = c.psa_key_attributes_init();
    c.psa_set_key_type(secretAttributes, PSA_KEY_TYPE_DERIVE);
    c.psa_set_key_usage_flags(secretAttributes, PSA_KEY_USAGE_EXPORT);
    const ciphertext = new Uint8Array(c.PSA_ENCAPSULATE_CIPHERTEXT_MAX_SIZE);
    const length = { value: 0 };
    const sent = { value: 0 };
    expect(c.psa_encapsulate(pair.value, PSA_ALG_ECIES_SEC1, secretAttributes, sent, ciphertext, length)).toBe(PSA_SUCCESS);
    expect(length.value).toBe(97);
    const received = { value: 0 };
    expect(c.psa_decapsulate(pair.value, PSA_ALG_ECIES_SEC1, ciphertext.subarray(0, length.value), secretAttributes, received))
      .toBe(PSA_SUCCESS);
    const a = new Uint8Array(48), b = new Uint8Array(48), n = { value: 0 };
    expect(c.psa_export_key(sent.value, a, n)).toBe(PSA_SUCCESS);
    expect(c.psa_export_key(received.value, b, n)).toBe(PSA_SUCCESS);
    expect(toHex(a)).toBe(toHex(b));
    const small = new Uint8Array(96);
    const none = { value: 5 };
    expect(c.psa_encapsulate(pair.value, PSA_ALG_ECIES_SEC1, secretAttributes, none, small, length)).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(none.value).toBe(0);
    expect(length.value).toBe(0);
    c.mbedtls_psa_crypto_free();
  });
});
