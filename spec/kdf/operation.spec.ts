/**
 * Key derivation operation rules that the Mbed TLS vectors do not cover:
 * verify_bytes / verify_key (spec 1.2: mismatch is INVALID_SIGNATURE and
 * ends the output), the failed-output state, and bad JavaScript input.
 */
import { PsaError } from '../../src/values/error.js';
import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INSUFFICIENT_DATA,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_PASSWORD_HASH,
  PSA_KEY_USAGE_VERIFY_DERIVATION,
} from '../../src/values/index.js';

const psa = createPsa();
const SECRET = new Uint8Array(32).fill(7);
const SALT = new Uint8Array(8).fill(1);
const INFO = new Uint8Array(4).fill(2);
const expected = new Uint8Array(hkdfSync('sha256', SECRET, SALT, INFO, 64));

function ready() {
  const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_256));
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, SALT);
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, SECRET);
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, INFO);
  return op;
}

function statusOf(body: () => unknown): number {
  try {
    body();
    return 0;
  } catch (e) {
    if (e instanceof PsaError) return e.status;
    throw e;
  }
}

describe('psa_key_derivation_verify_bytes / verify_key', () => {
  it('accepts the right bytes and continues the stream', () => {
    const op = ready();
    op.verifyBytes(expected.subarray(0, 20));
    expect(op.outputBytes(10)).toEqual(expected.subarray(20, 30));
  });

  it('rejects wrong bytes with INVALID_SIGNATURE, then the output is over', () => {
    const op = ready();
    const wrong = expected.slice(0, 16);
    wrong[3]! ^= 1;
    expect(statusOf(() => op.verifyBytes(wrong))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    expect(statusOf(() => op.outputBytes(1))).toBe(PSA_ERROR_INSUFFICIENT_DATA);
  });

  it('verify_key compares with a PASSWORD_HASH key that has VERIFY_DERIVATION', () => {
    const alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    const good = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD_HASH, usage: PSA_KEY_USAGE_VERIFY_DERIVATION, alg }, expected.slice(0, 32));
    try {
      ready().verifyKey(good);
      expect(statusOf(() => ready().verifyKey(0x7fff_0000))).not.toBe(0);
    } finally {
      psa.destroyKey(good);
    }
  });
});

describe('operation states', () => {
  it('inputs after the first output are BAD_STATE and abort the operation', () => {
    const op = ready();
    op.outputBytes(1);
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, INFO))).toBe(PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
  });

  it('bad JavaScript arguments are INVALID_ARGUMENT', () => {
    const op = ready();
    expect(statusOf(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, 'x' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => op.outputBytes(-1))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => op.setCapacity(1.5))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});
