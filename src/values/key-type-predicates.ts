/**
 * Key-type predicates and decoders (`PSA_KEY_TYPE_IS_*`, `*_GET_FAMILY`,
 * `PSA_BLOCK_CIPHER_BLOCK_LENGTH`). Formulas are the 1.5 reference ones:
 * families are 7 bits and family-based types are recognised with the
 * 0xff80 mask (Mbed TLS's older 0xff00 mask would take SLH-DSA for ECC).
 * @module
 */
import { PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR } from './key-types.js';

/** Public-key form of a type, for the "either pair or public" predicates. */
const pub = PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR;

/** Mbed TLS: whether a key type is implementation-defined (bit 15 set). */
export function PSA_KEY_TYPE_IS_VENDOR_DEFINED(type: number): boolean {
  return (type & 0x8000) !== 0;
}
/** Whether a key type is an unstructured byte string (raw or symmetric). */
export function PSA_KEY_TYPE_IS_UNSTRUCTURED(type: number): boolean {
  const cat = type & 0x7000;
  return cat === 0x1000 || cat === 0x2000;
}
/** Whether a key type is asymmetric: a key pair or a public key. */
export function PSA_KEY_TYPE_IS_ASYMMETRIC(type: number): boolean {
  return (type & 0x4000) === 0x4000;
}
/** Whether a key type is the public part of a key pair. */
export function PSA_KEY_TYPE_IS_PUBLIC_KEY(type: number): boolean {
  return (type & 0x7000) === 0x4000;
}
/** Whether a key type is a key pair (private and public part). */
export function PSA_KEY_TYPE_IS_KEY_PAIR(type: number): boolean {
  return (type & 0x7000) === 0x7000;
}
/** Whether a key type is an RSA key pair or public key. */
export function PSA_KEY_TYPE_IS_RSA(type: number): boolean {
  return pub(type) === 0x4001;
}
/** Whether a key type is an elliptic-curve key pair or public key. */
export function PSA_KEY_TYPE_IS_ECC(type: number): boolean {
  return (pub(type) & 0xff80) === 0x4100;
}
/** Whether a key type is an elliptic-curve key pair. */
export function PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type: number): boolean {
  return (type & 0xff80) === 0x7100;
}
/** Whether a key type is an elliptic-curve public key. */
export function PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type: number): boolean {
  return (type & 0xff80) === 0x4100;
}
/** The curve family of an elliptic-curve key type. */
export function PSA_KEY_TYPE_ECC_GET_FAMILY(type: number): number {
  return type & 0x7f;
}
/** Whether a key type is a finite-field Diffie-Hellman key pair or public key. */
export function PSA_KEY_TYPE_IS_DH(type: number): boolean {
  return (pub(type) & 0xff80) === 0x4200;
}
/** Whether a key type is a finite-field Diffie-Hellman key pair. */
export function PSA_KEY_TYPE_IS_DH_KEY_PAIR(type: number): boolean {
  return (type & 0xff80) === 0x7200;
}
/** Whether a key type is a finite-field Diffie-Hellman public key. */
export function PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(type: number): boolean {
  return (type & 0xff80) === 0x4200;
}
/** The group family of a finite-field Diffie-Hellman key type. */
export function PSA_KEY_TYPE_DH_GET_FAMILY(type: number): number {
  return type & 0x7f;
}
/** Whether a key type is an SLH-DSA key pair or public key. */
export function PSA_KEY_TYPE_IS_SLH_DSA(type: number): boolean {
  return (pub(type) & 0xff80) === 0x4180;
}
/** Whether a key type is an SLH-DSA key pair. */
export function PSA_KEY_TYPE_IS_SLH_DSA_KEY_PAIR(type: number): boolean {
  return (type & 0xff80) === 0x7180;
}
/** Whether a key type is an SLH-DSA public key. */
export function PSA_KEY_TYPE_IS_SLH_DSA_PUBLIC_KEY(type: number): boolean {
  return (type & 0xff80) === 0x4180;
}
/** The parameter-set family of an SLH-DSA key type. */
export function PSA_KEY_TYPE_SLH_DSA_GET_FAMILY(type: number): number {
  return type & 0x7f;
}
/** Whether a key type is an ML-DSA key pair or public key. */
export function PSA_KEY_TYPE_IS_ML_DSA(type: number): boolean {
  return pub(type) === 0x4002;
}
/** Whether a key type is an ML-KEM key pair or public key. */
export function PSA_KEY_TYPE_IS_ML_KEM(type: number): boolean {
  return pub(type) === 0x4004;
}
/** Whether a key type is a SPAKE2+ key pair or public key. */
export function PSA_KEY_TYPE_IS_SPAKE2P(type: number): boolean {
  return (pub(type) & 0xff80) === 0x4400;
}
/** Whether a key type is a SPAKE2+ key pair. */
export function PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type: number): boolean {
  return (type & 0xff80) === 0x7400;
}
/** Whether a key type is a SPAKE2+ public key. */
export function PSA_KEY_TYPE_IS_SPAKE2P_PUBLIC_KEY(type: number): boolean {
  return (type & 0xff80) === 0x4400;
}
/** The curve family of a SPAKE2+ key type. */
export function PSA_KEY_TYPE_SPAKE2P_GET_FAMILY(type: number): number {
  return type & 0x7f;
}
/** Whether a key type is a WPA3-SAE elliptic-curve password token. */
export function PSA_KEY_TYPE_IS_WPA3_SAE_ECC(type: number): boolean {
  return (type & 0xff80) === 0x3280;
}
/** The curve family of a WPA3-SAE elliptic-curve password token type. */
export function PSA_KEY_TYPE_WPA3_SAE_ECC_GET_FAMILY(type: number): number {
  return type & 0x7f;
}
/** Whether a key type is a WPA3-SAE finite-field password token. */
export function PSA_KEY_TYPE_IS_WPA3_SAE_DH(type: number): boolean {
  return (type & 0xff80) === 0x3300;
}
/** The group family of a WPA3-SAE finite-field password token type. */
export function PSA_KEY_TYPE_WPA3_SAE_DH_GET_FAMILY(type: number): number {
  return type & 0x7f;
}

/**
 * Block size of a symmetric key type, in bytes (1 for stream ciphers).
 * The spec formula `1 << ((type >> 8) & 7)` is applied to symmetric types
 * only; other types give 0, as in Mbed TLS (size macros return 0 for
 * parameters they do not recognise).
 */
export function PSA_BLOCK_CIPHER_BLOCK_LENGTH(type: number): number {
  return (type & 0x7000) === 0x2000 ? 1 << ((type >> 8) & 7) : 0;
}
