/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a signature
 * algorithm (`exercise_signature_key` upstream): a wildcard-hash policy is
 * exercised with SHA-256 (KNOWN_SUPPORTED_HASH_ALG); with SIGN_HASH /
 * VERIFY_HASH usage and a sign-hash algorithm, sign and/or verify a payload
 * of the hash's length (16 bytes for ECDSA_ANY / RSA raw) whose first byte
 * is 1; with SIGN_MESSAGE / VERIFY_MESSAGE usage (and not ECDSA_ANY / RSA
 * raw), the same with the 16-byte message "Hello, world...\0". A verification
 * without a preceding signature uses a zeroed `PSA_SIGNATURE_MAX_SIZE`
 * buffer and must fail with INVALID_SIGNATURE.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatus, checkSuccess } from '../assert.js';

/** "Hello, world..." with its NUL: the 16-byte message upstream signs. */
const MESSAGE = Uint8Array.from([...'Hello, world...'].map((c) => c.charCodeAt(0)).concat(0));

/** Sign (when allowed) then verify (when allowed) with `sign` / `verify`. */
function signThenVerify(usage: number, signUsage: number, verifyUsage: number, what: string,
  sign: (signature: Uint8Array, length: { value: number }) => number,
  verify: (signature: Uint8Array) => number): void {
  let signature = new Uint8Array(psa.PSA_SIGNATURE_MAX_SIZE);
  if (usage & signUsage) {
    const length = { value: 0 };
    checkSuccess(sign(signature, length), `exercise: ${what} sign`);
    signature = signature.slice(0, length.value);
  }
  if (usage & verifyUsage) {
    const expected = usage & signUsage ? psa.PSA_SUCCESS : psa.PSA_ERROR_INVALID_SIGNATURE;
    checkStatus(verify(signature), expected, `exercise: ${what} verify`);
  }
}

/** `exercise_signature_key` (key not destroyable). */
export const exerciseSignKey: ((key: number, usage: number, alg: number) => void) | undefined = (
  key: number,
  usage: number,
  algArg: number,
): void => {
  let alg = algArg >>> 0;
  let hashAlg = psa.PSA_ALG_SIGN_GET_HASH(alg);
  const anyUsage = psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH |
    psa.PSA_KEY_USAGE_SIGN_MESSAGE | psa.PSA_KEY_USAGE_VERIFY_MESSAGE;
  if (psa.PSA_ALG_IS_SIGN_HASH(alg) && hashAlg === psa.PSA_ALG_ANY_HASH && (usage & anyUsage)) {
    hashAlg = psa.PSA_ALG_SHA_256;
    alg = (alg ^ psa.PSA_ALG_ANY_HASH ^ hashAlg) >>> 0;
  }
  if ((usage & (psa.PSA_KEY_USAGE_SIGN_HASH | psa.PSA_KEY_USAGE_VERIFY_HASH)) && psa.PSA_ALG_IS_SIGN_HASH(alg)) {
    const payload = new Uint8Array(hashAlg !== 0 ? psa.PSA_HASH_LENGTH(hashAlg) : 16);
    payload[0] = 1;
    signThenVerify(usage, psa.PSA_KEY_USAGE_SIGN_HASH, psa.PSA_KEY_USAGE_VERIFY_HASH, 'hash',
      (signature, length) => psa.psa_sign_hash(key, alg, payload, signature, length),
      (signature) => psa.psa_verify_hash(key, alg, payload, signature));
  }
  const rawOnly = alg === psa.PSA_ALG_ECDSA_ANY || alg === psa.PSA_ALG_RSA_PKCS1V15_SIGN_RAW;
  if (!rawOnly && (usage & (psa.PSA_KEY_USAGE_SIGN_MESSAGE | psa.PSA_KEY_USAGE_VERIFY_MESSAGE))) {
    signThenVerify(usage, psa.PSA_KEY_USAGE_SIGN_MESSAGE, psa.PSA_KEY_USAGE_VERIFY_MESSAGE, 'message',
      (signature, length) => psa.psa_sign_message(key, alg, MESSAGE, signature, length),
      (signature) => psa.psa_verify_message(key, alg, MESSAGE, signature));
  }
};
