/**
 * SRP-6 identifiers of Oberon PSA Crypto (Nordic nrf_security), an extension
 * of the PSA Crypto API (they are not PSA 1.5 identifiers): the SRP-6 PAKE
 * (RFC 2945 / RFC 5054, as Apple HomeKit uses it), its password-hash key
 * derivation and its key types over the RFC 3526 groups. Numbers as
 * Oberon's `crypto_extra.h` / reference header define them.
 * @module
 */

const u32 = (x: number): number => x >>> 0;
const u16 = (x: number): number => x & 0xffff;

/** SRP-6 with hash `h` (Oberon PSA Crypto). */
export function PSA_ALG_SRP_6(h: number): number {
  return u32(0x0a000300 | (h & 0xff));
}
/** Whether `alg` is SRP-6 (Oberon PSA Crypto). */
export function PSA_ALG_IS_SRP_6(alg: number): boolean {
  return u32(alg & ~0xff) === 0x0a000300;
}
/** The SRP password-hash derivation h = H(salt ‖ H(user ‖ ":" ‖ password)) with hash `h` (Oberon PSA Crypto). */
export function PSA_ALG_SRP_PASSWORD_HASH(h: number): number {
  return u32(0x08800300 | (h & 0xff));
}
/** Whether `alg` is the SRP password-hash derivation (Oberon PSA Crypto). */
export function PSA_ALG_IS_SRP_PASSWORD_HASH(alg: number): boolean {
  return u32(alg & ~0xff) === 0x08800300;
}
/** SRP key pair over a Diffie-Hellman `group` family: the password hash (Oberon PSA Crypto). */
export function PSA_KEY_TYPE_SRP_KEY_PAIR(group: number): number {
  return u16(0x7700 | (group & 0xff));
}
/** SRP public key over a Diffie-Hellman `group` family: the password verifier (Oberon PSA Crypto). */
export function PSA_KEY_TYPE_SRP_PUBLIC_KEY(group: number): number {
  return u16(0x4700 | (group & 0xff));
}
/** Whether `type` is an SRP key (pair or public key). */
export function PSA_KEY_TYPE_IS_SRP(type: number): boolean {
  return PSA_KEY_TYPE_IS_SRP_KEY_PAIR(type) || PSA_KEY_TYPE_IS_SRP_PUBLIC_KEY(type);
}
/** Whether `type` is an SRP key pair. */
export function PSA_KEY_TYPE_IS_SRP_KEY_PAIR(type: number): boolean {
  return (type & 0xff00) === 0x7700;
}
/** Whether `type` is an SRP public key. */
export function PSA_KEY_TYPE_IS_SRP_PUBLIC_KEY(type: number): boolean {
  return (type & 0xff00) === 0x4700;
}
/** The Diffie-Hellman group family of an SRP key type (0 for other types). */
export function PSA_KEY_TYPE_SRP_GET_FAMILY(type: number): number {
  return PSA_KEY_TYPE_IS_SRP(type) ? type & 0xff : 0;
}
