/**
 * FFDH end to end through the TypeScript face: import and generate DH keys,
 * export the public key, and `rawKeyAgreement` against node:crypto.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa, PsaError } from '../../src/index.js';
import { dhGroup } from '../../src/drivers/software/dh/groups.js';
import { PSA_ALG_FFDH } from '../../src/values/algorithms-pk.js';
import { PSA_DH_FAMILY_RFC7919, PSA_KEY_TYPE_DH_KEY_PAIR, PSA_KEY_TYPE_DH_PUBLIC_KEY } from '../../src/values/key-types.js';
import { PSA_KEY_USAGE_DERIVE, PSA_KEY_USAGE_EXPORT } from '../../src/values/usage.js';
import { hex, nodeDh, padded } from './helpers.js';

const PAIR = PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919);

function statusOf(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
}

describe('FFDH through Psa', () => {
  it('imported key: public key and shared secret equal node:crypto (ffdhe2048)', () => {
    const psa = createPsa();
    const group = dhGroup(PSA_DH_FAMILY_RFC7919, 2048)!;
    const x = randomBytes(256);
    x[0] = 0x55;
    const id = psa.importKey({ type: PAIR, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_FFDH }, x);
    expect(psa.getKeyAttributes(id).bits).toBe(2048);
    expect(hex(psa.exportKey(id))).toBe(hex(x));
    const ours = nodeDh(group, x);
    expect(hex(psa.exportPublicKey(id))).toBe(hex(padded(ours.generateKeys(), 256)));
    const peer = nodeDh(group, randomBytes(255));
    const peerPublic = padded(peer.generateKeys(), 256);
    const secret = psa.rawKeyAgreement(PSA_ALG_FFDH, id, peerPublic);
    expect(hex(secret)).toBe(hex(padded(peer.computeSecret(Buffer.from(psa.exportPublicKey(id))), 256)));
  });

  it('generated key agrees with an imported public key pair (3072)', () => {
    const psa = createPsa();
    const a = psa.generateKey({ type: PAIR, bits: 3072, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_FFDH });
    const b = psa.generateKey({ type: PAIR, bits: 3072, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_FFDH });
    const ab = psa.rawKeyAgreement(PSA_ALG_FFDH, a, psa.exportPublicKey(b));
    const ba = psa.rawKeyAgreement(PSA_ALG_FFDH, b, psa.exportPublicKey(a));
    expect(ab.length).toBe(384);
    expect(hex(ab)).toBe(hex(ba));
    const pub = psa.importKey({ type: PSA_KEY_TYPE_DH_PUBLIC_KEY(PSA_DH_FAMILY_RFC7919), usage: PSA_KEY_USAGE_EXPORT }, psa.exportPublicKey(a));
    expect(psa.getKeyAttributes(pub).bits).toBe(3072);
  });

  it('bad sizes and peers give the Mbed TLS statuses', () => {
    const psa = createPsa();
    expect(statusOf(() => psa.importKey({ type: PAIR, usage: PSA_KEY_USAGE_DERIVE }, new Uint8Array(255)))).toBe(-134);
    expect(statusOf(() => psa.generateKey({ type: PAIR, bits: 1024, usage: PSA_KEY_USAGE_DERIVE }))).toBe(-134);
    const id = psa.generateKey({ type: PAIR, bits: 2048, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_FFDH });
    expect(statusOf(() => psa.rawKeyAgreement(PSA_ALG_FFDH, id, new Uint8Array(256)))).toBe(-135);
    expect(statusOf(() => psa.rawKeyAgreement(PSA_ALG_FFDH, id, new Uint8Array(128).fill(2)))).toBe(-135);
  });
});
