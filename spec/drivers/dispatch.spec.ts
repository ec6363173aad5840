import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import { memoryStorage } from '../../src/storage/memory.js';
import * as V from '../../src/values/index.js';
import { expectStatus, hex } from '../keys/helpers.js';
import { testOpaqueDriver, testTransparentDriver } from './test-drivers.js';

const KEY = hex('2b7e151628aed2a6abf7158809cf4f3c');
const LOCATION = 0x7fffff;
const opaqueLifetime = (persistence: number) => V.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(persistence, LOCATION);

describe('transparent driver dispatch', () => {
  it('uses the first driver, falls back only on NOT_SUPPORTED', () => {
    const accel = testTransparentDriver();
    const psa = createPsa({ drivers: [accel, softwareDriver()] });
    const attrs = { type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT };
    expect(psa.exportKey(psa.importKey(attrs, KEY))).toEqual(KEY);
    expect(accel.hits.importKey).toBe(1);

    accel.forced = V.PSA_ERROR_NOT_SUPPORTED;
    expect(psa.exportKey(psa.importKey(attrs, KEY))).toEqual(KEY);
    expect(accel.hits.importKey).toBe(2);

    // The accelerator accepts any size; the software driver would refuse 5 bytes of AES.
    // With the accelerator failing for another reason, its status is final: no fallback, no key.
    accel.forced = V.PSA_ERROR_HARDWARE_FAILURE;
    const before = psa.stats().volatile_slots;
    expectStatus(() => psa.importKey(attrs, KEY), V.PSA_ERROR_HARDWARE_FAILURE);
    expect(psa.stats().volatile_slots).toBe(before);
  });

  it('falls back to software for a hash the accelerator does not have', () => {
    const accel = testTransparentDriver();
    const psa = createPsa({ drivers: [accel, softwareDriver()] });
    const op = psa.hashSetup(V.PSA_ALG_SHA_256);
    op.update(new TextEncoder().encode('abc'));
    expect(Buffer.from(op.finish()).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(accel.hits.hashSetup).toBe(1);
  });

  it('reports NOT_SUPPORTED when no driver can do it', () => {
    const psa = createPsa({ drivers: [testTransparentDriver()] });
    expectStatus(() => psa.hashSetup(V.PSA_ALG_SHA_256), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.generateKey({ type: V.PSA_KEY_TYPE_AES, bits: 128 }), V.PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('opaque driver dispatch', () => {
  it('keeps material inside the driver: the core and storage only see its handle', () => {
    const storage = memoryStorage();
    const opaque = testOpaqueDriver(LOCATION);
    const psa = createPsa({ storage, drivers: [opaque, softwareDriver()] });
    const id = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, id: 5, lifetime: opaqueLifetime(1) }, KEY);
    expect(psa.getKeyAttributes(id)).toMatchObject({ lifetime: opaqueLifetime(1), bits: 128 });
    expectStatus(() => psa.exportKey(id), V.PSA_ERROR_NOT_SUPPORTED);
    const record = storage.get(5n, 0, storage.getInfo(5n).size);
    expect(record.length).toBe(36 + 4);
    expect(Buffer.from(record).includes(Buffer.from(KEY))).toBe(false);
    expect([...opaque.secrets.values()].some((s) => Buffer.from(s).equals(Buffer.from(KEY)))).toBe(true);
    expect(psa.stats()).toMatchObject({ external_slots: 1, max_open_external_key_id: 5 });
  });

  it('routes copy and destroy to the owning driver, and refuses to copy across locations', () => {
    const opaque = testOpaqueDriver(LOCATION);
    const psa = createPsa({ drivers: [opaque, softwareDriver()] });
    const id = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_COPY, lifetime: opaqueLifetime(0) }, KEY);
    const copy = psa.copyKey(id, { usage: V.PSA_KEY_USAGE_COPY, lifetime: opaqueLifetime(0) });
    expect(opaque.secrets.size).toBe(3);
    expectStatus(() => psa.copyKey(id, { usage: V.PSA_KEY_USAGE_COPY }), V.PSA_ERROR_NOT_SUPPORTED);
    psa.destroyKey(copy);
    psa.destroyKey(id);
    expect(opaque.secrets.size).toBe(1);
  });

  it('rejects an unknown location with INVALID_ARGUMENT', () => {
    const psa = createPsa();
    expectStatus(() => psa.importKey({ type: V.PSA_KEY_TYPE_AES, lifetime: opaqueLifetime(0) }, KEY), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.generateKey({ type: V.PSA_KEY_TYPE_AES, bits: 128, lifetime: opaqueLifetime(0) }), V.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('serves built-in keys from the driver; they are read-only', () => {
    const opaque = testOpaqueDriver(LOCATION);
    const psa = createPsa({ drivers: [opaque, softwareDriver()] });
    const a = psa.getKeyAttributes(0x7fff0001);
    expect(a).toMatchObject({ id: 0x7fff0001, type: V.PSA_KEY_TYPE_AES, bits: 128, lifetime: opaqueLifetime(0xff) });
    expectStatus(() => psa.getKeyAttributes(0x7fff0002), V.PSA_ERROR_INVALID_HANDLE);
    expectStatus(() => psa.exportKey(0x7fff0001), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => psa.destroyKey(0x7fff0001), V.PSA_ERROR_NOT_PERMITTED);
    expect(opaque.secrets.has(0)).toBe(true);
  });

  it('refuses two opaque drivers for one location', () => {
    expectStatus(() => createPsa({ drivers: [testOpaqueDriver(LOCATION), testOpaqueDriver(LOCATION)] }), V.PSA_ERROR_INVALID_ARGUMENT);
  });
});
