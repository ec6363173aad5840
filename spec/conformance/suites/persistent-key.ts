/**
 * The `psa_crypto_persistent_key` suite: the key record format (encode and
 * decode), and persistent keys through import, restart, export and destroy.
 */
import { expect } from 'vitest';
import * as psa from '../../../src/c/index.js';
import { PsaError } from '../../../src/values/error.js';
import { decodeKeyRecord, encodeKeyRecord } from '../../../src/storage/key-file.js';
import {
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_TYPE_RAW_DATA,
  PSA_KEY_USAGE_EXPORT,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import type { SuiteFunctions } from '../framework.js';
import {
  assertNotLeaking,
  assertSuccess,
  destroyPersistentKey,
  doneAndRestart,
  expectBytes,
  expectStatus,
  getAttributes,
  guarded,
  keyPresentInStorage,
  startSession,
  u16,
  u32,
  updateUsageFlags,
} from '../helpers.js';

export const suite = 'psa_crypto_persistent_key';

/** Size of `psa_persistent_key_storage_format` without the key data. */
const STORAGE_HEADER_SIZE = 36;

function formatStorageDataCheck(
  keyData: Uint8Array, expectedFileData: Uint8Array, lifetime: number, type: number, bits: number,
  usage: number, alg: number, alg2: number,
): void {
  // The attributes go through the setters first, so the usage carries its implied flags.
  const record = encodeKeyRecord({
    lifetime: u32(lifetime),
    type: u16(type),
    bits,
    usage: updateUsageFlags(u32(usage)),
    alg: u32(alg),
    alg2: u32(alg2),
  }, keyData);
  expect(record.length, 'record length').toBe(keyData.length + STORAGE_HEADER_SIZE);
  expectBytes(record, expectedFileData, 'key record');
}

function parseStorageDataCheck(
  fileData: Uint8Array, expectedKeyData: Uint8Array, expectedLifetime: number, expectedType: number,
  expectedBits: number, expectedUsage: number, expectedAlg: number, expectedAlg2: number, expectedStatus: number,
): void {
  let decoded: ReturnType<typeof decodeKeyRecord>;
  try {
    decoded = decodeKeyRecord(fileData);
  } catch (e) {
    if (!(e instanceof PsaError)) throw e;
    expectStatus(e.status, expectedStatus, 'decodeKeyRecord');
    return;
  }
  expectStatus(PSA_SUCCESS, expectedStatus, 'decodeKeyRecord');
  const a = decoded.attributes;
  expect(a.lifetime, 'lifetime').toBe(u32(expectedLifetime));
  expect(a.type, 'type').toBe(u16(expectedType));
  expect(a.bits, 'bits').toBe(expectedBits & 0xffff);
  expect(a.usage, 'usage').toBe(u32(expectedUsage));
  expect(a.alg, 'alg').toBe(u32(expectedAlg));
  expect(a.alg2, 'alg2').toBe(u32(expectedAlg2));
  expectBytes(decoded.material, expectedKeyData, 'key material');
}

function saveLargePersistentKey(dataLength: number, expectedStatus: number): void {
  const keyId = psa.mbedtls_svc_key_id_make(1, 42);
  const data = new Uint8Array(dataLength);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, keyId);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_RAW_DATA);
  const returned = { value: 0 };
  expectStatus(psa.psa_import_key(attributes, data, returned), expectedStatus, 'psa_import_key');
  if (expectedStatus === PSA_SUCCESS) assertSuccess(psa.psa_destroy_key(keyId), 'psa_destroy_key');
  assertNotLeaking('end of case');
  destroyPersistentKey(keyId);
}

function persistentKeyDestroy(
  ownerId: number, keyIdArg: number, restartArg: number, firstType: number, firstData: Uint8Array,
  secondType: number, secondData: Uint8Array,
): void {
  const keyId = psa.mbedtls_svc_key_id_make(ownerId, u32(keyIdArg));
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, keyId);
  psa.psa_set_key_type(attributes, u16(firstType));
  const returned = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, firstData, returned), 'psa_import_key (first key)');

  if (restartArg) {
    psa.psa_purge_key(keyId);
    doneAndRestart('restart after import');
  }
  expect(keyPresentInStorage(keyId), 'key present in storage').toBe(true);

  assertSuccess(psa.psa_destroy_key(keyId), 'psa_destroy_key');
  expect(keyPresentInStorage(keyId), 'key present in storage after destroy').toBe(false);

  doneAndRestart('restart after destroy');

  psa.psa_set_key_id(attributes, keyId);
  psa.psa_set_key_type(attributes, u16(secondType));
  assertSuccess(psa.psa_import_key(attributes, secondData, returned), 'psa_import_key (second key)');
  assertSuccess(psa.psa_destroy_key(keyId), 'psa_destroy_key (second key)');
}

function persistentKeyImport(
  ownerId: number, keyIdArg: number, typeArg: number, data: Uint8Array, restartArg: number, expectedStatus: number,
): void {
  const keyId = psa.mbedtls_svc_key_id_make(ownerId, u32(keyIdArg));
  const type = u16(typeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, keyId);
  psa.psa_set_key_type(attributes, type);
  const returned = { value: 0x5a5a5a5a };
  expectStatus(psa.psa_import_key(attributes, data, returned), expectedStatus, 'psa_import_key');
  if (expectedStatus !== PSA_SUCCESS) {
    expect(returned.value, 'returned key id is null').toBe(0);
    expect(keyPresentInStorage(keyId), 'key present in storage').toBe(false);
    return;
  }
  expect(returned.value, 'returned key id').toBe(keyId);

  if (restartArg) {
    assertSuccess(psa.psa_purge_key(keyId), 'psa_purge_key');
    doneAndRestart('restart after import');
  }
  const got = getAttributes(keyId);
  expect(psa.psa_get_key_id(got), 'id').toBe(keyId);
  expect(psa.psa_get_key_lifetime(got), 'lifetime').toBe(PSA_KEY_LIFETIME_PERSISTENT);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(0);
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(0);
  assertSuccess(psa.psa_destroy_key(keyId), 'psa_destroy_key');
}

function importExportPersistentKey(
  data: Uint8Array, typeArg: number, expectedBits: number, restartArg: number, keyNotExist: number,
): void {
  const keyId = psa.mbedtls_svc_key_id_make(1, 42);
  const type = u16(typeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, keyId);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  const returned = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, data, returned), 'psa_import_key');

  if (restartArg) {
    assertSuccess(psa.psa_purge_key(keyId), 'psa_purge_key');
    doneAndRestart('restart after import');
  }

  const got = getAttributes(keyId);
  expect(psa.psa_get_key_id(got), 'id').toBe(keyId);
  expect(psa.psa_get_key_lifetime(got), 'lifetime').toBe(PSA_KEY_LIFETIME_PERSISTENT);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(expectedBits);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(PSA_KEY_USAGE_EXPORT);
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(0);
  expect(keyPresentInStorage(keyId), 'key present in storage').toBe(true);

  // The key is loaded now: removing its file must not prevent using it.
  if (keyNotExist) destroyPersistentKey(keyId);

  const exported = new Uint8Array(data.length);
  const length = { value: 0 };
  assertSuccess(psa.psa_export_key(keyId, exported, length), 'psa_export_key');
  expectBytes(exported.subarray(0, length.value), data, 'exported key');

  assertSuccess(psa.psa_destroy_key(keyId), 'psa_destroy_key');
  expect(keyPresentInStorage(keyId), 'key present in storage after destroy').toBe(false);
}

function destroyNonexistent(idArg: number, expectedStatus: number): void {
  startSession();
  expectStatus(psa.psa_destroy_key(psa.mbedtls_svc_key_id_make(1, u32(idArg))), expectedStatus, 'psa_destroy_key');
}

export const functions: SuiteFunctions = {
  format_storage_data_check: {
    params: ['data', 'data', 'int', 'int', 'int', 'int', 'int', 'int'],
    setup: 'none',
    run: formatStorageDataCheck,
  },
  parse_storage_data_check: {
    params: ['data', 'data', 'int', 'int', 'int', 'int', 'int', 'int', 'int'],
    setup: 'none',
    run: parseStorageDataCheck,
  },
  save_large_persistent_key: { params: ['int', 'int'], run: guarded(saveLargePersistentKey) },
  persistent_key_destroy: {
    params: ['int', 'int', 'int', 'int', 'data', 'int', 'data'],
    run: guarded(persistentKeyDestroy),
  },
  persistent_key_import: {
    params: ['int', 'int', 'int', 'data', 'int', 'int'],
    run: guarded(persistentKeyImport),
  },
  import_export_persistent_key: {
    params: ['data', 'int', 'int', 'int', 'int'],
    run: guarded(importExportPersistentKey),
  },
  destroy_nonexistent: { params: ['int', 'int'], run: guarded(destroyNonexistent) },
};
