/**
 * `describe(value, kind)`: a PSA number rendered as the C expression that
 * produces it (`PSA_ALG_ECDSA(PSA_ALG_SHA_256)`), for error messages, the
 * CLI and test reports. `parse` (in `parse.ts`) is the inverse.
 * @module
 */
import {
  PSA_ALG_IS_AEAD,
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_IS_MAC,
  PSA_ALG_IS_STANDALONE_KEY_AGREEMENT,
} from './alg-predicates.js';
import { PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG } from './algorithms.js';
import { PSA_ALG_KEY_AGREEMENT_GET_BASE, PSA_ALG_KEY_AGREEMENT_GET_KDF } from './algorithms-pk.js';
import { MACROS, VALUES } from './registry.js';
import { STATUS_NAMES } from './status.js';

/** What a number stands for, which decides how it is named. */
export type DescribeKind =
  | 'status'
  | 'alg'
  | 'keyType'
  | 'usage'
  | 'lifetime'
  | 'eccFamily'
  | 'dhFamily'
  | 'keyId'
  | 'persistence'
  | 'location'
  | 'step';

/** Registry names that are field masks or bases, never the name of a value. */
const STRUCTURAL = /(_BASE|_MASK|_FLAG|_OFFSET)$|_CATEGORY_/;

/** value → first C name with `prefix` (alphabetical, structural names skipped). */
function namesFor(prefix: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const [name, value] of VALUES) {
    if (!name.startsWith(prefix) || STRUCTURAL.test(name) || out.has(value)) continue;
    out.set(value, name);
  }
  return out;
}

const ALG_NAMES = namesFor('PSA_ALG_');
const KEY_TYPE_NAMES = namesFor('PSA_KEY_TYPE_');
const ECC_FAMILY_NAMES = namesFor('PSA_ECC_FAMILY_');
const DH_FAMILY_NAMES = namesFor('PSA_DH_FAMILY_');
const SLH_DSA_FAMILY_NAMES = namesFor('PSA_SLH_DSA_FAMILY_');
const USAGE_NAMES = namesFor('PSA_KEY_USAGE_');
const LIFETIME_NAMES = namesFor('PSA_KEY_LIFETIME_');
const PERSISTENCE_NAMES = namesFor('PSA_KEY_PERSISTENCE_');
const LOCATION_NAMES = namesFor('PSA_KEY_LOCATION_');
const STEP_NAMES = namesFor('PSA_KEY_DERIVATION_INPUT_');

/** Algorithm constructors taking a hash, tried in this order. */
const HASH_CONSTRUCTORS = [
  'PSA_ALG_HMAC', 'PSA_ALG_BLAKE2_MAC', 'PSA_ALG_RSA_PKCS1V15_SIGN', 'PSA_ALG_RSA_PSS',
  'PSA_ALG_RSA_PSS_ANY_SALT', 'PSA_ALG_ECDSA', 'PSA_ALG_DETERMINISTIC_ECDSA', 'PSA_ALG_DSA',
  'PSA_ALG_DETERMINISTIC_DSA', 'PSA_ALG_HASH_SLH_DSA', 'PSA_ALG_DETERMINISTIC_HASH_SLH_DSA',
  'PSA_ALG_HASH_ML_DSA', 'PSA_ALG_DETERMINISTIC_HASH_ML_DSA', 'PSA_ALG_RSA_OAEP', 'PSA_ALG_HKDF',
  'PSA_ALG_HKDF_EXTRACT', 'PSA_ALG_HKDF_EXPAND', 'PSA_ALG_TLS12_PRF', 'PSA_ALG_TLS12_PSK_TO_MS',
  'PSA_ALG_SP800_108_COUNTER_HMAC', 'PSA_ALG_PBKDF2_HMAC', 'PSA_ALG_WPA3_SAE_H2E', 'PSA_ALG_JPAKE',
  'PSA_ALG_SPAKE2P_HMAC', 'PSA_ALG_SPAKE2P_CMAC', 'PSA_ALG_WPA3_SAE_FIXED', 'PSA_ALG_WPA3_SAE_GDH',
].map((name) => [name, Number(macro(name)(0))] as const);

/** Key-type constructors taking a family, with the family kind they take. */
const FAMILY_CONSTRUCTORS = [
  ['PSA_KEY_TYPE_ECC_KEY_PAIR', ECC_FAMILY_NAMES],
  ['PSA_KEY_TYPE_ECC_PUBLIC_KEY', ECC_FAMILY_NAMES],
  ['PSA_KEY_TYPE_DH_KEY_PAIR', DH_FAMILY_NAMES],
  ['PSA_KEY_TYPE_DH_PUBLIC_KEY', DH_FAMILY_NAMES],
  ['PSA_KEY_TYPE_SLH_DSA_KEY_PAIR', SLH_DSA_FAMILY_NAMES],
  ['PSA_KEY_TYPE_SLH_DSA_PUBLIC_KEY', SLH_DSA_FAMILY_NAMES],
  ['PSA_KEY_TYPE_SPAKE2P_KEY_PAIR', ECC_FAMILY_NAMES],
  ['PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY', ECC_FAMILY_NAMES],
  ['PSA_KEY_TYPE_WPA3_SAE_ECC', ECC_FAMILY_NAMES],
  ['PSA_KEY_TYPE_WPA3_SAE_DH', DH_FAMILY_NAMES],
].map(([name, families]) => [name as string, Number(macro(name as string)(0)), families as Map<number, string>] as const);

function macro(name: string): (...args: number[]) => number | boolean {
  const fn = MACROS.get(name);
  if (!fn) throw new Error(`missing macro ${name}`);
  return fn;
}

/** `0x` followed by `digits` hex digits of the unsigned value. */
function hex(value: number, digits: number): string {
  return `0x${(value >>> 0).toString(16).padStart(digits, '0')}`;
}

function describeAlg(alg: number): string {
  const a = alg >>> 0;
  const named = ALG_NAMES.get(a);
  if (named) return named;
  const h = a & 0xff;
  if (h !== 0) {
    for (const [name, base] of HASH_CONSTRUCTORS) {
      if ((a & ~0xff) >>> 0 === base) return `${name}(${describeAlg((0x02000000 | h) >>> 0)})`;
    }
  }
  const len = (a >>> 16) & 0x3f;
  const atLeast = (a & 0x8000) !== 0;
  if (PSA_ALG_IS_MAC(a) && (a & 0x003f8000) !== 0) {
    const full = describeAlg((a & ~0x003f8000) >>> 0);
    return atLeast ? `PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(${full}, ${len})` : `PSA_ALG_TRUNCATED_MAC(${full}, ${len})`;
  }
  if (PSA_ALG_IS_AEAD(a)) {
    const base = PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(a);
    if (base !== 0) {
      const full = describeAlg(base);
      return atLeast
        ? `PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(${full}, ${len})`
        : `PSA_ALG_AEAD_WITH_SHORTENED_TAG(${full}, ${len})`;
    }
  }
  if (PSA_ALG_IS_KEY_AGREEMENT(a) && !PSA_ALG_IS_STANDALONE_KEY_AGREEMENT(a)) {
    const ka = describeAlg(PSA_ALG_KEY_AGREEMENT_GET_BASE(a));
    const kdf = describeAlg(PSA_ALG_KEY_AGREEMENT_GET_KDF(a));
    return `PSA_ALG_KEY_AGREEMENT(${ka}, ${kdf})`;
  }
  return hex(a, 8);
}

function describeKeyType(type: number): string {
  const t = type & 0xffff;
  const named = KEY_TYPE_NAMES.get(t);
  if (named) return named;
  for (const [name, base, families] of FAMILY_CONSTRUCTORS) {
    if ((t & 0xff80) === base) {
      const family = t & 0x7f;
      return `${name}(${families.get(family) ?? hex(family, 2)})`;
    }
  }
  return hex(t, 4);
}

function describeUsage(usage: number): string {
  let rest = usage >>> 0;
  if (rest === 0) return '0';
  const parts: string[] = [];
  for (let bit = 0; bit < 32; bit++) {
    const flag = (1 << bit) >>> 0;
    const name = USAGE_NAMES.get(flag);
    if ((rest & flag) !== 0 && name) {
      parts.push(name);
      rest = (rest & ~flag) >>> 0;
    }
  }
  if (rest !== 0) parts.push(hex(rest, 8));
  return parts.join(' | ');
}

function describeLifetime(lifetime: number): string {
  const l = lifetime >>> 0;
  const named = LIFETIME_NAMES.get(l);
  if (named) return named;
  const persistence = PERSISTENCE_NAMES.get(l & 0xff) ?? hex(l & 0xff, 2);
  const location = LOCATION_NAMES.get(l >>> 8) ?? hex(l >>> 8, 6);
  return `PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(${persistence}, ${location})`;
}

/**
 * Render `value` as the C expression that produces it, for a value of the
 * given kind: a constant name, a macro call, usage flags joined with `|`,
 * or hexadecimal when nothing matches (unknown statuses in decimal).
 */
export function describe(value: number, kind: DescribeKind): string {
  switch (kind) {
    case 'status':
      return STATUS_NAMES.get(value | 0) ?? String(value | 0);
    case 'alg':
      return describeAlg(value);
    case 'keyType':
      return describeKeyType(value);
    case 'usage':
      return describeUsage(value);
    case 'lifetime':
      return describeLifetime(value);
    case 'eccFamily':
      return ECC_FAMILY_NAMES.get(value) ?? hex(value, 2);
    case 'dhFamily':
      return DH_FAMILY_NAMES.get(value) ?? hex(value, 2);
    case 'keyId':
      return value === 0 ? 'PSA_KEY_ID_NULL' : hex(value, 8);
    case 'persistence':
      return PERSISTENCE_NAMES.get(value) ?? hex(value, 2);
    case 'location':
      return LOCATION_NAMES.get(value) ?? hex(value, 6);
    case 'step':
      return STEP_NAMES.get(value) ?? hex(value, 4);
    default:
      return hex(value, 8);
  }
}
