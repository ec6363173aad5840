/**
 * Wycheproof KW (`aes_wrap_test.json`) and KWP (`aes_kwp_test.json`)
 * through `psa_wrap_key` / `psa_unwrap_key`. A case maps to PSA as follows:
 * the Wycheproof `key` is an AES key with WRAP|UNWRAP usage and the file's
 * algorithm; `msg` is key material, a RAW_DATA key with EXPORT usage. The
 * mapping does not look at the verdict:
 * - with `ct` given: unwrap `ct` into a RAW_DATA key; a failure is the
 *   rejection. On success its export must equal `msg`, and (KW and KWP are
 *   deterministic) wrapping the imported `msg` must give `ct` back; any
 *   other output is a wrong output;
 * - with `ct` empty (KW "WrongDataSize": data that KW cannot wrap): wrap
 *   `msg`; the case is accepted only if wrapping succeeds.
 * PSA_ALG_KW refuses 8-byte data (SP 800-38F defines KW for two semiblocks
 * or more) and 16-byte KW ciphertexts, so the `acceptable` "ShortKey" cases
 * are rejected; this is recorded, not failed.
 */
import { createPsa } from '../../../src/create.js';
import {
  PSA_ALG_KW,
  PSA_ALG_KWP,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_UNWRAP,
  PSA_KEY_USAGE_WRAP,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofHandler } from '../framework.js';

const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function run(alg: number, test: Record<string, unknown>): Outcome {
  const psa = createPsa();
  try {
    const kek = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_WRAP | PSA_KEY_USAGE_UNWRAP, alg }, hex(test.key));
    const msg = hex(test.msg);
    const ct = hex(test.ct);
    const raw = { type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_EXPORT };
    if (ct.length === 0) {
      psa.wrapKey(kek, alg, psa.importKey(raw, msg));
      return { kind: 'accepted' };
    }
    const unwrapped = psa.exportKey(psa.unwrapKey(raw, kek, alg, ct));
    if (!equalBytes(unwrapped, msg)) return { kind: 'wrong-output', detail: `unwrapped ${toHex(unwrapped)}` };
    const wrapped = psa.wrapKey(kek, alg, psa.importKey(raw, msg));
    if (!equalBytes(wrapped, ct)) return { kind: 'wrong-output', detail: `wrapped ${toHex(wrapped)}` };
    return { kind: 'accepted' };
  } finally {
    psa.close();
  }
}

/** KW and KWP handlers. */
export const handlers: WycheproofHandler[] = [
  { files: ['aes_wrap_test.json'], run: (_group, test) => run(PSA_ALG_KW, test) },
  { files: ['aes_kwp_test.json'], run: (_group, test) => run(PSA_ALG_KWP, test) },
];
