/**
 * The software driver's interruptible key operations (Mbed TLS's
 * `mbedtls_psa_ecp_export_public_key_iop_*` and `mbedtls_psa_key_agreement_iop_*`):
 * on Weierstrass curves the scalar multiplication is split into units of
 * work (`ecp-steps.ts`); Montgomery and Edwards curves, which Mbed TLS does
 * not split either, are computed in one unit. A public key is exported with
 * no work (0 ops); the key agreement's peer-key check at start counts
 * `MBEDTLS_ECP_OPS_CHK` ops, as Mbed TLS reports.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import { PSA_ALG_ECDH } from '../../../values/algorithms-pk.js';
import { PSA_KEY_TYPE_IS_ECC, PSA_KEY_TYPE_IS_ECC_KEY_PAIR, describe } from '../../../values/index.js';
import type { InterruptibleKeyEntryPoints } from '../../interruptible-keys.js';
import { copyBytes } from '../../../bytes.js';
import { bigToBytesBE, readWeierstrassPoint, readWeierstrassScalar, writeWeierstrassPoint } from './codec.js';
import { ecdhAgreement } from './ecdh.js';
import { eccCurveOf, eccKeys } from './keys.js';
import { OPS_CHK, StepsJob, immediate, mulSteps, type Steps } from './ecp-steps.js';

/** One unit of work (cost 1) computing `compute()`. */
function* oneUnit<T>(compute: () => T): Steps<T> {
  yield 1;
  return compute();
}

/** Interruptible key entry points of the software driver. */
export const softwareInterruptibleKeys: InterruptibleKeyEntryPoints = {
  exportPublicKeyStart(attributes, keyBuffer) {
    const fn = 'psa_export_public_key_iop_complete';
    if (!PSA_KEY_TYPE_IS_ECC(attributes.type)) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(attributes.type, 'keyType')} is not an ECC key`);
    const curve = eccCurveOf(attributes.type, attributes.bits, fn);
    if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) return new StepsJob(immediate(copyBytes(keyBuffer)), curve.bits);
    if (curve.kind !== 'weierstrass') {
      const key = copyBytes(keyBuffer);
      return new StepsJob(oneUnit(() => eccKeys!.exportPublicKey(attributes, key)), curve.bits);
    }
    const d = readWeierstrassScalar(curve, keyBuffer, fn);
    return new StepsJob((function* () {
      const Q = yield* mulSteps(curve, d);
      return writeWeierstrassPoint(curve, curve.Point.fromAffine(Q!));
    })(), curve.bits);
  },

  keyAgreementStart(attributes, keyBuffer, alg, peerKey) {
    const fn = 'psa_key_agreement_iop_setup';
    if (alg !== PSA_ALG_ECDH) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: only ECDH can be interrupted`);
    if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ECDH needs an ECC key pair`);
    const curve = eccCurveOf(attributes.type, attributes.bits, fn);
    if (curve.kind !== 'weierstrass') {
      // Checked (and computed) now, handed out by the job's one unit.
      const secret = ecdhAgreement(attributes, keyBuffer, peerKey, fn);
      return new StepsJob(oneUnit(() => secret), curve.bits, OPS_CHK);
    }
    const d = readWeierstrassScalar(curve, keyBuffer, fn);
    if (peerKey.length !== 2 * curve.coordinateBytes + 1) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the peer key does not have the length of a ${curve.bits}-bit public key`);
    }
    const Q = readWeierstrassPoint(curve, peerKey, fn);
    return new StepsJob((function* () {
      const S = yield* mulSteps(curve, d, Q);
      if (S === undefined) return fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the shared point is the point at infinity`);
      return bigToBytesBE(S.x, curve.coordinateBytes);
    })(), curve.bits, OPS_CHK);
  },
};
