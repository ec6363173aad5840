/**
 * `describe` renders numbers as C expressions and `parse` reads them back.
 * Round trips cover every named value of the registry; the literal
 * renderings are the forms the C headers use.
 */
import { PsaError } from '../../src/values/error.js';
import { describe as group, expect, it } from 'vitest';
import {
  PSA_ERROR_INVALID_ARGUMENT,
  describe,
  parse,
  type DescribeKind,
} from '../../src/values/index.js';
import { VALUES } from '../../src/values/registry.js';

/** Name prefix → kind, for the round trip over the registry. */
const KINDS: ReadonlyArray<readonly [RegExp, DescribeKind]> = [
  [/^PSA_(SUCCESS|ERROR_|OPERATION_INCOMPLETE)/, 'status'],
  [/^PSA_ALG_/, 'alg'],
  [/^PSA_KEY_TYPE_/, 'keyType'],
  [/^PSA_KEY_USAGE_/, 'usage'],
  [/^PSA_KEY_LIFETIME_/, 'lifetime'],
  [/^PSA_ECC_FAMILY_/, 'eccFamily'],
  [/^PSA_DH_FAMILY_/, 'dhFamily'],
  [/^(PSA|MBEDTLS_PSA)_KEY_ID_/, 'keyId'],
  [/^PSA_KEY_PERSISTENCE_/, 'persistence'],
  [/^PSA_KEY_LOCATION_/, 'location'],
  [/^PSA_KEY_DERIVATION_INPUT_/, 'step'],
];

function expectInvalid(text: string): void {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(PsaError);
    expect((err as PsaError).status).toBe(PSA_ERROR_INVALID_ARGUMENT);
    return;
  }
  throw new Error(`parse(${JSON.stringify(text)}) did not throw`);
}

group('describe', () => {
  it.each([
    [0x06000609, 'alg', 'PSA_ALG_ECDSA(PSA_ALG_SHA_256)'],
    [0x03900009, 'alg', 'PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16)'],
    [0x03908009, 'alg', 'PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16)'],
    [0x05480100, 'alg', 'PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8)'],
    [0x05488100, 'alg', 'PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8)'],
    [0x09020109, 'alg', 'PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_256))'],
    [0x060006ff, 'alg', 'PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)'],
    [0x06000600, 'alg', 'PSA_ALG_ECDSA_ANY'],
    [0x06000200, 'alg', 'PSA_ALG_RSA_PKCS1V15_SIGN_RAW'],
    [0x0600090b, 'alg', 'PSA_ALG_ED25519PH'],
    [0x08000609, 'alg', 'PSA_ALG_TLS12_ECJPAKE_TO_PMS'],
    [0, 'alg', 'PSA_ALG_NONE'],
    [0x7112, 'keyType', 'PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1)'],
    [0x4182, 'keyType', 'PSA_KEY_TYPE_SLH_DSA_PUBLIC_KEY(PSA_SLH_DSA_FAMILY_SHA2_S)'],
    [0x7203, 'keyType', 'PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919)'],
    [0x4101, 'keyType', 'PSA_KEY_TYPE_ECC_PUBLIC_KEY(0x01)'],
    [0x7002, 'keyType', 'PSA_KEY_TYPE_ML_DSA_KEY_PAIR'],
    [0x3000, 'usage', 'PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH'],
    [0x80000001, 'usage', 'PSA_KEY_USAGE_EXPORT | 0x80000000'],
    [0, 'usage', '0'],
    [0, 'lifetime', 'PSA_KEY_LIFETIME_VOLATILE'],
    [1, 'lifetime', 'PSA_KEY_LIFETIME_PERSISTENT'],
    [0x7fffff01, 'lifetime', 'PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_DEFAULT, 0x7fffff)'],
    [0x000001ff, 'lifetime', 'PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_READ_ONLY, PSA_KEY_LOCATION_PRIMARY_SECURE_ELEMENT)'],
    [-149, 'status', 'PSA_ERROR_INVALID_SIGNATURE'],
    [0xffffff6b, 'status', 'PSA_ERROR_INVALID_SIGNATURE'],
    [0x41, 'eccFamily', 'PSA_ECC_FAMILY_MONTGOMERY'],
    [0x05, 'dhFamily', 'PSA_DH_FAMILY_RFC3526'],
    [0, 'keyId', 'PSA_KEY_ID_NULL'],
    [0x0202, 'step', 'PSA_KEY_DERIVATION_INPUT_SALT'],
    [0xff, 'persistence', 'PSA_KEY_PERSISTENCE_READ_ONLY'],
    [0, 'location', 'PSA_KEY_LOCATION_LOCAL_STORAGE'],
  ] as const)('describe(%i, %s) = %s', (value, kind, text) => {
    expect(describe(value, kind)).toBe(text);
  });

  it.each([
    [0x12345678, 'alg', '0x12345678'],
    [0x03800000, 'alg', '0x03800000'],
    [0x7fff, 'keyType', '0x7fff'],
    [0x99, 'eccFamily', '0x99'],
    [0x100, 'keyId', '0x00000100'],
    [0x0999, 'step', '0x0999'],
    [-1, 'status', '-1'],
  ] as const)('unknown %i as %s renders as %s', (value, kind, text) => {
    expect(describe(value, kind)).toBe(text);
    expect(parse(text)).toBe(value);
  });
});

group('parse', () => {
  it('reads literals, suffixes and operators as C does', () => {
    expect(parse('0x10U')).toBe(16);
    expect(parse('4294967295ULL')).toBe(0xffffffff);
    expect(parse('255 * PSA_HASH_LENGTH(PSA_ALG_SHA_256) + 1')).toBe(8161);
    expect(parse('PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH')).toBe(0x3000);
    expect(parse('(1 + 2) * 3 - -1')).toBe(10);
    expect(parse('1 << 31')).toBe(0x80000000);
    expect(parse('~0')).toBe(0xffffffff);
    expect(parse('PSA_ERROR_NOT_SUPPORTED')).toBe(-134);
    expect(parse('PSA_ALG_IS_HASH(PSA_ALG_SHA_256)')).toBe(1);
    expect(parse('  PSA_ALG_HMAC( PSA_ALG_SHA_256 )  ')).toBe(0x03800009);
  });

  it('accepts extra names for test-local constants', () => {
    expect(parse('ALG_IS_HMAC | 4', new Map([['ALG_IS_HMAC', 2]]))).toBe(6);
  });

  it('rejects unknown names and malformed input with INVALID_ARGUMENT', () => {
    for (const text of ['PSA_ALG_SHA_999', 'PSA_ALG_HMAC', 'PSA_ALG_HMAC(1, 2)', 'PSA_NOT_A_MACRO(1)', '(1', '1 +', '', '1 $ 2', '1 / 0']) {
      expectInvalid(text);
    }
  });

  it('round-trips every named value of the registry', () => {
    let checked = 0;
    for (const [name, value] of VALUES) {
      const kind = KINDS.find(([re]) => re.test(name))?.[1];
      if (!kind) continue;
      const text = describe(value, kind);
      expect(parse(text), `${name} -> ${text}`).toBe(kind === 'status' ? value : value >>> 0);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('round-trips constructed algorithms and key types', () => {
    const algs = [
      'PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_512)',
      'PSA_ALG_KEY_AGREEMENT(PSA_ALG_FFDH, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_384))',
      'PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4)',
      'PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_XCHACHA20_POLY1305, 12)',
      'PSA_ALG_HASH_ML_DSA(PSA_ALG_SHAKE256_512)',
      'PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256)',
      '0x80000000',
    ];
    for (const text of algs) expect(describe(parse(text), 'alg')).toBe(text);
    const types = ['PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS)', 'PSA_KEY_TYPE_WPA3_SAE_DH(PSA_DH_FAMILY_RFC3526)'];
    for (const text of types) expect(describe(parse(text), 'keyType')).toBe(text);
  });
});
