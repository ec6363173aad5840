/**
 * `psa_wrap_key` / `psa_unwrap_key` through the TypeScript face: the RFC
 * vectors end to end, the policy rules (WRAP / UNWRAP on the wrapping key,
 * EXPORT on the wrapped key, the permitted algorithm), the statuses of the
 * spec's error list, and that unwrapping goes through the normal import
 * rules and leaves nothing behind when it fails.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_KW,
  PSA_ALG_KWP,
  PSA_ALG_SHA_256,
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_COPY,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_UNWRAP,
  PSA_KEY_USAGE_WRAP,
  PSA_WRAP_KEY_OUTPUT_SIZE,
} from '../../src/values/index.js';
import {
  PSA_ERROR_ALREADY_EXISTS,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_PERMITTED,
} from '../../src/values/status.js';
import { memoryStorage } from '../../src/storage/memory.js';
import type { TransparentDriver } from '../../src/drivers/driver.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import { softwareKeyWrap } from '../../src/drivers/software/wrap/index.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

const WRAP_UNWRAP = PSA_KEY_USAGE_WRAP | PSA_KEY_USAGE_UNWRAP;
/** RFC 3394 §4.1. */
const KEK_128 = hex('000102030405060708090A0B0C0D0E0F');
const DATA_128 = hex('00112233445566778899AABBCCDDEEFF');
const WRAPPED_4_1 = hex('1FA68B0A8112B447 AEF34BD8FB5A7B82 9D3E862371D2CFE5');
/** RFC 5649 §6, second example. */
const KEK_5649 = hex('5840df6e29b02af1 ab493b705bf16ea1 ae8338f4dcc176a8');
const DATA_5649 = hex('466f7250617369');
const WRAPPED_5649 = hex('afbeb0f07dfbf541 9200f2ccb50bb24f');

function wrappingKey(psa: Psa, material: Uint8Array, alg: number, usage = WRAP_UNWRAP): number {
  return psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg }, material);
}

function rawKey(psa: Psa, material: Uint8Array, usage = PSA_KEY_USAGE_EXPORT): number {
  return psa.importKey({ type: PSA_KEY_TYPE_RAW_DATA, usage }, material);
}

describe('psa_wrap_key / psa_unwrap_key', () => {
  it('wraps and unwraps the RFC 3394 §4.1 example with PSA_ALG_KW', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    const key = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CBC_NO_PADDING }, DATA_128);
    const wrapped = psa.wrapKey(kek, PSA_ALG_KW, key);
    expect(toHex(wrapped)).toBe(toHex(WRAPPED_4_1));
    expect(wrapped.length).toBe(PSA_WRAP_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_KW, PSA_KEY_TYPE_AES, 128));
    const attributes = { type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CBC_NO_PADDING };
    const copy = psa.unwrapKey(attributes, kek, PSA_ALG_KW, wrapped);
    expect(toHex(psa.exportKey(copy))).toBe(toHex(DATA_128));
    expect(psa.getKeyAttributes(copy)).toMatchObject({ ...attributes, bits: 128 });
  });

  it('wraps and unwraps the RFC 5649 §6 7-byte example with PSA_ALG_KWP', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_5649, PSA_ALG_KWP);
    const wrapped = psa.wrapKey(kek, PSA_ALG_KWP, rawKey(psa, DATA_5649));
    expect(toHex(wrapped)).toBe(toHex(WRAPPED_5649));
    expect(wrapped.length).toBe(PSA_WRAP_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_KWP, PSA_KEY_TYPE_RAW_DATA, 56));
    const id = psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_EXPORT }, kek, PSA_ALG_KWP, wrapped);
    expect(toHex(psa.exportKey(id))).toBe(toHex(DATA_5649));
  });

  it('creates persistent keys from unwrapped data, with the usual id rules', () => {
    const psa = createPsa({ storage: memoryStorage() });
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    const attributes = { type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_EXPORT, lifetime: PSA_KEY_LIFETIME_PERSISTENT, id: 7 };
    expect(psa.unwrapKey(attributes, kek, PSA_ALG_KW, WRAPPED_4_1)).toBe(7);
    psa.purgeKey(7);
    expect(toHex(psa.exportKey(7))).toBe(toHex(DATA_128));
    expectStatus(() => psa.unwrapKey(attributes, kek, PSA_ALG_KW, WRAPPED_4_1), PSA_ERROR_ALREADY_EXISTS);
  });

  it('needs WRAP on the wrapping key, EXPORT on the wrapped key and a permitted algorithm (NOT_PERMITTED)', () => {
    const psa = createPsa();
    const unwrapOnly = wrappingKey(psa, KEK_128, PSA_ALG_KW, PSA_KEY_USAGE_UNWRAP);
    const wrapOnly = wrappingKey(psa, KEK_128, PSA_ALG_KW, PSA_KEY_USAGE_WRAP);
    const key = rawKey(psa, DATA_128);
    const unexportable = rawKey(psa, DATA_128, PSA_KEY_USAGE_COPY);
    expectStatus(() => psa.wrapKey(unwrapOnly, PSA_ALG_KW, key), PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.wrapKey(wrapOnly, PSA_ALG_KW, unexportable), PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.wrapKey(wrapOnly, PSA_ALG_KWP, key), PSA_ERROR_NOT_PERMITTED);
    const raw = { type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_EXPORT };
    expectStatus(() => psa.unwrapKey(raw, wrapOnly, PSA_ALG_KW, WRAPPED_4_1), PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.unwrapKey(raw, unwrapOnly, PSA_ALG_KWP, WRAPPED_4_1), PSA_ERROR_NOT_PERMITTED);
    expect(toHex(psa.exportKey(psa.unwrapKey(raw, unwrapOnly, PSA_ALG_KW, WRAPPED_4_1)))).toBe(toHex(DATA_128));
  });

  it('answers INVALID_ARGUMENT for a non-wrapping algorithm and for a wrapping key that does not suit it', () => {
    const psa = createPsa();
    const key = rawKey(psa, DATA_128);
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    expectStatus(() => psa.wrapKey(kek, PSA_ALG_SHA_256, key), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA }, kek, PSA_ALG_SHA_256, WRAPPED_4_1), PSA_ERROR_INVALID_ARGUMENT);
    const hmac = psa.importKey({ type: PSA_KEY_TYPE_HMAC, usage: WRAP_UNWRAP, alg: PSA_ALG_KW }, KEK_128);
    const chacha = psa.importKey({ type: PSA_KEY_TYPE_CHACHA20, usage: WRAP_UNWRAP, alg: PSA_ALG_KW }, new Uint8Array(32));
    for (const bad of [hmac, chacha]) {
      expectStatus(() => psa.wrapKey(bad, PSA_ALG_KW, key), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA }, bad, PSA_ALG_KW, WRAPPED_4_1), PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('answers INVALID_HANDLE for a missing wrapping key or key', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    const key = rawKey(psa, DATA_128);
    expectStatus(() => psa.wrapKey(0x4242, PSA_ALG_KW, key), PSA_ERROR_INVALID_HANDLE);
    expectStatus(() => psa.wrapKey(kek, PSA_ALG_KW, 0x4242), PSA_ERROR_INVALID_HANDLE);
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA }, 0x4242, PSA_ALG_KW, WRAPPED_4_1), PSA_ERROR_INVALID_HANDLE);
  });

  it('refuses KW for key data that is not a multiple of 8 bytes of at least 16 (INVALID_ARGUMENT)', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    for (const n of [1, 8, 20]) expectStatus(() => psa.wrapKey(kek, PSA_ALG_KW, rawKey(psa, new Uint8Array(n))), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('reports BUFFER_TOO_SMALL below the output size and accepts exactly it', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    const key = rawKey(psa, DATA_128);
    expectStatus(() => psa.wrapKey(kek, PSA_ALG_KW, key, 23), PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.wrapKey(kek, PSA_ALG_KW, key, 24)).toHaveLength(24);
  });

  it('answers INVALID_SIGNATURE for tampered data and leaves no key behind', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    const before = psa.stats();
    const bad = WRAPPED_4_1.slice();
    bad[5]! ^= 0x10;
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_EXPORT }, kek, PSA_ALG_KW, bad), PSA_ERROR_INVALID_SIGNATURE);
    expect(psa.stats()).toEqual(before);
  });

  it('applies the import rules to the unwrapped data (type, declared size, empty data)', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_5649, PSA_ALG_KWP);
    const seven = WRAPPED_5649;
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_AES }, kek, PSA_ALG_KWP, seven), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA, bits: 64 }, kek, PSA_ALG_KWP, seven), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA }, kek, PSA_ALG_KWP, new Uint8Array(0)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA, usage: 0x80000000 }, kek, PSA_ALG_KWP, seven), PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA, bits: 56 }, kek, PSA_ALG_KWP, seven)).toBeGreaterThan(0);
  });

  it('rejects JavaScript values of the wrong kind with INVALID_ARGUMENT', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    const key = rawKey(psa, DATA_128);
    expectStatus(() => psa.wrapKey(kek, PSA_ALG_KW, key, -1), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.wrapKey('1' as unknown as number, PSA_ALG_KW, key), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA }, kek, PSA_ALG_KW, 'x' as unknown as Uint8Array), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.unwrapKey(null as unknown as object, kek, PSA_ALG_KW, WRAPPED_4_1), PSA_ERROR_INVALID_ARGUMENT);
  });

  it('lets psa_check_key_usage report WRAP and UNWRAP as supported for AES with KW/KWP', () => {
    const psa = createPsa();
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    psa.checkKeyUsage(kek, PSA_ALG_KW, PSA_KEY_USAGE_WRAP);
    psa.checkKeyUsage(kek, PSA_ALG_KW, PSA_KEY_USAGE_UNWRAP);
    expectStatus(() => psa.checkKeyUsage(kek, PSA_ALG_KWP, PSA_KEY_USAGE_WRAP), PSA_ERROR_NOT_PERMITTED);
    const wrapOnly = wrappingKey(psa, KEK_128, PSA_ALG_KW, PSA_KEY_USAGE_WRAP);
    expectStatus(() => psa.checkKeyUsage(wrapOnly, PSA_ALG_KW, PSA_KEY_USAGE_UNWRAP), PSA_ERROR_NOT_PERMITTED);
  });
  it('lets a key wrap itself and leaves no slot locked, whatever the outcome', () => {
    const psa = createPsa();
    const usage = WRAP_UNWRAP | PSA_KEY_USAGE_EXPORT;
    const kek = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg: PSA_ALG_KW }, KEK_128);
    const wrapped = psa.wrapKey(kek, PSA_ALG_KW, kek);
    const copy = psa.unwrapKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_EXPORT }, kek, PSA_ALG_KW, wrapped);
    expect(toHex(psa.exportKey(copy))).toBe(toHex(KEK_128));
    expectStatus(() => psa.unwrapKey({ type: PSA_KEY_TYPE_AES }, kek, PSA_ALG_KW, wrapped.fill(1)), PSA_ERROR_INVALID_SIGNATURE);
    expectStatus(() => psa.wrapKey(kek, PSA_ALG_KW, kek, 3), PSA_ERROR_BUFFER_TOO_SMALL);
    expect(psa.stats().locked_slots).toBe(0);
  });

  it('wipes the exported key data after wrapping and the unwrapped data after import', () => {
    const seen: Uint8Array[] = [];
    const recorder: TransparentDriver = {
      kind: 'transparent',
      name: 'recorder',
      wrapKey(attributes, keyBuffer, alg, keyData) {
        seen.push(keyData);
        return softwareKeyWrap.wrapKey!(attributes, keyBuffer, alg, keyData);
      },
      unwrapKey(attributes, keyBuffer, alg, data) {
        const material = softwareKeyWrap.unwrapKey!(attributes, keyBuffer, alg, data);
        seen.push(material);
        return material;
      },
    };
    const psa = createPsa({ drivers: [recorder, softwareDriver()] });
    const kek = wrappingKey(psa, KEK_128, PSA_ALG_KW);
    expect(toHex(psa.wrapKey(kek, PSA_ALG_KW, rawKey(psa, DATA_128)))).toBe(toHex(WRAPPED_4_1));
    const id = psa.unwrapKey({ type: PSA_KEY_TYPE_RAW_DATA, usage: PSA_KEY_USAGE_EXPORT }, kek, PSA_ALG_KW, WRAPPED_4_1);
    expect(toHex(psa.exportKey(id))).toBe(toHex(DATA_128));
    expect(seen).toHaveLength(2);
    for (const buffer of seen) expect(buffer.every((b) => b === 0)).toBe(true);
  });
});
