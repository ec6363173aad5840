/**
 * The persistent key record: what the key store writes to ITS for each
 * persistent key. Byte for byte the Mbed TLS / TF-PSA-Crypto version-0 layout,
 * all integers little-endian:
 *
 * | offset | size | field |
 * |---:|---:|---|
 * | 0 | 8 | magic `PSA\0KEY\0` |
 * | 8 | 4 | version (0) |
 * | 12 | 4 | lifetime |
 * | 16 | 2 | type |
 * | 18 | 2 | bits |
 * | 20 | 4 | usage |
 * | 24 | 4 | alg |
 * | 28 | 4 | alg2 |
 * | 32 | 4 | material length |
 * | 36 | n | material (export format, or an opaque driver's context) |
 * @module
 */
import { fail } from '../values/error.js';
import {
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_INSUFFICIENT_STORAGE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_STORAGE_FAILURE,
} from '../values/status.js';
import { copyRange } from '../bytes.js';

/** Size of the fixed record header that precedes the key material. */
export const KEY_RECORD_HEADER_SIZE = 36;

/**
 * `PSA_CRYPTO_MAX_STORAGE_SIZE`: the largest material a record may hold,
 * `PSA_BITS_TO_BYTES(PSA_MAX_KEY_BITS)` = 8191 bytes.
 */
export const KEY_RECORD_MAX_MATERIAL_SIZE = 8191;

/** The key attributes a record stores (the key id is the ITS UID, not stored). */
export interface KeyRecordAttributes {
  /** `psa_key_lifetime_t` (u32). */
  lifetime: number;
  /** `psa_key_type_t` (u16). */
  type: number;
  /** Key size in bits (u16). */
  bits: number;
  /** `psa_key_usage_t` policy flags (u32). */
  usage: number;
  /** Permitted algorithm (u32). */
  alg: number;
  /** Enrollment algorithm (u32), 0 if none. */
  alg2: number;
}

const MAGIC = [0x50, 0x53, 0x41, 0x00, 0x4b, 0x45, 0x59, 0x00]; // "PSA\0KEY\0"

function checkField(attributes: KeyRecordAttributes, name: keyof KeyRecordAttributes, max: number): number {
  const v: unknown = attributes[name];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `encodeKeyRecord: ${name} ${String(v)} out of range`);
  }
  return v;
}

/**
 * Build a key record (`psa_save_persistent_key` + `psa_format_key_data_for_storage`).
 * Empty material → `PSA_ERROR_INVALID_ARGUMENT`; material longer than 8191
 * bytes → `PSA_ERROR_INSUFFICIENT_STORAGE`; an attribute that does not fit its
 * field (or is not an integer) → `PSA_ERROR_INVALID_ARGUMENT`.
 */
export function encodeKeyRecord(attributes: KeyRecordAttributes, material: Uint8Array): Uint8Array {
  if (typeof attributes !== 'object' || attributes === null) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'encodeKeyRecord: attributes is not an object');
  }
  if (!(material instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, 'encodeKeyRecord: material is not a Uint8Array');
  if (material.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'encodeKeyRecord: empty key material');
  if (material.length > KEY_RECORD_MAX_MATERIAL_SIZE) {
    fail(PSA_ERROR_INSUFFICIENT_STORAGE, `encodeKeyRecord: ${material.length} bytes of material exceed ${KEY_RECORD_MAX_MATERIAL_SIZE}`);
  }
  const lifetime = checkField(attributes, 'lifetime', 0xffffffff);
  const type = checkField(attributes, 'type', 0xffff);
  const bits = checkField(attributes, 'bits', 0xffff);
  const usage = checkField(attributes, 'usage', 0xffffffff);
  const alg = checkField(attributes, 'alg', 0xffffffff);
  const alg2 = checkField(attributes, 'alg2', 0xffffffff);

  const out = new Uint8Array(KEY_RECORD_HEADER_SIZE + material.length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(8, 0, true);
  view.setUint32(12, lifetime, true);
  view.setUint16(16, type, true);
  view.setUint16(18, bits, true);
  view.setUint32(20, usage, true);
  view.setUint32(24, alg, true);
  view.setUint32(28, alg2, true);
  view.setUint32(32, material.length, true);
  out.set(material, KEY_RECORD_HEADER_SIZE);
  return out;
}

/**
 * Read a key record with the Mbed TLS load rules
 * (`psa_parse_key_data_from_storage` + `psa_load_persistent_key`):
 * shorter than 36 bytes, wrong magic, version ≠ 0, or a material length
 * beyond the bytes present or above 8191 → `PSA_ERROR_DATA_INVALID`;
 * material length 0 → `PSA_ERROR_STORAGE_FAILURE` (every stored key has
 * material). Bytes after the material are ignored, as Mbed TLS does.
 * The returned material is a copy.
 */
export function decodeKeyRecord(bytes: Uint8Array): { attributes: KeyRecordAttributes; material: Uint8Array } {
  if (!(bytes instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, 'decodeKeyRecord: bytes is not a Uint8Array');
  if (bytes.length < KEY_RECORD_HEADER_SIZE) {
    fail(PSA_ERROR_DATA_INVALID, `key record: ${bytes.length} bytes, shorter than the ${KEY_RECORD_HEADER_SIZE}-byte header`);
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) fail(PSA_ERROR_DATA_INVALID, 'key record: bad magic');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== 0) fail(PSA_ERROR_DATA_INVALID, `key record: unsupported version ${version}`);
  const length = view.getUint32(32, true);
  if (length > bytes.length - KEY_RECORD_HEADER_SIZE || length > KEY_RECORD_MAX_MATERIAL_SIZE) {
    fail(PSA_ERROR_DATA_INVALID, `key record: material length ${length} invalid for a ${bytes.length}-byte record`);
  }
  if (length === 0) fail(PSA_ERROR_STORAGE_FAILURE, 'key record: no key material');
  return {
    attributes: {
      lifetime: view.getUint32(12, true),
      type: view.getUint16(16, true),
      bits: view.getUint16(18, true),
      usage: view.getUint32(20, true),
      alg: view.getUint32(24, true),
      alg2: view.getUint32(28, true),
    },
    material: copyRange(bytes, KEY_RECORD_HEADER_SIZE, KEY_RECORD_HEADER_SIZE + length),
  };
}
