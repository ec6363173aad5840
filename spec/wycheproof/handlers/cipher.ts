/**
 * Wycheproof AES-CBC with PKCS#5 padding (`aes_cbc_pkcs5_test.json`, schema
 * `ind_cpa_test_schema_v1`), as `PSA_ALG_CBC_PKCS7` with AES keys. Each test
 * decrypts IV ‖ ct with `psa_cipher_decrypt`: a rejection (bad padding,
 * incomplete block) is the implementation's verdict; an accepted decryption
 * must give `msg`, and then the message is also encrypted again with a
 * multipart operation under the same IV, which must give `ct`.
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import { PSA_ALG_CBC_PKCS7, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_ENCRYPT } from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';
import { concatBytes as concat } from '../../../src/bytes.js';

let instance: Psa | undefined;

function run(_group: WycheproofGroup, test: WycheproofTest): Outcome {
  const key = hex(test['key']);
  const iv = hex(test['iv']);
  const msg = hex(test['msg']);
  const ct = hex(test['ct']);
  const psa = (instance ??= createPsa());
  const alg = PSA_ALG_CBC_PKCS7;
  const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, key);
  try {
    const plain = psa.cipherDecrypt(id, alg, concat(iv, ct));
    if (!equalBytes(plain, msg)) return { kind: 'wrong-output', detail: 'decryption differs from msg' };
    const op = psa.cipherEncryptSetup(id, alg);
    op.setIv(iv);
    const encrypted = concat(op.update(msg.subarray(0, 7)), op.update(msg.subarray(7)), op.finish());
    if (!equalBytes(encrypted, ct)) return { kind: 'wrong-output', detail: 'encryption differs from ct' };
    return { kind: 'accepted' };
  } finally {
    psa.destroyKey(id);
  }
}

/** The AES-CBC-PKCS#5 handler. */
export const handlers: WycheproofHandler[] = [{ files: ['aes_cbc_pkcs5_test.json'], run }];
