/**
 * The `psa_crypto_slot_management` suite: key lifecycles (destroy, purge,
 * shutdown), creation failures, copies across lifetimes, and the limits of
 * the key store (filling it, evicting cached persistent keys, starvation).
 */
import { expect } from 'vitest';
import * as psa from '../../../src/c/index.js';
import {
  MBEDTLS_PSA_KEY_SLOT_COUNT,
  PSA_ERROR_ALREADY_EXISTS,
  PSA_ERROR_INSUFFICIENT_MEMORY,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_KEY_ID_VOLATILE_MAX,
  PSA_KEY_ID_VOLATILE_MIN,
  PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_KEY_LIFETIME_VOLATILE,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_COPY,
  PSA_KEY_USAGE_EXPORT,
} from '../../../src/values/index.js';
import type { SuiteFunctions } from '../framework.js';
import {
  assertNotLeaking,
  assertSuccess,
  expectBytes,
  expectStatus,
  getAttributes,
  guarded,
  keyIdBytes,
  restart,
  shutdown,
  sizeTBytes,
  startSession,
  u16,
  u32,
  updateUsageFlags,
  type Attributes,
} from '../helpers.js';

export const suite = 'psa_crypto_slot_management';

/** `invalidate_method_t`. */
const INVALIDATE_BY_DESTROYING = 0;
const INVALIDATE_BY_PURGING = 1;
const INVALIDATE_BY_SHUTDOWN = 2;
const INVALIDATE_BY_DESTROYING_WITH_SHUTDOWN = 3;
const INVALIDATE_BY_PURGING_WITH_SHUTDOWN = 4;

/** `purge_policy_t`. */
const PURGE_BEFORE = 1;
const PURGE_AFTER = 2;

/** With this key store every slot may hold a volatile key (`MAX_VOLATILE_KEYS` of a static store). */
const MAX_VOLATILE_KEYS = MBEDTLS_PSA_KEY_SLOT_COUNT;

/** `invalidate_key`: destroy or purge the key, or nothing. */
function invalidateKey(method: number, key: number): void {
  switch (method) {
    case INVALIDATE_BY_DESTROYING:
    case INVALIDATE_BY_DESTROYING_WITH_SHUTDOWN:
      assertSuccess(psa.psa_destroy_key(key), 'psa_destroy_key');
      break;
    case INVALIDATE_BY_PURGING:
    case INVALIDATE_BY_PURGING_WITH_SHUTDOWN:
      assertSuccess(psa.psa_purge_key(key), 'psa_purge_key');
      break;
    case INVALIDATE_BY_SHUTDOWN:
      break;
    default:
      throw new Error(`unknown invalidate method ${method}`);
  }
}

/** `invalidate_psa`: restart the library if the method says so, then check the store is empty. */
function invalidatePsa(method: number): void {
  switch (method) {
    case INVALIDATE_BY_DESTROYING:
    case INVALIDATE_BY_PURGING:
      return;
    case INVALIDATE_BY_DESTROYING_WITH_SHUTDOWN:
    case INVALIDATE_BY_PURGING_WITH_SHUTDOWN:
      // All keys must have been closed.
      assertNotLeaking('before shutdown');
      shutdown();
      break;
    case INVALIDATE_BY_SHUTDOWN:
      // Keys may remain behind; the shutdown must close them.
      shutdown();
      break;
    default:
      throw new Error(`unknown invalidate method ${method}`);
  }
  restart();
  assertNotLeaking('after restart');
}

function transientSlotLifecycle(
  _ownerId: number, usageArg: number, algArg: number, typeArg: number, keyData: Uint8Array, method: number,
): void {
  const type = u16(typeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, u32(usageArg));
  psa.psa_set_key_algorithm(attributes, u32(algArg));
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
  expect(key.value, 'key id').not.toBe(0);
  expect(psa.psa_get_key_type(getAttributes(key.value)), 'type').toBe(type);

  // Purging a volatile key must not invalidate it.
  assertSuccess(psa.psa_purge_key(key.value), 'psa_purge_key');
  expect(psa.psa_get_key_type(getAttributes(key.value, 'psa_get_key_attributes after purge')), 'type after purge')
    .toBe(type);

  invalidateKey(method, key.value);
  invalidatePsa(method);

  expectStatus(psa.psa_get_key_attributes(key.value, psa.psa_key_attributes_init()), PSA_ERROR_INVALID_HANDLE,
    'psa_get_key_attributes after invalidation');
}

function persistentSlotLifecycle(
  lifetimeArg: number, ownerId: number, idArg: number, usageArg: number, algArg: number, alg2Arg: number,
  typeArg: number, keyData: Uint8Array, method: number,
): void {
  const lifetime = u32(lifetimeArg);
  const id = psa.mbedtls_svc_key_id_make(ownerId, u32(idArg));
  const usage = u32(usageArg);
  const alg = u32(algArg);
  const alg2 = u32(alg2Arg);
  const type = u16(typeArg);
  startSession();

  let attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, id);
  psa.psa_set_key_lifetime(attributes, lifetime);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_enrollment_algorithm(attributes, alg2);
  const returned = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, keyData, returned), 'psa_import_key');
  expect(returned.value, 'returned id').toBe(id);

  // Read the attributes twice: the second read must see the same key.
  for (const pass of ['first', 'second']) {
    attributes = getAttributes(id, `psa_get_key_attributes (${pass})`);
    expect(psa.psa_get_key_lifetime(attributes), 'lifetime').toBe(lifetime);
    expect(psa.psa_get_key_id(attributes), 'id').toBe(id);
    expect(psa.psa_get_key_usage_flags(attributes), 'usage').toBe(updateUsageFlags(usage));
    expect(psa.psa_get_key_algorithm(attributes), 'alg').toBe(alg);
    expect(psa.psa_get_key_enrollment_algorithm(attributes), 'alg2').toBe(alg2);
    expect(psa.psa_get_key_type(attributes), 'type').toBe(type);
  }

  invalidateKey(method, id);
  invalidatePsa(method);

  switch (method) {
    case INVALIDATE_BY_PURGING:
    case INVALIDATE_BY_PURGING_WITH_SHUTDOWN:
    case INVALIDATE_BY_SHUTDOWN: {
      const read = getAttributes(id, 'psa_get_key_attributes after invalidation');
      expect(psa.psa_get_key_lifetime(read), 'lifetime').toBe(psa.psa_get_key_lifetime(attributes));
      expect(psa.psa_get_key_id(read), 'id').toBe(psa.psa_get_key_id(attributes));
      expect(psa.psa_get_key_usage_flags(read), 'usage').toBe(updateUsageFlags(usage));
      expect(psa.psa_get_key_algorithm(read), 'alg').toBe(psa.psa_get_key_algorithm(attributes));
      expect(psa.psa_get_key_enrollment_algorithm(read), 'alg2').toBe(psa.psa_get_key_enrollment_algorithm(attributes));
      expect(psa.psa_get_key_type(read), 'type').toBe(psa.psa_get_key_type(attributes));
      expect(psa.psa_get_key_bits(read), 'bits').toBe(psa.psa_get_key_bits(attributes));
      const reexported = new Uint8Array(keyData.length);
      const length = { value: 0 };
      if (usage & PSA_KEY_USAGE_EXPORT) {
        assertSuccess(psa.psa_export_key(id, reexported, length), 'psa_export_key');
        expectBytes(reexported.subarray(0, length.value), keyData, 'exported key');
      } else {
        expectStatus(psa.psa_export_key(id, reexported, length), PSA_ERROR_NOT_PERMITTED, 'psa_export_key');
      }
      break;
    }
    case INVALIDATE_BY_DESTROYING:
    case INVALIDATE_BY_DESTROYING_WITH_SHUTDOWN:
      expectStatus(psa.psa_get_key_attributes(id, psa.psa_key_attributes_init()), PSA_ERROR_INVALID_HANDLE,
        'psa_get_key_attributes after destroy');
      break;
  }
  psa.psa_destroy_key(id);
}

function createExistent(lifetimeArg: number, ownerId: number, idArg: number, purgePolicy: number): void {
  const lifetime = u32(lifetimeArg);
  const id = psa.mbedtls_svc_key_id_make(ownerId, u32(idArg));
  const material1 = new TextEncoder().encode('a key');
  const material2 = new TextEncoder().encode('b key');
  const bits1 = material1.length * 8;
  startSession();

  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, id);
  psa.psa_set_key_lifetime(attributes, lifetime);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, 0);
  const returned = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, material1, returned), 'psa_import_key (first key)');
  expect(returned.value, 'returned id').toBe(id);

  if (purgePolicy === PURGE_BEFORE) assertSuccess(psa.psa_purge_key(id), 'psa_purge_key');

  expectStatus(psa.psa_import_key(attributes, material2, returned), PSA_ERROR_ALREADY_EXISTS,
    'psa_import_key (second key, same id)');
  expect(returned.value, 'returned id after failure').toBe(0);

  if (purgePolicy === PURGE_AFTER) assertSuccess(psa.psa_purge_key(id), 'psa_purge_key');

  const got = getAttributes(id);
  expect(psa.psa_get_key_id(got), 'id').toBe(id);
  expect(psa.psa_get_key_lifetime(got), 'lifetime').toBe(lifetime);
  expect(psa.psa_get_key_type(got), 'type').toBe(PSA_KEY_TYPE_RAW_DATA);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(bits1);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(PSA_KEY_USAGE_EXPORT);
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(0);

  const reexported = new Uint8Array(material1.length);
  const length = { value: 0 };
  assertSuccess(psa.psa_export_key(id, reexported, length), 'psa_export_key');
  expectBytes(reexported.subarray(0, length.value), material1, 'exported key');
  psa.psa_destroy_key(id);
}

/**
 * Store a key id in an attribute structure without the lifetime adjustment
 * `psa_set_key_id` makes (the C test writes `attributes.id` directly to build
 * a volatile lifetime with a non-zero id).
 */
function setIdField(attributes: Attributes, id: number): void {
  attributes.id = id;
}

function createFail(lifetimeArg: number, idArg: number, expectedStatus: number): void {
  const lifetime = u32(lifetimeArg);
  const id = psa.mbedtls_svc_key_id_make(1, u32(idArg));
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_lifetime(attributes, lifetime);
  if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
    setIdField(attributes, id);
    expect(psa.psa_get_key_id(attributes), 'id written directly').toBe(id);
    expect(psa.psa_get_key_lifetime(attributes), 'lifetime kept volatile').toBe(lifetime);
  } else {
    psa.psa_set_key_id(attributes, id);
  }
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);
  const returned = { value: psa.mbedtls_svc_key_id_make(0xdead, 0xdead) };
  expectStatus(psa.psa_import_key(attributes, new Uint8Array([0x6b]), returned), expectedStatus, 'psa_import_key');
  expect(returned.value, 'returned id is null').toBe(0);
}

function copyAcrossLifetimes(
  sourceLifetimeArg: number, sourceOwnerId: number, sourceIdArg: number, sourceUsageArg: number,
  sourceAlgArg: number, sourceAlg2Arg: number, typeArg: number, material: Uint8Array,
  targetLifetimeArg: number, targetOwnerId: number, targetIdArg: number, targetUsageArg: number,
  targetAlgArg: number, targetAlg2Arg: number,
  expectedUsageArg: number, expectedAlgArg: number, expectedAlg2Arg: number,
): void {
  const sourceId = psa.mbedtls_svc_key_id_make(sourceOwnerId, u32(sourceIdArg));
  const targetId = psa.mbedtls_svc_key_id_make(targetOwnerId, u32(targetIdArg));
  const targetLifetime = u32(targetLifetimeArg);
  const sourceType = u16(typeArg);
  const expectedUsage = u32(expectedUsageArg);
  startSession();

  let sourceAttributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(sourceAttributes, sourceId);
  psa.psa_set_key_lifetime(sourceAttributes, u32(sourceLifetimeArg));
  psa.psa_set_key_type(sourceAttributes, sourceType);
  psa.psa_set_key_usage_flags(sourceAttributes, u32(sourceUsageArg));
  psa.psa_set_key_algorithm(sourceAttributes, u32(sourceAlgArg));
  psa.psa_set_key_enrollment_algorithm(sourceAttributes, u32(sourceAlg2Arg));
  const returnedSource = { value: 0 };
  assertSuccess(psa.psa_import_key(sourceAttributes, material, returnedSource), 'psa_import_key (source)');
  sourceAttributes = getAttributes(returnedSource.value, 'psa_get_key_attributes (source)');

  const targetAttributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(targetAttributes, targetId);
  psa.psa_set_key_lifetime(targetAttributes, targetLifetime);
  psa.psa_set_key_usage_flags(targetAttributes, u32(targetUsageArg));
  psa.psa_set_key_algorithm(targetAttributes, u32(targetAlgArg));
  psa.psa_set_key_enrollment_algorithm(targetAttributes, u32(targetAlg2Arg));

  const returnedTarget = { value: 0 };
  assertSuccess(psa.psa_copy_key(returnedSource.value, targetAttributes, returnedTarget), 'psa_copy_key');
  assertSuccess(psa.psa_destroy_key(returnedSource.value), 'psa_destroy_key (source)');

  // A persistent copy must survive a restart.
  if (!PSA_KEY_LIFETIME_IS_VOLATILE(targetLifetime)) restart();

  const got = getAttributes(returnedTarget.value, 'psa_get_key_attributes (target)');
  if (!PSA_KEY_LIFETIME_IS_VOLATILE(targetLifetime)) expect(psa.psa_get_key_id(got), 'target id').toBe(targetId);
  expect(psa.psa_get_key_lifetime(got), 'lifetime').toBe(targetLifetime);
  expect(psa.psa_get_key_type(got), 'type').toBe(sourceType);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(psa.psa_get_key_bits(sourceAttributes));
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(expectedUsage);
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(u32(expectedAlgArg));
  expect(psa.psa_get_key_enrollment_algorithm(got), 'alg2').toBe(u32(expectedAlg2Arg));
  const buffer = new Uint8Array(material.length);
  const length = { value: 0 };
  if (expectedUsage & PSA_KEY_USAGE_EXPORT) {
    assertSuccess(psa.psa_export_key(returnedTarget.value, buffer, length), 'psa_export_key (target)');
    expectBytes(buffer.subarray(0, length.value), material, 'exported copy');
  } else {
    expectStatus(psa.psa_export_key(returnedTarget.value, buffer, length), PSA_ERROR_NOT_PERMITTED,
      'psa_export_key of a non-exportable copy');
  }
  assertSuccess(psa.psa_destroy_key(returnedTarget.value), 'psa_destroy_key (target)');
}

function copyToOccupied(
  sourceLifetimeArg: number, sourceIdArg: number, sourceUsageArg: number, sourceAlgArg: number,
  sourceTypeArg: number, sourceMaterial: Uint8Array,
  targetLifetimeArg: number, targetIdArg: number, targetUsageArg: number, targetAlgArg: number,
  targetTypeArg: number, targetMaterial: Uint8Array,
): void {
  const sourceLifetime = u32(sourceLifetimeArg);
  const sourceId = psa.mbedtls_svc_key_id_make(1, u32(sourceIdArg));
  const targetLifetime = u32(targetLifetimeArg);
  const targetId = psa.mbedtls_svc_key_id_make(1, u32(targetIdArg));
  const targetUsage = u32(targetUsageArg);
  startSession();

  const attributes = psa.psa_key_attributes_init();
  if (!PSA_KEY_LIFETIME_IS_VOLATILE(sourceLifetime)) {
    psa.psa_set_key_id(attributes, sourceId);
    psa.psa_set_key_lifetime(attributes, sourceLifetime);
  }
  psa.psa_set_key_type(attributes, u16(sourceTypeArg));
  psa.psa_set_key_usage_flags(attributes, u32(sourceUsageArg));
  psa.psa_set_key_algorithm(attributes, u32(sourceAlgArg));
  const returnedSource = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, sourceMaterial, returnedSource), 'psa_import_key (source)');

  const returnedTarget = { value: 0 };
  if (targetId === sourceId) {
    returnedTarget.value = returnedSource.value;
  } else {
    const attributes1 = psa.psa_key_attributes_init();
    psa.psa_set_key_id(attributes1, targetId);
    psa.psa_set_key_lifetime(attributes1, targetLifetime);
    psa.psa_set_key_type(attributes1, u16(targetTypeArg));
    psa.psa_set_key_usage_flags(attributes1, targetUsage);
    psa.psa_set_key_algorithm(attributes1, u32(targetAlgArg));
    assertSuccess(psa.psa_import_key(attributes1, targetMaterial, returnedTarget), 'psa_import_key (target)');
  }
  const before = getAttributes(returnedTarget.value, 'psa_get_key_attributes (target before copy)');

  psa.psa_set_key_id(attributes, targetId);
  psa.psa_set_key_lifetime(attributes, targetLifetime);
  const newKey = { value: 0 };
  expectStatus(psa.psa_copy_key(returnedSource.value, attributes, newKey), PSA_ERROR_ALREADY_EXISTS, 'psa_copy_key');
  expect(newKey.value, 'new key id is null').toBe(0);

  const after = getAttributes(returnedTarget.value, 'psa_get_key_attributes (target after copy)');
  expect(psa.psa_get_key_id(after), 'id').toBe(psa.psa_get_key_id(before));
  expect(psa.psa_get_key_lifetime(after), 'lifetime').toBe(psa.psa_get_key_lifetime(before));
  expect(psa.psa_get_key_type(after), 'type').toBe(psa.psa_get_key_type(before));
  expect(psa.psa_get_key_bits(after), 'bits').toBe(psa.psa_get_key_bits(before));
  expect(psa.psa_get_key_usage_flags(after), 'usage').toBe(psa.psa_get_key_usage_flags(before));
  expect(psa.psa_get_key_algorithm(after), 'alg').toBe(psa.psa_get_key_algorithm(before));
  if (targetUsage & PSA_KEY_USAGE_EXPORT) {
    const buffer = new Uint8Array(targetMaterial.length);
    const length = { value: 0 };
    assertSuccess(psa.psa_export_key(returnedTarget.value, buffer, length), 'psa_export_key (target)');
    expectBytes(buffer.subarray(0, length.value), targetMaterial, 'target material unchanged');
  }
  assertSuccess(psa.psa_destroy_key(returnedSource.value), 'psa_destroy_key (source)');
  if (targetId !== sourceId) assertSuccess(psa.psa_destroy_key(returnedTarget.value), 'psa_destroy_key (target)');
}

function manyTransientKeys(maxKeys: number): void {
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, 0);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);
  const keys: number[] = [];
  for (let i = 0; i < maxKeys; i++) {
    const key = { value: 0 };
    assertSuccess(psa.psa_import_key(attributes, sizeTBytes(i), key), `psa_import_key #${i}`);
    expect(key.value, `key #${i} id`).not.toBe(0);
    expect(keys.includes(key.value), `key #${i} id is distinct`).toBe(false);
    keys.push(key.value);
  }
  for (let i = 0; i < maxKeys; i++) {
    const exported = new Uint8Array(8);
    const length = { value: 0 };
    assertSuccess(psa.psa_export_key(keys[i]!, exported, length), `psa_export_key #${i}`);
    expectBytes(exported.subarray(0, length.value), sizeTBytes(i), `key #${i} content`);
    psa.psa_destroy_key(keys[i]!);
  }
}

function fillKeyStore(keyToDestroyArg: number): void {
  startSession();
  const stats = {
    volatile_slots: 0, persistent_slots: 0, external_slots: 0, half_filled_slots: 0, cache_slots: 0,
    empty_slots: 0, locked_slots: 0, max_open_internal_key_id: 0, max_open_external_key_id: 0,
  };
  psa.mbedtls_psa_get_stats(stats);
  // Account for any volatile key the system created for itself.
  const maxKeys = MAX_VOLATILE_KEYS - stats.volatile_slots;

  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, 0);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);

  const keys: number[] = [];
  for (let i = 0; i < maxKeys; i++) {
    const key = { value: 0 };
    assertSuccess(psa.psa_import_key(attributes, sizeTBytes(i), key), `psa_import_key #${i}`);
    expect(key.value, `key #${i} id`).not.toBe(0);
    expect(keys.includes(key.value), `key #${i} id is distinct`).toBe(false);
    keys.push(key.value);
  }

  // Attempt to overfill.
  const extra = { value: 0x5a5a };
  expectStatus(psa.psa_import_key(attributes, sizeTBytes(maxKeys), extra), PSA_ERROR_INSUFFICIENT_MEMORY,
    'psa_import_key into a full store');
  expect(extra.value, 'id after failed import').toBe(0);

  const checkAll = (replaced: number, replacement: Uint8Array | undefined): void => {
    for (let i = 0; i < maxKeys; i++) {
      const exported = new Uint8Array(8);
      const length = { value: 0 };
      assertSuccess(psa.psa_export_key(keys[i]!, exported, length), `psa_export_key #${i}`);
      const expected = i === replaced && replacement !== undefined ? replacement : sizeTBytes(i);
      expectBytes(exported.subarray(0, length.value), expected, `key #${i} content`);
    }
  };
  checkAll(-1, undefined);

  // Destroy one key and try again: the freed slot, hence the same id, must be reused.
  const keyToDestroy = keyToDestroyArg >= 0 ? keyToDestroyArg : maxKeys + keyToDestroyArg;
  const reusedId = keys[keyToDestroy]!;
  const replacementValue = new Uint8Array([0x64]);
  assertSuccess(psa.psa_destroy_key(reusedId), 'psa_destroy_key');
  const replacement = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, replacementValue, replacement), 'psa_import_key (replacement)');
  expect(replacement.value, 'replacement key reuses the freed id').toBe(reusedId);
  keys[keyToDestroy] = replacement.value;

  checkAll(keyToDestroy, replacementValue);
  for (let i = 0; i < maxKeys; i++) assertSuccess(psa.psa_destroy_key(keys[i]!), `psa_destroy_key #${i}`);
}

function keySlotEvictionToImportNewKey(lifetimeArg: number): void {
  const lifetime = u32(lifetimeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, 0);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);

  // Fill every slot with a persistent key.
  for (let i = 0; i < MBEDTLS_PSA_KEY_SLOT_COUNT; i++) {
    const key = psa.mbedtls_svc_key_id_make(i, i + 1);
    psa.psa_set_key_id(attributes, key);
    const returned = { value: 0 };
    assertSuccess(psa.psa_import_key(attributes, sizeTBytes(i), returned), `psa_import_key #${i}`);
    expect(returned.value, `key #${i} id`).toBe(key);
  }

  // One more key: a cached persistent key must be evicted to make room.
  const last = MBEDTLS_PSA_KEY_SLOT_COUNT;
  psa.psa_set_key_id(attributes, psa.mbedtls_svc_key_id_make(last, last + 1));
  psa.psa_set_key_lifetime(attributes, lifetime);
  const returned = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, sizeTBytes(last), returned), 'psa_import_key (one more key)');
  if (lifetime !== PSA_KEY_LIFETIME_VOLATILE) {
    expect(returned.value, 'id of the extra persistent key').toBe(psa.mbedtls_svc_key_id_make(last, last + 1));
  } else {
    expect(returned.value >= PSA_KEY_ID_VOLATILE_MIN && returned.value <= PSA_KEY_ID_VOLATILE_MAX,
      'extra key id is volatile').toBe(true);
  }

  // Every key is still readable (the evicted one is reloaded from storage).
  for (let i = 0; i <= MBEDTLS_PSA_KEY_SLOT_COUNT; i++) {
    const key = i < MBEDTLS_PSA_KEY_SLOT_COUNT ? psa.mbedtls_svc_key_id_make(i, i + 1) : returned.value;
    const exported = new Uint8Array(8);
    const length = { value: 0 };
    assertSuccess(psa.psa_export_key(key, exported, length), `psa_export_key #${i}`);
    expectBytes(exported.subarray(0, length.value), sizeTBytes(i), `key #${i} content`);
    assertSuccess(psa.psa_destroy_key(key), `psa_destroy_key #${i}`);
  }
}

function nonReusableKeySlotsIntegrityInCaseOfKeySlotStarvation(): void {
  startSession();
  const stats = {
    volatile_slots: 0, persistent_slots: 0, external_slots: 0, half_filled_slots: 0, cache_slots: 0,
    empty_slots: 0, locked_slots: 0, max_open_internal_key_id: 0, max_open_external_key_id: 0,
  };
  psa.mbedtls_psa_get_stats(stats);
  const available = stats.empty_slots;
  expect(available, 'empty slots at start').toBeGreaterThanOrEqual(1);

  let attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_COPY);
  psa.psa_set_key_algorithm(attributes, 0);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);

  // A persistent key.
  const persistentKey = psa.mbedtls_svc_key_id_make(0x100, 0x205);
  psa.psa_set_key_id(attributes, persistentKey);
  const returned = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, keyIdBytes(persistentKey), returned), 'psa_import_key (persistent)');
  expect(returned.value, 'persistent key id').toBe(persistentKey);

  // Fill every slot with volatile keys: the persistent key's slot is evicted.
  psa.psa_set_key_lifetime(attributes, PSA_KEY_LIFETIME_VOLATILE);
  const keys: number[] = [];
  for (let i = 0; i < available; i++) {
    const key = { value: 0 };
    assertSuccess(psa.psa_import_key(attributes, sizeTBytes(i), key), `psa_import_key (volatile #${i})`);
    keys.push(key.value);
  }
  psa.psa_reset_key_attributes(attributes);

  // No slot can hold the persistent key now.
  expectStatus(psa.psa_get_key_attributes(persistentKey, attributes), PSA_ERROR_INSUFFICIENT_MEMORY,
    'psa_get_key_attributes of the persistent key with every slot taken');

  // The last volatile key is intact; destroying it frees a slot.
  const exported = new Uint8Array(8);
  const length = { value: 0 };
  assertSuccess(psa.psa_export_key(keys[available - 1]!, exported, length), 'psa_export_key (last volatile key)');
  expectBytes(exported.subarray(0, length.value), sizeTBytes(available - 1), 'last volatile key content');
  assertSuccess(psa.psa_destroy_key(keys[available - 1]!), 'psa_destroy_key (last volatile key)');

  // The persistent key is reachable again.
  attributes = getAttributes(persistentKey, 'psa_get_key_attributes of the persistent key after a slot freed');
  expect(psa.psa_get_key_id(attributes), 'persistent key id').toBe(persistentKey);

  // Copying it needs one more slot, and the slot holding the source cannot be reclaimed.
  const persistentKey2 = psa.mbedtls_svc_key_id_make(0x100, 0x204);
  psa.psa_set_key_id(attributes, persistentKey2);
  expectStatus(psa.psa_copy_key(persistentKey, attributes, returned), PSA_ERROR_INSUFFICIENT_MEMORY,
    'psa_copy_key with every slot taken');

  for (let i = 0; i < available - 1; i++) {
    assertSuccess(psa.psa_export_key(keys[i]!, exported, length), `psa_export_key (volatile #${i})`);
    expectBytes(exported.subarray(0, length.value), sizeTBytes(i), `volatile key #${i} content`);
    assertSuccess(psa.psa_destroy_key(keys[i]!), `psa_destroy_key (volatile #${i})`);
  }
  assertSuccess(psa.psa_export_key(persistentKey, exported, length), 'psa_export_key (persistent)');
  expectBytes(exported.subarray(0, length.value), keyIdBytes(persistentKey), 'persistent key content');
  psa.psa_destroy_key(persistentKey);
}

export const functions: SuiteFunctions = {
  transient_slot_lifecycle: {
    params: ['int', 'int', 'int', 'int', 'data', 'int'],
    run: guarded(transientSlotLifecycle),
  },
  persistent_slot_lifecycle: {
    params: ['int', 'int', 'int', 'int', 'int', 'int', 'int', 'data', 'int'],
    run: guarded(persistentSlotLifecycle),
  },
  create_existent: { params: ['int', 'int', 'int', 'int'], run: guarded(createExistent) },
  create_fail: { params: ['int', 'int', 'int'], run: guarded(createFail) },
  copy_across_lifetimes: {
    params: ['int', 'int', 'int', 'int', 'int', 'int', 'int', 'data', 'int', 'int', 'int', 'int', 'int', 'int',
      'int', 'int', 'int'],
    run: guarded(copyAcrossLifetimes),
  },
  copy_to_occupied: {
    params: ['int', 'int', 'int', 'int', 'int', 'data', 'int', 'int', 'int', 'int', 'int', 'data'],
    run: guarded(copyToOccupied),
  },
  many_transient_keys: { params: ['int'], run: guarded(manyTransientKeys) },
  fill_key_store: { params: ['int'], run: guarded(fillKeyStore) },
  key_slot_eviction_to_import_new_key: { params: ['int'], run: guarded(keySlotEvictionToImportNewKey) },
  non_reusable_key_slots_integrity_in_case_of_key_slot_starvation: {
    params: [],
    run: guarded(nonReusableKeySlotsIntegrityInCaseOfKeySlotStarvation),
  },
};
