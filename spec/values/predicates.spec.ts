/**
 * Algorithm and key-type predicates on representative values. Expected
 * truth values come from the 1.5 reference formulas (specdef_values) and,
 * for the classification of Mbed TLS algorithms, from the flags listed in
 * TF-PSA-Crypto's test_suite_psa_crypto_metadata data.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/values/index.js';
import { MACROS } from '../../src/values/registry.js';

/** Evaluate `PREDICATE(arg)` through the registry. */
function holds(predicate: string, arg: string): boolean {
  const fn = MACROS.get(predicate);
  if (!fn) throw new Error(`no macro ${predicate}`);
  const out = fn(parse(arg));
  expect(typeof out).toBe('boolean');
  return out as boolean;
}

/** The algorithm predicates checked against the metadata-suite flags. */
const ALG_FLAGS = [
  'PSA_ALG_IS_VENDOR_DEFINED', 'PSA_ALG_IS_HMAC', 'PSA_ALG_IS_BLOCK_CIPHER_MAC', 'PSA_ALG_IS_STREAM_CIPHER',
  'PSA_ALG_IS_RSA_PKCS1V15_SIGN', 'PSA_ALG_IS_RSA_PSS', 'PSA_ALG_IS_RSA_PSS_ANY_SALT',
  'PSA_ALG_IS_RSA_PSS_STANDARD_SALT', 'PSA_ALG_IS_ECDSA', 'PSA_ALG_IS_DETERMINISTIC_ECDSA',
  'PSA_ALG_IS_RANDOMIZED_ECDSA', 'PSA_ALG_IS_HASH_EDDSA', 'PSA_ALG_IS_SIGN_HASH', 'PSA_ALG_IS_HASH_AND_SIGN',
  'PSA_ALG_IS_RSA_OAEP', 'PSA_ALG_IS_HKDF', 'PSA_ALG_IS_HKDF_EXTRACT', 'PSA_ALG_IS_HKDF_EXPAND',
  'PSA_ALG_IS_FFDH', 'PSA_ALG_IS_ECDH', 'PSA_ALG_IS_WILDCARD', 'PSA_ALG_IS_RAW_KEY_AGREEMENT',
  'PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER', 'PSA_ALG_IS_TLS12_PRF', 'PSA_ALG_IS_TLS12_PSK_TO_MS',
];

/** [algorithm, predicates that hold among ALG_FLAGS] (metadata suite). */
const CLASSIFIED: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['PSA_ALG_HMAC(PSA_ALG_SHA_256)', ['PSA_ALG_IS_HMAC']],
  ['PSA_ALG_CMAC', ['PSA_ALG_IS_BLOCK_CIPHER_MAC']],
  ['PSA_ALG_CTR', ['PSA_ALG_IS_STREAM_CIPHER']],
  ['PSA_ALG_CCM_STAR_NO_TAG', ['PSA_ALG_IS_STREAM_CIPHER']],
  ['PSA_ALG_CBC_PKCS7', []],
  ['PSA_ALG_XTS', []],
  ['PSA_ALG_GCM', ['PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER']],
  ['PSA_ALG_CHACHA20_POLY1305', []],
  ['PSA_ALG_RSA_PKCS1V15_SIGN_RAW', ['PSA_ALG_IS_RSA_PKCS1V15_SIGN', 'PSA_ALG_IS_SIGN_HASH']],
  [
    'PSA_ALG_RSA_PSS_ANY_SALT(PSA_ALG_SHA_256)',
    ['PSA_ALG_IS_RSA_PSS', 'PSA_ALG_IS_RSA_PSS_ANY_SALT', 'PSA_ALG_IS_SIGN_HASH', 'PSA_ALG_IS_HASH_AND_SIGN'],
  ],
  ['PSA_ALG_ECDSA_ANY', ['PSA_ALG_IS_ECDSA', 'PSA_ALG_IS_RANDOMIZED_ECDSA', 'PSA_ALG_IS_SIGN_HASH']],
  [
    'PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256)',
    ['PSA_ALG_IS_ECDSA', 'PSA_ALG_IS_DETERMINISTIC_ECDSA', 'PSA_ALG_IS_SIGN_HASH', 'PSA_ALG_IS_HASH_AND_SIGN'],
  ],
  [
    'PSA_ALG_ECDSA(PSA_ALG_ANY_HASH)',
    ['PSA_ALG_IS_ECDSA', 'PSA_ALG_IS_RANDOMIZED_ECDSA', 'PSA_ALG_IS_SIGN_HASH', 'PSA_ALG_IS_HASH_AND_SIGN', 'PSA_ALG_IS_WILDCARD'],
  ],
  ['PSA_ALG_PURE_EDDSA', []],
  ['PSA_ALG_ED448PH', ['PSA_ALG_IS_HASH_EDDSA', 'PSA_ALG_IS_SIGN_HASH', 'PSA_ALG_IS_HASH_AND_SIGN']],
  ['PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)', ['PSA_ALG_IS_RSA_OAEP']],
  ['PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_384)', ['PSA_ALG_IS_HKDF_EXPAND']],
  ['PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256)', ['PSA_ALG_IS_TLS12_PSK_TO_MS']],
  ['PSA_ALG_TLS12_ECJPAKE_TO_PMS', []],
  ['PSA_ALG_FFDH', ['PSA_ALG_IS_FFDH', 'PSA_ALG_IS_RAW_KEY_AGREEMENT']],
  ['PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_HKDF(PSA_ALG_SHA_384))', ['PSA_ALG_IS_ECDH']],
  ['PSA_ALG_KEY_AGREEMENT(PSA_ALG_ECDH, PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256))', ['PSA_ALG_IS_ECDH']],
  ['PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(PSA_ALG_CMAC, 8)', ['PSA_ALG_IS_BLOCK_CIPHER_MAC', 'PSA_ALG_IS_WILDCARD']],
  ['PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8)', ['PSA_ALG_IS_AEAD_ON_BLOCK_CIPHER', 'PSA_ALG_IS_WILDCARD']],
  // The reference masks (0x7f...) ignore bit 31: a vendor-flagged HMAC id is still an HMAC.
  ['0x80000000 | PSA_ALG_HMAC(PSA_ALG_SHA_256)', ['PSA_ALG_IS_VENDOR_DEFINED', 'PSA_ALG_IS_HMAC']],
  ['0x80000000 | PSA_ALG_CATEGORY_HASH', ['PSA_ALG_IS_VENDOR_DEFINED']],
];

describe('algorithm classification', () => {
  it.each(CLASSIFIED)('%s', (alg, expected) => {
    const actual = ALG_FLAGS.filter((p) => holds(p, alg));
    expect(actual).toEqual(ALG_FLAGS.filter((p) => expected.includes(p)));
  });

  it('categories are exclusive', () => {
    const cats = [
      ['PSA_ALG_IS_HASH', 'PSA_ALG_SHA3_256'], ['PSA_ALG_IS_MAC', 'PSA_ALG_CBC_MAC'],
      ['PSA_ALG_IS_CIPHER', 'PSA_ALG_ECB_NO_PADDING'], ['PSA_ALG_IS_AEAD', 'PSA_ALG_ASCON_AEAD128'],
      ['PSA_ALG_IS_SIGN', 'PSA_ALG_ML_DSA'], ['PSA_ALG_IS_ASYMMETRIC_ENCRYPTION', 'PSA_ALG_RSA_PKCS1V15_CRYPT'],
      ['PSA_ALG_IS_KEY_DERIVATION', 'PSA_ALG_SP800_108_COUNTER_CMAC'], ['PSA_ALG_IS_KEY_AGREEMENT', 'PSA_ALG_ECDH'],
      ['PSA_ALG_IS_PAKE', 'PSA_ALG_SPAKE2P_MATTER'], ['PSA_ALG_IS_KEY_WRAP', 'PSA_ALG_KWP'],
      ['PSA_ALG_IS_KEY_ENCAPSULATION', 'PSA_ALG_ML_KEM'], ['PSA_ALG_IS_XOF', 'PSA_ALG_ASCON_CXOF128'],
    ];
    for (const [predicate, alg] of cats) {
      for (const [other] of cats) expect(holds(other as string, alg as string)).toBe(other === predicate);
    }
  });

  it('hash-and-sign needs a hash (Mbed TLS rule), sign-hash accepts the raw variants', () => {
    expect(holds('PSA_ALG_IS_HASH_AND_SIGN', 'PSA_ALG_ECDSA_ANY')).toBe(false);
    expect(holds('PSA_ALG_IS_HASH_AND_SIGN', 'PSA_ALG_RSA_PKCS1V15_SIGN_RAW')).toBe(false);
    expect(holds('PSA_ALG_IS_HASH_AND_SIGN', 'PSA_ALG_HASH_ML_DSA(PSA_ALG_SHA_512)')).toBe(true);
    expect(holds('PSA_ALG_IS_SIGN_HASH', 'PSA_ALG_PURE_EDDSA')).toBe(false);
    expect(holds('PSA_ALG_IS_SIGN_MESSAGE', 'PSA_ALG_PURE_EDDSA')).toBe(true);
    expect(holds('PSA_ALG_IS_SIGN_MESSAGE', 'PSA_ALG_ECDSA_ANY')).toBe(false);
    expect(parse('PSA_ALG_SIGN_GET_HASH(PSA_ALG_ECDSA_ANY)')).toBe(0);
    expect(parse('PSA_ALG_SIGN_GET_HASH(PSA_ALG_RSA_PSS(PSA_ALG_SHA_384))')).toBe(0x0200000a);
    expect(parse('PSA_ALG_GET_HASH(PSA_ALG_ECDSA_ANY)')).toBe(0);
    expect(parse('PSA_ALG_GET_HASH(PSA_ALG_HKDF(PSA_ALG_SHA_1))')).toBe(0x02000005);
    expect(parse('PSA_ALG_RSA_OAEP_GET_HASH(PSA_ALG_RSA_PKCS1V15_CRYPT)')).toBe(0);
  });

  it('distinguishes the ML-DSA, SLH-DSA and PAKE families', () => {
    expect(holds('PSA_ALG_IS_ML_DSA', 'PSA_ALG_DETERMINISTIC_ML_DSA')).toBe(true);
    expect(holds('PSA_ALG_IS_ML_DSA', 'PSA_ALG_HASH_ML_DSA(PSA_ALG_SHA_256)')).toBe(false);
    expect(holds('PSA_ALG_IS_DETERMINISTIC_HASH_SLH_DSA', 'PSA_ALG_DETERMINISTIC_HASH_SLH_DSA(PSA_ALG_SHA_256)')).toBe(true);
    expect(holds('PSA_ALG_IS_HEDGED_HASH_SLH_DSA', 'PSA_ALG_DETERMINISTIC_HASH_SLH_DSA(PSA_ALG_SHA_256)')).toBe(false);
    expect(holds('PSA_ALG_IS_SPAKE2P', 'PSA_ALG_SPAKE2P_MATTER')).toBe(true);
    expect(holds('PSA_ALG_IS_SPAKE2P_HMAC', 'PSA_ALG_SPAKE2P_MATTER')).toBe(false);
    expect(holds('PSA_ALG_IS_JPAKE', 'PSA_ALG_JPAKE_BETA')).toBe(true);
    expect(holds('PSA_ALG_IS_WPA3_SAE', 'PSA_ALG_WPA3_SAE_GDH(PSA_ALG_SHA_256)')).toBe(true);
    expect(holds('PSA_ALG_IS_WILDCARD', 'PSA_ALG_WPA3_SAE_ANY')).toBe(true);
    expect(holds('PSA_ALG_IS_WILDCARD', 'PSA_ALG_CCM_STAR_ANY_TAG')).toBe(true);
    expect(holds('PSA_ALG_IS_KEY_DERIVATION_STRETCHING', 'PSA_ALG_PBKDF2_AES_CMAC_PRF_128')).toBe(true);
    expect(holds('PSA_ALG_IS_PBKDF2', 'PSA_ALG_PBKDF2_AES_CMAC_PRF_128')).toBe(true);
    expect(holds('PSA_ALG_IS_ANY_HKDF', 'PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)')).toBe(true);
    expect(holds('PSA_ALG_XOF_HAS_CONTEXT', 'PSA_ALG_ASCON_CXOF128')).toBe(true);
    expect(holds('PSA_ALG_IS_BLAKE2_HASH', 'PSA_ALG_BLAKE2BP_HASH512')).toBe(true);
    expect(holds('PSA_ALG_IS_BLAKE2_HASH', 'PSA_ALG_ASCON_HASH256')).toBe(false);
  });
});

describe('key type classification', () => {
  it('uses the 1.5 family masks: SLH-DSA keys are not ECC keys', () => {
    expect(holds('PSA_KEY_TYPE_IS_ECC', '0x4182')).toBe(false);
    expect(holds('PSA_KEY_TYPE_IS_SLH_DSA', '0x4182')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_SLH_DSA_KEY_PAIR', '0x718d')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_ECC_KEY_PAIR', '0x7142')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY', '0x7142')).toBe(false);
    expect(holds('PSA_KEY_TYPE_IS_DH', '0x7203')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY', '0x4412')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_WPA3_SAE_ECC', '0x3292')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_WPA3_SAE_DH', '0x3305')).toBe(true);
    expect(parse('PSA_KEY_TYPE_ECC_GET_FAMILY(0x7141)')).toBe(0x41);
    expect(parse('PSA_KEY_TYPE_SLH_DSA_GET_FAMILY(0x418b)')).toBe(0x0b);
  });

  it('classifies by category', () => {
    const flags = ['PSA_KEY_TYPE_IS_UNSTRUCTURED', 'PSA_KEY_TYPE_IS_ASYMMETRIC', 'PSA_KEY_TYPE_IS_PUBLIC_KEY', 'PSA_KEY_TYPE_IS_KEY_PAIR', 'PSA_KEY_TYPE_IS_RSA'];
    const table: ReadonlyArray<readonly [string, readonly string[]]> = [
      ['PSA_KEY_TYPE_PASSWORD_HASH', ['PSA_KEY_TYPE_IS_UNSTRUCTURED']],
      ['PSA_KEY_TYPE_AES', ['PSA_KEY_TYPE_IS_UNSTRUCTURED']],
      ['PSA_KEY_TYPE_RSA_PUBLIC_KEY', ['PSA_KEY_TYPE_IS_ASYMMETRIC', 'PSA_KEY_TYPE_IS_PUBLIC_KEY', 'PSA_KEY_TYPE_IS_RSA']],
      ['PSA_KEY_TYPE_RSA_KEY_PAIR', ['PSA_KEY_TYPE_IS_ASYMMETRIC', 'PSA_KEY_TYPE_IS_KEY_PAIR', 'PSA_KEY_TYPE_IS_RSA']],
      ['PSA_KEY_TYPE_ML_KEM_KEY_PAIR', ['PSA_KEY_TYPE_IS_ASYMMETRIC', 'PSA_KEY_TYPE_IS_KEY_PAIR']],
      ['PSA_KEY_TYPE_WPA3_SAE_ECC(PSA_ECC_FAMILY_SECP_R1)', []],
      ['PSA_KEY_TYPE_NONE', []],
    ];
    for (const [type, expected] of table) {
      expect(flags.filter((f) => holds(f, type))).toEqual(flags.filter((f) => expected.includes(f)));
    }
    expect(holds('PSA_KEY_TYPE_IS_ML_DSA', 'PSA_KEY_TYPE_ML_DSA_KEY_PAIR')).toBe(true);
    expect(holds('PSA_KEY_TYPE_IS_ML_KEM', 'PSA_KEY_TYPE_ML_DSA_KEY_PAIR')).toBe(false);
    expect(holds('PSA_KEY_TYPE_IS_VENDOR_DEFINED', '0xc001')).toBe(true);
  });

  it('every spec-defined key type has even parity', () => {
    for (const t of [0x1001, 0x1100, 0x2301, 0x2400, 0x7112, 0x4182, 0x3305, 0x400b, 0x7004]) {
      let ones = 0;
      for (let v = t; v; v >>= 1) ones += v & 1;
      expect(ones % 2).toBe(0);
    }
    for (const f of ['PSA_ECC_FAMILY_SECP_K1', 'PSA_ECC_FAMILY_MONTGOMERY', 'PSA_ECC_FAMILY_FRP']) {
      const pair = parse(`PSA_KEY_TYPE_ECC_KEY_PAIR(${f})`);
      expect(parse(`PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(${pair})`)).toBe(parse(`PSA_KEY_TYPE_ECC_PUBLIC_KEY(${f})`));
      expect(parse(`PSA_KEY_TYPE_ECC_GET_FAMILY(${pair})`)).toBe(parse(f));
    }
  });

  it('knows Weierstrass families (Mbed TLS helper)', () => {
    expect(holds('PSA_ECC_FAMILY_IS_WEIERSTRASS', 'PSA_ECC_FAMILY_BRAINPOOL_P_R1')).toBe(true);
    expect(holds('PSA_ECC_FAMILY_IS_WEIERSTRASS', 'PSA_ECC_FAMILY_TWISTED_EDWARDS')).toBe(false);
  });
});

describe('lifetimes', () => {
  const cases: ReadonlyArray<readonly [string, boolean, boolean, number, number]> = [
    ['PSA_KEY_LIFETIME_VOLATILE', true, false, 0, 0],
    ['PSA_KEY_LIFETIME_PERSISTENT', false, false, 1, 0],
    ['PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(254, 0x123456)', false, false, 254, 0x123456],
    ['PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_READ_ONLY, 0x123456)', false, true, 0xff, 0x123456],
    ['PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, 0x800000)', true, false, 0, 0x800000],
  ];
  it.each(cases)('%s', (lifetime, volatile, readOnly, persistence, location) => {
    expect(holds('PSA_KEY_LIFETIME_IS_VOLATILE', lifetime)).toBe(volatile);
    expect(holds('PSA_KEY_LIFETIME_IS_READ_ONLY', lifetime)).toBe(readOnly);
    expect(parse(`PSA_KEY_LIFETIME_GET_PERSISTENCE(${lifetime})`)).toBe(persistence);
    expect(parse(`PSA_KEY_LIFETIME_GET_LOCATION(${lifetime})`)).toBe(location);
  });
});
