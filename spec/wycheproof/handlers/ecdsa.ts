/**
 * Wycheproof ECDSA files in IEEE P1363 form (`ecdsa_<curve>_<hash>_p1363_test.json`):
 * the signature is r ‖ s, PSA's own format. Each test imports the group's
 * uncompressed public point as an ECC public key with
 * `PSA_ALG_ECDSA(hash)` and runs `psa_verify_message`.
 *
 * The DER files (`ecdsa_<curve>_<hash>_test.json`) are not run: PSA takes
 * r ‖ s, so decoding DER is the application's part, and most of those tests
 * are about the strictness of a DER parser, not about ECDSA. The P1363 files
 * carry the ECDSA cases (edge values of r and s, wrong points, arithmetic
 * corner cases) in PSA's format.
 */
import { createPsa, type Psa } from '../../../src/core/psa.js';
import { PsaError } from '../../../src/values/error.js';
import {
  PSA_ALG_ECDSA,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../../src/values/index.js';
import { hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';

const FAMILIES: ReadonlyMap<string, number> = new Map([
  ['secp256r1', PSA_ECC_FAMILY_SECP_R1],
  ['secp384r1', PSA_ECC_FAMILY_SECP_R1],
  ['secp521r1', PSA_ECC_FAMILY_SECP_R1],
  ['secp256k1', PSA_ECC_FAMILY_SECP_K1],
  ['brainpoolP256r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1],
  ['brainpoolP384r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1],
  ['brainpoolP512r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1],
]);

const HASHES: ReadonlyMap<string, number> = new Map([
  ['SHA-256', PSA_ALG_SHA_256],
  ['SHA-384', PSA_ALG_SHA_384],
  ['SHA-512', PSA_ALG_SHA_512],
]);

const FILES = [
  'brainpoolP256r1_sha256', 'brainpoolP384r1_sha384', 'brainpoolP512r1_sha512',
  'secp256k1_sha256', 'secp256k1_sha512', 'secp256r1_sha256', 'secp256r1_sha512',
  'secp384r1_sha384', 'secp384r1_sha512', 'secp521r1_sha512',
].map((name) => `ecdsa_${name}_p1363_test.json`);

let instance: Psa | undefined;

function run(group: WycheproofGroup, test: WycheproofTest): Outcome {
  const key = group['publicKey'] as Record<string, unknown>;
  const family = FAMILIES.get(String(key['curve']));
  const hash = HASHES.get(String(group['sha']));
  if (family === undefined || hash === undefined) return { kind: 'skip', reason: `${String(key['curve'])} / ${String(group['sha'])}` };
  const psa = (instance ??= createPsa());
  const alg = PSA_ALG_ECDSA(hash);
  let id: number;
  try {
    id = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), usage: PSA_KEY_USAGE_VERIFY_MESSAGE, alg }, hex(key['uncompressed']));
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  }
  try {
    psa.verifyMessage(id, alg, hex(test['msg']), hex(test['sig']));
    return { kind: 'accepted' };
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  } finally {
    psa.destroyKey(id);
  }
}

/** ECDSA verification, P1363 (r ‖ s) signatures. */
export const handlers: WycheproofHandler[] = [{ files: FILES, run }];
