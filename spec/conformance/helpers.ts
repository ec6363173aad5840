/**
 * Shared helpers of the key-management conformance suites: byte and integer
 * conversions, status assertions, the session helpers that stand in for the
 * C test framework's `PSA_INIT` / `PSA_DONE` / restart, and `exerciseKey`
 * (sanity checks plus one real operation of the key's algorithm category).
 */
import { expect } from 'vitest';
import * as psa from '../../src/c/index.js';
import { memoryStorage, type Its } from '../../src/storage/index.js';
import {
  MBEDTLS_PSA_KEY_SLOT_COUNT,
  PSA_ALG_IS_AEAD,
  PSA_ALG_IS_ASYMMETRIC_ENCRYPTION,
  PSA_ALG_IS_CIPHER,
  PSA_ALG_IS_KEY_AGREEMENT,
  PSA_ALG_IS_KEY_DERIVATION,
  PSA_ALG_IS_MAC,
  PSA_ALG_IS_SIGN,
  PSA_ALG_IS_SIGN_HASH,
  PSA_ALG_IS_SIGN_MESSAGE,
  PSA_ALG_SIGN_GET_HASH,
  PSA_ALG_CTR,
  PSA_BITS_TO_BYTES,
  PSA_BLOCK_CIPHER_BLOCK_LENGTH,
  PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_EXPORT_KEY_OUTPUT_SIZE,
  PSA_EXPORT_KEY_PAIR_MAX_SIZE,
  PSA_EXPORT_PUBLIC_KEY_MAX_SIZE,
  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_KEY_ID_USER_MAX,
  PSA_KEY_ID_USER_MIN,
  PSA_KEY_ID_VOLATILE_MAX,
  PSA_KEY_ID_VOLATILE_MIN,
  PSA_KEY_LIFETIME_GET_LOCATION,
  PSA_KEY_LIFETIME_IS_VOLATILE,
  PSA_KEY_LOCATION_LOCAL_STORAGE,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ECC_GET_FAMILY,
  PSA_KEY_TYPE_IS_ASYMMETRIC,
  PSA_KEY_TYPE_IS_DH_KEY_PAIR,
  PSA_KEY_TYPE_IS_DH_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_PUBLIC_KEY,
  PSA_KEY_TYPE_IS_RSA,
  PSA_KEY_TYPE_IS_UNSTRUCTURED,
  PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_HASH,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
  PSA_MAX_KEY_BITS,
  PSA_SUCCESS,
  PSA_VENDOR_ECC_MAX_CURVE_BITS,
  PSA_VENDOR_RSA_MAX_KEY_BITS,
  describe,
} from '../../src/values/index.js';
import { checkSuccess } from './assert.js';
import { Skip } from './framework.js';
import { exerciseAeadKey } from './exercise/aead.js';
import { exerciseCipherKey } from './exercise/cipher.js';
import { exerciseMacKey } from './exercise/mac.js';
import { exerciseAsymmetricEncryptionKey } from './exercise/asymmetric-encryption.js';
import { exerciseKeyAgreementKey } from './exercise/key-agreement.js';
import { exerciseKeyDerivationKey } from './exercise/key-derivation.js';
import { exerciseSignKey } from './exercise/sign.js';

// ---------------------------------------------------------------------------
// Bytes and integers
// ---------------------------------------------------------------------------

/** Decode a hex string (no separators) to bytes. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`bad hex string '${hex}'`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Encode bytes as lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** A C `int` argument converted to a 32-bit unsigned PSA type (`psa_algorithm_t`, `psa_key_usage_t`, …). */
export function u32(value: number): number {
  return value >>> 0;
}

/** A C `int` argument converted to `psa_key_type_t` (16-bit unsigned). */
export function u16(value: number): number {
  return value & 0xffff;
}

/** The in-memory representation of a C `size_t` on a 64-bit little-endian host (`(uint8_t *) &i, sizeof(i)`). */
export function sizeTBytes(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value), true);
  return out;
}

/** The in-memory representation of a `psa_key_id_t` (32-bit little-endian). */
export function keyIdBytes(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, true);
  return out;
}

/** `mem_is_char`: every byte of `bytes` equals `c`. */
export function memIsChar(bytes: Uint8Array, c: number): boolean {
  return bytes.every((b) => b === c);
}

// ---------------------------------------------------------------------------
// A minimal DER reader (mbedtls_asn1_get_tag and mbedtls_test_asn1_skip_integer)
// ---------------------------------------------------------------------------

/** ASN.1 tags used by the RSA key checks. */
export const ASN1_INTEGER = 0x02;
export const ASN1_SEQUENCE_CONSTRUCTED = 0x30;

/** A read position inside DER bytes. */
export class DerCursor {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly end: number = bytes.length) {}

  /** `mbedtls_asn1_get_tag`: check the tag, read the length; returns the content length. */
  getTag(tag: number, what: string): number {
    expect(this.pos < this.end, `${what}: tag present`).toBe(true);
    expect(this.bytes[this.pos], `${what}: tag`).toBe(tag);
    this.pos++;
    expect(this.pos < this.end, `${what}: length present`).toBe(true);
    let len = this.bytes[this.pos++]!;
    if (len & 0x80) {
      const n = len & 0x7f;
      expect(n >= 1 && n <= 4 && this.pos + n <= this.end, `${what}: length octets`).toBe(true);
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + this.bytes[this.pos++]!;
    }
    expect(len, `${what}: length within the data`).toBeLessThanOrEqual(this.end - this.pos);
    return len;
  }

  /**
   * `mbedtls_test_asn1_skip_integer`: an INTEGER whose magnitude has between
   * `minBits` and `maxBits` bits (and is odd when asked); a leading zero
   * octet and an empty zero are tolerated.
   */
  skipInteger(minBits: number, maxBits: number, mustBeOdd: boolean, what: string): void {
    let len = this.getTag(ASN1_INTEGER, what);
    let p = this.pos;
    const b = this.bytes;
    if ((len === 1 && b[p] === 0) || (len > 1 && b[p] === 0 && (b[p + 1]! & 0x80) !== 0)) {
      p++;
      len--;
    }
    if (minBits === 0 && len === 0) {
      this.pos = p;
      return;
    }
    let msb = b[p]!;
    expect(msb, `${what}: no superfluous leading zero`).not.toBe(0);
    let actualBits = 8 * (len - 1);
    while (msb !== 0) {
      msb >>= 1;
      actualBits++;
    }
    expect(actualBits, `${what}: bit size`).toBeGreaterThanOrEqual(minBits);
    expect(actualBits, `${what}: bit size`).toBeLessThanOrEqual(maxBits);
    if (mustBeOdd) expect(b[p + len - 1]! & 1, `${what}: odd`).toBe(1);
    this.pos = p + len;
  }
}

// ---------------------------------------------------------------------------
// Assertions
// ---------------------------------------------------------------------------

/** A status number as its C name (or the number when unknown). */
export function statusText(status: number): string {
  try {
    return describe(status, 'status');
  } catch {
    return String(status);
  }
}

/** `TEST_EQUAL(actual, expected)` for statuses, with readable names in the failure message. */
export function expectStatus(actual: number, expected: number, what: string): void {
  expect(statusText(actual), what).toBe(statusText(expected));
}

/** `PSA_ASSERT(status)`. */
export function assertSuccess(status: number, what: string): void {
  expectStatus(status, PSA_SUCCESS, what);
}

/** `TEST_MEMORY_COMPARE`, compared as hex for readable diffs. */
export function expectBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  expect(toHex(actual), what).toBe(toHex(expected));
}

/** `mbedtls_test_update_key_usage_flags`: add the usage flags implied by SIGN_HASH / VERIFY_HASH. */
export function updateUsageFlags(usage: number): number {
  let u = usage >>> 0;
  if (u & PSA_KEY_USAGE_SIGN_HASH) u |= PSA_KEY_USAGE_SIGN_MESSAGE;
  if (u & PSA_KEY_USAGE_VERIFY_HASH) u |= PSA_KEY_USAGE_VERIFY_MESSAGE;
  return u >>> 0;
}

/** `psa_key_lifetime_is_external`: the key lives outside local storage. */
export function lifetimeIsExternal(lifetime: number): boolean {
  return PSA_KEY_LIFETIME_GET_LOCATION(lifetime >>> 0) !== PSA_KEY_LOCATION_LOCAL_STORAGE;
}

/** Whether the C facade exports a function of this name (for API groups that are not written yet). */
export function facadeHas(name: string): boolean {
  return typeof (psa as unknown as Record<string, unknown>)[name] === 'function';
}

/** Call a facade function by name (one that `facadeHas` reported present). */
export function facadeCall(name: string, ...args: unknown[]): number {
  const fn = (psa as unknown as Record<string, (...a: unknown[]) => number>)[name];
  if (typeof fn !== 'function') throw new Skip(`${name} is not in the C facade yet`);
  return fn(...args);
}

// ---------------------------------------------------------------------------
// Sessions: PSA_INIT, PSA_DONE, restart
// ---------------------------------------------------------------------------

let storage: Its | undefined;

/** The ITS of the current session (created by `startSession`). */
export function currentStorage(): Its {
  if (storage === undefined) throw new Error('no session: call startSession() first');
  return storage;
}

/** `psa_crypto_init()` on the storage of the current session. */
export function init(): number {
  return psa.psa_crypto_init({ storage: currentStorage(), keySlotCount: MBEDTLS_PSA_KEY_SLOT_COUNT });
}

/**
 * Begin a test case: drop whatever instance is running and start a fresh one
 * on a new, empty in-memory ITS that `restart()` will keep using. Every case
 * of these suites calls this first, so a restart inside the case finds the
 * persistent keys the case created.
 */
export function startSession(): void {
  psa.mbedtls_psa_crypto_free();
  storage = memoryStorage();
  assertSuccess(init(), 'psa_crypto_init');
}

/**
 * `mbedtls_test_helper_is_psa_leaking`: the key store must hold no volatile,
 * persistent, external, half-filled or locked slot.
 */
export function assertNotLeaking(where: string): void {
  const stats = {
    volatile_slots: -1, persistent_slots: -1, external_slots: -1, half_filled_slots: -1,
    cache_slots: -1, empty_slots: -1, locked_slots: -1,
    max_open_internal_key_id: -1, max_open_external_key_id: -1,
  };
  psa.mbedtls_psa_get_stats(stats);
  expect(stats.volatile_slots, `${where}: a volatile slot has not been closed properly`).toBe(0);
  expect(stats.persistent_slots, `${where}: a persistent slot has not been closed properly`).toBe(0);
  expect(stats.external_slots, `${where}: an external slot has not been closed properly`).toBe(0);
  expect(stats.half_filled_slots, `${where}: a half-filled slot has not been cleared properly`).toBe(0);
  expect(stats.locked_slots, `${where}: some slots are still marked as locked`).toBe(0);
}

/** `mbedtls_psa_crypto_free()` without checks (keys may remain behind). */
export function shutdown(): void {
  psa.mbedtls_psa_crypto_free();
}

/** `mbedtls_psa_crypto_free(); PSA_ASSERT(psa_crypto_init());` on the same storage. */
export function restart(): void {
  psa.mbedtls_psa_crypto_free();
  assertSuccess(init(), 'psa_crypto_init after restart');
}

/** `PSA_DONE(); PSA_ASSERT(psa_crypto_init());` in the middle of a case: leak check, free, init. */
export function doneAndRestart(where: string): void {
  assertNotLeaking(where);
  restart();
}

/**
 * Wrap a test body so that a failing or skipped case leaves no key behind,
 * as the `exit:` cleanup of the C tests does: on any exception the instance
 * is dropped and a fresh, empty one is started before the exception goes on.
 */
export function guarded<A extends unknown[]>(body: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      body(...args);
    } catch (e) {
      psa.mbedtls_psa_crypto_free();
      storage = memoryStorage();
      init();
      throw e;
    }
  };
}

/** `psa_is_key_present_in_storage`: an ITS entry exists under the key id. */
export function keyPresentInStorage(id: number): boolean {
  try {
    currentStorage().getInfo(BigInt(id >>> 0));
    return true;
  } catch {
    return false;
  }
}

/** `psa_destroy_persistent_key`: remove the ITS entry of a key id, if any. */
export function destroyPersistentKey(id: number): void {
  try {
    currentStorage().remove(BigInt(id >>> 0));
  } catch {
    // Absent already: nothing to do, as in C.
  }
}

// ---------------------------------------------------------------------------
// Key attributes
// ---------------------------------------------------------------------------

export type Attributes = ReturnType<typeof psa.psa_key_attributes_init>;

/** `psa_get_key_attributes` into a fresh attribute object; asserts success. */
export function getAttributes(key: number, what = 'psa_get_key_attributes'): Attributes {
  const a = psa.psa_key_attributes_init();
  assertSuccess(psa.psa_get_key_attributes(key, a), what);
  return a;
}

/**
 * `test_operations_on_invalid_key`: a key id that does not (or no longer)
 * designates a key must give INVALID_HANDLE everywhere and leave the
 * attribute structure empty.
 */
export function testOperationsOnInvalidKey(key: number): void {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_id(attributes, psa.mbedtls_svc_key_id_make(1, 0x6964));
  psa.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_ENCRYPT);
  psa.psa_set_key_algorithm(attributes, PSA_ALG_CTR);
  psa.psa_set_key_type(attributes, PSA_KEY_TYPE_AES);
  expectStatus(psa.psa_get_key_attributes(key, attributes), PSA_ERROR_INVALID_HANDLE,
    'psa_get_key_attributes on an invalid key');
  expect(psa.psa_get_key_id(attributes), 'id after failed psa_get_key_attributes').toBe(0);
  expect(psa.psa_get_key_lifetime(attributes), 'lifetime after failed psa_get_key_attributes').toBe(0);
  expect(psa.psa_get_key_usage_flags(attributes), 'usage after failed psa_get_key_attributes').toBe(0);
  expect(psa.psa_get_key_algorithm(attributes), 'alg after failed psa_get_key_attributes').toBe(0);
  expect(psa.psa_get_key_type(attributes), 'type after failed psa_get_key_attributes').toBe(0);
  expect(psa.psa_get_key_bits(attributes), 'bits after failed psa_get_key_attributes').toBe(0);

  const buffer = new Uint8Array(1);
  const length = { value: 0 };
  expectStatus(psa.psa_export_key(key, buffer, length), PSA_ERROR_INVALID_HANDLE, 'psa_export_key on an invalid key');
  expectStatus(psa.psa_export_public_key(key, buffer, length), PSA_ERROR_INVALID_HANDLE,
    'psa_export_public_key on an invalid key');
  // MBEDTLS_ECP_RESTARTABLE builds also check the interruptible export.
  const iop = psa.psa_export_public_key_iop_init();
  expectStatus(psa.psa_export_public_key_iop_setup(iop, key), PSA_ERROR_INVALID_HANDLE,
    'psa_export_public_key_iop_setup on an invalid key');
  psa.psa_export_public_key_iop_abort(iop);
}

// ---------------------------------------------------------------------------
// Exercising keys (mbedtls_test_psa_exercise_key)
// ---------------------------------------------------------------------------

/** `check_key_attributes_sanity`. */
function checkKeyAttributesSanity(key: number): void {
  const attributes = getAttributes(key, 'psa_get_key_attributes (sanity check)');
  const lifetime = psa.psa_get_key_lifetime(attributes) >>> 0;
  const id = psa.psa_get_key_id(attributes) >>> 0;
  const type = psa.psa_get_key_type(attributes);
  const bits = psa.psa_get_key_bits(attributes);

  if (PSA_KEY_LIFETIME_IS_VOLATILE(lifetime)) {
    expect(id >= PSA_KEY_ID_VOLATILE_MIN && id <= PSA_KEY_ID_VOLATILE_MAX,
      `volatile key id 0x${id.toString(16)} in the volatile range`).toBe(true);
  } else {
    expect(id >= PSA_KEY_ID_USER_MIN && id <= PSA_KEY_ID_USER_MAX,
      `persistent key id 0x${id.toString(16)} in the user range`).toBe(true);
  }
  expect(type, 'key type').not.toBe(0);
  expect(bits, 'key bits').not.toBe(0);
  expect(bits, 'key bits <= PSA_MAX_KEY_BITS').toBeLessThanOrEqual(PSA_MAX_KEY_BITS);
  if (PSA_KEY_TYPE_IS_UNSTRUCTURED(type)) expect(bits % 8, 'unstructured key bits multiple of 8').toBe(0);
  if (PSA_KEY_TYPE_IS_ECC(type)) {
    expect(bits, 'ECC bits <= PSA_VENDOR_ECC_MAX_CURVE_BITS').toBeLessThanOrEqual(PSA_VENDOR_ECC_MAX_CURVE_BITS);
  } else if (PSA_KEY_TYPE_IS_RSA(type)) {
    expect(bits, 'RSA bits <= PSA_VENDOR_RSA_MAX_KEY_BITS').toBeLessThanOrEqual(PSA_VENDOR_RSA_MAX_KEY_BITS);
  }
  expect(PSA_BLOCK_CIPHER_BLOCK_LENGTH(type), 'block length <= PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE')
    .toBeLessThanOrEqual(PSA_BLOCK_CIPHER_BLOCK_MAX_SIZE);
}

/** `mbedtls_test_psa_exported_key_sanity_check`. */
export function exportedKeySanityCheck(type: number, bits: number, exported: Uint8Array): void {
  expect(exported.length, 'exported length <= PSA_EXPORT_KEY_OUTPUT_SIZE')
    .toBeLessThanOrEqual(PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits));
  if (PSA_KEY_TYPE_IS_UNSTRUCTURED(type)) {
    expect(exported.length, 'exported length of an unstructured key').toBe(PSA_BITS_TO_BYTES(bits));
  } else if (type === PSA_KEY_TYPE_RSA_KEY_PAIR) {
    // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dp, dq, qinv }
    const der = new DerCursor(exported);
    expect(der.getTag(ASN1_SEQUENCE_CONSTRUCTED, 'RSAPrivateKey'), 'RSAPrivateKey length').toBe(exported.length - der.pos);
    der.skipInteger(0, 0, false, 'version');
    der.skipInteger(bits, bits, true, 'modulus');
    der.skipInteger(2, bits, true, 'publicExponent');
    der.skipInteger(Math.floor(bits / 2), bits, true, 'privateExponent');
    der.skipInteger(Math.floor(bits / 2), Math.floor(bits / 2) + 1, true, 'prime1');
    der.skipInteger(Math.floor(bits / 2), Math.floor(bits / 2) + 1, true, 'prime2');
    der.skipInteger(1, Math.floor(bits / 2) + 1, false, 'exponent1');
    der.skipInteger(1, Math.floor(bits / 2) + 1, false, 'exponent2');
    der.skipInteger(1, Math.floor(bits / 2) + 1, false, 'coefficient');
    expect(der.pos, 'RSAPrivateKey: no trailing data').toBe(exported.length);
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_KEY_PAIR_MAX_SIZE);
  } else if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(type)) {
    expect(exported.length, 'exported ECC private key length').toBe(PSA_BITS_TO_BYTES(bits));
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_KEY_PAIR_MAX_SIZE);
  } else if (type === PSA_KEY_TYPE_RSA_PUBLIC_KEY) {
    // RSAPublicKey ::= SEQUENCE { modulus, publicExponent }
    const der = new DerCursor(exported);
    expect(der.getTag(ASN1_SEQUENCE_CONSTRUCTED, 'RSAPublicKey'), 'RSAPublicKey length').toBe(exported.length - der.pos);
    der.skipInteger(bits, bits, true, 'modulus');
    der.skipInteger(2, bits, true, 'publicExponent');
    expect(der.pos, 'RSAPublicKey: no trailing data').toBe(exported.length);
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits));
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  } else if (PSA_KEY_TYPE_IS_ECC_PUBLIC_KEY(type)) {
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits));
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
    const family = PSA_KEY_TYPE_ECC_GET_FAMILY(type);
    if (family === PSA_ECC_FAMILY_MONTGOMERY) {
      expect(exported.length, 'Montgomery public key length').toBe(PSA_BITS_TO_BYTES(bits));
    } else if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS) {
      expect(exported.length, 'Edwards public key length').toBe(PSA_BITS_TO_BYTES(bits + 1));
    } else {
      expect(exported.length, 'Weierstrass public key length').toBe(1 + 2 * PSA_BITS_TO_BYTES(bits));
      expect(exported[0], 'Weierstrass public key prefix').toBe(4);
    }
  } else if (PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(type) || PSA_KEY_TYPE_IS_DH_KEY_PAIR(type)) {
    expect(exported.length).toBe(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits));
    expect(exported.length).toBeLessThanOrEqual(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE);
  } else {
    throw new Error(`sanity check not implemented for key type ${describe(type, 'keyType')}`);
  }
}

/** `exercise_export_key`. */
function exerciseExportKey(key: number, usage: number): void {
  const attributes = getAttributes(key, 'psa_get_key_attributes (export check)');
  const type = psa.psa_get_key_type(attributes);
  const bits = psa.psa_get_key_bits(attributes);
  const exported = new Uint8Array(PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits));
  const length = { value: 0 };
  const status = psa.psa_export_key(key, exported, length);
  if ((usage & PSA_KEY_USAGE_EXPORT) === 0 && !PSA_KEY_TYPE_IS_PUBLIC_KEY(type)) {
    expectStatus(status, PSA_ERROR_NOT_PERMITTED, 'psa_export_key without EXPORT usage');
    return;
  }
  assertSuccess(status, 'psa_export_key (export check)');
  exportedKeySanityCheck(type, bits, exported.subarray(0, length.value));
}

/** `exercise_export_public_key`. */
function exerciseExportPublicKey(key: number): void {
  const attributes = getAttributes(key, 'psa_get_key_attributes (public export check)');
  const type = psa.psa_get_key_type(attributes);
  const bits = psa.psa_get_key_bits(attributes);
  const length = { value: 0 };
  if (!PSA_KEY_TYPE_IS_ASYMMETRIC(type)) {
    const exported = new Uint8Array(PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits));
    expectStatus(psa.psa_export_public_key(key, exported, length), PSA_ERROR_INVALID_ARGUMENT,
      'psa_export_public_key of a symmetric key');
    return;
  }
  const publicType = PSA_KEY_TYPE_PUBLIC_KEY_OF_KEY_PAIR(type);
  const exported = new Uint8Array(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(publicType, bits));
  assertSuccess(psa.psa_export_public_key(key, exported, length), 'psa_export_public_key');
  exportedKeySanityCheck(publicType, bits, exported.subarray(0, length.value));
}

/**
 * `mbedtls_test_psa_exercise_key(key, usage, alg)`: attribute sanity checks,
 * one operation of the algorithm's category (none when `alg` is 0), then the
 * export and public-export checks. Throws on a failed check; throws `Skip`
 * when the operation category does not exist in the implementation yet.
 */
export function exerciseKey(key: number, usage: number, alg: number): void {
  const a = alg >>> 0;
  usage = usage >>> 0;
  checkKeyAttributesSanity(key);
  if (a === 0) {
    // No algorithm: nothing to do (raw data "keys").
  } else if (PSA_ALG_IS_MAC(a)) {
    if (!exerciseMacKey) throw new Skip('exercise needs MAC, not implemented yet');
    exerciseMacKey(key, usage, a);
  } else if (PSA_ALG_IS_CIPHER(a)) {
    if (!exerciseCipherKey) throw new Skip('exercise needs cipher, not implemented yet');
    exerciseCipherKey(key, usage, a);
  } else if (PSA_ALG_IS_AEAD(a)) {
    if (!exerciseAeadKey) throw new Skip('exercise needs AEAD, not implemented yet');
    exerciseAeadKey(key, usage, a);
  } else if (PSA_ALG_IS_SIGN(a)) {
    if (!exerciseSignKey) throw new Skip('exercise needs signature, not implemented yet');
    exerciseSignKey(key, usage, a);
  } else if (PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(a)) {
    if (!exerciseAsymmetricEncryptionKey) throw new Skip('exercise needs asymmetric encryption, not implemented yet');
    exerciseAsymmetricEncryptionKey(key, usage, a);
  } else if (PSA_ALG_IS_KEY_DERIVATION(a)) {
    if (!exerciseKeyDerivationKey) throw new Skip('exercise needs key derivation, not implemented yet');
    exerciseKeyDerivationKey(key, usage, a);
  } else if (PSA_ALG_IS_KEY_AGREEMENT(a)) {
    if (!exerciseKeyAgreementKey) throw new Skip('exercise needs key agreement, not implemented yet');
    exerciseKeyAgreementKey(key, usage, a);
  } else {
    throw new Error(`no code to exercise algorithm ${describe(a, 'alg')}`);
  }
  exerciseExportKey(key, usage);
  exerciseExportPublicKey(key);
}

/** `mbedtls_test_psa_usage_to_exercise(type, alg)`: the usage a key needs to be exercised with `alg`. */
export function usageToExercise(type: number, alg: number): number {
  const a = alg >>> 0;
  const isPublic = PSA_KEY_TYPE_IS_PUBLIC_KEY(type);
  if (PSA_ALG_IS_MAC(a) || PSA_ALG_IS_SIGN(a)) {
    if (PSA_ALG_IS_SIGN_HASH(a)) {
      if (PSA_ALG_SIGN_GET_HASH(a)) {
        return (isPublic
          ? PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_VERIFY_MESSAGE
          : PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH |
            PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE) >>> 0;
      }
    } else if (PSA_ALG_IS_SIGN_MESSAGE(a)) {
      return (isPublic
        ? PSA_KEY_USAGE_VERIFY_MESSAGE
        : PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE) >>> 0;
    }
    return (isPublic ? PSA_KEY_USAGE_VERIFY_HASH : PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH) >>> 0;
  }
  if (PSA_ALG_IS_CIPHER(a) || PSA_ALG_IS_AEAD(a) || PSA_ALG_IS_ASYMMETRIC_ENCRYPTION(a)) {
    return (isPublic ? PSA_KEY_USAGE_ENCRYPT : PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT) >>> 0;
  }
  if (PSA_ALG_IS_KEY_DERIVATION(a) || PSA_ALG_IS_KEY_AGREEMENT(a)) return PSA_KEY_USAGE_DERIVE;
  return 0;
}

/** Import `data` as a key of `type` with `usage` and `alg` (usage as given, no implied flags); asserts success and returns the id. */
export function importKey(type: number, data: Uint8Array, usage: number, alg: number): number {
  const attributes = psa.psa_key_attributes_init();
  psa.psa_set_key_usage_flags(attributes, usage >>> 0);
  psa.psa_set_key_algorithm(attributes, alg >>> 0);
  psa.psa_set_key_type(attributes, type & 0xffff);
  const key = { value: 0 };
  checkSuccess(psa.psa_import_key(attributes, data, key), 'psa_import_key');
  return key.value;
}

/** The key's size in bits (`psa_get_key_attributes` + `psa_get_key_bits`). */
export function keyBits(key: number): number {
  const attributes = psa.psa_key_attributes_init();
  checkSuccess(psa.psa_get_key_attributes(key, attributes), 'psa_get_key_attributes');
  return psa.psa_get_key_bits(attributes);
}
