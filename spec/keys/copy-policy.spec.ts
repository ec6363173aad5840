import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { failingEntropy, seededEntropy } from '../../src/core/random/entropy.js';
import * as V from '../../src/values/index.js';
import { expectStatus, hex } from './helpers.js';

const HMAC_KEY = hex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b');
const HMAC256 = V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256);

describe('psa_copy_key', () => {
  const source = (psa: ReturnType<typeof createPsa>, usage: number, alg: number) =>
    psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage, alg }, HMAC_KEY);

  it('intersects usage flags and keeps the material', () => {
    const psa = createPsa();
    const src = source(psa, V.PSA_KEY_USAGE_COPY | V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_SIGN_MESSAGE, HMAC256);
    const copy = psa.copyKey(src, { usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_VERIFY_MESSAGE, alg: HMAC256 });
    expect(psa.getKeyAttributes(copy)).toMatchObject({ usage: V.PSA_KEY_USAGE_EXPORT, alg: HMAC256, type: V.PSA_KEY_TYPE_HMAC, bits: 160 });
    psa.destroyKey(src);
    expect(psa.exportKey(copy)).toEqual(HMAC_KEY);
  });

  it('narrows an at-least-this-length MAC policy to the specific length (PSA spec §9.6 copy rules)', () => {
    const psa = createPsa();
    const src = source(psa, V.PSA_KEY_USAGE_COPY, V.PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 10));
    const specific = V.PSA_ALG_TRUNCATED_MAC(HMAC256, 16);
    expect(psa.getKeyAttributes(psa.copyKey(src, { usage: V.PSA_KEY_USAGE_COPY, alg: specific })).alg).toBe(specific);
    const stricter = V.PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 20);
    expect(psa.getKeyAttributes(psa.copyKey(src, { usage: V.PSA_KEY_USAGE_COPY, alg: V.PSA_ALG_AT_LEAST_THIS_LENGTH_MAC(HMAC256, 20) })).alg).toBe(stricter);
    expectStatus(() => psa.copyKey(src, { alg: V.PSA_ALG_TRUNCATED_MAC(HMAC256, 8) }), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.copyKey(src, { alg: V.PSA_ALG_HMAC(V.PSA_ALG_SHA_1) }), V.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('needs COPY usage and the same type and size', () => {
    const psa = createPsa();
    const src = source(psa, V.PSA_KEY_USAGE_EXPORT, HMAC256);
    expectStatus(() => psa.copyKey(src, {}), V.PSA_ERROR_NOT_PERMITTED);
    const src2 = source(psa, V.PSA_KEY_USAGE_COPY, HMAC256);
    expectStatus(() => psa.copyKey(src2, { type: V.PSA_KEY_TYPE_RAW_DATA }), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.copyKey(src2, { bits: 128 }), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.stats().volatile_slots).toBe(2);
  });
});

describe('psa_check_key_usage', () => {
  it('checks the usage flag and the algorithm without running anything', () => {
    const psa = createPsa();
    const id = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_SIGN_MESSAGE, alg: HMAC256 }, HMAC_KEY);
    psa.checkKeyUsage(id, 0, V.PSA_KEY_USAGE_EXPORT);
    expectStatus(() => psa.checkKeyUsage(id, 0, V.PSA_KEY_USAGE_COPY), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.checkKeyUsage(id, HMAC256, V.PSA_KEY_USAGE_EXPORT), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.checkKeyUsage(id, 0, V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_COPY), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.checkKeyUsage(id, V.PSA_ALG_HMAC(V.PSA_ALG_ANY_HASH), V.PSA_KEY_USAGE_SIGN_MESSAGE), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.checkKeyUsage(id, V.PSA_ALG_GCM, V.PSA_KEY_USAGE_SIGN_MESSAGE), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.checkKeyUsage(id, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_1), V.PSA_KEY_USAGE_SIGN_MESSAGE), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.checkKeyUsage(id, HMAC256, V.PSA_KEY_USAGE_VERIFY_MESSAGE), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.checkKeyUsage(0x12345, 0, V.PSA_KEY_USAGE_EXPORT), V.PSA_ERROR_INVALID_HANDLE);
  });
});

describe('randomness', () => {
  it('a failing entropy source fails exactly the calls that need randomness', () => {
    const psa = createPsa({ entropy: failingEntropy() });
    expectStatus(() => psa.generateRandom(16), V.PSA_ERROR_INSUFFICIENT_ENTROPY);
    expectStatus(() => psa.generateKey({ type: V.PSA_KEY_TYPE_AES, bits: 128 }), V.PSA_ERROR_INSUFFICIENT_ENTROPY);
    expect(psa.stats().volatile_slots).toBe(0);
    const id = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT }, new Uint8Array(16));
    expect(psa.exportKey(id)).toEqual(new Uint8Array(16));
    expect(psa.hashCompute(V.PSA_ALG_SHA_256, new Uint8Array(0)).length).toBe(32);
  });

  it('a seeded source makes runs reproducible; distinct seeds differ', () => {
    const seed = new Uint8Array(32).fill(7);
    const a = createPsa({ entropy: seededEntropy(seed) }).generateRandom(64);
    const b = createPsa({ entropy: seededEntropy(seed) }).generateRandom(64);
    const c = createPsa({ entropy: seededEntropy(new Uint8Array(32).fill(8)) }).generateRandom(64);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(createPsa().generateRandom(0).length).toBe(0);
    expect(createPsa().generateRandom(5000).length).toBe(5000);
  });
});

describe('PSA_ALG_CCM_STAR_ANY_TAG policies (PSA spec 1.2, §9.6)', () => {
  it('permit CCM* without tag and CCM with 4-, 8- and 16-byte tags only', async () => {
    const { algorithmPermits } = await import('../../src/core/keys/policy.js');
    const permits = (alg: number) => algorithmPermits(V.PSA_KEY_TYPE_AES, V.PSA_ALG_CCM_STAR_ANY_TAG, alg);
    expect(permits(V.PSA_ALG_CCM_STAR_NO_TAG)).toBe(true);
    expect(permits(V.PSA_ALG_CCM)).toBe(true);
    expect(permits(V.PSA_ALG_AEAD_WITH_SHORTENED_TAG(V.PSA_ALG_CCM, 4))).toBe(true);
    expect(permits(V.PSA_ALG_AEAD_WITH_SHORTENED_TAG(V.PSA_ALG_CCM, 8))).toBe(true);
    expect(permits(V.PSA_ALG_AEAD_WITH_SHORTENED_TAG(V.PSA_ALG_CCM, 6))).toBe(false);
    expect(permits(V.PSA_ALG_AEAD_WITH_SHORTENED_TAG(V.PSA_ALG_CCM, 12))).toBe(false);
    expect(permits(V.PSA_ALG_GCM)).toBe(false);
    expect(permits(V.PSA_ALG_CTR)).toBe(false);
  });
});
