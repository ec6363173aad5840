/**
 * RSA signatures (PKCS#1 v1.5 and PSS) for the software driver's signature
 * entry points, with the checks and statuses of Mbed TLS
 * (`mbedtls_psa_rsa_sign_hash` / `_verify_hash`): the hash length must match
 * the algorithm's hash (INVALID_ARGUMENT), a hash without support is
 * NOT_SUPPORTED, a signature whose length is not the modulus length is
 * INVALID_SIGNATURE. PSS signs with a salt of the hash length (shorter only
 * when the key is too small) and verifies `PSA_ALG_RSA_PSS` with the standard
 * salt length, `PSA_ALG_RSA_PSS_ANY_SALT` with any salt length.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_IS_RSA_PKCS1V15_SIGN,
  PSA_ALG_IS_RSA_PSS,
  PSA_ALG_IS_RSA_PSS_ANY_SALT,
  PSA_ALG_RSA_PKCS1V15_SIGN_RAW,
  PSA_ALG_SIGN_GET_HASH,
  PSA_HASH_LENGTH,
} from '../../../values/index.js';
import type { SignEntryPoints } from '../../sign.js';
import { hasDigestInfo, pkcs1v15SignEncode, pssEncode, pssVerify } from './emsa.js';
import { loadRsaKey, rsaPublic, rsaPrivate } from './key.js';

/** `psa_rsa_decode_md_type`: the hash of `alg` (0 for raw), checked against the input length. */
function signatureHash(alg: number, hash: Uint8Array): number {
  if (!PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) && !PSA_ALG_IS_RSA_PSS(alg)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA: not an RSA signature algorithm');
  }
  if (alg === PSA_ALG_RSA_PKCS1V15_SIGN_RAW) return 0;
  const hashAlg = PSA_ALG_SIGN_GET_HASH(alg);
  const hLen = PSA_HASH_LENGTH(hashAlg);
  if (hLen === 0 || (PSA_ALG_IS_RSA_PKCS1V15_SIGN(alg) && !hasDigestInfo(hashAlg))) {
    fail(PSA_ERROR_NOT_SUPPORTED, 'RSA: this hash is not supported for signatures');
  }
  if (hash.length !== hLen) fail(PSA_ERROR_INVALID_ARGUMENT, `RSA: the hash must be ${hLen} bytes`);
  return hashAlg;
}

function noContext(context: Uint8Array): void {
  if (context.length !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA: signatures take no context');
}

/** Salt length that `PSA_ALG_RSA_PSS` requires (`rsa_pss_expected_salt_len`); `undefined` = any. */
function expectedSalt(alg: number, k: number, hLen: number): number | undefined {
  if (PSA_ALG_IS_RSA_PSS_ANY_SALT(alg)) return undefined;
  const room = k - 2 - hLen;
  return room < 0 ? 0 : Math.min(room, hLen);
}

/** RSA sign/verify hash entry points, used by `sign.ts` for RSA keys. */
export const rsaSign: Pick<SignEntryPoints, 'signHash' | 'verifyHash'> | undefined = {
  signHash(attributes, keyBuffer, alg, hash, random, context) {
    noContext(context);
    const key = loadRsaKey(attributes.type, keyBuffer);
    const hashAlg = signatureHash(alg, hash);
    const em = PSA_ALG_IS_RSA_PSS(alg)
      ? pssEncode(hashAlg, hash, key.size * 8, random)
      : pkcs1v15SignEncode(hashAlg, hash, key.size);
    const signature = rsaPrivate(key, em, random);
    em.fill(0);
    return signature;
  },

  verifyHash(attributes, keyBuffer, alg, hash, signature, context) {
    noContext(context);
    const key = loadRsaKey(attributes.type, keyBuffer);
    const hashAlg = signatureHash(alg, hash);
    if (signature.length !== key.size) fail(PSA_ERROR_INVALID_SIGNATURE, 'RSA: the signature length is not the modulus length');
    const em = rsaPublic(key, signature);
    if (PSA_ALG_IS_RSA_PSS(alg)) {
      const hLen = PSA_HASH_LENGTH(hashAlg);
      pssVerify(hashAlg, hash, em, key.size * 8, expectedSalt(alg, key.size, hLen));
      return;
    }
    const expected = pkcs1v15SignEncode(hashAlg, hash, key.size);
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ em[i]!;
    if (diff !== 0) fail(PSA_ERROR_INVALID_SIGNATURE, 'RSA PKCS#1 v1.5: invalid signature');
  },
};
