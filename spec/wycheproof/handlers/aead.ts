/**
 * Wycheproof AEAD files (AES-GCM, AES-CCM, ChaCha20-Poly1305,
 * XChaCha20-Poly1305) through `psa_aead_decrypt`, cross-checked with the
 * multipart API (odd-sized fragments) and, for valid cases, with
 * `psa_aead_encrypt`. The algorithm is the mode with the group's tag length
 * (`PSA_ALG_AEAD_WITH_SHORTENED_TAG`); a tag length or nonce length PSA
 * rejects counts as a rejection.
 */
import { createPsa } from '../../../src/index.js';
import { PsaError } from '../../../src/values/error.js';
import {
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_CCM,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_GCM,
  PSA_ALG_XCHACHA20_POLY1305,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofHandler } from '../framework.js';

const psa = createPsa();

const MODES: Record<string, { keyType: number; alg: number }> = {
  'aes_gcm_test.json': { keyType: PSA_KEY_TYPE_AES, alg: PSA_ALG_GCM },
  'aes_ccm_test.json': { keyType: PSA_KEY_TYPE_AES, alg: PSA_ALG_CCM },
  'chacha20_poly1305_test.json': { keyType: PSA_KEY_TYPE_CHACHA20, alg: PSA_ALG_CHACHA20_POLY1305 },
  'xchacha20_poly1305_test.json': { keyType: PSA_KEY_TYPE_XCHACHA20, alg: PSA_ALG_XCHACHA20_POLY1305 },
};

/** The result of a call: its output, or the PSA status it failed with. */
function attempt(body: () => Uint8Array): Uint8Array | number {
  try {
    return body();
  } catch (err) {
    if (err instanceof PsaError) return err.status;
    throw err;
  }
}

/** Multipart decryption in 7-byte fragments. */
function multipartDecrypt(key: number, alg: number, nonce: Uint8Array, aad: Uint8Array, ct: Uint8Array, tag: Uint8Array): Uint8Array {
  const op = psa.aeadDecryptSetup(key, alg);
  try {
    op.setLengths(aad.length, ct.length);
    op.setNonce(nonce);
    for (let i = 0; i < aad.length; i += 7) op.updateAd(aad.subarray(i, i + 7));
    const out = new Uint8Array(ct.length);
    for (let i = 0; i < ct.length; i += 7) out.set(op.update(ct.subarray(i, i + 7)), i);
    op.verify(tag);
    return out;
  } finally {
    op.abort();
  }
}

const describeResult = (r: Uint8Array | number): string => (typeof r === 'number' ? `status ${r}` : `${r.length} bytes`);

export const handlers: WycheproofHandler[] = [{
  files: Object.keys(MODES),
  run(group, test, file): Outcome {
    const { keyType, alg: base } = MODES[file]!;
    const alg = PSA_ALG_AEAD_WITH_SHORTENED_TAG(base, Number(group['tagSize']) / 8);
    const key = psa.importKey({ type: keyType, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg }, hex(test['key']));
    try {
      const nonce = hex(test['iv']);
      const aad = hex(test['aad']);
      const msg = hex(test['msg']);
      const ct = hex(test['ct']);
      const tag = hex(test['tag']);
      const sealed = new Uint8Array(ct.length + tag.length);
      sealed.set(ct);
      sealed.set(tag, ct.length);

      const single = attempt(() => psa.aeadDecrypt(key, alg, nonce, aad, sealed));
      const multi = attempt(() => multipartDecrypt(key, alg, nonce, aad, ct, tag));
      const agree = typeof single === 'number' ? typeof multi === 'number' : typeof multi !== 'number' && equalBytes(single, multi);
      if (!agree) return { kind: 'wrong-output', detail: `single-part ${describeResult(single)}, multipart ${describeResult(multi)}` };
      if (typeof single === 'number') return { kind: 'rejected', status: single };
      if (!equalBytes(single, msg)) return { kind: 'wrong-output', detail: 'decrypted message differs' };
      if (test.result === 'valid') {
        const encrypted = attempt(() => psa.aeadEncrypt(key, alg, nonce, aad, msg));
        if (typeof encrypted === 'number') return { kind: 'wrong-output', detail: `psa_aead_encrypt failed with status ${encrypted}` };
        if (!equalBytes(encrypted, sealed)) return { kind: 'wrong-output', detail: 'psa_aead_encrypt gave another ciphertext or tag' };
      }
      return { kind: 'accepted' };
    } finally {
      psa.destroyKey(key);
    }
  },
}];
