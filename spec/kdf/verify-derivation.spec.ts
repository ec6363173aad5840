/**
 * `PSA_KEY_USAGE_VERIFY_DERIVATION` on key derivation inputs (PSA Crypto API
 * 1.1+, "Key policies": "If this flag is present on all keys used in calls
 * to psa_key_derivation_input_key() …, then it permits calling
 * psa_key_derivation_verify_bytes() or psa_key_derivation_verify_key()";
 * `psa_key_derivation_input_key` takes a key with DERIVE or
 * VERIFY_DERIVATION; `psa_key_derivation_output_bytes` / `output_key` are
 * NOT_PERMITTED when "one of the inputs was a key whose policy did not
 * permit PSA_KEY_USAGE_DERIVE"). Mbed TLS 3.6 has no verify_bytes /
 * verify_key, so the spec decides. Expected outputs: RFC 5869 Appendix A.1
 * and RFC 6070 §2 (test-vectors/).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as C from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_HKDF_EXPAND,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_256,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_PASSWORD_HASH,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_VERIFY_DERIVATION,
  PSA_SUCCESS,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../test-vectors/${name}`, import.meta.url), 'utf8')) as T;

interface HkdfCase { testCase: number; hash: string; IKM: string; salt: string | null; info: string; L: number; PRK: string; OKM: string }
interface Pbkdf2Case { source: string; hash: string; P: string; S: string; c: number; dkLen: number; DK: string }
const A1 = load<{ cases: HkdfCase[] }>('rfc5869-hkdf.json').cases.find((c) => c.testCase === 1)!;
const RFC6070 = load<{ cases: Pbkdf2Case[] }>('pbkdf2-rfc6070-rfc7914.json').cases.find((c) => c.source.startsWith('RFC 6070') && c.c === 2)!;
const OKM = bytes(A1.OKM);
const WRONG = OKM.slice();
WRONG[5]! ^= 0x40;

const psa = createPsa();
const keys: number[] = [];
afterEach(() => {
  for (const k of keys.splice(0)) psa.destroyKey(k);
});
function key(type: number, usage: number, alg: number, data: Uint8Array): number {
  const id = psa.importKey({ type, usage, alg }, data);
  keys.push(id);
  return id;
}

const EXPAND = PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256);
const HKDF = PSA_ALG_HKDF(PSA_ALG_SHA_256);

/** HKDF-Expand of RFC 5869 A.1's PRK, given as a DERIVE key with `usage`. */
function expand(usage: number) {
  const prk = key(PSA_KEY_TYPE_DERIVE, usage, EXPAND, bytes(A1.PRK));
  const op = psa.keyDerivationSetup(EXPAND);
  op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, prk);
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, bytes(A1.info));
  return op;
}

describe('a SECRET key whose only usage is VERIFY_DERIVATION', () => {
  it('HKDF-Expand: verify_bytes is SUCCESS on the RFC 5869 A.1 OKM and the stream goes on', () => {
    const op = expand(PSA_KEY_USAGE_VERIFY_DERIVATION);
    op.verifyBytes(OKM.subarray(0, 20));
    op.verifyBytes(OKM.subarray(20));
    op.abort();
  });

  it('HKDF-Expand: verify_bytes is INVALID_SIGNATURE on other bytes', () => {
    const op = expand(PSA_KEY_USAGE_VERIFY_DERIVATION);
    expect(statusOfCall(() => op.verifyBytes(WRONG))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    op.abort();
  });

  it('HKDF-Expand: output_bytes is NOT_PERMITTED', () => {
    const op = expand(PSA_KEY_USAGE_VERIFY_DERIVATION);
    expect(statusOfCall(() => op.outputBytes(16))).toBe(PSA_ERROR_NOT_PERMITTED);
    op.abort();
  });

  it('HKDF-Expand: output_key is NOT_PERMITTED before any output is drawn, so verification still matches', () => {
    const op = expand(PSA_KEY_USAGE_VERIFY_DERIVATION);
    const attributes = { type: PSA_KEY_TYPE_RAW_DATA, bits: 128, usage: PSA_KEY_USAGE_EXPORT };
    expect(statusOfCall(() => psa.keyDerivationOutputKey(attributes, op))).toBe(PSA_ERROR_NOT_PERMITTED);
    op.verifyBytes(OKM);
    op.abort();
  });

  it('HKDF-Expand: verify_key is SUCCESS with a PASSWORD_HASH key holding the OKM, INVALID_SIGNATURE with another', () => {
    const good = key(PSA_KEY_TYPE_PASSWORD_HASH, PSA_KEY_USAGE_VERIFY_DERIVATION, EXPAND, OKM);
    const bad = key(PSA_KEY_TYPE_PASSWORD_HASH, PSA_KEY_USAGE_VERIFY_DERIVATION, EXPAND, WRONG);
    const op = expand(PSA_KEY_USAGE_VERIFY_DERIVATION);
    op.verifyKey(good);
    op.abort();
    const op2 = expand(PSA_KEY_USAGE_VERIFY_DERIVATION);
    expect(statusOfCall(() => op2.verifyKey(bad))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    op2.abort();
  });

  it('HKDF: the IKM as a VERIFY_DERIVATION key verifies the RFC 5869 A.1 OKM; output_bytes is NOT_PERMITTED', () => {
    const ikm = key(PSA_KEY_TYPE_DERIVE, PSA_KEY_USAGE_VERIFY_DERIVATION, HKDF, bytes(A1.IKM));
    const start = () => {
      const op = psa.keyDerivationSetup(HKDF);
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, bytes(A1.salt!));
      op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, ikm);
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, bytes(A1.info));
      return op;
    };
    const op = start();
    op.verifyBytes(OKM);
    op.abort();
    const op2 = start();
    expect(statusOfCall(() => op2.outputBytes(OKM.length))).toBe(PSA_ERROR_NOT_PERMITTED);
    op2.abort();
  });

  it('PBKDF2: a VERIFY_DERIVATION password key verifies RFC 6070 (c=2) with verify_bytes and verify_key; output_bytes is NOT_PERMITTED', () => {
    const alg = PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_1);
    const password = key(PSA_KEY_TYPE_PASSWORD, PSA_KEY_USAGE_VERIFY_DERIVATION, alg, bytes(RFC6070.P));
    const expected = key(PSA_KEY_TYPE_PASSWORD_HASH, PSA_KEY_USAGE_VERIFY_DERIVATION, alg, bytes(RFC6070.DK));
    const start = () => {
      const op = psa.keyDerivationSetup(alg);
      op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, RFC6070.c);
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, bytes(RFC6070.S));
      op.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
      return op;
    };
    const op = start();
    op.verifyBytes(bytes(RFC6070.DK));
    op.abort();
    const op2 = start();
    op2.verifyKey(expected);
    op2.abort();
    const op3 = start();
    expect(statusOfCall(() => op3.outputBytes(RFC6070.dkLen))).toBe(PSA_ERROR_NOT_PERMITTED);
    op3.abort();
  });

  it('a key with both DERIVE and VERIFY_DERIVATION permits output and verification', () => {
    const op = expand(PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_VERIFY_DERIVATION);
    expect(Buffer.from(op.outputBytes(10)).equals(Buffer.from(OKM.subarray(0, 10)))).toBe(true);
    op.verifyBytes(OKM.subarray(10));
    op.abort();
  });

  it('a DERIVE input key next to a VERIFY_DERIVATION-only one: output is NOT_PERMITTED (not every input key has DERIVE)', () => {
    const salt = key(PSA_KEY_TYPE_RAW_DATA, PSA_KEY_USAGE_DERIVE, HKDF, bytes(A1.salt!));
    const ikm = key(PSA_KEY_TYPE_DERIVE, PSA_KEY_USAGE_VERIFY_DERIVATION, HKDF, bytes(A1.IKM));
    const op = psa.keyDerivationSetup(HKDF);
    op.inputKey(PSA_KEY_DERIVATION_INPUT_SALT, salt);
    op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, ikm);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, bytes(A1.info));
    expect(statusOfCall(() => op.outputBytes(1))).toBe(PSA_ERROR_NOT_PERMITTED);
    op.abort();
  });

  it('through psa-crypto/c: psa_key_derivation_verify_bytes is PSA_SUCCESS, psa_key_derivation_output_bytes PSA_ERROR_NOT_PERMITTED', () => {
    expect(C.psa_crypto_init()).toBe(PSA_SUCCESS);
    try {
      const attributes = C.psa_key_attributes_init();
      C.psa_set_key_type(attributes, PSA_KEY_TYPE_DERIVE);
      C.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_VERIFY_DERIVATION);
      C.psa_set_key_algorithm(attributes, EXPAND);
      const prk = { value: 0 };
      expect(C.psa_import_key(attributes, bytes(A1.PRK), prk)).toBe(PSA_SUCCESS);
      const run = (last: (op: C.psa_key_derivation_operation_t) => number): number => {
        const op = C.psa_key_derivation_operation_init();
        expect(C.psa_key_derivation_setup(op, EXPAND)).toBe(PSA_SUCCESS);
        expect(C.psa_key_derivation_input_key(op, PSA_KEY_DERIVATION_INPUT_SECRET, prk.value)).toBe(PSA_SUCCESS);
        expect(C.psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_INFO, bytes(A1.info))).toBe(PSA_SUCCESS);
        const status = last(op);
        C.psa_key_derivation_abort(op);
        return status;
      };
      expect(run((op) => C.psa_key_derivation_verify_bytes(op, OKM))).toBe(PSA_SUCCESS);
      expect(run((op) => C.psa_key_derivation_verify_bytes(op, WRONG))).toBe(PSA_ERROR_INVALID_SIGNATURE);
      expect(run((op) => C.psa_key_derivation_output_bytes(op, new Uint8Array(16)))).toBe(PSA_ERROR_NOT_PERMITTED);
      expect(C.psa_destroy_key(prk.value)).toBe(PSA_SUCCESS);
    } finally {
      C.mbedtls_psa_crypto_free();
    }
  });
});
