/**
 * Key attributes on the TypeScript face: a plain object
 * `{ type, bits, usage, alg, alg2, lifetime, id }`, every field optional, and
 * its resolved, validated form used inside the core.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import {
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_LIFETIME_VOLATILE,
  PSA_KEY_LIFETIME_IS_VOLATILE,
} from '../../values/index.js';
import { PSA_KEY_USAGE_SIGN_HASH, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_VERIFY_HASH, PSA_KEY_USAGE_VERIFY_MESSAGE } from '../../values/index.js';
import { checkObject, checkUint } from '../validate.js';
import type { DriverKeyAttributes } from '../../drivers/driver.js';

/**
 * Attributes of a key as the caller gives them. Omitted fields are 0, except
 * that an `id` without a `lifetime` means `PSA_KEY_LIFETIME_PERSISTENT`, as
 * `psa_set_key_id` does in C.
 */
export interface KeyAttributes {
  /** `psa_key_type_t` (16-bit). */
  type?: number;
  /** Key size in bits; 0 = "take it from the data" on import. */
  bits?: number;
  /** `psa_key_usage_t` flags. */
  usage?: number;
  /** The permitted algorithm (`psa_algorithm_t`). */
  alg?: number;
  /** Mbed TLS's second permitted ("enrollment") algorithm. */
  alg2?: number;
  /** `psa_key_lifetime_t`: persistence in bits 0–7, location in bits 8–31. */
  lifetime?: number;
  /** `psa_key_id_t`: 0 for volatile keys; a user-range id for persistent ones. */
  id?: number;
}

/** Fully specified attributes, as stored in a key slot and reported by `getKeyAttributes`. */
export interface ResolvedKeyAttributes {
  readonly type: number;
  readonly bits: number;
  readonly usage: number;
  readonly alg: number;
  readonly alg2: number;
  readonly lifetime: number;
  readonly id: number;
}

/** The empty attribute set (`PSA_KEY_ATTRIBUTES_INIT`). */
export const EMPTY_ATTRIBUTES: ResolvedKeyAttributes = Object.freeze({
  type: 0, bits: 0, usage: 0, alg: 0, alg2: 0, lifetime: PSA_KEY_LIFETIME_VOLATILE, id: 0,
});

/**
 * What a driver is told about a key: its attributes without its id, which
 * stays in the core (the PSA driver interface passes `psa_key_attributes_t`
 * to drivers, who must not rely on the identifier). The core's one mapper
 * from a key's attributes to what its driver sees.
 * @param a the key's resolved attributes (a slot's, or a new key's)
 */
export function driverAttributes(a: ResolvedKeyAttributes): DriverKeyAttributes {
  return { type: a.type, bits: a.bits, lifetime: a.lifetime, usage: a.usage, alg: a.alg, alg2: a.alg2 };
}

/**
 * The usage flags a key really has: SIGN_HASH implies SIGN_MESSAGE and
 * VERIFY_HASH implies VERIFY_MESSAGE (PSA spec §9.5; Mbed TLS applies it when
 * attributes are set and when a key is loaded).
 */
export function extendUsageFlags(usage: number): number {
  let u = usage;
  if (u & PSA_KEY_USAGE_SIGN_HASH) u |= PSA_KEY_USAGE_SIGN_MESSAGE;
  if (u & PSA_KEY_USAGE_VERIFY_HASH) u |= PSA_KEY_USAGE_VERIFY_MESSAGE;
  return u >>> 0;
}

/** Check a caller's attribute object and fill in the defaults. */
export function resolveAttributes(value: unknown, fn: string): ResolvedKeyAttributes {
  const a = checkObject(value, fn, 'attributes');
  const field = (name: keyof KeyAttributes, bits = 32): number =>
    a[name] === undefined ? 0 : checkUint(a[name], fn, `attributes.${name}`, bits);
  const type = field('type', 16);
  const bits = field('bits', 53);
  const usage = field('usage');
  const alg = field('alg');
  const alg2 = field('alg2');
  const id = field('id');
  let lifetime: number;
  if (a.lifetime === undefined) {
    lifetime = id !== 0 ? PSA_KEY_LIFETIME_PERSISTENT : PSA_KEY_LIFETIME_VOLATILE;
  } else {
    lifetime = checkUint(a.lifetime, fn, 'attributes.lifetime');
    if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime) && id !== 0) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a volatile lifetime cannot have a key id`);
    }
  }
  return { type, bits, usage: extendUsageFlags(usage), alg, alg2, lifetime, id };
}
