/**
 * The rules of the signature functions that the vectors do not reach:
 * contexts (PSA 1.4), message-only algorithms, multipart sign/verify state
 * (PSA 1.5), the interruptible functions, and the C facade's output buffer
 * handling. Signatures are checked by verification here (with our own
 * verifier and node:crypto where the value matters).
 */
import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import { PsaError } from '../../src/values/error.js';
import * as v from '../../src/values/index.js';

const P256 = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_SECP_R1);
const ED = v.PSA_KEY_TYPE_ECC_KEY_PAIR(v.PSA_ECC_FAMILY_TWISTED_EDWARDS);
const SIGN = v.PSA_KEY_USAGE_SIGN_HASH | v.PSA_KEY_USAGE_VERIFY_HASH;
const ECDSA256 = v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_256);
const MESSAGE = new TextEncoder().encode('the message');

function statusOf(body: () => unknown): number {
  try {
    body();
    return v.PSA_SUCCESS;
  } catch (err) {
    if (err instanceof PsaError) return err.status;
    throw err;
  }
}

function p256(psa: Psa, alg: number, usage = SIGN): number {
  return psa.importKey({ type: P256, usage, alg }, new Uint8Array(32).fill(7));
}

describe('signature rules', () => {
  it('a non-empty context needs an algorithm that takes one; 255 bytes at most', () => {
    const psa = createPsa();
    const id = p256(psa, ECDSA256);
    const digest = new Uint8Array(32).fill(1);
    expect(statusOf(() => psa.signHashWithContext(id, ECDSA256, digest, new Uint8Array(1)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    const sig = psa.signHashWithContext(id, ECDSA256, digest, new Uint8Array(0));
    psa.verifyHash(id, ECDSA256, digest, sig);
    const ed = psa.importKey({ type: ED, usage: SIGN, alg: v.PSA_ALG_EDDSA_CTX }, new Uint8Array(32).fill(3));
    expect(statusOf(() => psa.signMessageWithContext(ed, v.PSA_ALG_EDDSA_CTX, MESSAGE, new Uint8Array(256)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    const long = psa.signMessageWithContext(ed, v.PSA_ALG_EDDSA_CTX, MESSAGE, new Uint8Array(255).fill(9));
    psa.verifyMessageWithContext(ed, v.PSA_ALG_EDDSA_CTX, MESSAGE, new Uint8Array(255).fill(9), long);
  });

  it('PureEdDSA signs messages only; Ed25519 takes no context; Ed448 does', () => {
    const psa = createPsa();
    const ed = psa.importKey({ type: ED, usage: SIGN, alg: v.PSA_ALG_PURE_EDDSA }, new Uint8Array(32).fill(3));
    expect(statusOf(() => psa.signHash(ed, v.PSA_ALG_PURE_EDDSA, new Uint8Array(64)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => psa.signMessageWithContext(ed, v.PSA_ALG_PURE_EDDSA, MESSAGE, new Uint8Array(1)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    const ed448 = psa.importKey({ type: ED, usage: SIGN, alg: v.PSA_ALG_ED448PH }, new Uint8Array(57).fill(5));
    const digest = psa.hashCompute(v.PSA_ALG_SHAKE256_512, MESSAGE);
    const sig = psa.signHashWithContext(ed448, v.PSA_ALG_ED448PH, digest, new Uint8Array([1, 2]));
    expect(sig.length).toBe(114);
    psa.verifyMessageWithContext(ed448, v.PSA_ALG_ED448PH, MESSAGE, new Uint8Array([1, 2]), sig);
    expect(statusOf(() => psa.signHash(ed448, v.PSA_ALG_ED448PH, new Uint8Array(63)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('a public key cannot sign; ECDSA(ANY_HASH) permits ECDSA with any hash, not ECDSA_ANY', () => {
    const psa = createPsa();
    const wildcard = p256(psa, v.PSA_ALG_ECDSA(v.PSA_ALG_ANY_HASH));
    psa.signHash(wildcard, v.PSA_ALG_ECDSA(v.PSA_ALG_SHA_384), new Uint8Array(48));
    expect(statusOf(() => psa.signHash(wildcard, v.PSA_ALG_ECDSA_ANY, new Uint8Array(32)))).toBe(v.PSA_ERROR_NOT_PERMITTED);
    expect(statusOf(() => psa.signHash(wildcard, v.PSA_ALG_ECDSA(v.PSA_ALG_ANY_HASH), new Uint8Array(32)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    const pub = psa.importKey({ type: v.PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.PSA_ECC_FAMILY_SECP_R1), usage: SIGN, alg: ECDSA256 },
      psa.exportPublicKey(wildcard));
    expect(statusOf(() => psa.signHash(pub, ECDSA256, new Uint8Array(32)))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('multipart sign and verify (PSA 1.5)', () => {
  it('streams a hash-and-sign message; node:crypto verifies it', () => {
    const psa = createPsa();
    const d = new Uint8Array(32).fill(7);
    const id = p256(psa, ECDSA256, v.PSA_KEY_USAGE_SIGN_MESSAGE | v.PSA_KEY_USAGE_VERIFY_MESSAGE | v.PSA_KEY_USAGE_EXPORT);
    const point = psa.exportPublicKey(id);
    const op = psa.signSetup(id, ECDSA256);
    op.update(MESSAGE.subarray(0, 4));
    op.update(MESSAGE.subarray(4));
    const sig = op.finish();
    const key = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: Buffer.from(point.subarray(1, 33)).toString('base64url'),
      y: Buffer.from(point.subarray(33)).toString('base64url') }, format: 'jwk' });
    expect(crypto.verify('sha256', MESSAGE, { key, dsaEncoding: 'ieee-p1363' }, sig)).toBe(true);
    expect(d.length).toBe(32);
    const vop = psa.verifySetup(id, ECDSA256, sig);
    vop.update(MESSAGE);
    vop.finish();
  });

  it('state rules: set_context once and before update; PureEdDSA cannot stream-sign', () => {
    const psa = createPsa();
    const id = p256(psa, ECDSA256);
    const op = psa.signSetup(id, ECDSA256);
    op.update(MESSAGE);
    expect(statusOf(() => op.setContext(new Uint8Array(0)))).toBe(v.PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    expect(statusOf(() => op.finish())).toBe(v.PSA_ERROR_BAD_STATE);
    const ed = psa.importKey({ type: ED, usage: SIGN, alg: v.PSA_ALG_PURE_EDDSA }, new Uint8Array(32).fill(3));
    expect(statusOf(() => psa.signSetup(ed, v.PSA_ALG_PURE_EDDSA))).toBe(v.PSA_ERROR_INVALID_ARGUMENT);
    const bad = psa.verifySetup(id, ECDSA256, new Uint8Array(64));
    bad.update(MESSAGE);
    expect(statusOf(() => bad.finish())).toBe(v.PSA_ERROR_INVALID_SIGNATURE);
  });
});

describe('C facade', () => {
  afterEach(() => c.mbedtls_psa_crypto_free());

  it('psa_sign_hash wipes the buffer as Mbed TLS does', () => {
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, P256);
    c.psa_set_key_usage_flags(attributes, SIGN);
    c.psa_set_key_algorithm(attributes, ECDSA256);
    const key = { value: 0 };
    expect(c.psa_import_key(attributes, new Uint8Array(32).fill(7), key)).toBe(c.PSA_SUCCESS);
    const out = new Uint8Array(70);
    const length = { value: 0 };
    expect(c.psa_sign_hash(key.value, ECDSA256, new Uint8Array(32), out, length)).toBe(c.PSA_SUCCESS);
    expect(length.value).toBe(64);
    expect([...out.subarray(64)]).toEqual([0x21, 0x21, 0x21, 0x21, 0x21, 0x21]);
    expect(c.psa_verify_hash(key.value, ECDSA256, new Uint8Array(32), out.subarray(0, 64))).toBe(c.PSA_SUCCESS);
    const small = new Uint8Array(63);
    expect(c.psa_sign_hash(key.value, ECDSA256, new Uint8Array(32), small, length)).toBe(c.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(length.value).toBe(0);
    expect(small.every((b) => b === 0x21)).toBe(true);
  });

  it('interruptible sign: one complete when unlimited, many small steps with max_ops 0 or 1', () => {
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, P256);
    c.psa_set_key_usage_flags(attributes, SIGN);
    c.psa_set_key_algorithm(attributes, v.PSA_ALG_DETERMINISTIC_ECDSA(v.PSA_ALG_SHA_256));
    const key = { value: 0 };
    expect(c.psa_import_key(attributes, new Uint8Array(32).fill(7), key)).toBe(c.PSA_SUCCESS);
    const alg = v.PSA_ALG_DETERMINISTIC_ECDSA(v.PSA_ALG_SHA_256);
    const hash = new Uint8Array(32).fill(2);
    const expected = new Uint8Array(64);
    const length = { value: 0 };
    expect(c.psa_sign_hash(key.value, alg, hash, expected, length)).toBe(c.PSA_SUCCESS);
    const totals: number[] = [];
    for (const maxOps of [c.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED, 1, 0, 500]) {
      c.psa_interruptible_set_max_ops(maxOps);
      expect(c.psa_interruptible_get_max_ops()).toBe(maxOps);
      const op = c.psa_sign_hash_interruptible_operation_init();
      expect(c.psa_sign_hash_start(op, key.value, alg, hash)).toBe(c.PSA_SUCCESS);
      expect(c.psa_sign_hash_get_num_ops(op)).toBe(0);
      const out = new Uint8Array(64);
      let status: number;
      let calls = 0;
      do {
        status = c.psa_sign_hash_complete(op, out, length);
        calls++;
      } while (status === c.PSA_OPERATION_INCOMPLETE);
      expect(status).toBe(c.PSA_SUCCESS);
      // Unlimited: one call. 0 and 1: one unit of work (a point doubling or addition) per call.
      if (maxOps === c.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED) expect(calls).toBe(1);
      else if (maxOps <= 1) expect(calls).toBeGreaterThan(256);
      else expect(calls).toBeGreaterThan(1);
      expect(out).toEqual(expected);
      // The same work whatever the budget (a deterministic nonce).
      totals.push(c.psa_sign_hash_get_num_ops(op));
      expect(totals[totals.length - 1]).toBe(totals[0]);
      expect(c.psa_sign_hash_complete(op, out, length)).toBe(c.PSA_ERROR_BAD_STATE);
      expect(c.psa_sign_hash_start(op, key.value, alg, hash)).toBe(c.PSA_ERROR_BAD_STATE);
      expect(c.psa_sign_hash_abort(op)).toBe(c.PSA_SUCCESS);
      expect(c.psa_sign_hash_get_num_ops(op)).toBe(0);
      const vop = c.psa_verify_hash_interruptible_operation_init();
      expect(c.psa_verify_hash_start(vop, key.value, alg, hash, expected)).toBe(c.PSA_SUCCESS);
      do status = c.psa_verify_hash_complete(vop); while (status === c.PSA_OPERATION_INCOMPLETE);
      expect(status).toBe(c.PSA_SUCCESS);
      expect(c.psa_verify_hash_abort(vop)).toBe(c.PSA_SUCCESS);
    }
    c.psa_interruptible_set_max_ops(1);
    const op = c.psa_sign_hash_interruptible_operation_init();
    expect(c.psa_sign_hash_start(op, key.value, alg, hash)).toBe(c.PSA_SUCCESS);
    expect(c.psa_sign_hash_complete(op, new Uint8Array(63), length)).toBe(c.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(c.psa_sign_hash_start(op, key.value, alg, hash)).toBe(c.PSA_ERROR_BAD_STATE);
    expect(c.psa_sign_hash_abort(op)).toBe(c.PSA_SUCCESS);
    expect(c.psa_sign_hash_start(op, key.value, alg, hash)).toBe(c.PSA_SUCCESS);
    expect(c.psa_sign_hash_abort(op)).toBe(c.PSA_SUCCESS);
    c.psa_interruptible_set_max_ops(c.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
  });
});
