/**
 * `psa_key_attributes_t` and its accessors, with Mbed TLS's semantics:
 * setting an id makes a volatile lifetime persistent; setting a volatile
 * lifetime clears the id; usage flags gain their implied flags; a size above
 * `PSA_MAX_KEY_BITS` is recorded as `PSA_KEY_BITS_TOO_LARGE` (0xffff).
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

const u32 = (v: number): number => Number(v) >>> 0;

/** `psa_key_attributes_init` / `PSA_KEY_ATTRIBUTES_INIT`: a fresh, empty attribute structure. */
export function psa_key_attributes_init(): psa_key_attributes_t {
  return { id: 0, lifetime: PSA_KEY_LIFETIME_VOLATILE, type: 0, bits: 0, usage: 0, alg: 0, alg2: 0 };
}

/** `psa_set_key_id`. */
export function psa_set_key_id(attributes: psa_key_attributes_t, key: number): void {
  attributes.id = u32(key);
  if (PSA_KEY_LIFETIME_IS_VOLATILE(attributes.lifetime)) {
    attributes.lifetime = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(
      PSA_KEY_LIFETIME_PERSISTENT, PSA_KEY_LIFETIME_GET_LOCATION(attributes.lifetime));
  }
}
/** `psa_get_key_id`. */
export function psa_get_key_id(attributes: psa_key_attributes_t): number {
  return attributes.id;
}
/** `psa_set_key_lifetime`. */
export function psa_set_key_lifetime(attributes: psa_key_attributes_t, lifetime: number): void {
  attributes.lifetime = u32(lifetime);
  if (PSA_KEY_LIFETIME_IS_VOLATILE(attributes.lifetime)) attributes.id = 0;
}
/** `psa_get_key_lifetime`. */
export function psa_get_key_lifetime(attributes: psa_key_attributes_t): number {
  return attributes.lifetime;
}
/** `psa_set_key_type`. */
export function psa_set_key_type(attributes: psa_key_attributes_t, type: number): void {
  attributes.type = Number(type) & 0xffff;
}
/** `psa_get_key_type`. */
export function psa_get_key_type(attributes: psa_key_attributes_t): number {
  return attributes.type;
}
/** `psa_set_key_bits`. */
export function psa_set_key_bits(attributes: psa_key_attributes_t, bits: number): void {
  const b = Number(bits);
  attributes.bits = !Number.isInteger(b) || b < 0 || b > PSA_MAX_KEY_BITS ? PSA_KEY_BITS_TOO_LARGE : b;
}
/** `psa_get_key_bits`. */
export function psa_get_key_bits(attributes: psa_key_attributes_t): number {
  return attributes.bits;
}
/** `psa_set_key_usage_flags` (adds the implied `*_MESSAGE` flags). */
export function psa_set_key_usage_flags(attributes: psa_key_attributes_t, usage: number): void {
  attributes.usage = extendUsageFlags(u32(usage));
}
/** `psa_get_key_usage_flags`. */
export function psa_get_key_usage_flags(attributes: psa_key_attributes_t): number {
  return attributes.usage;
}
/** `psa_set_key_algorithm`. */
export function psa_set_key_algorithm(attributes: psa_key_attributes_t, alg: number): void {
  attributes.alg = u32(alg);
}
/** `psa_get_key_algorithm`. */
export function psa_get_key_algorithm(attributes: psa_key_attributes_t): number {
  return attributes.alg;
}
/** `psa_set_key_enrollment_algorithm` (Mbed TLS): the second permitted algorithm. */
export function psa_set_key_enrollment_algorithm(attributes: psa_key_attributes_t, alg2: number): void {
  attributes.alg2 = u32(alg2);
}
/** `psa_get_key_enrollment_algorithm` (Mbed TLS). */
export function psa_get_key_enrollment_algorithm(attributes: psa_key_attributes_t): number {
  return attributes.alg2;
}
/** `psa_reset_key_attributes`. */
export function psa_reset_key_attributes(attributes: psa_key_attributes_t): void {
  Object.assign(attributes, psa_key_attributes_init());
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
