/**
 * How `psa_key_derivation_output_key` turns derived bytes into key material
 * (PSA 1.5 §10.6 and Mbed TLS `psa_generate_derived_key_internal`):
 * unstructured types draw bits/8 bytes (bits not a multiple of 8 is
 * INVALID_ARGUMENT); Weierstrass ECC keys draw-and-reject (FIPS 186-4 B.4.2
 * "testing candidates"); Montgomery keys are drawn and clamped (RFC 7748);
 * Edwards keys are drawn as the RFC 8032 seed; public keys are
 * INVALID_ARGUMENT; any other type is NOT_SUPPORTED.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ECC_FAMILY_IS_WEIERSTRASS,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_UNSTRUCTURED,
  describe,
} from '../../values/index.js';
import { eccCurveOf } from '../../drivers/software/ecc/keys.js';
import { PSA_KEY_TYPE_DES } from '../../values/index.js';
import { derivedDesKey } from './des.js';
import type { WeierstrassCurve } from '../../drivers/software/ecc/curves.js';
import { derivedSpake2pKeyPair } from '../../drivers/software/pake/spake2p/keys.js';
import { PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR } from '../../values/key-type-predicates.js';

/** Reads the next bytes of the derivation (may throw, e.g. INSUFFICIENT_DATA). */
export type DerivedReader = (length: number) => Uint8Array;

function toBig(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function fromBig(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Steps 1–5 of the Weierstrass procedure: k drawn with the top bits of m masked, redrawn while k > n − 2, then d = k + 1. */
function weierstrassScalar(curve: WeierstrassCurve, read: DerivedReader): Uint8Array {
  const m = curve.n.toString(2).length;
  const length = Math.ceil(m / 8);
  for (;;) {
    const drawn = read(length);
    if (m % 8 !== 0) drawn[0]! &= (1 << (m % 8)) - 1;
    const k = toBig(drawn);
    drawn.fill(0);
    if (k <= curve.n - 2n) return fromBig(k + 1n, curve.bytes);
  }
}

/** The RFC 7748 §5 clamping of a drawn X25519 / X448 scalar. */
function clampMontgomery(drawn: Uint8Array, bits: number): Uint8Array {
  if (bits === 255) {
    drawn[0]! &= 248;
    drawn[31]! &= 127;
    drawn[31]! |= 64;
  } else {
    drawn[0]! &= 252;
    drawn[55]! |= 128;
  }
  return drawn;
}

/**
 * The key material of a `bits`-bit key of `type` drawn from `read`, in the
 * import format of the type. The caller imports and then wipes it.
 */
export function derivedKeyData(type: number, bits: number, read: DerivedReader, fn: string): Uint8Array {
  if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: a public key cannot be derived`);
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) {
    const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
    if (PSA_ECC_FAMILY_IS_WEIERSTRASS(family)) {
      // Mbed TLS: no curve of this family and size is INVALID_ARGUMENT (an ASN.1 "invalid data" error).
      let curve;
      try {
        curve = eccCurveOf(type, bits, fn);
      } catch {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no ${bits}-bit ${describe(type, 'keyType')} curve`);
      }
      if (curve.kind !== 'weierstrass') fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: no ${bits}-bit ${describe(type, 'keyType')} curve`);
      return weierstrassScalar(curve, read);
    }
    if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS) {
      if (bits !== 255 && bits !== 448) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: Edwards keys have 255 or 448 bits`);
      return read(bits === 255 ? 32 : 57);
    }
    if (bits !== 255 && bits !== 448) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: Montgomery keys have 255 or 448 bits`);
    return clampMontgomery(read(bits === 255 ? 32 : 56), bits);
  }
  // SPAKE2+ registration (PSA 1.5 §9.5.9, RFC 9383 §3.2): w0s, w1s reduced mod n.
  if (PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(type)) return derivedSpake2pKeyPair(type, bits, read, fn);
  if (type === PSA_KEY_TYPE_DES) return derivedDesKey(bits, read, fn);
  if (PSA_KEY_TYPE_IS_UNSTRUCTURED(type)) {
    if (bits % 8 !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${bits} bits is not a whole number of bytes`);
    return read(bits / 8);
  }
  return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(type, 'keyType')} keys cannot be derived`);
}
