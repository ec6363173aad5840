/**
 * Key-management test functions of the `psa_crypto` suite: import, export,
 * copy, generation, policies, attribute initialisation and persistent keys
 * reloaded from storage.
 */
import { expect } from 'vitest';
import * as psa from '../../../src/c/index.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_BYTES_TO_BITS,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INSUFFICIENT_MEMORY,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_EXPORT_KEY_OUTPUT_SIZE,
  PSA_EXPORT_KEY_PAIR_MAX_SIZE,
  PSA_EXPORT_PUBLIC_KEY_MAX_SIZE,
  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_LIFETIME_VOLATILE,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_IS_DH,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_TYPE_IS_KEY_PAIR,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_OPERATION_INCOMPLETE,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import { Skip, type SuiteFunctions } from '../framework.js';
import {
  ASN1_INTEGER,
  ASN1_SEQUENCE_CONSTRUCTED,
  DerCursor,
  assertNotLeaking,
  assertSuccess,
  expectBytes,
  expectStatus,
  exerciseKey,
  facadeCall,
  facadeHas,
  getAttributes,
  guarded,
  lifetimeIsExternal,
  memIsChar,
  restart,
  startSession,
  testOperationsOnInvalidKey,
  u16,
  u32,
  updateUsageFlags,
  usageToExercise,
} from '../helpers.js';

export const suite = 'psa_crypto';

/** `INVALID_EXPORT_LENGTH`: a length psa_export_key never reports. */
const INVALID_EXPORT_LENGTH = 0xffffffff;

/** `generate_method` of persistent_key_load_key_from_storage. */
const IMPORT_KEY = 0;
const GENERATE_KEY = 1;
const DERIVE_KEY = 2;

// ---------------------------------------------------------------------------
// A syntactically valid but made-up RSA key (construct_fake_rsa_key)
// ---------------------------------------------------------------------------

/** DER length octets. */
function derLength(len: number): number[] {
  if (len < 0x80) return [len];
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/**
 * `asn1_write_10x`: an INTEGER of `bits / 8 + 1` content bytes, zero except
 * for the low byte `x` and one bit that sets the magnitude.
 */
function asn1Integer10x(bits: number, x: number): number[] {
  if (bits === 0) throw new Error('asn1_write_10x: bits == 0');
  if (bits <= 8 && x >= 1 << (bits - 1)) throw new Error('asn1_write_10x: x too large');
  const len = Math.floor(bits / 8) + 1;
  const content = new Array<number>(len).fill(0);
  content[len - 1] = x;
  if (bits % 8 === 0) content[1]! |= 1;
  else content[0]! |= 1 << (bits % 8);
  return [0x02, ...derLength(len), ...content];
}

/** `construct_fake_rsa_key`: DER of an RSAPrivateKey (or RSAPublicKey) of `bits` bits. */
function constructFakeRsaKey(bits: number, keypair: boolean): Uint8Array {
  const halfBits = Math.floor((bits + 1) / 2);
  const body: number[] = [];
  if (keypair) body.push(0x02, 0x01, 0x00); // version = 0
  body.push(...asn1Integer10x(bits, 1)); // n
  body.push(...asn1Integer10x(17, 1)); // e = 65537
  if (keypair) {
    body.push(...asn1Integer10x(bits, 1)); // d
    body.push(...asn1Integer10x(halfBits, 3)); // p != q
    body.push(...asn1Integer10x(halfBits, 1)); // q
    body.push(...asn1Integer10x(halfBits, 1)); // dp
    body.push(...asn1Integer10x(halfBits, 1)); // dq
    body.push(...asn1Integer10x(halfBits, 1)); // qinv
  }
  const der = [0x30, ...derLength(body.length), ...body];
  const bufferSize = keypair ? Math.floor((bits * 9) / 16) + 80 : Math.floor(bits / 8) + 20;
  if (der.length > bufferSize) throw new Error('construct_fake_rsa_key: buffer too small');
  return Uint8Array.from(der);
}

// ---------------------------------------------------------------------------
// Test functions
// ---------------------------------------------------------------------------

function importWithPolicy(typeArg: number, usageArg: number, algArg: number, expectedStatus: number): void {
  const type = u16(typeArg);
  const usage = u32(usageArg);
  const alg = u32(algArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  const key = { value: 0 };
  const status = psa.psa_import_key(attributes, new Uint8Array(16), key);
  expectStatus(status, expectedStatus, 'psa_import_key');
  if (status !== PSA_SUCCESS) return;

  const got = getAttributes(key.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(updateUsageFlags(usage));
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(alg);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
  testOperationsOnInvalidKey(key.value);
}

function importWithData(data: Uint8Array, typeArg: number, attrBits: number, expectedStatus: number): void {
  const type = u16(typeArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, attrBits);
  const key = { value: 0 };
  const status = psa.psa_import_key(attributes, data, key);
  // INVALID_ARGUMENT expected also accepts NOT_SUPPORTED (a driver may not know the size).
  if (!(expectedStatus === PSA_ERROR_INVALID_ARGUMENT && status === PSA_ERROR_NOT_SUPPORTED)) {
    expectStatus(status, expectedStatus, 'psa_import_key');
  }
  if (status !== PSA_SUCCESS) return;

  const got = getAttributes(key.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  if (attrBits !== 0) expect(psa.psa_get_key_bits(got), 'bits').toBe(attrBits);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
  testOperationsOnInvalidKey(key.value);
}

function importLargeKey(typeArg: number, byteSize: number, expectedStatus: number): void {
  const type = u16(typeArg);
  const buffer = new Uint8Array(byteSize + 1);
  buffer.fill(0x4b, 0, byteSize); // 'K'
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  const status = psa.psa_import_key(attributes, buffer.subarray(0, byteSize), key);
  if (status === PSA_ERROR_INSUFFICIENT_MEMORY) throw new Skip('not enough memory for a large key');
  expectStatus(status, expectedStatus, 'psa_import_key');
  if (status === PSA_SUCCESS) {
    const got = getAttributes(key.value);
    expect(psa.psa_get_key_type(got), 'type').toBe(type);
    expect(psa.psa_get_key_bits(got), 'bits').toBe(PSA_BYTES_TO_BITS(byteSize));
    buffer.fill(0);
    const n = { value: 0 };
    assertSuccess(psa.psa_export_key(key.value, buffer.subarray(0, byteSize), n), 'psa_export_key');
    expect(memIsChar(buffer.subarray(0, byteSize), 0x4b), 'exported bytes are all K').toBe(true);
    expect(memIsChar(buffer.subarray(byteSize), 0), 'byte after the export untouched').toBe(true);
    assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
  }
}

function importRsaMadeUp(bits: number, keypair: number, expectedStatus: number): void {
  startSession();
  const type = keypair ? PSA_KEY_TYPE_RSA_KEY_PAIR : PSA_KEY_TYPE_RSA_PUBLIC_KEY;
  const data = constructFakeRsaKey(bits, keypair !== 0);
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  const status = psa.psa_import_key(attributes, data, key);
  expectStatus(status, expectedStatus, 'psa_import_key');
  if (status === PSA_SUCCESS) assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
}

function importExport(
  data: Uint8Array, typeArg: number, usageArg: number, algArg: number, lifetimeArg: number,
  expectedBits: number, exportSizeDelta: number, expectedExportStatus: number, canonicalInput: number,
): void {
  const type = u16(typeArg);
  const alg = u32(algArg);
  const lifetime = u32(lifetimeArg);
  let exportSize = data.length + exportSizeDelta;
  const exported = new Uint8Array(exportSize);
  startSession();

  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_lifetime(attributes, lifetime);
  psa.psa_set_key_usage_flags(attributes, u32(usageArg));
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  if (PSA_KEY_TYPE_IS_DH(type) && expectedExportStatus === PSA_ERROR_BUFFER_TOO_SMALL) {
    // Simulate a buffer one byte too small.
    exportSize -= 1;
  }

  const key = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');
  const got = getAttributes(key.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(expectedBits);

  const exportedLength = { value: INVALID_EXPORT_LENGTH };
  const status = psa.psa_export_key(key.value, exported.subarray(0, exportSize), exportedLength);
  expectStatus(status, expectedExportStatus, 'psa_export_key');
  expect(exportedLength.value, 'psa_export_key sets the length').not.toBe(INVALID_EXPORT_LENGTH);
  expect(status === PSA_SUCCESS || exportedLength.value === 0, 'length is 0 on error').toBe(true);
  expect(exportedLength.value, 'length <= buffer size').toBeLessThanOrEqual(exportSize);
  expect(memIsChar(exported.subarray(exportedLength.value, exportSize), 0), 'unused tail is zero').toBe(true);

  if (status === PSA_SUCCESS) {
    const output = exported.subarray(0, exportedLength.value);
    if (!lifetimeIsExternal(lifetime)) exerciseKey(key.value, usageArg, 0);
    if (canonicalInput) {
      expectBytes(output, data, 'export equals the input');
    } else {
      const key2 = { value: 0 };
      assertSuccess(psa.psa_import_key(attributes, output, key2), 'psa_import_key (re-import)');
      const reexported = new Uint8Array(exportSize);
      const reexportedLength = { value: 0 };
      assertSuccess(psa.psa_export_key(key2.value, reexported, reexportedLength), 'psa_export_key (re-export)');
      expectBytes(reexported.subarray(0, reexportedLength.value), output, 're-export equals export');
      assertSuccess(psa.psa_destroy_key(key2.value), 'psa_destroy_key (re-import)');
    }
    expect(exportedLength.value, 'length <= PSA_EXPORT_KEY_OUTPUT_SIZE')
      .toBeLessThanOrEqual(PSA_EXPORT_KEY_OUTPUT_SIZE(type, psa.psa_get_key_bits(got)));
    if (PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
      expect(exportedLength.value).toBeLessThanOrEqual(PSA_EXPORT_KEY_PAIR_MAX_SIZE);
    } else if (PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
      expect(exportedLength.value).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    }
  }
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
  testOperationsOnInvalidKey(key.value);
}

function importExportPublicKey(
  data: Uint8Array, typeArg: number, algArg: number, lifetimeArg: number, exportSizeDelta: number,
  expectedExportStatusArg: number, expectedPublicKey: Uint8Array,
): void {
  const type = u16(typeArg);
  const lifetime = u32(lifetimeArg);
  const exportSize = expectedPublicKey.length + exportSizeDelta;
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_lifetime(attributes, lifetime);
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_EXPORT);
  psa.psa_set_key_algorithm(attributes, u32(algArg));
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');

  const exported = new Uint8Array(exportSize);
  const exportedLength = { value: INVALID_EXPORT_LENGTH };
  const status = psa.psa_export_public_key(key.value, exported, exportedLength);
  expectStatus(status, expectedExportStatusArg, 'psa_export_public_key');
  if (status === PSA_SUCCESS) {
    const publicType = PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type);
    const bits = psa.psa_get_key_bits(getAttributes(key.value));
    expect(expectedPublicKey.length).toBeLessThanOrEqual(PSA_EXPORT_KEY_OUTPUT_SIZE(publicType, bits));
    expect(expectedPublicKey.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(publicType, bits));
    expect(expectedPublicKey.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    expectBytes(exported.subarray(0, exportedLength.value), expectedPublicKey, 'exported public key');
  }

  // Interruptible export (MBEDTLS_ECP_RESTARTABLE): ECC keys in local storage only.
  let expectedIop = expectedExportStatusArg;
  if ((PSA_KEY_TYPE_IS_KEY_PAIR(type) || PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) && !PSA_KEY_TYPE_IS_ECC(type)) expectedIop = PSA_ERROR_NOT_SUPPORTED;
  if (PSA_KEY_LIFETIME_GET_LOCATION(psa.psa_get_key_lifetime(getAttributes(key.value))) !== 0) expectedIop = PSA_ERROR_NOT_SUPPORTED;
  const operation = psa.psa_export_public_key_iop_init();
  const setupStatus = psa.psa_export_public_key_iop_setup(operation, key.value);
  expectStatus(setupStatus, expectedIop, 'psa_export_public_key_iop_setup');
  if (setupStatus !== PSA_SUCCESS) expectedIop = PSA_ERROR_BAD_STATE;
  exported.fill(0);
  let completeStatus: number;
  do {
    completeStatus = psa.psa_export_public_key_iop_complete(operation, exported, exportedLength);
  } while (completeStatus === PSA_OPERATION_INCOMPLETE);
  expectStatus(completeStatus, expectedIop, 'psa_export_public_key_iop_complete');
  if (completeStatus === PSA_SUCCESS) {
    expectBytes(exported.subarray(0, exportedLength.value), expectedPublicKey, 'exported public key (iop)');
  }
  psa.psa_export_public_key_iop_abort(operation);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
}

function importAndExerciseKey(data: Uint8Array, typeArg: number, bits: number, algArg: number): void {
  const type = u16(typeArg);
  const alg = u32(algArg);
  const usage = usageToExercise(type, alg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  const key = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');
  const got = getAttributes(key.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(bits);
  exerciseKey(key.value, usage, alg);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
  testOperationsOnInvalidKey(key.value);
}

/** `effective_key_attributes` with expected = requested (what check_key_policy runs). */
function checkKeyPolicy(typeArg: number, bits: number, usageArg: number, algArg: number): void {
  const type = u16(typeArg);
  const usage = u32(usageArg);
  const alg = u32(algArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);
  const key = { value: 0 };
  assertSuccess(psa.psa_generate_key(attributes, key), 'psa_generate_key');
  const got = getAttributes(key.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(bits);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(updateUsageFlags(usage));
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(alg);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
}

function keyAttributesInit(): void {
  // The facade has one way to initialise attributes; a fresh object must read back empty.
  const func = psa.psa_key_attributes_init();
  expect(psa.psa_get_key_lifetime(func), 'lifetime').toBe(PSA_KEY_LIFETIME_VOLATILE);
  expect(psa.psa_get_key_id(func), 'id').toBe(0);
  expect(psa.psa_get_key_type(func), 'type').toBe(0);
  expect(psa.psa_get_key_bits(func), 'bits').toBe(0);
  expect(psa.psa_get_key_usage_flags(func), 'usage').toBe(0);
  expect(psa.psa_get_key_algorithm(func), 'alg').toBe(0);
  expect(psa.psa_get_key_enrollment_algorithm(func), 'alg2').toBe(0);
  // Each call gives an independent object.
  const other = psa.psa_key_attributes_init();
  psa.psa_set_key_bits(other, 128);
  expect(psa.psa_get_key_bits(func), 'bits of the first object after setting the second').toBe(0);
}

function keyPolicyAlg2(typeArg: number, keyData: Uint8Array, usageArg: number, algArg: number, alg2Arg: number): void {
  const alg = u32(algArg);
  const alg2 = u32(alg2Arg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, u32(usageArg));
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_enrollment_algorithm(attributes, alg2);
  psa.psa_set_key_type(attributes, u16(typeArg));
  const key = { value: 0 };
  assertSuccess(psa.psa_import_key(attributes, keyData, key), 'psa_import_key');
  const usage = updateUsageFlags(u32(usageArg));
  const got = getAttributes(key.value);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(usage);
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(alg);
  expect(psa.psa_get_key_enrollment_algorithm(got), 'alg2').toBe(alg2);
  exerciseKey(key.value, usage, alg);
  exerciseKey(key.value, usage, alg2);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
}

function copySuccess(
  sourceUsageArg: number, sourceAlgArg: number, sourceAlg2Arg: number, sourceLifetimeArg: number,
  typeArg: number, material: Uint8Array, copyAttributes: number,
  targetUsageArg: number, targetAlgArg: number, targetAlg2Arg: number, targetLifetimeArg: number,
  expectedUsageArg: number, expectedAlgArg: number, expectedAlg2Arg: number,
): void {
  const expectedUsage = u32(expectedUsageArg);
  const expectedAlg = u32(expectedAlgArg);
  const expectedAlg2 = u32(expectedAlg2Arg);
  const targetLifetime = u32(targetLifetimeArg);
  startSession();

  let sourceAttributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(sourceAttributes, u32(sourceUsageArg));
  psa.psa_set_key_algorithm(sourceAttributes, u32(sourceAlgArg));
  psa.psa_set_key_enrollment_algorithm(sourceAttributes, u32(sourceAlg2Arg));
  psa.psa_set_key_type(sourceAttributes, u16(typeArg));
  psa.psa_set_key_lifetime(sourceAttributes, u32(sourceLifetimeArg));
  const sourceKey = { value: 0 };
  assertSuccess(psa.psa_import_key(sourceAttributes, material, sourceKey), 'psa_import_key (source)');
  sourceAttributes = getAttributes(sourceKey.value);

  // C copies the structure by value; a structured clone gives an independent copy.
  const targetAttributes = copyAttributes ? structuredClone(sourceAttributes) : psa.psa_key_attributes_init();
  psa.psa_set_key_lifetime(targetAttributes, targetLifetime);
  if (targetUsageArg !== -1) psa.psa_set_key_usage_flags(targetAttributes, u32(targetUsageArg));
  if (targetAlgArg !== -1) psa.psa_set_key_algorithm(targetAttributes, u32(targetAlgArg));
  if (targetAlg2Arg !== -1) psa.psa_set_key_enrollment_algorithm(targetAttributes, u32(targetAlg2Arg));

  const targetKey = { value: 0 };
  assertSuccess(psa.psa_copy_key(sourceKey.value, targetAttributes, targetKey), 'psa_copy_key');
  assertSuccess(psa.psa_destroy_key(sourceKey.value), 'psa_destroy_key (source)');

  const got = getAttributes(targetKey.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(psa.psa_get_key_type(sourceAttributes));
  expect(psa.psa_get_key_bits(got), 'bits').toBe(psa.psa_get_key_bits(sourceAttributes));
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(expectedUsage);
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(expectedAlg);
  expect(psa.psa_get_key_enrollment_algorithm(got), 'alg2').toBe(expectedAlg2);
  if (expectedUsage & PSA_KEY_USAGE_EXPORT) {
    const buffer = new Uint8Array(material.length);
    const length = { value: 0 };
    assertSuccess(psa.psa_export_key(targetKey.value, buffer, length), 'psa_export_key (target)');
    expectBytes(buffer.subarray(0, length.value), material, 'exported copy');
  }
  if (!lifetimeIsExternal(targetLifetime)) {
    exerciseKey(targetKey.value, expectedUsage, expectedAlg);
    exerciseKey(targetKey.value, expectedUsage, expectedAlg2);
  }
  assertSuccess(psa.psa_destroy_key(targetKey.value), 'psa_destroy_key (target)');
}

function copyFail(
  sourceUsageArg: number, sourceAlgArg: number, sourceAlg2Arg: number, sourceLifetimeArg: number,
  typeArg: number, material: Uint8Array, targetTypeArg: number, targetBitsArg: number,
  targetUsageArg: number, targetAlgArg: number, targetAlg2Arg: number, targetIdArg: number,
  targetLifetimeArg: number, expectedStatus: number,
): void {
  startSession();
  const sourceAttributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(sourceAttributes, u32(sourceUsageArg));
  psa.psa_set_key_algorithm(sourceAttributes, u32(sourceAlgArg));
  psa.psa_set_key_enrollment_algorithm(sourceAttributes, u32(sourceAlg2Arg));
  psa.psa_set_key_type(sourceAttributes, u16(typeArg));
  psa.psa_set_key_lifetime(sourceAttributes, u32(sourceLifetimeArg));
  const sourceKey = { value: 0 };
  assertSuccess(psa.psa_import_key(sourceAttributes, material, sourceKey), 'psa_import_key (source)');

  const targetAttributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(targetAttributes, psa.mbedtls_svc_key_id_make(1, u32(targetIdArg)));
  psa.psa_set_key_lifetime(targetAttributes, u32(targetLifetimeArg));
  psa.psa_set_key_type(targetAttributes, u16(targetTypeArg));
  psa.psa_set_key_bits(targetAttributes, targetBitsArg);
  psa.psa_set_key_usage_flags(targetAttributes, u32(targetUsageArg));
  psa.psa_set_key_algorithm(targetAttributes, u32(targetAlgArg));
  psa.psa_set_key_enrollment_algorithm(targetAttributes, u32(targetAlg2Arg));

  const targetKey = { value: 0 };
  expectStatus(psa.psa_copy_key(sourceKey.value, targetAttributes, targetKey), expectedStatus, 'psa_copy_key');
  assertSuccess(psa.psa_destroy_key(sourceKey.value), 'psa_destroy_key (source)');
}

function generateKey(
  typeArg: number, bits: number, usageArg: number, algArg: number, expectedStatus: number, isLargeKey: number,
): void {
  const type = u16(typeArg);
  const usage = u32(usageArg);
  const alg = u32(algArg);
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);
  const key = { value: 0 };
  const status = psa.psa_generate_key(attributes, key);
  if (isLargeKey > 0 && status === PSA_ERROR_INSUFFICIENT_MEMORY) throw new Skip('not enough memory for a large key');
  expectStatus(status, expectedStatus, 'psa_generate_key');
  if (expectedStatus === PSA_SUCCESS) {
    const got = getAttributes(key.value);
    expect(psa.psa_get_key_type(got), 'type').toBe(type);
    expect(psa.psa_get_key_bits(got), 'bits').toBe(bits);
    exerciseKey(key.value, usage, alg);
  }
  if (status === PSA_SUCCESS) assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');

  // Interruptible generation (MBEDTLS_ECP_RESTARTABLE): ECC key pairs only.
  let iopExpected = PSA_KEY_TYPE_IS_ECC(type) ? expectedStatus : PSA_ERROR_NOT_SUPPORTED;
  const operation = psa.psa_generate_key_iop_init();
  const iopKey = { value: 0 };
  try {
    expectStatus(psa.psa_generate_key_iop_complete(operation, iopKey), PSA_ERROR_BAD_STATE, 'psa_generate_key_iop_complete before setup');
    psa.psa_generate_key_iop_abort(operation);
    expectStatus(psa.psa_generate_key_iop_setup(operation, attributes), iopExpected, 'psa_generate_key_iop_setup');
    expectStatus(psa.psa_generate_key_iop_setup(operation, attributes), PSA_KEY_TYPE_IS_ECC(type) ? PSA_ERROR_BAD_STATE : PSA_ERROR_NOT_SUPPORTED,
      'psa_generate_key_iop_setup twice');
    assertSuccess(psa.psa_generate_key_iop_abort(operation), 'psa_generate_key_iop_abort');
    expectStatus(psa.psa_generate_key_iop_setup(operation, attributes), iopExpected, 'psa_generate_key_iop_setup after abort');
    if (iopExpected !== PSA_SUCCESS) return;
    let prior = psa.psa_generate_key_iop_get_num_ops(operation);
    expect(prior, 'num_ops after setup').toBe(0);
    let iopStatus: number;
    do {
      iopStatus = psa.psa_generate_key_iop_complete(operation, iopKey);
      if (iopStatus === PSA_SUCCESS || iopStatus === PSA_OPERATION_INCOMPLETE) {
        const n = psa.psa_generate_key_iop_get_num_ops(operation);
        expect(n, 'num_ops grows').toBeGreaterThanOrEqual(prior + 1);
        prior = n;
      }
    } while (iopStatus === PSA_OPERATION_INCOMPLETE);
    assertSuccess(iopStatus, 'psa_generate_key_iop_complete');
    const got = getAttributes(iopKey.value);
    expect(psa.psa_get_key_type(got), 'iop type').toBe(type);
    expect(psa.psa_get_key_bits(got), 'iop bits').toBe(bits);
    exerciseKey(iopKey.value, usage, alg);
    expectStatus(psa.psa_generate_key_iop_complete(operation, { value: 0 }), PSA_ERROR_BAD_STATE, 'psa_generate_key_iop_complete twice');
    assertSuccess(psa.psa_generate_key_iop_abort(operation), 'psa_generate_key_iop_abort');
    expect(psa.psa_generate_key_iop_get_num_ops(operation), 'num_ops after abort').toBe(0);
    iopExpected = PSA_SUCCESS;
  } finally {
    psa.psa_generate_key_iop_abort(operation);
    if (iopKey.value !== 0) psa.psa_destroy_key(iopKey.value);
  }
}

/** `rsa_test_e`: the public exponent of a generated RSA key is the requested one (65537 by default). */
function rsaTestE(key: number, bits: number, e: Uint8Array): void {
  const exported = new Uint8Array(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, bits));
  const length = { value: 0 };
  assertSuccess(psa.psa_export_public_key(key, exported, length), 'psa_export_public_key');
  const der = new DerCursor(exported, length.value);
  der.getTag(ASN1_SEQUENCE_CONSTRUCTED, 'RSAPublicKey');
  der.skipInteger(bits, bits, true, 'modulus');
  let len = der.getTag(ASN1_INTEGER, 'publicExponent');
  let p = der.pos;
  if (len >= 1 && exported[p] === 0) {
    p++;
    len--;
  }
  const actual = exported.subarray(p, p + len);
  let start = 0;
  while (start < e.length && e[start] === 0) start++;
  expectBytes(actual, e.length === 0 ? Uint8Array.from([1, 0, 1]) : e.subarray(start), 'public exponent');
}

function generateKeyCustom(
  typeArg: number, bits: number, usageArg: number, algArg: number, flags: number, customData: Uint8Array,
  expectedStatus: number,
): void {
  const type = u16(typeArg);
  const usage = u32(usageArg);
  const alg = u32(algArg);
  if (!facadeHas('psa_generate_key_custom')) throw new Skip('psa_generate_key_custom is not in the C facade yet');
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);
  const key = { value: 0 };
  const status = facadeCall('psa_generate_key_custom', attributes, { flags }, customData, key);
  expectStatus(status, expectedStatus, 'psa_generate_key_custom');
  if (expectedStatus !== PSA_SUCCESS) return;
  const got = getAttributes(key.value);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(bits);
  if (type === PSA_KEY_TYPE_RSA_KEY_PAIR) rsaTestE(key.value, bits, customData);
  exerciseKey(key.value, usage, alg);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
}

function persistentKeyLoadKeyFromStorage(
  data: Uint8Array, typeArg: number, bits: number, usageArg: number, algArg: number, generationMethod: number,
): void {
  const type = u16(typeArg);
  const usage = u32(usageArg);
  const alg = u32(algArg);
  const keyId = psa.mbedtls_svc_key_id_make(1, 1);
  const exportSize = PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits);
  if (generationMethod === DERIVE_KEY && !facadeHas('psa_key_derivation_setup')) {
    throw new Skip('DERIVE_KEY needs key derivation, not implemented yet');
  }
  startSession();
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, keyId);
  psa.psa_set_key_usage_flags(attributes, usage);
  psa.psa_set_key_algorithm(attributes, alg);
  psa.psa_set_key_type(attributes, type);
  psa.psa_set_key_bits(attributes, bits);

  const key = { value: 0 };
  if (generationMethod === IMPORT_KEY) {
    assertSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');
  } else if (generationMethod === GENERATE_KEY) {
    assertSuccess(psa.psa_generate_key(attributes, key), 'psa_generate_key');
  } else if (generationMethod === DERIVE_KEY) {
    const deriveAlg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    const baseAttributes = psa.psa_key_attributes_init();
    psa.psa_set_key_usage_flags(baseAttributes, PSA_KEY_USAGE_DERIVE);
    psa.psa_set_key_algorithm(baseAttributes, deriveAlg);
    psa.psa_set_key_type(baseAttributes, PSA_KEY_TYPE_DERIVE);
    const baseKey = { value: 0 };
    assertSuccess(psa.psa_import_key(baseAttributes, data, baseKey), 'psa_import_key (base key)');
    const operation = (psa as unknown as Record<string, () => unknown>)['psa_key_derivation_operation_init']!();
    assertSuccess(facadeCall('psa_key_derivation_setup', operation, deriveAlg), 'psa_key_derivation_setup');
    assertSuccess(facadeCall('psa_key_derivation_input_key', operation, PSA_KEY_DERIVATION_INPUT_SECRET, baseKey.value),
      'psa_key_derivation_input_key');
    assertSuccess(facadeCall('psa_key_derivation_input_bytes', operation, PSA_KEY_DERIVATION_INPUT_INFO, new Uint8Array(0)),
      'psa_key_derivation_input_bytes');
    assertSuccess(facadeCall('psa_key_derivation_output_key', attributes, operation, key), 'psa_key_derivation_output_key');
    assertSuccess(facadeCall('psa_key_derivation_abort', operation), 'psa_key_derivation_abort');
    assertSuccess(psa.psa_destroy_key(baseKey.value), 'psa_destroy_key (base key)');
  } else {
    throw new Error(`generation method ${generationMethod} not implemented in the test`);
  }

  let firstExport = new Uint8Array(0);
  if (usage & PSA_KEY_USAGE_EXPORT) {
    const buffer = new Uint8Array(exportSize);
    const length = { value: 0 };
    assertSuccess(psa.psa_export_key(key.value, buffer, length), 'psa_export_key');
    firstExport = buffer.slice(0, length.value);
    if (generationMethod === IMPORT_KEY) expectBytes(firstExport, data, 'export equals the imported data');
  }

  // Shut down and restart.
  assertSuccess(psa.psa_purge_key(key.value), 'psa_purge_key');
  assertNotLeaking('before restart');
  restart();

  const got = getAttributes(key.value);
  expect(psa.psa_get_key_id(got), 'id').toBe(keyId);
  expect(psa.psa_get_key_lifetime(got), 'lifetime').toBe(PSA_KEY_LIFETIME_PERSISTENT);
  expect(psa.psa_get_key_type(got), 'type').toBe(type);
  expect(psa.psa_get_key_bits(got), 'bits').toBe(bits);
  expect(psa.psa_get_key_usage_flags(got), 'usage').toBe(updateUsageFlags(usage));
  expect(psa.psa_get_key_algorithm(got), 'alg').toBe(alg);

  if (usage & PSA_KEY_USAGE_EXPORT) {
    const buffer = new Uint8Array(exportSize);
    const length = { value: 0 };
    assertSuccess(psa.psa_export_key(key.value, buffer, length), 'psa_export_key after restart');
    expectBytes(buffer.subarray(0, length.value), firstExport, 'export after restart');
  }
  exerciseKey(key.value, usage, alg);
  assertSuccess(psa.psa_destroy_key(key.value), 'psa_destroy_key');
}

export const functions: SuiteFunctions = {
  import_with_policy: { params: ['int', 'int', 'int', 'int'], run: guarded(importWithPolicy) },
  import_with_data: { params: ['data', 'int', 'int', 'int'], run: guarded(importWithData) },
  import_large_key: { params: ['int', 'int', 'int'], run: guarded(importLargeKey) },
  import_rsa_made_up: { params: ['int', 'int', 'int'], run: guarded(importRsaMadeUp) },
  import_export: {
    params: ['data', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int'],
    run: guarded(importExport),
  },
  import_export_public_key: {
    params: ['data', 'int', 'int', 'int', 'int', 'int', 'data'],
    run: guarded(importExportPublicKey),
  },
  import_and_exercise_key: { params: ['data', 'int', 'int', 'int'], run: guarded(importAndExerciseKey) },
  check_key_policy: { params: ['int', 'int', 'int', 'int'], run: guarded(checkKeyPolicy) },
  key_attributes_init: { params: [], setup: 'none', run: keyAttributesInit },
  key_policy_alg2: { params: ['int', 'data', 'int', 'int', 'int'], run: guarded(keyPolicyAlg2) },
  copy_success: {
    params: ['int', 'int', 'int', 'int', 'int', 'data', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int'],
    run: guarded(copySuccess),
  },
  copy_fail: {
    params: ['int', 'int', 'int', 'int', 'int', 'data', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'int'],
    run: guarded(copyFail),
  },
  generate_key: { params: ['int', 'int', 'int', 'int', 'int', 'int'], run: guarded(generateKey) },
  generate_key_custom: { params: ['int', 'int', 'int', 'int', 'int', 'data', 'int'], run: guarded(generateKeyCustom) },
  persistent_key_load_key_from_storage: {
    params: ['data', 'int', 'int', 'int', 'int', 'int'],
    run: guarded(persistentKeyLoadKeyFromStorage),
  },
};
