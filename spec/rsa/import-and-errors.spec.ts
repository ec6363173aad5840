/**
 * RSA key import strictness (what Mbed TLS's `mbedtls_rsa_parse_key` /
 * `_parse_pubkey` and the PSA size rules accept and reject) and the statuses
 * of asymmetric encryption, padding failures included: every bad padding is
 * INVALID_PADDING. Bad encodings are built from node:crypto keys and raw
 * (unpadded) node:crypto encryptions.
 */
import * as crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';
import {
  PSA_ALG_RSA_OAEP,
  PSA_ALG_RSA_PKCS1V15_CRYPT,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import {
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_PADDING,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../src/values/status.js';
import { expectStatus } from '../keys/helpers.js';
import { newPsa, nodeKeyPair } from './helpers.js';

const usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
const pkcs1 = PSA_ALG_RSA_PKCS1V15_CRYPT;
const oaep = PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256);

describe('RSA import', () => {
  let key: ReturnType<typeof nodeKeyPair>;
  beforeAll(() => {
    key = nodeKeyPair(2048);
  });
  const importPublic = (der: Uint8Array, bits = 0) => newPsa().importKey({ type: PSA_KEY_TYPE_RSA_PUBLIC_KEY, bits, usage }, der);
  const importPair = (der: Uint8Array) => newPsa().importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage }, der);
  /** RSAPublicKey of 2048 bits: 30 82 01 0a | 02 82 01 01 00 n(256) | 02 03 01 00 01. */
  const withExponent = (eField: number[]): Uint8Array => {
    const head = key.publicDer.subarray(4, 4 + 5 + 256);
    const body = [...head, ...eField];
    return Uint8Array.from([0x30, 0x82, body.length >> 8, body.length & 0xff, ...body]);
  };

  it('rejects trailing data, a wrong version and a truncated key', () => {
    expectStatus(() => importPublic(Uint8Array.from([...key.publicDer, 0])), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => importPair(Uint8Array.from([...key.pairDer, 0])), PSA_ERROR_INVALID_ARGUMENT);
    const v1 = Uint8Array.from(key.pairDer);
    expect([v1[4], v1[5], v1[6]]).toEqual([0x02, 0x01, 0x00]);
    v1[6] = 1;
    expectStatus(() => importPair(v1), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => importPair(key.pairDer.subarray(0, key.pairDer.length - 1)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => importPublic(key.pairDer), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => importPair(key.publicDer), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('rejects an even or too small exponent and an even modulus', () => {
    expectStatus(() => importPublic(withExponent([0x02, 0x03, 0x01, 0x00, 0x00])), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => importPublic(withExponent([0x02, 0x01, 0x01])), PSA_ERROR_INVALID_ARGUMENT);
    const even = Uint8Array.from(key.publicDer);
    even[4 + 5 + 255]! &= 0xfe;
    expectStatus(() => importPublic(even), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('accepts what Mbed TLS accepts (leading zero bytes, long-form lengths) and stores canonical DER', () => {
    const padded = withExponent([0x02, 0x04, 0x00, 0x01, 0x00, 0x01]);
    const p = newPsa();
    const id = p.importKey({ type: PSA_KEY_TYPE_RSA_PUBLIC_KEY, usage }, padded);
    expect(Buffer.from(p.exportKey(id))).toEqual(Buffer.from(key.publicDer));
    const longForm = withExponent([0x02, 0x81, 0x03, 0x01, 0x00, 0x01]);
    const id2 = p.importKey({ type: PSA_KEY_TYPE_RSA_PUBLIC_KEY, usage }, longForm);
    expect(Buffer.from(p.exportKey(id2))).toEqual(Buffer.from(key.publicDer));
  });

  it('checks the declared size and refuses non-byte-aligned moduli', () => {
    expectStatus(() => importPublic(key.publicDer, 1024), PSA_ERROR_INVALID_ARGUMENT);
    const odd = nodeKeyPair(1020);
    expectStatus(() => importPublic(odd.publicDer), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => importPair(odd.pairDer), PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('RSA encryption statuses', () => {
  let key: ReturnType<typeof nodeKeyPair>;
  beforeAll(() => {
    key = nodeKeyPair(1024);
  });
  /** Raw RSA of an encoded message with node:crypto (no padding). */
  const rawEncrypt = (em: Uint8Array): Uint8Array =>
    new Uint8Array(crypto.publicEncrypt({ key: key.publicKey, padding: crypto.constants.RSA_NO_PADDING }, em));

  it('gives INVALID_PADDING for every PKCS#1 v1.5 padding defect', () => {
    const p = newPsa();
    const id = p.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage, alg: pkcs1 }, key.pairDer);
    const good = (sep: number): Uint8Array => {
      const em = new Uint8Array(128).fill(0x11);
      em[0] = 0;
      em[1] = 2;
      em[sep] = 0;
      return em;
    };
    expect(p.asymmetricDecrypt(id, pkcs1, rawEncrypt(good(10))).length).toBe(117);
    expect(p.asymmetricDecrypt(id, pkcs1, rawEncrypt(good(127))).length).toBe(0);
    const defects: Uint8Array[] = [];
    let em = good(20); em[1] = 1; defects.push(em);
    em = good(20); em[0] = 1; defects.push(em);
    em = good(9); defects.push(em); // padding string of 7 bytes
    em = new Uint8Array(128).fill(0x11); em[0] = 0; em[1] = 2; defects.push(em); // no separator
    for (const d of defects) expectStatus(() => p.asymmetricDecrypt(id, pkcs1, rawEncrypt(d)), PSA_ERROR_INVALID_PADDING);
  });

  it('gives INVALID_PADDING for every OAEP defect', () => {
    const p = newPsa();
    const id = p.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage, alg: oaep }, key.pairDer);
    const message = crypto.randomBytes(20);
    const ct = crypto.publicEncrypt({ key: key.publicKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, message);
    expect(Buffer.from(p.asymmetricDecrypt(id, oaep, ct))).toEqual(message);
    // The wrong label, a zero block, a random block, a block with a non-zero first byte.
    expectStatus(() => p.asymmetricDecrypt(id, oaep, ct, Uint8Array.of(1)), PSA_ERROR_INVALID_PADDING);
    expectStatus(() => p.asymmetricDecrypt(id, oaep, new Uint8Array(128)), PSA_ERROR_INVALID_PADDING);
    const random = new Uint8Array(crypto.randomBytes(128)); random[0] = 0;
    expectStatus(() => p.asymmetricDecrypt(id, oaep, rawEncrypt(random)), PSA_ERROR_INVALID_PADDING);
    const em = new Uint8Array(crypto.privateDecrypt({ key: key.privateKey, padding: crypto.constants.RSA_NO_PADDING }, ct));
    em[0] = 1;
    expectStatus(() => p.asymmetricDecrypt(id, oaep, rawEncrypt(em)), PSA_ERROR_INVALID_PADDING);
  });

  it('checks arguments as Mbed TLS does', () => {
    const p = newPsa();
    const id = p.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage, alg: pkcs1 }, key.pairDer);
    const pub = p.importKey({ type: PSA_KEY_TYPE_RSA_PUBLIC_KEY, usage, alg: pkcs1 }, key.publicDer);
    expectStatus(() => p.asymmetricEncrypt(id, pkcs1, new Uint8Array(1), Uint8Array.of(1)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => p.asymmetricEncrypt(id, pkcs1, new Uint8Array(118)), PSA_ERROR_INVALID_ARGUMENT);
    expect(p.asymmetricEncrypt(pub, pkcs1, new Uint8Array(117)).length).toBe(128);
    expectStatus(() => p.asymmetricDecrypt(pub, pkcs1, new Uint8Array(128)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => p.asymmetricDecrypt(id, pkcs1, new Uint8Array(127)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => p.asymmetricDecrypt(id, pkcs1, new Uint8Array(128).fill(0xff)), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('C facade: buffer sizes and lengths', () => {
    expect(psa.psa_crypto_init()).toBe(0);
    const attributes = psa.psa_key_attributes_init();
    psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RSA_KEY_PAIR);
    psa.psa_set_key_usage_flags(attributes, usage);
    psa.psa_set_key_algorithm(attributes, pkcs1);
    const id = { value: 0 };
    expect(psa.psa_import_key(attributes, key.pairDer, id)).toBe(0);
    const ct = new Uint8Array(128);
    const length = { value: 0 };
    expect(psa.psa_asymmetric_encrypt(id.value, pkcs1, new Uint8Array(200), null, new Uint8Array(127), length)).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.psa_asymmetric_encrypt(id.value, pkcs1, Uint8Array.of(1, 2, 3), null, ct, length)).toBe(0);
    expect(length.value).toBe(128);
    const out = new Uint8Array(2);
    expect(psa.psa_asymmetric_decrypt(id.value, pkcs1, ct, null, out, length)).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    const out3 = new Uint8Array(3);
    expect(psa.psa_asymmetric_decrypt(id.value, pkcs1, ct, null, out3, length)).toBe(0);
    expect([length.value, ...out3]).toEqual([3, 1, 2, 3]);
    psa.psa_destroy_key(id.value);
    psa.mbedtls_psa_crypto_free();
  });
});
