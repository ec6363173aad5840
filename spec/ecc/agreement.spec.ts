/**
 * ECDH through `psa_raw_key_agreement` and `psa_key_agreement`, against
 * node:crypto (OpenSSL) as the second implementation, and the statuses of
 * the checks (policy, algorithm, output type, peer key, buffer size) through
 * both faces.
 */
import { createECDH, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import * as c from '../../src/c/index.js';
import {
  PSA_ALG_ECDH,
  PSA_ALG_FFDH,
  PSA_ALG_HKDF,
  PSA_ALG_KEY_AGREEMENT,
  PSA_ALG_SHA_256,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_SUCCESS,
} from '../../src/values/index.js';
import { expectStatus, toHex } from '../keys/helpers.js';

const DERIVE = PSA_KEY_USAGE_DERIVE;

describe('ECDH on Weierstrass curves equals OpenSSL', () => {
  const curves: [string, number, number][] = [
    ['prime256v1', PSA_ECC_FAMILY_SECP_R1, 256],
    ['secp384r1', PSA_ECC_FAMILY_SECP_R1, 384],
    ['secp521r1', PSA_ECC_FAMILY_SECP_R1, 521],
    ['secp256k1', PSA_ECC_FAMILY_SECP_K1, 256],
    ['prime192v1', PSA_ECC_FAMILY_SECP_R1, 192],
    ['secp224r1', PSA_ECC_FAMILY_SECP_R1, 224],
  ];
  for (const [name, family, bits] of curves) {
    it(name, () => {
      const psa = createPsa();
      fc.assert(fc.property(fc.integer(), () => {
        const id = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, usage: DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_ECDH });
        const peer = createECDH(name);
        peer.generateKeys();
        const ours = psa.rawKeyAgreement(PSA_ALG_ECDH, id, peer.getPublicKey());
        const theirs = peer.computeSecret(psa.exportPublicKey(id));
        expect(toHex(ours)).toBe(toHex(theirs));
        expect(ours.length).toBe(Math.ceil(bits / 8));
        psa.destroyKey(id);
      }), { numRuns: 10 });
    });
  }
});

describe('X25519 and X448 equal OpenSSL', () => {
  for (const [crv, bits] of [['x25519', 255], ['x448', 448]] as const) {
    it(crv, () => {
      const psa = createPsa();
      fc.assert(fc.property(fc.integer(), () => {
        const id = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), bits, usage: DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_ECDH });
        const peer = crv === 'x25519' ? generateKeyPairSync('x25519') : generateKeyPairSync('x448');
        const peerRaw = Buffer.from(String(peer.publicKey.export({ format: 'jwk' }).x), 'base64url');
        const ours = psa.rawKeyAgreement(PSA_ALG_ECDH, id, peerRaw);
        const ourPublic = createPublicKey({
          key: { kty: 'OKP', crv: crv === 'x25519' ? 'X25519' : 'X448', x: Buffer.from(psa.exportPublicKey(id)).toString('base64url') },
          format: 'jwk',
        });
        const theirs = diffieHellman({ privateKey: peer.privateKey, publicKey: ourPublic });
        expect(toHex(ours)).toBe(toHex(theirs));
        // Our exported (clamped) private key gives the same secret in OpenSSL.
        const ourPrivate = createPrivateKey({
          key: { kty: 'OKP', crv: crv === 'x25519' ? 'X25519' : 'X448', d: Buffer.from(psa.exportKey(id)).toString('base64url'), x: '' },
          format: 'jwk',
        });
        expect(toHex(diffieHellman({ privateKey: ourPrivate, publicKey: peer.publicKey }))).toBe(toHex(ours));
        psa.destroyKey(id);
      }), { numRuns: 10 });
    });
  }
});

describe('psa_raw_key_agreement checks', () => {
  const pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

  it('statuses in Mbed TLS order', () => {
    const psa = createPsa();
    const id = psa.generateKey({ type: pair, bits: 256, usage: DERIVE, alg: PSA_ALG_ECDH });
    const peer = psa.exportPublicKey(psa.generateKey({ type: pair, bits: 256 }));
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_SHA_256, id, peer), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_FFDH, id, peer), PSA_ERROR_NOT_PERMITTED);
    const noDerive = psa.generateKey({ type: pair, bits: 256, usage: PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_ECDH });
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, noDerive, peer), PSA_ERROR_NOT_PERMITTED);
    const combined = PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    expectStatus(() => psa.rawKeyAgreement(combined, id, peer), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, id, peer.subarray(1)), PSA_ERROR_INVALID_ARGUMENT);
    const p384 = psa.exportPublicKey(psa.generateKey({ type: pair, bits: 384 }));
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, id, p384), PSA_ERROR_INVALID_ARGUMENT);
    const offCurve = Uint8Array.from(peer);
    offCurve[64]! ^= 1;
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, id, offCurve), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, id, peer, 31), PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.rawKeyAgreement(PSA_ALG_ECDH, id, peer, 32).length).toBe(32);
  });

  it('public keys and Edwards keys cannot agree (INVALID_ARGUMENT)', () => {
    const psa = createPsa();
    const pairId = psa.generateKey({ type: pair, bits: 256, usage: PSA_KEY_USAGE_EXPORT });
    const publicKey = psa.exportPublicKey(pairId);
    const pub = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage: DERIVE, alg: PSA_ALG_ECDH }, publicKey);
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, pub, publicKey), PSA_ERROR_INVALID_ARGUMENT);
    const ed = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), bits: 255, usage: DERIVE, alg: PSA_ALG_ECDH });
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, ed, psa.exportPublicKey(ed)), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('an X25519 peer of low order is INVALID_ARGUMENT (no all-zero secret)', () => {
    const psa = createPsa();
    const id = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), bits: 255, usage: DERIVE, alg: PSA_ALG_ECDH });
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, id, new Uint8Array(32)), PSA_ERROR_INVALID_ARGUMENT);
    const one = new Uint8Array(32);
    one[0] = 1;
    expectStatus(() => psa.rawKeyAgreement(PSA_ALG_ECDH, id, one), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('C face: exact buffer, BUFFER_TOO_SMALL, and random fill of the buffer on failure', () => {
    expect(c.psa_crypto_init()).toBe(PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, pair);
    c.psa_set_key_bits(attributes, 256);
    c.psa_set_key_usage_flags(attributes, DERIVE | PSA_KEY_USAGE_EXPORT);
    c.psa_set_key_algorithm(attributes, PSA_ALG_ECDH);
    const key = { value: 0 };
    expect(c.psa_generate_key(attributes, key)).toBe(PSA_SUCCESS);
    const publicKey = new Uint8Array(65);
    const length = { value: 0 };
    expect(c.psa_export_public_key(key.value, publicKey, length)).toBe(PSA_SUCCESS);
    const out = new Uint8Array(40);
    expect(c.psa_raw_key_agreement(PSA_ALG_ECDH, key.value, publicKey, out, length)).toBe(PSA_SUCCESS);
    expect(length.value).toBe(32);
    expect(out.subarray(32).every((b) => b === 0)).toBe(true);
    const small = new Uint8Array(31);
    expect(c.psa_raw_key_agreement(PSA_ALG_ECDH, key.value, publicKey, small, length)).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(31);
    const bad = new Uint8Array(32);
    expect(c.psa_raw_key_agreement(PSA_ALG_ECDH, key.value, publicKey.subarray(0, 64), bad, length)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(length.value).toBe(32);
    expect(bad.some((b) => b !== 0)).toBe(true);
    c.mbedtls_psa_crypto_free();
  });
});

describe('psa_key_agreement', () => {
  const pair = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);

  it('creates DERIVE, RAW_DATA, HMAC and PASSWORD keys holding the raw secret', () => {
    const psa = createPsa();
    const id = psa.generateKey({ type: pair, bits: 384, usage: DERIVE, alg: PSA_ALG_ECDH });
    const peer = createECDH('secp384r1');
    peer.generateKeys();
    const expected = toHex(peer.computeSecret(psa.exportPublicKey(id)));
    for (const type of [PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_RAW_DATA, PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_PASSWORD]) {
      const secret = psa.keyAgreement(id, peer.getPublicKey(), PSA_ALG_ECDH, { type, usage: PSA_KEY_USAGE_EXPORT });
      const a = psa.getKeyAttributes(secret);
      expect(a.type).toBe(type);
      expect(a.bits).toBe(384);
      expect(toHex(psa.exportKey(secret))).toBe(expected);
      psa.destroyKey(secret);
    }
  });

  it('rejects other output types, a wrong size, a combined algorithm, a bad peer', () => {
    const psa = createPsa();
    const id = psa.generateKey({ type: pair, bits: 256, usage: DERIVE, alg: PSA_ALG_ECDH });
    const peer = psa.exportPublicKey(psa.generateKey({ type: pair, bits: 256 }));
    expectStatus(() => psa.keyAgreement(id, peer, PSA_ALG_ECDH, { type: PSA_KEY_TYPE_AES }), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.keyAgreement(id, peer, PSA_ALG_ECDH, { type: PSA_KEY_TYPE_DERIVE, bits: 128 }), PSA_ERROR_INVALID_ARGUMENT);
    const combined = PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256));
    expectStatus(() => psa.keyAgreement(id, peer, combined, { type: PSA_KEY_TYPE_DERIVE }), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.keyAgreement(id, peer.subarray(2), PSA_ALG_ECDH, { type: PSA_KEY_TYPE_DERIVE }), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('C face: the key id is 0 on failure', () => {
    expect(c.psa_crypto_init()).toBe(PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY));
    c.psa_set_key_bits(attributes, 255);
    c.psa_set_key_usage_flags(attributes, DERIVE);
    c.psa_set_key_algorithm(attributes, PSA_ALG_ECDH);
    const ours = { value: 0 };
    expect(c.psa_generate_key(attributes, ours)).toBe(PSA_SUCCESS);
    const peer = generateKeyPairSync('x25519');
    const peerRaw = Uint8Array.from(Buffer.from(String(peer.publicKey.export({ format: 'jwk' }).x), 'base64url'));
    const out = c.psa_key_attributes_init();
    c.psa_set_key_type(out, PSA_KEY_TYPE_DERIVE);
    c.psa_set_key_usage_flags(out, PSA_KEY_USAGE_EXPORT);
    const secret = { value: 7 };
    expect(c.psa_key_agreement(ours.value, peerRaw, PSA_ALG_ECDH, out, secret)).toBe(PSA_SUCCESS);
    expect(secret.value).not.toBe(0);
    const bad = { value: 7 };
    expect(c.psa_key_agreement(ours.value, new Uint8Array(32), PSA_ALG_ECDH, out, bad)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(bad.value).toBe(0);
    c.mbedtls_psa_crypto_free();
  });
});
