/**
 * How `psa_key_derivation_output_key` turns derived bytes into key material
 * (PSA 1.5 §10.6 and Mbed TLS `psa_generate_derived_key_internal`):
 * public keys are INVALID_ARGUMENT; unstructured types draw bits/8 bytes
 * (bits not a multiple of 8 is INVALID_ARGUMENT); DES keys (parity bits,
 * weak keys redrawn, PSA 1.5 §9.3.2) and structured types (ECC and
 * SPAKE2+ key pairs, …) come from a driver's `deriveKey` entry point (`derive_key` of the PSA driver
 * interface); a type no driver derives is NOT_SUPPORTED.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { PSA_KEY_TYPE_DES, PSA_KEY_TYPE_IS_PUBLIC_KEY, PSA_KEY_TYPE_IS_UNSTRUCTURED } from '../../values/index.js';

/** Reads the next bytes of the derivation (may throw, e.g. INSUFFICIENT_DATA). */
export type DerivedReader = (length: number) => Uint8Array;

/** A driver's `deriveKey` through the dispatcher: the key data of a structured key drawn from `read`. */
export type StructuredDerivation = (type: number, bits: number, read: DerivedReader) => Uint8Array;

/**
 * The key material of a `bits`-bit key of `type` drawn from `read`, in the
 * import format of the type. The caller imports and then wipes it.
 * @param structured how a structured type is derived (a driver's `deriveKey`)
 * @throws {PsaError} INVALID_ARGUMENT for a public key or a size the type
 *   cannot have; NOT_SUPPORTED for a type no driver derives
 */
export function derivedKeyData(type: number, bits: number, read: DerivedReader, fn: string, structured: StructuredDerivation): Uint8Array {
  if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a public key cannot be derived`);
  if (type === PSA_KEY_TYPE_DES) return structured(type, bits, read);
  if (PSA_KEY_TYPE_IS_UNSTRUCTURED(type)) {
    if (bits % 8 !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${bits} bits is not a whole number of bytes`);
    return read(bits / 8);
  }
  return structured(type, bits, read);
}
