/**
 * Wycheproof RSA decryption files: RSAES-OAEP (`rsa_oaep_*`, schema
 * `rsaes_oaep_decrypt_schema_v1`) and RSAES-PKCS1-v1_5 (`rsa_pkcs1_{2048,
 * 3072,4096}_test.json`, schema `rsaes_pkcs1_decrypt_schema_v1`). Each test
 * imports the private key (PKCS#8 converted to RSAPrivateKey by node:crypto)
 * and decrypts with `psa_asymmetric_decrypt`; an accepted ciphertext must give
 * the expected message. PSA's OAEP uses MGF1 with the OAEP hash, so groups
 * with a different MGF1 hash are skipped, as are keys above
 * `PSA_VENDOR_RSA_MAX_KEY_BITS` (not supported by design).
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import {
  PSA_ALG_RSA_OAEP,
  PSA_ALG_RSA_PKCS1V15_CRYPT,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_DECRYPT,
  PSA_VENDOR_RSA_MAX_KEY_BITS,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';
import { hashOf, pkcs1FromPkcs8 } from './rsa-common.js';

const OAEP_FILES = [
  'rsa_oaep_2048_sha1_mgf1sha1_test.json',
  'rsa_oaep_2048_sha256_mgf1sha256_test.json',
  'rsa_oaep_2048_sha384_mgf1sha384_test.json',
  'rsa_oaep_2048_sha512_mgf1sha512_test.json',
  'rsa_oaep_misc_test.json',
];
const PKCS1_FILES = ['rsa_pkcs1_2048_test.json', 'rsa_pkcs1_3072_test.json', 'rsa_pkcs1_4096_test.json'];

let instance: Psa | undefined;

function run(group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const oaep = OAEP_FILES.includes(file);
  if (Number(group['keySize']) > PSA_VENDOR_RSA_MAX_KEY_BITS) {
    return { kind: 'skip', reason: `keys above ${PSA_VENDOR_RSA_MAX_KEY_BITS} bits are not supported` };
  }
  if (oaep && group['mgfSha'] !== group['sha']) return { kind: 'skip', reason: 'PSA OAEP uses MGF1 with the OAEP hash' };
  const alg = oaep ? PSA_ALG_RSA_OAEP(hashOf(group['sha'])) : PSA_ALG_RSA_PKCS1V15_CRYPT;
  const psa = (instance ??= createPsa());
  const id = psa.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage: PSA_KEY_USAGE_DECRYPT, alg }, pkcs1FromPkcs8(group['privateKeyPkcs8']));
  try {
    const label = oaep ? hex(test['label']) : new Uint8Array(0);
    const msg = psa.asymmetricDecrypt(id, alg, hex(test['ct']), label);
    const expected = hex(test['msg']);
    if (!equalBytes(msg, expected)) return { kind: 'wrong-output', detail: `decrypted ${Buffer.from(msg).toString('hex')}` };
    return { kind: 'accepted' };
  } finally {
    psa.destroyKey(id);
  }
}

export const handlers: WycheproofHandler[] = [{ files: [...OAEP_FILES, ...PKCS1_FILES], run }];
