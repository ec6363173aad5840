/**
 * Wycheproof MAC files (schema `mac_test_schema_v1`): HMAC with SHA-1,
 * SHA-2 and SHA-3, and AES-CMAC. Each test imports the key, verifies the
 * tag with `psa_mac_verify` (a group tag size below the full MAC length
 * selects `PSA_ALG_TRUNCATED_MAC`), and for an accepted tag also checks
 * that `psa_mac_compute` gives exactly that tag. A key that cannot be
 * imported (an AES key of the wrong size) is a rejection.
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import {
  PSA_ALG_CMAC,
  PSA_ALG_HMAC,
  PSA_ALG_SHA3_224,
  PSA_ALG_SHA3_256,
  PSA_ALG_SHA3_384,
  PSA_ALG_SHA3_512,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_TRUNCATED_MAC,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_MAC_LENGTH,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';

/** Key type and full-length algorithm of each file. */
const FILES: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['hmac_sha1_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_1)]],
  ['hmac_sha224_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_224)]],
  ['hmac_sha256_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_256)]],
  ['hmac_sha384_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_384)]],
  ['hmac_sha512_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA_512)]],
  ['hmac_sha3_224_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA3_224)]],
  ['hmac_sha3_256_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA3_256)]],
  ['hmac_sha3_384_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA3_384)]],
  ['hmac_sha3_512_test.json', [PSA_KEY_TYPE_HMAC, PSA_ALG_HMAC(PSA_ALG_SHA3_512)]],
  ['aes_cmac_test.json', [PSA_KEY_TYPE_AES, PSA_ALG_CMAC]],
]);

let instance: Psa | undefined;

function run(group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const [type, fullAlg] = FILES.get(file)!;
  const tagBytes = Number(group['tagSize']) / 8;
  const key = hex(test['key']);
  const msg = hex(test['msg']);
  const tag = hex(test['tag']);
  const psa = (instance ??= createPsa());
  const full = PSA_MAC_LENGTH(type, key.length * 8, fullAlg);
  const alg = tagBytes < full ? PSA_ALG_TRUNCATED_MAC(fullAlg, tagBytes) : fullAlg;
  const id = psa.importKey({ type, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg }, key);
  try {
    psa.macVerify(id, alg, msg, tag);
    const computed = psa.macCompute(id, alg, msg);
    if (!equalBytes(computed, tag)) {
      return { kind: 'wrong-output', detail: `psa_mac_compute gave ${Buffer.from(computed).toString('hex')}` };
    }
    return { kind: 'accepted' };
  } finally {
    psa.destroyKey(id);
  }
}

export const handlers: WycheproofHandler[] = [{ files: [...FILES.keys()], run }];
