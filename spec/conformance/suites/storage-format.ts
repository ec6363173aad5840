/**
 * The `psa_crypto_storage_format` suite: keys written by this implementation
 * must have exactly the stored representation of the vectors (forward
 * compatibility), and key records written by earlier versions must load with
 * the given attributes and material (backward compatibility).
 */
import { expect } from 'vitest';
import * as psa from '../../../src/c/index.js';
import { encodeKeyRecord } from '../../../src/storage/key-file.js';
import {
  PSA_ALG_IS_JPAKE,
  PSA_BITS_TO_BYTES,
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_NOT_PERMITTED,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_USAGE_EXPORT,
} from '../../../src/values/index.js';
import { Skip, type SuiteFunctions } from '../framework.js';
import {
  assertSuccess,
  expectBytes,
  expectStatus,
  exerciseKey,
  getAttributes,
  guarded,
  startSession,
  u16,
  u32,
  type Attributes,
} from '../helpers.js';

export const suite = 'psa_crypto_storage_format';

/** `TEST_FLAG_*` of key_storage_read. */
const TEST_FLAG_EXERCISE = 0x1;
const TEST_FLAG_READ_ONLY = 0x2;
const TEST_FLAG_OVERSIZED_KEY = 0x4;

/** The ITS UID of persistent key id 1. */
const UID = 1n;

/** Attributes of key id 1 with the case's policy, built with the setters. */
function caseAttributes(
  lifetimeArg: number, typeArg: number, bits: number, usageArg: number, algArg: number, alg2Arg: number,
): Attributes {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_lifetime(attributes, u32(lifetimeArg));
  psa.psa_set_key_id(attributes, psa.mbedtls_svc_key_id_make(0, 1));
  psa.psa_set_key_type(attributes, u16(typeArg));
  psa.psa_set_key_bits(attributes, bits);
  psa.psa_set_key_usage_flags(attributes, u32(usageArg));
  psa.psa_set_key_algorithm(attributes, u32(algArg));
  psa.psa_set_key_enrollment_algorithm(attributes, u32(alg2Arg));
  return attributes;
}

/** The bytes stored under a UID, through the facade's ITS functions. */
function readIts(uid: bigint): Uint8Array {
  const info = { capacity: 0, size: 0, flags: 0 };
  assertSuccess(psa.psa_its_get_info(uid, info), 'psa_its_get_info');
  const data = new Uint8Array(info.size);
  const length = { value: 0 };
  assertSuccess(psa.psa_its_get(uid, 0, data, length), 'psa_its_get');
  return data.subarray(0, length.value);
}

/** `can_export`. */
function canExport(attributes: Attributes): boolean {
  return (psa.psa_get_key_usage_flags(attributes) & PSA_KEY_USAGE_EXPORT) !== 0 ||
    PSA_KEY_TYPE_IS_PUBLIC_KEY(psa.psa_get_key_type(attributes));
}

/** `can_exercise`: the exercise helper has no PAKE support. */
function canExercise(attributes: Attributes): boolean {
  return !PSA_ALG_IS_JPAKE(psa.psa_get_key_algorithm(attributes));
}

function keyStorageSave(
  lifetimeArg: number, typeArg: number, bits: number, usageArg: number, algArg: number, alg2Arg: number,
  material: Uint8Array, representation: Uint8Array,
): void {
  startSession();
  const attributes = caseAttributes(lifetimeArg, typeArg, bits, usageArg, algArg, alg2Arg);
  const created = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, material, created), 'psa_import_key');
  expect(created.value, 'created key id').toBe(psa.psa_get_key_id(attributes));

  const info = { capacity: 0, size: 0, flags: 0 };
  assertSuccess(psa.psa_its_get_info(UID, info), 'psa_its_get_info');
  expect(info.size, 'stored size').toBe(representation.length);
  expectBytes(readIts(UID), representation, 'stored key record');
  psa.psa_destroy_key(created.value);
}

function keyStorageRead(
  lifetimeArg: number, typeArg: number, bits: number, usageArg: number, algArg: number, alg2Arg: number,
  materialArg: Uint8Array, representationArg: Uint8Array, flags: number,
): void {
  startSession();
  const expected = caseAttributes(lifetimeArg, typeArg, bits, usageArg, algArg, alg2Arg);
  const keyId = psa.psa_get_key_id(expected);
  let material = materialArg;
  let representation = representationArg;
  if (flags & TEST_FLAG_OVERSIZED_KEY) {
    // A key record whose material is larger than any slot can hold.
    material = new Uint8Array(PSA_BITS_TO_BYTES(bits)).fill(0xaa);
    representation = encodeKeyRecord({
      lifetime: psa.psa_get_key_lifetime(expected),
      type: psa.psa_get_key_type(expected),
      bits: psa.psa_get_key_bits(expected),
      usage: psa.psa_get_key_usage_flags(expected),
      alg: psa.psa_get_key_algorithm(expected),
      alg2: psa.psa_get_key_enrollment_algorithm(expected),
    }, material);
  }

  try {
    assertSuccess(psa.psa_its_set(UID, representation, 0), 'psa_its_set');
    if (flags & TEST_FLAG_OVERSIZED_KEY) {
      expectStatus(psa.psa_get_key_attributes(keyId, psa.psa_key_attributes_init()), PSA_ERROR_DATA_INVALID,
        'psa_get_key_attributes of an oversized key');
      return;
    }

    const actual = getAttributes(keyId);
    expect(psa.psa_get_key_id(actual), 'id').toBe(keyId);
    expect(psa.psa_get_key_lifetime(actual), 'lifetime').toBe(psa.psa_get_key_lifetime(expected));
    expect(psa.psa_get_key_type(actual), 'type').toBe(psa.psa_get_key_type(expected));
    expect(psa.psa_get_key_bits(actual), 'bits').toBe(psa.psa_get_key_bits(expected));
    expect(psa.psa_get_key_usage_flags(actual), 'usage').toBe(psa.psa_get_key_usage_flags(expected));
    expect(psa.psa_get_key_algorithm(actual), 'alg').toBe(psa.psa_get_key_algorithm(expected));
    expect(psa.psa_get_key_enrollment_algorithm(actual), 'alg2').toBe(psa.psa_get_key_enrollment_algorithm(expected));
    if (canExport(expected)) {
      const exported = new Uint8Array(material.length);
      const length = { value: 0 };
      assertSuccess(psa.psa_export_key(keyId, exported, length), 'psa_export_key');
      expectBytes(exported.subarray(0, length.value), material, 'exported material');
    }

    if (flags & TEST_FLAG_EXERCISE) {
      if (canExercise(actual)) {
        exerciseKey(keyId, psa.psa_get_key_usage_flags(expected), psa.psa_get_key_algorithm(expected));
      }
      if (PSA_ALG_IS_JPAKE(psa.psa_get_key_algorithm(expected))) {
        throw new Skip('exercise needs PAKE, not implemented yet');
      }
    }

    if (flags & TEST_FLAG_READ_ONLY) {
      // Read-only keys cannot be removed through the API; the ITS entry is removed below.
      expectStatus(psa.psa_destroy_key(keyId), PSA_ERROR_NOT_PERMITTED, 'psa_destroy_key of a read-only key');
    } else {
      assertSuccess(psa.psa_destroy_key(keyId), 'psa_destroy_key');
      expectStatus(psa.psa_its_get_info(UID, { capacity: 0, size: 0, flags: 0 }), PSA_ERROR_DOES_NOT_EXIST,
        'psa_its_get_info after destroy');
    }
  } finally {
    psa.psa_its_remove(UID);
  }
}

export const functions: SuiteFunctions = {
  key_storage_save: {
    params: ['int', 'int', 'int', 'int', 'int', 'int', 'data', 'data'],
    run: guarded(keyStorageSave),
  },
  key_storage_read: {
    params: ['int', 'int', 'int', 'int', 'int', 'int', 'data', 'data', 'int'],
    run: guarded(keyStorageRead),
  },
};
