/**
 * `psa_key_attributes_t` and its accessors, with Mbed TLS's semantics:
 * setting an id makes a volatile lifetime persistent; setting a volatile
 * lifetime clears the id; usage flags gain their implied flags; a size above
 * `PSA_MAX_KEY_BITS` is recorded as `PSA_KEY_BITS_TOO_LARGE` (0xffff).
 *
 * Given what C would make undefined behaviour, the accessors have a defined
 * answer and never throw: a setter given anything but an attributes object
 * (or a structure that refuses writes) does nothing, and converts its value
 * as C converts to the unsigned field (a number or BigInt modulo 2^32,
 * anything else 0); a getter given anything but an attributes object, or a
 * field that is not a number, returns the value of
 * `PSA_KEY_ATTRIBUTES_INIT` (0).
 * @module
 */
import { extendUsageFlags, type KeyAttributes } from '../core/keys/attributes.js';
import {
  PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_LIFETIME_VOLATILE,
  PSA_MAX_KEY_BITS,
} from '../values/index.js';
import { checkObject } from '../core/validate.js';
import { instance, status } from './instance.js';

/** The C attribute structure (treat as opaque; use the accessors). */
export interface psa_key_attributes_t {
  id: number;
  lifetime: number;
  type: number;
  bits: number;
  usage: number;
  alg: number;
  alg2: number;
}

/** The value `psa_get_key_bits` reports for a size above `PSA_MAX_KEY_BITS`. */
export const PSA_KEY_BITS_TOO_LARGE = 0xffff;

/**
 * A C conversion to an unsigned field: a number modulo 2^32 (as C converts
 * a negative `int` to `uint32_t`), a BigInt modulo 2^32, anything else
 * (a string, a Symbol, `null`, NaN) 0.
 */
const u32 = (v: unknown): number => {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) >>> 0 : 0;
  if (typeof v === 'bigint') return Number(BigInt.asUintN(32, v));
  return 0;
};

/**
 * Run a setter: it does nothing when `attributes` is not an object or
 * refuses the write (frozen, a Proxy that throws). Setters are `void` in C,
 * so they have no status to report; the key creation that follows checks
 * the attributes.
 */
function set(attributes: unknown, write: (a: psa_key_attributes_t) => void): void {
  if (typeof attributes !== 'object' || attributes === null) return;
  try {
    write(attributes as psa_key_attributes_t);
  } catch {
    // a structure that refuses writes keeps its values
  }
}

/**
 * Read a field: the value of an initialised structure (0 for every field)
 * when `attributes` is not an object or the field is not a number.
 */
function get(attributes: unknown, field: keyof psa_key_attributes_t): number {
  if (typeof attributes !== 'object' || attributes === null) return 0;
  try {
    const value = (attributes as Record<string, unknown>)[field];
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/** `psa_key_attributes_init` / `PSA_KEY_ATTRIBUTES_INIT`: a fresh, empty attribute structure. */
export function psa_key_attributes_init(): psa_key_attributes_t {
  return { id: 0, lifetime: PSA_KEY_LIFETIME_VOLATILE, type: 0, bits: 0, usage: 0, alg: 0, alg2: 0 };
}

/** `psa_set_key_id`. */
export function psa_set_key_id(attributes: psa_key_attributes_t, key: number): void {
  set(attributes, (a) => {
    a.id = u32(key);
    const lifetime = u32(a.lifetime);
    if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
      a.lifetime = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_LIFETIME_PERSISTENT, PSA_KEY_LIFETIME_GET_LOCATION(lifetime));
    }
  });
}
/** `psa_get_key_id`. */
export function psa_get_key_id(attributes: psa_key_attributes_t): number {
  return get(attributes, 'id');
}
/** `psa_set_key_lifetime`. */
export function psa_set_key_lifetime(attributes: psa_key_attributes_t, lifetime: number): void {
  set(attributes, (a) => {
    a.lifetime = u32(lifetime);
    if (PSA_KEY_LIFETIME_IS_VOLATILE(a.lifetime)) a.id = 0;
  });
}
/** `psa_get_key_lifetime`. */
export function psa_get_key_lifetime(attributes: psa_key_attributes_t): number {
  return get(attributes, 'lifetime');
}
/** `psa_set_key_type`. */
export function psa_set_key_type(attributes: psa_key_attributes_t, type: number): void {
  set(attributes, (a) => {
    a.type = u32(type) & 0xffff;
  });
}
/** `psa_get_key_type`. */
export function psa_get_key_type(attributes: psa_key_attributes_t): number {
  return get(attributes, 'type');
}
/** `psa_set_key_bits`. */
export function psa_set_key_bits(attributes: psa_key_attributes_t, bits: number): void {
  const b = typeof bits === 'bigint' ? Number(bits) : bits;
  set(attributes, (a) => {
    a.bits = typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > PSA_MAX_KEY_BITS ? PSA_KEY_BITS_TOO_LARGE : b;
  });
}
/** `psa_get_key_bits`. */
export function psa_get_key_bits(attributes: psa_key_attributes_t): number {
  return get(attributes, 'bits');
}
/** `psa_set_key_usage_flags` (adds the implied `*_MESSAGE` flags). */
export function psa_set_key_usage_flags(attributes: psa_key_attributes_t, usage: number): void {
  set(attributes, (a) => {
    a.usage = extendUsageFlags(u32(usage));
  });
}
/** `psa_get_key_usage_flags`. */
export function psa_get_key_usage_flags(attributes: psa_key_attributes_t): number {
  return get(attributes, 'usage');
}
/** `psa_set_key_algorithm`. */
export function psa_set_key_algorithm(attributes: psa_key_attributes_t, alg: number): void {
  set(attributes, (a) => {
    a.alg = u32(alg);
  });
}
/** `psa_get_key_algorithm`. */
export function psa_get_key_algorithm(attributes: psa_key_attributes_t): number {
  return get(attributes, 'alg');
}
/** `psa_set_key_enrollment_algorithm` (Mbed TLS): the second permitted algorithm. */
export function psa_set_key_enrollment_algorithm(attributes: psa_key_attributes_t, alg2: number): void {
  set(attributes, (a) => {
    a.alg2 = u32(alg2);
  });
}
/** `psa_get_key_enrollment_algorithm` (Mbed TLS). */
export function psa_get_key_enrollment_algorithm(attributes: psa_key_attributes_t): number {
  return get(attributes, 'alg2');
}
/** `psa_reset_key_attributes`. */
export function psa_reset_key_attributes(attributes: psa_key_attributes_t): void {
  set(attributes, (a) => Object.assign(a, psa_key_attributes_init()));
}

/** `psa_get_key_attributes`: on failure the structure is reset. */
export function psa_get_key_attributes(key: number, attributes: psa_key_attributes_t): number {
  return status(() => {
    checkObject(attributes, 'psa_get_key_attributes', 'attributes');
    psa_reset_key_attributes(attributes);
    Object.assign(attributes, instance().getKeyAttributes(key));
  });
}

/** The TypeScript-face attributes for a C structure. */
export function toKeyAttributes(attributes: psa_key_attributes_t, fn: string): KeyAttributes {
  checkObject(attributes, fn, 'attributes');
  return {
    id: attributes.id, lifetime: attributes.lifetime, type: attributes.type, bits: attributes.bits,
    usage: attributes.usage, alg: attributes.alg, alg2: attributes.alg2,
  };
}
