/**
 * MAC statuses and state machine on the TypeScript face, as Mbed TLS
 * answers: algorithm and key checks, truncation limits, usage, the multipart
 * state machine (any failure aborts), bad JavaScript input, key destruction
 * during an operation, and dispatch to opaque and transparent drivers.
 * Expected MACs come from `node:crypto` (OpenSSL).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { MacContext } from '../../src/drivers/mac.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';
import { expectStatus, toHex } from '../keys/helpers.js';
import { testOpaqueDriver, testTransparentDriver } from '../drivers/test-drivers.js';

const HMAC256 = V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256);
const BOTH = V.PSA_KEY_USAGE_SIGN_MESSAGE | V.PSA_KEY_USAGE_VERIFY_MESSAGE;
const KEY = new Uint8Array(32).fill(0x0b);
const MSG = new TextEncoder().encode('message');
const hmac256 = (key: Uint8Array, msg: Uint8Array): string => createHmac('sha256', key).update(msg).digest('hex');

describe('MAC algorithm and key checks (Mbed TLS statuses)', () => {
  const psa = createPsa();
  const hmacKey = (alg: number, usage = BOTH): number => psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage, alg }, KEY);

  it('truncation: below 4 bytes NOT_SUPPORTED, above the full length INVALID_ARGUMENT, 4 and full accepted', () => {
    for (const [length, status] of [[1, V.PSA_ERROR_NOT_SUPPORTED], [3, V.PSA_ERROR_NOT_SUPPORTED], [33, V.PSA_ERROR_INVALID_ARGUMENT]] as const) {
      const alg = V.PSA_ALG_TRUNCATED_MAC(HMAC256, length);
      const id = hmacKey(alg);
      expectStatus(() => psa.macCompute(id, alg, MSG), status);
      expectStatus(() => psa.macSignSetup(id, alg), status);
      expectStatus(() => psa.macVerify(id, alg, MSG, new Uint8Array(length)), status);
      psa.destroyKey(id);
    }
    const alg4 = V.PSA_ALG_TRUNCATED_MAC(HMAC256, 4);
    const id = hmacKey(alg4);
    expect(toHex(psa.macCompute(id, alg4, MSG))).toBe(hmac256(KEY, MSG).slice(0, 8));
    psa.destroyKey(id);
  });

  it('an at-least-this-length wildcard permits lengths but is not itself an operation algorithm', () => {
    const policy = V.PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 20);
    const id = hmacKey(policy);
    expectStatus(() => psa.macCompute(id, policy, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(toHex(psa.macCompute(id, V.PSA_ALG_TRUNCATED_MAC(HMAC256, 24), MSG))).toBe(hmac256(KEY, MSG).slice(0, 48));
    expect(toHex(psa.macCompute(id, HMAC256, MSG))).toBe(hmac256(KEY, MSG));
    expectStatus(() => psa.macCompute(id, V.PSA_ALG_TRUNCATED_MAC(HMAC256, 16), MSG), V.PSA_ERROR_NOT_PERMITTED);
    psa.destroyKey(id);
  });

  it('incompatible key type or non-MAC algorithm: INVALID_ARGUMENT; wrong usage or policy: NOT_PERMITTED', () => {
    const raw = psa.importKey({ type: V.PSA_KEY_TYPE_RAW_DATA, usage: BOTH, alg: HMAC256 }, KEY);
    expectStatus(() => psa.macCompute(raw, HMAC256, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    const hmacWithCmac = hmacKey(V.PSA_ALG_CMAC);
    expectStatus(() => psa.macCompute(hmacWithCmac, V.PSA_ALG_CMAC, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    const aesWithHmac = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: BOTH, alg: HMAC256 }, KEY);
    expectStatus(() => psa.macSignSetup(aesWithHmac, HMAC256), V.PSA_ERROR_INVALID_ARGUMENT);
    const sha = hmacKey(V.PSA_ALG_SHA_256);
    expectStatus(() => psa.macCompute(sha, V.PSA_ALG_SHA_256, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    const signOnly = hmacKey(HMAC256, V.PSA_KEY_USAGE_SIGN_MESSAGE);
    expectStatus(() => psa.macVerify(signOnly, HMAC256, MSG, new Uint8Array(32)), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.macVerifySetup(signOnly, HMAC256), V.PSA_ERROR_NOT_PERMITTED);
    const verifyOnly = hmacKey(HMAC256, V.PSA_KEY_USAGE_VERIFY_MESSAGE);
    expectStatus(() => psa.macCompute(verifyOnly, HMAC256, MSG), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.macCompute(verifyOnly, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_1), MSG), V.PSA_ERROR_NOT_PERMITTED);
    for (const id of [raw, hmacWithCmac, aesWithHmac, sha, signOnly, verifyOnly]) psa.destroyKey(id);
  });

  it('HMAC over a hash without an HMAC block size (SHAKE256-512, BLAKE2) is NOT_SUPPORTED', () => {
    for (const hash of [V.PSA_ALG_SHAKE256_512, V.PSA_ALG_BLAKE2S_HASH256, V.PSA_ALG_BLAKE2B_HASH512, 0]) {
      const alg = V.PSA_ALG_HMAC(hash);
      const id = hmacKey(alg);
      expectStatus(() => psa.macCompute(id, alg, MSG), V.PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
  });

  it('BLAKE2 keys: 1 to 64 bytes import; BLAKE2s MAC needs at most 32; HMAC keys do not fit BLAKE2 MAC', () => {
    const blake2s = V.PSA_ALG_BLAKE2_MAC(V.PSA_ALG_BLAKE2S_HASH256);
    const blake2b = V.PSA_ALG_BLAKE2_MAC(V.PSA_ALG_BLAKE2B_HASH512);
    expectStatus(() => psa.importKey({ type: V.PSA_KEY_TYPE_BLAKE2, usage: BOTH, alg: blake2b }, new Uint8Array(65)), V.PSA_ERROR_INVALID_ARGUMENT);
    const long = psa.importKey({ type: V.PSA_KEY_TYPE_BLAKE2, usage: BOTH, alg: blake2s, alg2: blake2b }, new Uint8Array(33).fill(1));
    expectStatus(() => psa.macCompute(long, blake2s, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.macCompute(long, blake2b, MSG)).toHaveLength(64);
    const hmac = hmacKey(blake2s);
    expectStatus(() => psa.macCompute(hmac, blake2s, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    const sp = V.PSA_ALG_BLAKE2_MAC(V.PSA_ALG_BLAKE2SP_HASH256);
    const spKey = psa.importKey({ type: V.PSA_KEY_TYPE_BLAKE2, usage: BOTH, alg: sp }, KEY);
    expectStatus(() => psa.macCompute(spKey, sp, MSG), V.PSA_ERROR_NOT_SUPPORTED);
    for (const id of [long, hmac, spKey]) psa.destroyKey(id);
  });

  it('CBC-MAC takes whole blocks only: a partial or empty message fails with INVALID_ARGUMENT', () => {
    const id = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: BOTH, alg: V.PSA_ALG_CBC_MAC }, new Uint8Array(16));
    expectStatus(() => psa.macCompute(id, V.PSA_ALG_CBC_MAC, new Uint8Array(17)), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.macCompute(id, V.PSA_ALG_CBC_MAC, new Uint8Array(0)), V.PSA_ERROR_INVALID_ARGUMENT);
    const op = psa.macSignSetup(id, V.PSA_ALG_CBC_MAC);
    op.update(new Uint8Array(20));
    expectStatus(() => op.signFinish(), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(op.active).toBe(false);
    psa.destroyKey(id);
  });
});

describe('MAC operation state machine', () => {
  const psa = createPsa();
  const id = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: BOTH, alg: HMAC256 }, KEY);

  it('setup on an active operation is BAD_STATE and aborts it; inactive calls are BAD_STATE', () => {
    const op = psa.macSignSetup(id, HMAC256);
    expectStatus(() => op.verifySetup(id, HMAC256), V.PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    expectStatus(() => op.update(MSG), V.PSA_ERROR_BAD_STATE);
    expectStatus(() => op.signFinish(), V.PSA_ERROR_BAD_STATE);
    expectStatus(() => op.verifyFinish(new Uint8Array(32)), V.PSA_ERROR_BAD_STATE);
    op.abort();
    op.abort();
  });

  it('finish of the wrong kind is BAD_STATE and aborts; a wrong-length MAC is INVALID_SIGNATURE', () => {
    const sign = psa.macSignSetup(id, HMAC256);
    expectStatus(() => sign.verifyFinish(new Uint8Array(32)), V.PSA_ERROR_BAD_STATE);
    expect(sign.active).toBe(false);
    const verify = psa.macVerifySetup(id, HMAC256);
    expectStatus(() => verify.signFinish(), V.PSA_ERROR_BAD_STATE);
    expect(verify.active).toBe(false);
    const short = psa.macVerifySetup(id, HMAC256);
    expectStatus(() => short.verifyFinish(new Uint8Array(31)), V.PSA_ERROR_INVALID_SIGNATURE);
    expect(short.active).toBe(false);
  });

  it('a C buffer smaller than the MAC is BUFFER_TOO_SMALL (and aborts); the operation is reusable', () => {
    expectStatus(() => psa.macCompute(id, HMAC256, MSG, 31), V.PSA_ERROR_BUFFER_TOO_SMALL);
    const op = psa.macSignSetup(id, HMAC256);
    op.update(MSG);
    expectStatus(() => op.signFinish(31), V.PSA_ERROR_BUFFER_TOO_SMALL);
    expect(op.active).toBe(false);
    op.signSetup(id, HMAC256);
    op.update(MSG);
    expect(toHex(op.signFinish(32))).toBe(hmac256(KEY, MSG));
  });

  it('bad JavaScript input is INVALID_ARGUMENT, never a TypeError', () => {
    const bad = psa as unknown as Record<string, (...a: unknown[]) => unknown>;
    expectStatus(() => bad['macCompute']!.call(psa, id, HMAC256, 'text'), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => bad['macCompute']!.call(psa, 'id', HMAC256, MSG), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => bad['macVerify']!.call(psa, id, HMAC256, MSG, [1, 2]), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => bad['macSignSetup']!.call(psa, id, -1), V.PSA_ERROR_INVALID_ARGUMENT);
    const op = psa.macSignSetup(id, HMAC256);
    expectStatus(() => (op.update as (x: unknown) => void)(null), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(op.active).toBe(false);
  });

  it('an operation keeps working when its key is destroyed meanwhile', () => {
    const other = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: BOTH, alg: HMAC256 }, KEY);
    const op = psa.macSignSetup(other, HMAC256);
    op.update(MSG.subarray(0, 3));
    psa.destroyKey(other);
    op.update(MSG.subarray(3));
    expect(toHex(op.signFinish())).toBe(hmac256(KEY, MSG));
    expectStatus(() => psa.macSignSetup(other, HMAC256), V.PSA_ERROR_INVALID_HANDLE);
  });

  it('a closed instance refuses new operations with BAD_STATE', () => {
    const p = createPsa();
    const k = p.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: BOTH, alg: HMAC256 }, KEY);
    const op = p.macOperation();
    p.close();
    expectStatus(() => op.signSetup(k, HMAC256), V.PSA_ERROR_BAD_STATE);
    expectStatus(() => p.macCompute(k, HMAC256, MSG), V.PSA_ERROR_BAD_STATE);
  });
});

describe('MAC driver dispatch', () => {
  const LOCATION = 0x7fffff;
  const lifetime = V.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(V.PSA_KEY_PERSISTENCE_VOLATILE, LOCATION);

  it('an opaque key goes to its driver; without MAC entry points it is NOT_SUPPORTED', () => {
    const plain = createPsa({ drivers: [testOpaqueDriver(LOCATION), softwareDriver()] });
    const k1 = plain.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: BOTH, alg: HMAC256, lifetime }, KEY);
    expectStatus(() => plain.macCompute(k1, HMAC256, MSG), V.PSA_ERROR_NOT_SUPPORTED);

    const base = testOpaqueDriver(LOCATION);
    const seen: number[] = [];
    const opaque = {
      ...base,
      macSetup(_a: unknown, keyBuffer: Uint8Array, alg: number): MacContext {
        seen.push(alg);
        const secret = base.secrets.get(new Uint32Array(keyBuffer.slice().buffer)[0]!)!;
        const h = createHmac('sha256', secret);
        return { update: (d) => void h.update(d), finish: () => new Uint8Array(h.digest()), destroy: () => undefined };
      },
    };
    const psa = createPsa({ drivers: [opaque, softwareDriver()] });
    const k2 = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: BOTH, alg: HMAC256, lifetime }, KEY);
    expect(toHex(psa.macCompute(k2, HMAC256, MSG))).toBe(hmac256(KEY, MSG));
    psa.macVerify(k2, HMAC256, MSG, Buffer.from(hmac256(KEY, MSG), 'hex'));
    expect(seen).toEqual([HMAC256, HMAC256]);
  });

  it('a transparent driver answering NOT_SUPPORTED passes to the software driver; another error is final', () => {
    const front = testTransparentDriver();
    let answer = V.PSA_ERROR_NOT_SUPPORTED;
    const accel = { ...front, macSetup(): MacContext { throw new PsaError(answer, 'accelerator'); } };
    const psa = createPsa({ drivers: [accel, softwareDriver()] });
    const id = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: BOTH, alg: HMAC256 }, KEY);
    expect(toHex(psa.macCompute(id, HMAC256, MSG))).toBe(hmac256(KEY, MSG));
    answer = V.PSA_ERROR_HARDWARE_FAILURE;
    expectStatus(() => psa.macCompute(id, HMAC256, MSG), V.PSA_ERROR_HARDWARE_FAILURE);
    expectStatus(() => psa.macSignSetup(id, HMAC256), V.PSA_ERROR_HARDWARE_FAILURE);
  });
});
