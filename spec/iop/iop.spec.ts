/**
 * Mbed TLS's interruptible key operations through the TS API: with a small
 * op budget the work really splits (several INCOMPLETE calls, `numOps`
 * growing, no call above the budget beyond one unit), and the results equal
 * the one-shot functions and a second implementation (node:crypto ECDH).
 */
import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ALG_ECDH,
  PSA_ALG_ECDSA_ANY,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('interruptible public-key export', () => {
  for (const bits of [256, 384, 521]) {
    it(`P-${bits}: 200-op budget splits the work; the result is the one-shot export`, () => {
      const psa = createPsa();
      const key = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits, usage: PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_ECDSA_ANY });
      const op = psa.exportPublicKeyIop();
      op.setup(key);
      let calls = 0;
      let prior = 0;
      let result: Uint8Array | undefined;
      while ((result = op.complete(200)) === undefined) {
        calls++;
        expect(op.numOps).toBeGreaterThan(prior);
        expect(op.numOps - prior).toBeLessThanOrEqual(200);
        prior = op.numOps;
      }
      expect(calls).toBeGreaterThan(10);
      expect(hex(result)).toBe(hex(psa.exportPublicKey(key)));
      expect(statusOfCall(() => op.complete(200))).toBe(PSA_ERROR_BAD_STATE);
      op.abort();
      expect(op.numOps).toBe(0);
    });
  }

  it('Edwards keys (no Mbed TLS group) and RSA keys are NOT_SUPPORTED; the operation is then in error until abort', () => {
    const psa = createPsa();
    const ed = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS), bits: 255, usage: PSA_KEY_USAGE_EXPORT, alg: 0 });
    const op = psa.exportPublicKeyIop();
    expect(statusOfCall(() => op.setup(ed))).toBe(PSA_ERROR_NOT_SUPPORTED);
    const x = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), bits: 255, usage: PSA_KEY_USAGE_EXPORT, alg: 0 });
    expect(statusOfCall(() => op.setup(x))).toBe(PSA_ERROR_BAD_STATE);
    op.abort();
    op.setup(x);
    expect(hex(op.complete(PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED)!)).toBe(hex(psa.exportPublicKey(x)));
    const rsa = psa.importKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, usage: PSA_KEY_USAGE_EXPORT }, psa.exportKey(psa.generateKey({ type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 1024, usage: PSA_KEY_USAGE_EXPORT })));
    const op2 = psa.exportPublicKeyIop();
    expect(statusOfCall(() => op2.setup(rsa))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('interruptible ECDH', () => {
  for (const [bits, name] of [[256, 'prime256v1'], [384, 'secp384r1'], [521, 'secp521r1']] as const) {
    it(`P-${bits}: the shared secret equals node:crypto's, computed in budget-sized pieces`, () => {
      const psa = createPsa();
      const peer = createECDH(name);
      peer.generateKeys();
      const key = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_ECDH });
      const op = psa.keyAgreementIop();
      psa.keyAgreementIopSetup(op, key, peer.getPublicKey(), PSA_ALG_ECDH, { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_EXPORT });
      expect(op.numOps).toBe(3);
      let calls = 0;
      let id: number | undefined;
      while ((id = op.complete(300)) === undefined) calls++;
      expect(calls).toBeGreaterThan(5);
      const expected = peer.computeSecret(psa.exportPublicKey(key));
      expect(hex(psa.exportKey(id))).toBe(hex(expected));
      expect(statusOfCall(() => psa.keyAgreementIopSetup(op, key, peer.getPublicKey(), PSA_ALG_ECDH, { type: PSA_KEY_TYPE_DERIVE }))).toBe(PSA_ERROR_BAD_STATE);
    });
  }

  it('a peer key off the curve is INVALID_ARGUMENT at setup', () => {
    const psa = createPsa();
    const key = psa.generateKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_ECDH });
    const bad = new Uint8Array(65);
    bad[0] = 4;
    bad[64] = 1;
    const op = psa.keyAgreementIop();
    expect(statusOfCall(() => psa.keyAgreementIopSetup(op, key, bad, PSA_ALG_ECDH, { type: PSA_KEY_TYPE_DERIVE }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('interruptible key generation', () => {
  it('generates a usable P-256 key in one step (1 op), NOT_SUPPORTED for other types', () => {
    const psa = createPsa();
    const op = psa.generateKeyIop();
    psa.generateKeyIopSetup(op, { type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_EXPORT });
    const id = op.complete();
    expect(op.numOps).toBe(1);
    expect(psa.exportPublicKey(id).length).toBe(65);
    const rsa = psa.generateKeyIop();
    expect(statusOfCall(() => psa.generateKeyIopSetup(rsa, { type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 1024 }))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});
