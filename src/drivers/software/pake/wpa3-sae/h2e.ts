/**
 * WPA3-SAE hash-to-element password tokens (IEEE 802.11 §12.4.4.2.3) for
 * the ECC groups 19, 20, 21 (secp256r1/384r1/521r1) and 28, 29, 30
 * (brainpoolP256r1/384r1/512r1) with their hashes (SHA-256, SHA-384,
 * SHA-512 by the size of p):
 *
 *     pwd-seed = HKDF-Extract(SSID, password ‖ identifier)
 *     u1 = HKDF-Expand(pwd-seed, "SAE Hash to Element u1 P1", len) mod p
 *     u2 = HKDF-Expand(pwd-seed, "SAE Hash to Element u2 P2", len) mod p
 *     PT = SSWU(u1) + SSWU(u2)
 *
 * with len = olen(p) + floor(olen(p)/2) and the simplified SWU map of
 * RFC 9380 with the curve's z (−10, −12, −4; −2, −5, 7 for Brainpool).
 * Other curves are NOT_SUPPORTED; the finite-field tokens are
 * `pake/wpa3-sae/ffc.ts`'s.
 * @module
 */
import { extract, expand } from '@noble/hashes/hkdf.js';
import { mapToCurveSimpleSWU } from '@noble/curves/abstract/hash-to-curve.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { bigToBytesBE, bytesToBigBE } from '../../ecc/codec.js';
import { saeGroup, type SaeGroup } from './ecc.js';
import { saeFfcGroup, type SaeFfcGroup } from './ffc.js';

/**
 * The group of a password token of curve `family` and `bits` derived with
 * `hash`: NOT_SUPPORTED for curves other than secp256r1/384r1/521r1 and
 * brainpoolP256r1/384r1/512r1,
 * INVALID_ARGUMENT when the hash is not the group's (PSA 1.5 §10.6).
 */
export function checkSaeGroup(family: number, bits: number, hash: number, fn: string): SaeGroup {
  const g = saeGroup(family, bits);
  if (!g) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: WPA3-SAE password tokens are supported on secp256r1/384r1/521r1 and brainpoolP256r1/384r1/512r1 only`);
  if (hash !== g.hashAlg) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the hash does not match the group of the password token`);
  return g;
}

/**
 * The finite-field group of a password token of DH `family` and `bits`
 * derived with `hash`: NOT_SUPPORTED outside RFC 3526 3072 to 8192 bits
 * (IEEE groups 15–18), INVALID_ARGUMENT when the hash is not the group's.
 */
export function checkSaeFfcGroup(family: number, bits: number, hash: number, fn: string): SaeFfcGroup {
  const g = saeFfcGroup(family, bits);
  if (!g) return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: finite-field WPA3-SAE password tokens are supported on the RFC 3526 groups of 3072 to 8192 bits only`);
  if (hash !== g.hashAlg) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the hash does not match the group of the password token`);
  return g;
}

/** `u = HKDF-Expand(seed, label, len) mod p`. */
function fieldElement(g: SaeGroup, seed: Uint8Array, label: string): bigint {
  const okm = expand(g.hash, seed, new TextEncoder().encode(label), g.len + Math.floor(g.len / 2));
  const u = bytesToBigBE(okm) % g.Point.Fp.ORDER;
  okm.fill(0);
  return u;
}

/** The password token of `password` (‖ `identifier`) for network `ssid` in group `g`, as x ‖ y. */
export function saePasswordToken(g: SaeGroup, ssid: Uint8Array, password: Uint8Array, identifier: Uint8Array): Uint8Array {
  const Fp = g.Point.Fp;
  const curve = g.Point.CURVE();
  const sswu = mapToCurveSimpleSWU(Fp, { A: curve.a, B: curve.b, Z: Fp.create(g.z) });
  const ikm = new Uint8Array(password.length + identifier.length);
  ikm.set(password);
  ikm.set(identifier, password.length);
  const seed = extract(g.hash, ikm, ssid);
  ikm.fill(0);
  const P1 = sswu(fieldElement(g, seed, 'SAE Hash to Element u1 P1'));
  const P2 = sswu(fieldElement(g, seed, 'SAE Hash to Element u2 P2'));
  seed.fill(0);
  const PT = g.Point.fromAffine(P1).add(g.Point.fromAffine(P2)).toAffine();
  const out = new Uint8Array(2 * g.len);
  out.set(bigToBytesBE(PT.x, g.len), 0);
  out.set(bigToBytesBE(PT.y, g.len), g.len);
  return out;
}
