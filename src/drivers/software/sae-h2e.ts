/**
 * WPA3-SAE hash-to-element password tokens (IEEE 802.11 §12.4.4.2.3) for
 * elliptic-curve group 19 (secp256r1 with SHA-256):
 *
 *     pwd-seed = HKDF-Extract(SSID, password ‖ identifier)
 *     u1 = HKDF-Expand(pwd-seed, "SAE Hash to Element u1 P1", len) mod p
 *     u2 = HKDF-Expand(pwd-seed, "SAE Hash to Element u2 P2", len) mod p
 *     PT = SSWU(u1) + SSWU(u2)
 *
 * with len = olen(p) + floor(olen(p)/2) and the simplified SWU map of
 * RFC 9380 with z = −10. Groups 20 and 21 (P-384, P-521) would follow the
 * same steps with SHA-384 / SHA-512 and z = −12 / −4; without an outside
 * test vector at hand for them they are NOT_SUPPORTED.
 * @module
 */
import { extract, expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { p256 } from '@noble/curves/nist.js';
import { mapToCurveSimpleSWU } from '@noble/curves/abstract/hash-to-curve.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512, PSA_ECC_FAMILY_SECP_R1 } from '../../values/index.js';
import { bigToBytesBE, bytesToBigBE } from './ecc-codec.js';

const Fp = p256.Point.Fp;
const curve = p256.Point.CURVE();
const sswu = mapToCurveSimpleSWU(Fp, { A: curve.a, B: curve.b, Z: Fp.create(-10n) });

/** The hash IEEE 802.11 pairs with an ECC group of `bits` (§12.4.2: by the length of p). */
function groupHash(bits: number): number {
  return bits <= 256 ? PSA_ALG_SHA_256 : bits <= 384 ? PSA_ALG_SHA_384 : PSA_ALG_SHA_512;
}

/**
 * Check that a password token of curve `family` and `bits` can be derived
 * with `hash`: INVALID_ARGUMENT when the hash is not the group's (PSA 1.5
 * §10.6), NOT_SUPPORTED for groups other than 19.
 */
export function checkSaeGroup(family: number, bits: number, hash: number, fn: string): void {
  if (family !== PSA_ECC_FAMILY_SECP_R1 || ![256, 384, 521].includes(bits)) {
    fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE password tokens are supported on secp256r1 only`);
  }
  if (hash !== groupHash(bits)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the hash does not match the group of the password token`);
  if (bits !== 256) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE password tokens are supported on secp256r1 only`);
}

/** `u = HKDF-Expand(seed, label, 48) mod p`. */
function fieldElement(seed: Uint8Array, label: string): bigint {
  const okm = expand(sha256, seed, new TextEncoder().encode(label), 32 + 16);
  const u = bytesToBigBE(okm) % Fp.ORDER;
  okm.fill(0);
  return u;
}

/** The group-19 password token of `password` (‖ `identifier`) for network `ssid`, as x ‖ y (64 bytes). */
export function saePasswordToken(ssid: Uint8Array, password: Uint8Array, identifier: Uint8Array): Uint8Array {
  const ikm = new Uint8Array(password.length + identifier.length);
  ikm.set(password);
  ikm.set(identifier, password.length);
  const seed = extract(sha256, ikm, ssid);
  ikm.fill(0);
  const P1 = sswu(fieldElement(seed, 'SAE Hash to Element u1 P1'));
  const P2 = sswu(fieldElement(seed, 'SAE Hash to Element u2 P2'));
  seed.fill(0);
  const PT = p256.Point.fromAffine(P1).add(p256.Point.fromAffine(P2)).toAffine();
  const out = new Uint8Array(64);
  out.set(bigToBytesBE(PT.x, 32), 0);
  out.set(bigToBytesBE(PT.y, 32), 32);
  return out;
}
