/**
 * The software driver's asymmetric encryption entry points: RSA PKCS#1 v1.5
 * (`PSA_ALG_RSA_PKCS1V15_CRYPT`) and RSA-OAEP with any supported hash and
 * label, with the checks and statuses of Mbed TLS
 * (`mbedtls_psa_asymmetric_encrypt` / `_decrypt`).
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ALG_IS_RSA_OAEP,
  PSA_ALG_RSA_OAEP_GET_HASH,
  PSA_ALG_RSA_PKCS1V15_CRYPT,
  PSA_HASH_LENGTH,
  PSA_KEY_TYPE_IS_RSA,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
} from '../../values/index.js';
import type { AsymmetricEncryptionEntryPoints } from '../asymmetric-encryption.js';
import { loadRsaKey, rsaPrivate, rsaPublic } from './rsa/key.js';
import { oaepDecode, oaepEncode, pkcs1v15EncryptDecode, pkcs1v15EncryptEncode } from './rsa/padding.js';

/** The OAEP hash of `alg`, NOT_SUPPORTED when it has no implementation. */
function oaepHash(alg: number): number {
  const hashAlg = PSA_ALG_RSA_OAEP_GET_HASH(alg);
  if (PSA_HASH_LENGTH(hashAlg) === 0) fail(PSA_ERROR_NOT_SUPPORTED, 'RSA-OAEP: unsupported hash');
  return hashAlg;
}

/** AsymmetricEncryption entry points of the software driver. */
export const softwareAsymmetricEncryption: AsymmetricEncryptionEntryPoints = {
  asymmetricEncrypt(attributes, keyBuffer, alg, input, salt, random) {
    if (!PSA_KEY_TYPE_IS_RSA(attributes.type)) fail(PSA_ERROR_NOT_SUPPORTED, 'asymmetric encryption: only RSA keys');
    const key = loadRsaKey(attributes.type, keyBuffer);
    let em: Uint8Array;
    if (alg === PSA_ALG_RSA_PKCS1V15_CRYPT) {
      em = pkcs1v15EncryptEncode(key.size, input, random);
    } else if (PSA_ALG_IS_RSA_OAEP(alg)) {
      em = oaepEncode(oaepHash(alg), key.size, input, salt, random);
    } else {
      return fail(PSA_ERROR_INVALID_ARGUMENT, 'asymmetric encryption: not an RSA encryption algorithm');
    }
    const out = rsaPublic(key, em);
    em.fill(0);
    return out;
  },

  asymmetricDecrypt(attributes, keyBuffer, alg, input, salt, random) {
    if (attributes.type !== PSA_KEY_TYPE_RSA_KEY_PAIR) fail(PSA_ERROR_NOT_SUPPORTED, 'asymmetric decryption: only RSA key pairs');
    const key = loadRsaKey(attributes.type, keyBuffer);
    if (input.length !== key.size) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA: the ciphertext length is not the modulus length');
    if (alg !== PSA_ALG_RSA_PKCS1V15_CRYPT && !PSA_ALG_IS_RSA_OAEP(alg)) {
      fail(PSA_ERROR_INVALID_ARGUMENT, 'asymmetric decryption: not an RSA encryption algorithm');
    }
    const hashAlg = alg === PSA_ALG_RSA_PKCS1V15_CRYPT ? 0 : oaepHash(alg);
    const em = rsaPrivate(key, input, random);
    try {
      return hashAlg === 0 ? pkcs1v15EncryptDecode(em) : oaepDecode(hashAlg, em, salt);
    } finally {
      em.fill(0);
    }
  },
};
