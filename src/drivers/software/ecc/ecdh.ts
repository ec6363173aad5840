/**
 * ECDH in the software driver: the shared secret of a stored ECC private key
 * and a peer public key, as Mbed TLS computes it (`mbedtls_psa_key_agreement_ecdh`):
 * the peer key is read as a public key of the same curve (same checks and
 * statuses as an import); Weierstrass curves give the x-coordinate of d·Q
 * (the length of a coordinate, big-endian: 28 bytes for secp224k1, else
 * ceil(bits/8)), Montgomery curves the RFC 7748 output.
 * Twisted Edwards keys cannot do ECDH (INVALID_ARGUMENT, as for any curve
 * Mbed TLS's ECDH does not know). An all-zero Montgomery result is rejected
 * (INVALID_ARGUMENT), as the PSA specification requires.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import { PSA_KEY_TYPE_IS_ECC_KEY_PAIR } from '../../../values/key-type-predicates.js';
import { describe } from '../../../values/index.js';
import type { DriverKeyAttributes } from '../../driver.js';
import { bigToBytesBE, readMontgomeryPublic, readWeierstrassPoint, readWeierstrassScalar } from './codec.js';
import { eccCurveOf } from './keys.js';

/**
 * The ECDH shared secret of our key pair (`keyBuffer`) and `peerKey` (PSA
 * public-key format); `fn` names the API function in error messages.
 */
export function ecdhAgreement(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, peerKey: Uint8Array, fn = 'psa_raw_key_agreement'): Uint8Array {
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ECDH needs an ECC key pair, not ${describe(attributes.type, 'keyType')}`);
  }
  const curve = eccCurveOf(attributes.type, attributes.bits, fn);
  switch (curve.kind) {
    case 'weierstrass': {
      const d = readWeierstrassScalar(curve, keyBuffer, fn);
      if (peerKey.length !== 2 * curve.coordinateBytes + 1) {
        fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the peer key does not have the length of a ${curve.bits}-bit public key`);
      }
      const Q = readWeierstrassPoint(curve, peerKey, fn);
      const S = Q.multiply(d);
      if (S.is0()) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the shared point is the point at infinity`);
      return bigToBytesBE(S.toAffine().x, curve.coordinateBytes);
    }
    case 'montgomery': {
      const u = readMontgomeryPublic(curve, peerKey, fn);
      let secret: Uint8Array;
      try {
        secret = curve.ecdh.scalarMult(keyBuffer, u);
      } catch {
        return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the shared secret is zero`);
      }
      if (secret.every((b) => b === 0)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the shared secret is zero`);
      return secret;
    }
    case 'edwards':
      return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ECDH is not defined on twisted Edwards curves`);
  }
}
