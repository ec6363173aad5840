/**
 * The `psa_crypto_metadata` suite: classification and decomposition macros
 * of algorithms, key types and lifetimes, checked on `src/values` with no
 * library call. Classification flags are the test-local `ALG_IS_*`,
 * `KEY_TYPE_IS_*` and `KEY_LIFETIME_IS_*` bits; each flag names the macro
 * `PSA_<flag>` it checks, which is looked up by that name.
 */
import * as values from '../../../src/values/index.js';
import { CheckFailure, check, checkEqual } from '../assert.js';
import { TEST_CONSTANTS } from '../constants.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_metadata';

type Macro = (...args: number[]) => number | boolean;

/**
 * Mbed TLS's `PSA_KEY_TYPE_IS_DSA` (crypto_extra.h). This package does not
 * export it: Mbed TLS's DSA key types (0x4002/0x7002) are ML-DSA in PSA 1.5.
 * The metadata tests classify every key type with it, so it is defined here.
 */
const MBEDTLS_ONLY: Readonly<Record<string, Macro>> = {
  PSA_KEY_TYPE_IS_DSA: (type: number) => ((type & ~0x3000) >>> 0) === 0x4002,
};

const exported = { ...values, ...MBEDTLS_ONLY } as unknown as Readonly<Record<string, unknown>>;

/** A macro of `src/values` by C name; a missing one fails the case. */
function macro(name: string): Macro {
  const f = exported[name];
  if (typeof f !== 'function') throw new CheckFailure(`src/values does not provide ${name}`);
  return f as Macro;
}

/** A constant of `src/values` by C name. */
function constant(name: string): number {
  const v = exported[name];
  if (typeof v !== 'number') throw new CheckFailure(`src/values does not provide ${name}`);
  return v;
}

const is = (name: string, ...args: number[]): boolean => Boolean(macro(name)(...args));
const call = (name: string, ...args: number[]): number => Number(macro(name)(...args)) >>> 0;

const u32 = (v: number): number => v >>> 0;
const u16 = (v: number): number => v & 0xffff;

/** A classification flag of the test code, as a number. */
function flag(name: string): number {
  const v = TEST_CONSTANTS.get(name);
  if (v === undefined) throw new Error(`no test flag ${name}`);
  return Number(v);
}

const ALG_FLAGS = [
  'ALG_IS_VENDOR_DEFINED', 'ALG_IS_HMAC', 'ALG_IS_BLOCK_CIPHER_MAC', 'ALG_IS_STREAM_CIPHER',
  'ALG_IS_RSA_PKCS1V15_SIGN', 'ALG_IS_RSA_PSS', 'ALG_IS_RSA_PSS_ANY_SALT', 'ALG_IS_RSA_PSS_STANDARD_SALT',
  'ALG_IS_DSA', 'ALG_DSA_IS_DETERMINISTIC', 'ALG_IS_DETERMINISTIC_DSA', 'ALG_IS_RANDOMIZED_DSA',
  'ALG_IS_ECDSA', 'ALG_ECDSA_IS_DETERMINISTIC', 'ALG_IS_DETERMINISTIC_ECDSA', 'ALG_IS_RANDOMIZED_ECDSA',
  'ALG_IS_HASH_EDDSA', 'ALG_IS_SIGN_HASH', 'ALG_IS_HASH_AND_SIGN', 'ALG_IS_RSA_OAEP',
  'ALG_IS_HKDF', 'ALG_IS_HKDF_EXTRACT', 'ALG_IS_HKDF_EXPAND', 'ALG_IS_WILDCARD',
  'ALG_IS_ECDH', 'ALG_IS_FFDH', 'ALG_IS_RAW_KEY_AGREEMENT', 'ALG_IS_AEAD_ON_BLOCK_CIPHER',
  'ALG_IS_TLS12_PRF', 'ALG_IS_TLS12_PSK_TO_MS',
] as const;
/** One past the highest algorithm flag: every flag below it must be tested. */
const ALG_FLAG_MASK_PLUS_ONE = 1 << 30;

const KEY_TYPE_FLAGS = [
  'KEY_TYPE_IS_VENDOR_DEFINED', 'KEY_TYPE_IS_UNSTRUCTURED', 'KEY_TYPE_IS_PUBLIC_KEY', 'KEY_TYPE_IS_KEY_PAIR',
  'KEY_TYPE_IS_RSA', 'KEY_TYPE_IS_DSA', 'KEY_TYPE_IS_ECC', 'KEY_TYPE_IS_DH',
] as const;
const KEY_TYPE_FLAG_MASK_PLUS_ONE = 1 << 8;

const LIFETIME_FLAGS = ['KEY_LIFETIME_IS_VOLATILE', 'KEY_LIFETIME_IS_READ_ONLY'] as const;
const KEY_LIFETIME_FLAG_MASK_PLUS_ONE = 1 << 2;

/**
 * `TEST_CLASSIFICATION_MACRO`: when `cond`, `PSA_<flag>(value)` must be true
 * exactly when the flag is set in `flags`. Returns the flag bit (tested or not).
 */
function classification(cond: boolean, flagName: string, value: number, flags: number): number {
  const bit = flag(flagName);
  if (cond) {
    const actual = is(`PSA_${flagName}`, value);
    const expected = (flags & bit) !== 0;
    if (actual !== expected) {
      throw new CheckFailure(`PSA_${flagName}(0x${value.toString(16)}) is ${actual}, expected ${expected}`);
    }
  }
  return bit;
}

/** `has_even_parity` + `TEST_PARITY`. */
function checkParity(value: number, what: string): void {
  let v = value >>> 0;
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  check((0x9669 & (1 << (v & 0xf))) !== 0, `${what} 0x${(value >>> 0).toString(16)} has even parity`);
}

function algorithmClassification(alg: number, flags: number): void {
  let tested = 0;
  for (const name of ALG_FLAGS) {
    let cond = true;
    if (name === 'ALG_DSA_IS_DETERMINISTIC') cond = is('PSA_ALG_IS_DSA', alg);
    if (name === 'ALG_ECDSA_IS_DETERMINISTIC') cond = is('PSA_ALG_IS_ECDSA', alg);
    tested |= classification(cond, name, alg, flags);
  }
  checkEqual(u32(tested), ALG_FLAG_MASK_PLUS_ONE - 1, 'algorithm flags tested');
}

function keyTypeClassification(type: number, flags: number): void {
  let tested = 0;
  for (const name of KEY_TYPE_FLAGS) tested |= classification(true, name, type, flags);
  checkEqual(tested, KEY_TYPE_FLAG_MASK_PLUS_ONE - 1, 'key type flags tested');

  checkEqual(
    is('PSA_KEY_TYPE_IS_ASYMMETRIC', type),
    is('PSA_KEY_TYPE_IS_PUBLIC_KEY', type) || is('PSA_KEY_TYPE_IS_KEY_PAIR', type),
    'PSA_KEY_TYPE_IS_ASYMMETRIC',
  );
  checkEqual(
    is('PSA_KEY_TYPE_IS_ECC_KEY_PAIR', type),
    is('PSA_KEY_TYPE_IS_ECC', type) && is('PSA_KEY_TYPE_IS_KEY_PAIR', type),
    'PSA_KEY_TYPE_IS_ECC_KEY_PAIR',
  );
  checkEqual(
    is('PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY', type),
    is('PSA_KEY_TYPE_IS_ECC', type) && is('PSA_KEY_TYPE_IS_PUBLIC_KEY', type),
    'PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY',
  );
  checkEqual(
    is('PSA_KEY_TYPE_IS_DH_KEY_PAIR', type),
    is('PSA_KEY_TYPE_IS_DH', type) && is('PSA_KEY_TYPE_IS_KEY_PAIR', type),
    'PSA_KEY_TYPE_IS_DH_KEY_PAIR',
  );
  checkEqual(
    is('PSA_KEY_TYPE_IS_DH_PUBLIC_KEY', type),
    is('PSA_KEY_TYPE_IS_DH', type) && is('PSA_KEY_TYPE_IS_PUBLIC_KEY', type),
    'PSA_KEY_TYPE_IS_DH_PUBLIC_KEY',
  );
  checkParity(type, 'key type');
}

/** The nine category predicates: exactly `expected` holds. */
function checkCategory(alg: number, expected: string): void {
  const categories = [
    'PSA_ALG_IS_HASH', 'PSA_ALG_IS_MAC', 'PSA_ALG_IS_CIPHER', 'PSA_ALG_IS_AEAD', 'PSA_ALG_IS_SIGN',
    'PSA_ALG_IS_ASYMMETRIC_ENCRYPTION', 'PSA_ALG_IS_KEY_AGREEMENT', 'PSA_ALG_IS_KEY_DERIVATION', 'PSA_ALG_IS_PAKE',
  ];
  for (const name of categories) {
    const actual = is(name, alg);
    if (actual !== (name === expected)) {
      throw new CheckFailure(`${name}(0x${alg.toString(16)}) is ${actual}, expected ${name === expected}`);
    }
  }
}

function macAlgorithmCore(alg: number, flags: number, keyType: number, keyBits: number, length: number): void {
  checkCategory(alg, 'PSA_ALG_IS_MAC');
  algorithmClassification(alg, flags);
  checkEqual(call('PSA_MAC_LENGTH', keyType, keyBits, alg), length, `PSA_MAC_LENGTH(0x${alg.toString(16)})`);
  // The upstream check of psa_mac_key_can_do() needs MBEDTLS_TEST_HOOKS, which this build does not define.
}

function aeadAlgorithmCore(alg: number, flags: number, keyType: number, keyBits: number, tagLength: number): void {
  checkCategory(alg, 'PSA_ALG_IS_AEAD');
  algorithmClassification(alg, flags);
  checkEqual(call('PSA_AEAD_TAG_LENGTH', keyType, keyBits, alg), tagLength, `PSA_AEAD_TAG_LENGTH(0x${alg.toString(16)})`);
}

const truncated = (alg: number, n: number): number => call('PSA_ALG_TRUNCATED_MAC', alg, n);
const atLeast = (alg: number, n: number): number => call('PSA_ALG_AT_LEAST_THIS_LENGTH_MAC', alg, n);
const shortened = (alg: number, n: number): number => call('PSA_ALG_AEAD_WITH_SHORTENED_TAG', alg, n);
const atLeastTag = (alg: number, n: number): number => call('PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG', alg, n);

function macAlgorithm(algArg: number, flags: number, lengthArg: number, keyTypeArg: number, keyBitsArg: number): void {
  const alg = u32(algArg);
  const length = lengthArg;
  const keyType = u16(keyTypeArg);
  const keyBits = keyBitsArg;

  macAlgorithmCore(alg, flags, keyType, keyBits, length);
  checkEqual(call('PSA_ALG_FULL_LENGTH_MAC', alg), alg, 'PSA_ALG_FULL_LENGTH_MAC');
  check(length <= constant('PSA_MAC_MAX_SIZE'), 'length <= PSA_MAC_MAX_SIZE');

  for (let n = 1; n <= length; n++) {
    const t = truncated(alg, n);
    macAlgorithmCore(t, flags, keyType, keyBits, n);
    checkEqual(call('PSA_ALG_FULL_LENGTH_MAC', t), alg, `PSA_ALG_FULL_LENGTH_MAC(truncated to ${n})`);
    for (const k of [1, length - 1, length]) {
      checkEqual(truncated(t, k), truncated(alg, k), `truncating to ${n} then ${k}`);
      checkEqual(truncated(atLeast(t, n), k), truncated(alg, k), `truncated ${n}, at least ${n}, truncated ${k}`);
    }
  }

  for (let n = 1; n <= length; n++) {
    const policy = atLeast(alg, n);
    macAlgorithmCore(policy, flags | flag('ALG_IS_WILDCARD'), keyType, keyBits, n);
    checkEqual(call('PSA_ALG_FULL_LENGTH_MAC', policy), alg, `PSA_ALG_FULL_LENGTH_MAC(at least ${n})`);
    for (const k of [1, length - 1, length]) {
      checkEqual(atLeast(policy, k), atLeast(alg, k), `at least ${n} then at least ${k}`);
      checkEqual(atLeast(truncated(policy, n), k), atLeast(alg, k), `at least ${n}, truncated ${n}, at least ${k}`);
    }
  }
}

function aeadAlgorithm(algArg: number, flags: number, tagLengthArg: number, keyTypeArg: number, keyBitsArg: number): void {
  const alg = u32(algArg);
  const tagLength = tagLengthArg;
  const keyType = u16(keyTypeArg);
  const keyBits = keyBitsArg;

  aeadAlgorithmCore(alg, flags, keyType, keyBits, tagLength);

  for (let n = 1; n <= tagLength; n++) {
    const t = shortened(alg, n);
    aeadAlgorithmCore(t, flags, keyType, keyBits, n);
    checkEqual(call('PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG', t), alg, `default tag of shortened ${n}`);
    for (const k of [1, tagLength - 1, tagLength]) {
      checkEqual(shortened(t, k), shortened(alg, k), `shortened ${n} then ${k}`);
      checkEqual(shortened(atLeastTag(t, n), k), shortened(alg, k), `shortened ${n}, at least ${n}, shortened ${k}`);
    }
  }

  for (let n = 1; n <= tagLength; n++) {
    const policy = atLeastTag(alg, n);
    aeadAlgorithmCore(policy, flags | flag('ALG_IS_WILDCARD'), keyType, keyBits, n);
    checkEqual(call('PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG', policy), alg, `default tag of at least ${n}`);
    for (const k of [1, tagLength - 1, tagLength]) {
      checkEqual(atLeastTag(policy, k), atLeastTag(alg, k), `at least ${n} then at least ${k}`);
      checkEqual(atLeastTag(shortened(policy, n), k), atLeastTag(alg, k), `at least ${n}, shortened ${n}, at least ${k}`);
    }
  }
}

function asymmetricSignatureAlgorithm(algArg: number, flags: number): void {
  const alg = u32(algArg);
  checkCategory(alg, 'PSA_ALG_IS_SIGN');
  algorithmClassification(alg, flags);
}

function keyType(typeArg: number, flags: number): void {
  const type = u16(typeArg);
  keyTypeClassification(type, flags);

  const PUBLIC = flag('KEY_TYPE_IS_PUBLIC_KEY');
  const PAIR = flag('KEY_TYPE_IS_KEY_PAIR');
  if (flags & PUBLIC) {
    const pair = call('PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY', type);
    checkEqual(call('PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR', pair), type, 'public of pair of public');
    keyTypeClassification(pair, (flags & ~PUBLIC) | PAIR);
    checkEqual(call('PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR', type), type, 'public of public');
  }
  if (flags & PAIR) {
    const pub = call('PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR', type);
    checkEqual(call('PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY', pub), type, 'pair of public of pair');
    keyTypeClassification(pub, (flags & ~PAIR) | PUBLIC);
    checkEqual(call('PSA_KEY_TYPE_KEY_PAIR_OF_PUBLIC_KEY', type), type, 'pair of pair');
  }
}

function symmetricKeyType(typeArg: number, blockSize: number): void {
  const type = u16(typeArg);
  keyType(typeArg, flag('KEY_TYPE_IS_UNSTRUCTURED'));
  checkEqual(
    type & constant('PSA_KEY_TYPE_CATEGORY_MASK'),
    constant('PSA_KEY_TYPE_CATEGORY_SYMMETRIC'),
    'key type category',
  );
  checkEqual(call('PSA_BLOCK_CIPHER_BLOCK_LENGTH', type), blockSize, 'PSA_BLOCK_CIPHER_BLOCK_LENGTH');
}

export const functions: SuiteFunctions = {
  hash_algorithm: {
    params: ['int', 'int'],
    setup: 'none',
    run(algArg: number, lengthArg: number) {
      const alg = u32(algArg);
      checkCategory(alg, 'PSA_ALG_IS_HASH');
      algorithmClassification(alg, 0);

      checkEqual(call('PSA_ALG_HMAC_GET_HASH', call('PSA_ALG_HMAC', alg)), alg, 'HMAC_GET_HASH(HMAC)');
      for (const ctor of [
        'PSA_ALG_RSA_PKCS1V15_SIGN', 'PSA_ALG_RSA_PSS', 'PSA_ALG_DSA', 'PSA_ALG_DETERMINISTIC_DSA',
        'PSA_ALG_ECDSA', 'PSA_ALG_DETERMINISTIC_ECDSA',
      ]) {
        checkEqual(call('PSA_ALG_SIGN_GET_HASH', call(ctor, alg)), alg, `SIGN_GET_HASH(${ctor})`);
      }
      checkEqual(call('PSA_ALG_RSA_OAEP_GET_HASH', call('PSA_ALG_RSA_OAEP', alg)), alg, 'RSA_OAEP_GET_HASH');
      checkEqual(call('PSA_ALG_HKDF_GET_HASH', call('PSA_ALG_HKDF', alg)), alg, 'HKDF_GET_HASH');

      checkEqual(call('PSA_HASH_LENGTH', alg), lengthArg, 'PSA_HASH_LENGTH');
      check(lengthArg <= constant('PSA_HASH_MAX_SIZE'), 'length <= PSA_HASH_MAX_SIZE');
    },
  },

  mac_algorithm: {
    params: ['int', 'int', 'int', 'int', 'int'],
    setup: 'none',
    run: macAlgorithm,
  },

  hmac_algorithm: {
    params: ['int', 'int', 'int'],
    setup: 'none',
    run(algArg: number, lengthArg: number, blockSizeArg: number) {
      const alg = u32(algArg);
      const hashAlg = call('PSA_ALG_HMAC_GET_HASH', alg);
      check(is('PSA_ALG_IS_HASH', hashAlg), 'PSA_ALG_IS_HASH(PSA_ALG_HMAC_GET_HASH(alg))');
      checkEqual(call('PSA_ALG_HMAC', hashAlg), alg, 'PSA_ALG_HMAC(hash)');
      checkEqual(call('PSA_HASH_BLOCK_LENGTH', alg), blockSizeArg, 'PSA_HASH_BLOCK_LENGTH');
      check(blockSizeArg <= constant('PSA_HMAC_MAX_HASH_BLOCK_SIZE'), 'block size <= PSA_HMAC_MAX_HASH_BLOCK_SIZE');

      macAlgorithm(
        algArg,
        flag('ALG_IS_HMAC'),
        lengthArg,
        constant('PSA_KEY_TYPE_HMAC'),
        call('PSA_BYTES_TO_BITS', lengthArg),
      );
      for (let n = 1; n <= lengthArg; n++) {
        checkEqual(call('PSA_ALG_HMAC_GET_HASH', truncated(alg, n)), hashAlg, `HMAC_GET_HASH(truncated to ${n})`);
      }
    },
  },

  cipher_algorithm: {
    params: ['int', 'int'],
    setup: 'none',
    run(algArg: number, flags: number) {
      const alg = u32(algArg);
      checkCategory(alg, 'PSA_ALG_IS_CIPHER');
      algorithmClassification(alg, flags);
    },
  },

  aead_algorithm: {
    params: ['int', 'int', 'int', 'int', 'int'],
    setup: 'none',
    run: aeadAlgorithm,
  },

  asymmetric_signature_algorithm: {
    params: ['int', 'int'],
    setup: 'none',
    run: asymmetricSignatureAlgorithm,
  },

  asymmetric_signature_wildcard: {
    params: ['int', 'int'],
    setup: 'none',
    run(algArg: number, flags: number) {
      asymmetricSignatureAlgorithm(
        algArg,
        flags | flag('ALG_IS_WILDCARD') | flag('ALG_IS_SIGN_HASH') | flag('ALG_IS_HASH_AND_SIGN'),
      );
    },
  },

  asymmetric_encryption_algorithm: {
    params: ['int', 'int'],
    setup: 'none',
    run(algArg: number, flags: number) {
      const alg = u32(algArg);
      checkCategory(alg, 'PSA_ALG_IS_ASYMMETRIC_ENCRYPTION');
      algorithmClassification(alg, flags);
    },
  },

  key_derivation_algorithm: {
    params: ['int', 'int'],
    setup: 'none',
    run(algArg: number, flags: number) {
      const alg = u32(algArg);
      const ecdh = call('PSA_ALG_KEY_AGREEMENT', constant('PSA_ALG_ECDH'), alg);
      const ffdh = call('PSA_ALG_KEY_AGREEMENT', constant('PSA_ALG_FFDH'), alg);
      checkCategory(alg, 'PSA_ALG_IS_KEY_DERIVATION');
      algorithmClassification(alg, flags);
      check(is('PSA_ALG_IS_KEY_AGREEMENT', ecdh), 'PSA_ALG_IS_KEY_AGREEMENT(ECDH + kdf)');
      check(is('PSA_ALG_IS_KEY_AGREEMENT', ffdh), 'PSA_ALG_IS_KEY_AGREEMENT(FFDH + kdf)');
      checkEqual(call('PSA_ALG_KEY_AGREEMENT_GET_KDF', ecdh), alg, 'KEY_AGREEMENT_GET_KDF(ECDH + kdf)');
      checkEqual(call('PSA_ALG_KEY_AGREEMENT_GET_KDF', ffdh), alg, 'KEY_AGREEMENT_GET_KDF(FFDH + kdf)');
    },
  },

  key_agreement_algorithm: {
    params: ['int', 'int', 'int', 'int'],
    setup: 'none',
    run(algArg: number, flags: number, kaAlgArg: number, kdfAlgArg: number) {
      const alg = u32(algArg);
      checkCategory(alg, 'PSA_ALG_IS_KEY_AGREEMENT');
      algorithmClassification(alg, flags);
      checkEqual(call('PSA_ALG_KEY_AGREEMENT_GET_BASE', alg), u32(kaAlgArg), 'PSA_ALG_KEY_AGREEMENT_GET_BASE');
      checkEqual(call('PSA_ALG_KEY_AGREEMENT_GET_KDF', alg), u32(kdfAlgArg), 'PSA_ALG_KEY_AGREEMENT_GET_KDF');
    },
  },

  pake_algorithm: {
    params: ['int'],
    setup: 'none',
    run(algArg: number) {
      checkCategory(u32(algArg), 'PSA_ALG_IS_PAKE');
    },
  },

  key_type: {
    params: ['int', 'int'],
    setup: 'none',
    run: keyType,
  },

  block_cipher_key_type: {
    params: ['int', 'int'],
    setup: 'none',
    run(typeArg: number, blockSizeArg: number) {
      symmetricKeyType(typeArg, blockSizeArg);
      // A power of two, as PSA_ROUND_UP_TO_MULTIPLE needs.
      check(((blockSizeArg - 1) & blockSizeArg) === 0, 'block size is a power of 2');
    },
  },

  stream_cipher_key_type: {
    params: ['int'],
    setup: 'none',
    run(typeArg: number) {
      symmetricKeyType(typeArg, 1);
    },
  },

  ecc_key_family: {
    params: ['int'],
    setup: 'none',
    run(curveArg: number) {
      const curve = curveArg & 0xff;
      const publicType = call('PSA_KEY_TYPE_ECC_PUBLIC_KEY', curve);
      const pairType = call('PSA_KEY_TYPE_ECC_KEY_PAIR', curve);
      checkParity(curve, 'curve family');
      keyType(publicType, flag('KEY_TYPE_IS_ECC') | flag('KEY_TYPE_IS_PUBLIC_KEY'));
      keyType(pairType, flag('KEY_TYPE_IS_ECC') | flag('KEY_TYPE_IS_KEY_PAIR'));
      checkEqual(call('PSA_KEY_TYPE_ECC_GET_FAMILY', publicType), curve, 'ECC_GET_FAMILY(public)');
      checkEqual(call('PSA_KEY_TYPE_ECC_GET_FAMILY', pairType), curve, 'ECC_GET_FAMILY(pair)');
    },
  },

  dh_key_family: {
    params: ['int'],
    setup: 'none',
    run(groupArg: number) {
      const group = groupArg & 0xff;
      const publicType = call('PSA_KEY_TYPE_DH_PUBLIC_KEY', group);
      const pairType = call('PSA_KEY_TYPE_DH_KEY_PAIR', group);
      checkParity(group, 'DH group family');
      keyType(publicType, flag('KEY_TYPE_IS_DH') | flag('KEY_TYPE_IS_PUBLIC_KEY'));
      keyType(pairType, flag('KEY_TYPE_IS_DH') | flag('KEY_TYPE_IS_KEY_PAIR'));
      checkEqual(call('PSA_KEY_TYPE_DH_GET_FAMILY', publicType), group, 'DH_GET_FAMILY(public)');
      checkEqual(call('PSA_KEY_TYPE_DH_GET_FAMILY', pairType), group, 'DH_GET_FAMILY(pair)');
    },
  },

  lifetime: {
    params: ['int', 'int', 'int', 'int'],
    setup: 'none',
    run(lifetimeArg: number, flags: number, persistenceArg: number, locationArg: number) {
      const lifetime = u32(lifetimeArg);
      let tested = 0;
      for (const name of LIFETIME_FLAGS) tested |= classification(true, name, lifetime, flags);
      checkEqual(tested, KEY_LIFETIME_FLAG_MASK_PLUS_ONE - 1, 'lifetime flags tested');
      checkEqual(call('PSA_KEY_LIFETIME_GET_PERSISTENCE', lifetime), persistenceArg & 0xff, 'PSA_KEY_LIFETIME_GET_PERSISTENCE');
      checkEqual(call('PSA_KEY_LIFETIME_GET_LOCATION', lifetime), u32(locationArg), 'PSA_KEY_LIFETIME_GET_LOCATION');
    },
  },
};
