/**
 * EdDSA: RFC 8032 §7 vectors (Ed25519 TEST 1, Ed25519ctx "foo", Ed25519ph
 * "abc") and node:crypto (OpenSSL) as a second implementation for Ed25519
 * and Ed448: EdDSA is deterministic, so our signature must equal node's
 * byte for byte, and each side verifies the other's.
 */
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import * as v from '../../src/values/index.js';

const PAIR = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_TWISTED_EDWARDS);
const PUBLIC = v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.PSA_ECC_FAMILY_TWISTED_EDWARDS);
const ALL = v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_VERIFY_HASH | v.PSA_KEY_USAGE_EXPORT;
const h = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const hx = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function importPair(psa: Psa, seed: Uint8Array, alg: number): number {
  return psa.importKey({ type: PAIR, usage: ALL, alg }, seed);
}

describe('EdDSA: RFC 8032 vectors', () => {
  it('Ed25519 TEST 1 (empty message), PureEdDSA', () => {
    const psa = createPsa();
    const id = importPair(psa, h('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'), v.PSA_ALG_PURE_EDDSA);
    expect(hx(psa.exportPublicKey(id))).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const sig = psa.signMessage(id, v.PSA_ALG_PURE_EDDSA, new Uint8Array(0));
    expect(hx(sig)).toBe('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    psa.verifyMessage(id, v.PSA_ALG_PURE_EDDSA, new Uint8Array(0), sig);
  });

  it('Ed25519ctx with context "foo", EDDSA_CTX', () => {
    const psa = createPsa();
    const id = importPair(psa, h('0305334e381af78f141cb666f6199f57bc3495335a256a95bd2a55bf546663f6'), v.PSA_ALG_EDDSA_CTX);
    const message = h('f726936d19c800494e3fdaff20b276a8');
    const sig = psa.signMessageWithContext(id, v.PSA_ALG_EDDSA_CTX, message, h('666f6f'));
    expect(hx(sig)).toBe('55a4cc2f70a54e04288c5f4cd1e45a7bb520b36292911876cada7323198dd87a8b36950b95130022907a7fb7c4e9b2d5f6cca685a587b4b21f4b888e4e7edb0d');
    psa.verifyMessageWithContext(id, v.PSA_ALG_EDDSA_CTX, message, h('666f6f'), sig);
    expect(() => psa.verifyMessageWithContext(id, v.PSA_ALG_EDDSA_CTX, message, h('626172'), sig)).toThrow(/INVALID_SIGNATURE|invalid/i);
  });

  it('Ed25519ph ("abc"), message and hash entry points', () => {
    const psa = createPsa();
    const id = importPair(psa, h('833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42'), v.PSA_ALG_ED25519PH);
    const expected = '98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae4131f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406';
    expect(hx(psa.signMessage(id, v.PSA_ALG_ED25519PH, h('616263')))).toBe(expected);
    const digest = psa.hashCompute(v.PSA_ALG_SHA_512, h('616263'));
    expect(hx(psa.signHash(id, v.PSA_ALG_ED25519PH, digest))).toBe(expected);
    psa.verifyHash(id, v.PSA_ALG_ED25519PH, digest, h(expected));
    const op = psa.signSetup(id, v.PSA_ALG_ED25519PH);
    op.update(h('61'));
    op.update(h('6263'));
    expect(hx(op.finish())).toBe(expected);
  });
});

for (const [name, bits, nodeType] of [['Ed25519', 255, 'ed25519'], ['Ed448', 448, 'ed448']] as const) {
  describe(`${name} against node:crypto`, () => {
    it('same signatures, each verifies the other', () => {
      const psa = createPsa();
      fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (message) => {
        const { privateKey, publicKey } = crypto.generateKeyPairSync(nodeType as 'ed25519');
        const seed = new Uint8Array(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
        const point = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
        const id = importPair(psa, seed, v.PSA_ALG_PURE_EDDSA);
        const pub = psa.importKey({ type: PUBLIC, usage: v.PSA_KEY_USAGE_VERIFY_MESSAGE, alg: v.PSA_ALG_PURE_EDDSA }, point);
        try {
          expect(psa.getKeyAttributes(id).bits).toBe(bits);
          const ours = psa.signMessage(id, v.PSA_ALG_PURE_EDDSA, message);
          const theirs = new Uint8Array(crypto.sign(null, message, privateKey));
          expect(hx(ours)).toBe(hx(theirs));
          expect(crypto.verify(null, message, publicKey, ours)).toBe(true);
          psa.verifyMessage(pub, v.PSA_ALG_PURE_EDDSA, message, theirs);
          const op = psa.verifySetup(pub, v.PSA_ALG_PURE_EDDSA, theirs);
          op.update(message.subarray(0, 3));
          op.update(message.subarray(3));
          op.finish();
        } finally {
          psa.destroyKey(id);
          psa.destroyKey(pub);
        }
      }), { numRuns: 10 });
    });
  });
}
