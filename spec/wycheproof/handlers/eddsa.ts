/**
 * Wycheproof EdDSA files (`ed25519_test.json`, `ed448_test.json`): each test
 * imports the group's public key as a twisted Edwards public key with
 * `PSA_ALG_PURE_EDDSA` and runs `psa_verify_message` (Ed25519, and Ed448
 * with an empty context).
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import { PsaError } from '../../../src/values/error.js';
import {
  PSA_ALG_PURE_EDDSA,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../../src/values/index.js';
import { hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';

let instance: Psa | undefined;

function run(group: WycheproofGroup, test: WycheproofTest): Outcome {
  const key = group['publicKey'] as Record<string, unknown>;
  const psa = (instance ??= createPsa());
  const type = PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS);
  let id: number;
  try {
    id = psa.importKey({ type, usage: PSA_KEY_USAGE_VERIFY_MESSAGE, alg: PSA_ALG_PURE_EDDSA }, hex(key['pk']));
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  }
  try {
    psa.verifyMessage(id, PSA_ALG_PURE_EDDSA, hex(test['msg']), hex(test['sig']));
    return { kind: 'accepted' };
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  } finally {
    psa.destroyKey(id);
  }
}

/** Ed25519 and Ed448 verification (PureEdDSA). */
export const handlers: WycheproofHandler[] = [{ files: ['ed25519_test.json', 'ed448_test.json'], run }];
