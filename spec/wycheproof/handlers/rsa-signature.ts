/**
 * Wycheproof RSA signature files: PKCS#1 v1.5 verification
 * (`rsa_signature_*`), PSS verification (`rsa_pss_*`) and PKCS#1 v1.5
 * generation (`rsa_pkcs1_*_sig_gen_*`, deterministic: the signature must be
 * exactly the expected one). The key is imported with `psa_import_key`
 * (public keys from `publicKeyAsn`, the RSAPublicKey; private keys converted
 * from PKCS#8 by node:crypto) and the signature is checked through the
 * software driver's RSA signature entry points (`rsaSign`) over the message
 * hash. PSS groups whose MGF1 hash differs from the message hash are skipped
 * (PSA cannot express them); a group salt equal to the standard salt length
 * uses `PSA_ALG_RSA_PSS`, any other `PSA_ALG_RSA_PSS_ANY_SALT` (whose tests of a
 * changed salt length do not apply: any salt length is valid there).
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import { rsaSign } from '../../../src/drivers/software/rsa/sign.js';
import {
  PSA_ALG_RSA_PKCS1V15_SIGN,
  PSA_ALG_RSA_PSS,
  PSA_ALG_RSA_PSS_ANY_SALT,
  PSA_HASH_LENGTH,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_KEY_USAGE_EXPORT,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';
import { hashOf, pkcs1FromPkcs8 } from './rsa-common.js';

let instance: Psa | undefined;
const NO_CONTEXT = new Uint8Array(0);

/** Import `der` as `type` and return the stored key buffer and size (throws the import status). */
function imported(type: number, der: Uint8Array): { keyBuffer: Uint8Array; bits: number } {
  const psa = (instance ??= createPsa());
  const id = psa.importKey({ type, usage: PSA_KEY_USAGE_EXPORT }, der);
  try {
    return { keyBuffer: psa.exportKey(id), bits: psa.getKeyAttributes(id).bits };
  } finally {
    psa.destroyKey(id);
  }
}

function attributes(type: number, bits: number) {
  return { type, bits, lifetime: 0, usage: 0, alg: 0, alg2: 0 };
}

function run(group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const hashAlg = hashOf(group['sha']);
  const psa = (instance ??= createPsa());
  const hash = psa.hashCompute(hashAlg, hex(test['msg']));
  const signature = hex(test['sig']);
  if (file.includes('_sig_gen_')) {
    const key = imported(PSA_KEY_TYPE_RSA_KEY_PAIR, pkcs1FromPkcs8(group['privateKeyPkcs8']));
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const sig = rsaSign!.signHash!(attributes(PSA_KEY_TYPE_RSA_KEY_PAIR, key.bits), key.keyBuffer,
      PSA_ALG_RSA_PKCS1V15_SIGN(hashAlg), hash, random, NO_CONTEXT);
    if (!equalBytes(sig, signature)) return { kind: 'wrong-output', detail: `signed ${Buffer.from(sig).toString('hex')}` };
    return { kind: 'accepted' };
  }
  let alg = PSA_ALG_RSA_PKCS1V15_SIGN(hashAlg);
  if (file.startsWith('rsa_pss_')) {
    if (group['mgfSha'] !== group['sha']) return { kind: 'skip', reason: 'PSA PSS uses MGF1 with the message hash' };
    const hLen = PSA_HASH_LENGTH(hashAlg);
    const k = Number(group['keySize']) / 8;
    const standard = Math.max(0, Math.min(hLen, k - 2 - hLen));
    alg = Number(group['sLen']) === standard ? PSA_ALG_RSA_PSS(hashAlg) : PSA_ALG_RSA_PSS_ANY_SALT(hashAlg);
    if (alg === PSA_ALG_RSA_PSS_ANY_SALT(hashAlg) && /s_?len|salt/i.test(test.comment)) {
      return { kind: 'skip', reason: 'a changed salt length is valid for PSA_ALG_RSA_PSS_ANY_SALT' };
    }
  }
  const key = imported(PSA_KEY_TYPE_RSA_PUBLIC_KEY, hex(group['publicKeyAsn']));
  rsaSign!.verifyHash!(attributes(PSA_KEY_TYPE_RSA_PUBLIC_KEY, key.bits), key.keyBuffer, alg, hash, signature, NO_CONTEXT);
  return { kind: 'accepted' };
}

/** Every RSA signature file present in the vectors folder that this handler understands. */
const FILES = [
  'rsa_signature_2048_sha256_test.json', 'rsa_signature_2048_sha384_test.json', 'rsa_signature_2048_sha512_test.json',
  'rsa_signature_3072_sha256_test.json', 'rsa_signature_3072_sha384_test.json', 'rsa_signature_3072_sha512_test.json',
  'rsa_signature_4096_sha256_test.json', 'rsa_signature_4096_sha384_test.json', 'rsa_signature_4096_sha512_test.json',
  'rsa_pss_2048_sha256_mgf1_0_test.json', 'rsa_pss_2048_sha256_mgf1_32_test.json', 'rsa_pss_2048_sha384_mgf1_48_test.json',
  'rsa_pss_3072_sha256_mgf1_32_test.json', 'rsa_pss_misc_test.json',
  'rsa_pkcs1_2048_sig_gen_test.json', 'rsa_pkcs1_3072_sig_gen_test.json',
];

export const handlers: WycheproofHandler[] = [{ files: FILES, run }];
