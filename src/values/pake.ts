/**
 * PAKE enumerations: primitives (`psa_pake_primitive_t`), roles, steps and
 * the key-confirmation choice. PAKE algorithm ids are in `algorithms-pk.ts`.
 * @module
 */

/** `psa_pake_primitive_t` is a `uint32_t`: type << 24 | family << 16 | bits. */
export type psa_pake_primitive_t = number;

/** Primitive type: elliptic-curve groups (family = a `psa_ecc_family_t`). */
export const PSA_PAKE_PRIMITIVE_TYPE_ECC = 0x01;
/** Primitive type: finite-field groups (family = a `psa_dh_family_t`). */
export const PSA_PAKE_PRIMITIVE_TYPE_DH = 0x02;

/** A PAKE primitive, or 0 when `bits` does not fit in 16 bits. */
export function PSA_PAKE_PRIMITIVE(type: number, family: number, bits: number): number {
  if ((bits & 0xffff) !== bits) return 0;
  return ((type << 24) | (family << 16) | bits) >>> 0;
}
/** The primitive type of a PAKE primitive. */
export function PSA_PAKE_PRIMITIVE_GET_TYPE(primitive: number): number {
  return (primitive >>> 24) & 0xff;
}
/** The family of a PAKE primitive. */
export function PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive: number): number {
  return (primitive >>> 16) & 0xff;
}
/** The bit size of a PAKE primitive. */
export function PSA_PAKE_PRIMITIVE_GET_BITS(primitive: number): number {
  return primitive & 0xffff;
}

/** `psa_pake_get_shared_key` returns a key confirmed by the protocol. */
export const PSA_PAKE_CONFIRMED_KEY = 0;
/** `psa_pake_get_shared_key` returns the key before (or without) confirmation. */
export const PSA_PAKE_UNCONFIRMED_KEY = 1;

/** No role: for symmetric PAKEs such as J-PAKE. */
export const PSA_PAKE_ROLE_NONE = 0x00;
/** First party of an ordered symmetric PAKE. */
export const PSA_PAKE_ROLE_FIRST = 0x01;
/** Second party of an ordered symmetric PAKE. */
export const PSA_PAKE_ROLE_SECOND = 0x02;
/** Client (prover) of an augmented PAKE such as SPAKE2+. */
export const PSA_PAKE_ROLE_CLIENT = 0x11;
/** Server (verifier) of an augmented PAKE such as SPAKE2+. */
export const PSA_PAKE_ROLE_SERVER = 0x12;

/** Step: a key share (public key of the round). */
export const PSA_PAKE_STEP_KEY_SHARE = 0x01;
/** Step: the public commitment of a zero-knowledge proof. */
export const PSA_PAKE_STEP_ZK_PUBLIC = 0x02;
/** Step: the response of a zero-knowledge proof. */
export const PSA_PAKE_STEP_ZK_PROOF = 0x03;
/** Step: a key confirmation value. */
export const PSA_PAKE_STEP_CONFIRM = 0x04;
/** Step: WPA3-SAE salt (1.4). */
export const PSA_PAKE_STEP_SALT = 0x05;
/** Step: WPA3-SAE commit message (1.4). */
export const PSA_PAKE_STEP_COMMIT = 0x06;
/** Step: WPA3-SAE send-confirm counter (1.4). */
export const PSA_PAKE_STEP_CONFIRM_COUNT = 0x07;
/** Step: WPA3-SAE key identifier (1.4). */
export const PSA_PAKE_STEP_KEY_ID = 0x08;
