/**
 * `trustedStorage(inner, huk)`: an Internal Trusted Storage that encrypts
 * each entry at rest, modelled on Nordic's Trusted Storage library (nRF
 * Connect SDK `subsys/trusted_storage`, AEAD backend: `trusted_backend_aead.c`,
 * `aead_key_huk.c`, `aead_ctr_nonce.c`, `aead_crypt_psa_chachapoly.c`;
 * reference/nordic.md §5.2).
 *
 * - AEAD: ChaCha20-Poly1305 (RFC 8439), 32-byte key, 12-byte nonce, 16-byte tag.
 * - Key: `huk.deriveKey(slot, context = empty, label = UID, 32)`, slot MKEK
 *   on KMU devices and KDR otherwise; the label is the 8-byte UID in memory
 *   order of a little-endian MCU (uint64 LE). One key per UID.
 * - Nonce: a 96-bit little-endian counter (uint64 low ‖ uint32 high), seeded
 *   once per instance ("per boot") from the random source and incremented
 *   before each encryption.
 * - AAD: the header `{ create_flags: uint32 LE, data_size: uint32 LE }`; the
 *   C `size_t` is 4 bytes as on the 32-bit Cortex-M targets.
 * - Stored in `inner`: header(8) ‖ nonce(12) ‖ ciphertext ‖ tag(16), written
 *   with flags NONE (this layer enforces WRITE_ONCE from the header). The
 *   header is also the clear copy `getInfo` reads without the HUK.
 *
 * Statuses, as the Nordic backend returns them: data_length 0 →
 * INVALID_ARGUMENT; flags other than NONE / WRITE_ONCE → NOT_SUPPORTED;
 * data longer than the cap (default 256 bytes) or a read past it →
 * NOT_SUPPORTED; a WRITE_ONCE entry set or removed → NOT_PERMITTED; no HUK
 * written or a failing derive → BAD_STATE; a failed tag check →
 * INVALID_SIGNATURE (what `psa_driver_wrapper_aead_decrypt` returns); a read
 * past the stored size → INVALID_ARGUMENT. A failure of `set` after the
 * WRITE_ONCE check removes the entry, as `trusted_set` does. A record too
 * short to hold a header, nonce and tag → DATA_CORRUPT (extension: the C
 * backend reads into a fixed struct).
 *
 * What the design detects: any change to a ciphertext, tag, nonce or header
 * (tag failure), and an entry copied to another UID (the key differs). What
 * it does not: replacing an entry with an older, genuine ciphertext of the
 * same UID (rollback) decrypts fine, since nothing records which version is
 * current; nor does it hide the UID list or the sizes. The key is derived
 * and used by the same code, so code running on the device can decrypt.
 * Side channels: noble's ChaCha20-Poly1305 is ARX (no table lookups); the
 * HUK derive is whatever the `huk` object does.
 * @module
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { fail, PsaError } from '../values/error.js';
import {
  PSA_ERROR_BAD_STATE, PSA_ERROR_DATA_CORRUPT, PSA_ERROR_DOES_NOT_EXIST, PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_PERMITTED, PSA_ERROR_NOT_SUPPORTED,
  PSA_ERROR_ALREADY_EXISTS,
} from '../values/status.js';
import {
  PSA_STORAGE_FLAG_NONE, PSA_STORAGE_FLAG_WRITE_ONCE, checkItsData, checkItsFlags, toStorageUid,
  type Its, type StorageInfo, type StorageUid,
} from './its.js';
import { copyRange } from '../bytes.js';

/**
 * What trusted storage needs of a Hardware Unique Key: whether the device
 * has a KMU, whether any key is written, and the derive. `hwUniqueKey()` of
 * the Nordic driver models fits it.
 */
export interface TrustedStorageHuk {
  /** KMU devices derive from `HUK_KEYSLOT_MKEK` (2), others from `HUK_KEYSLOT_KDR` (0). */
  readonly hasKmu: boolean;
  /** `hw_unique_key_are_any_written()`. */
  areAnyWritten(): boolean;
  /** `hw_unique_key_derive_key(slot, context, label, length)`; throws on failure. */
  deriveKey(slot: number, context: Uint8Array, label: Uint8Array, length: number): Uint8Array;
}

/** The options of `trustedStorage`. */
export interface TrustedStorageOptions {
  /** `CONFIG_TRUSTED_STORAGE_BACKEND_AEAD_MAX_DATA_SIZE`: the largest entry, default 256. */
  maxDataSize?: number;
  /** Source of the nonce seed (12 bytes, once); default `crypto.getRandomValues`. */
  random?: (n: number) => Uint8Array;
}

const HEADER = 8;
const NONCE = 12;
const TAG = 16;
const KEY = 32;
const SLOT_KDR = 0;
const SLOT_MKEK = 2;

/** The header bytes: create_flags (uint32 LE) ‖ data_size (uint32 LE). */
function header(flags: number, size: number): Uint8Array {
  const h = new Uint8Array(HEADER);
  const v = new DataView(h.buffer);
  v.setUint32(0, flags >>> 0, true);
  v.setUint32(4, size >>> 0, true);
  return h;
}

/** The 8-byte label: the UID as a little-endian uint64. */
function uidLabel(uid: StorageUid): Uint8Array {
  const l = new Uint8Array(8);
  new DataView(l.buffer).setBigUint64(0, uid, true);
  return l;
}

function defaultRandom(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

/**
 * Wrap `inner` so that every entry is stored encrypted and authenticated
 * under a key derived from `huk` for its UID (layout and statuses in the
 * module header). `inner` sees only headers, nonces, ciphertexts and tags.
 * @param inner the backend holding the encrypted records
 * @param huk the device's Hardware Unique Key (its value is never read, only derived from)
 * @param options size cap and nonce seed source
 * @throws PsaError `PSA_ERROR_INVALID_ARGUMENT` for a bad `maxDataSize`
 */
export function trustedStorage(inner: Its, huk: TrustedStorageHuk, options: TrustedStorageOptions = {}): Its {
  const maxDataSize = options.maxDataSize ?? 256;
  if (!Number.isSafeInteger(maxDataSize) || maxDataSize < 1 || maxDataSize > 0xffffffff) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'trustedStorage: maxDataSize must be a positive integer');
  }
  const random = options.random ?? defaultRandom;
  const slot = huk.hasKmu ? SLOT_MKEK : SLOT_KDR;
  let counter: Uint8Array | undefined;

  const nextNonce = (): Uint8Array => {
    if (counter === undefined) {
      const seed = random(NONCE);
      if (!(seed instanceof Uint8Array) || seed.length !== NONCE) {
        fail(PSA_ERROR_BAD_STATE, 'trusted storage: the random source did not give a 12-byte nonce seed');
      }
      counter = Uint8Array.from(seed);
    }
    for (let i = 0; i < NONCE; i++) {
      counter[i] = (counter[i]! + 1) & 0xff;
      if (counter[i] !== 0) break;
    }
    return Uint8Array.from(counter);
  };

  const keyFor = (uid: StorageUid, fn: string): Uint8Array => {
    if (!huk.areAnyWritten()) fail(PSA_ERROR_BAD_STATE, `${fn}: no hardware unique key is written`);
    let key: Uint8Array;
    try {
      key = huk.deriveKey(slot, new Uint8Array(0), uidLabel(uid), KEY);
    } catch {
      return fail(PSA_ERROR_BAD_STATE, `${fn}: the HUK key derivation failed`);
    }
    if (!(key instanceof Uint8Array) || key.length !== KEY) {
      fail(PSA_ERROR_BAD_STATE, `${fn}: the HUK key derivation gave no 32-byte key`);
    }
    return key;
  };

  /** The stored record of `uid`, or DOES_NOT_EXIST from `inner`. */
  const readRecord = (uid: StorageUid, fn: string): Uint8Array => {
    const info = inner.getInfo(uid);
    const rec = inner.get(uid, 0, info.size);
    if (rec.length < HEADER + NONCE + TAG) fail(PSA_ERROR_DATA_CORRUPT, `${fn}: uid ${uid}: record too short`);
    return rec;
  };

  /** The clear header of `uid` (no HUK needed). */
  const readHeader = (uid: StorageUid, fn: string): StorageInfo => {
    const info = inner.getInfo(uid);
    if (info.size < HEADER) fail(PSA_ERROR_DATA_CORRUPT, `${fn}: uid ${uid}: record too short`);
    const h = inner.get(uid, 0, HEADER);
    const v = new DataView(h.buffer, h.byteOffset, HEADER);
    const size = v.getUint32(4, true);
    return { capacity: size, size, flags: v.getUint32(0, true) };
  };

  /** Whether `uid` has a record in `inner` (its header readable). */
  const existing = (uid: StorageUid, fn: string): StorageInfo | undefined => {
    try {
      return readHeader(uid, fn);
    } catch (e) {
      if (e instanceof PsaError && e.status === PSA_ERROR_DOES_NOT_EXIST) return undefined;
      throw e;
    }
  };

  const write = (uid: unknown, data: unknown, flags: unknown, fn: string, exclusive: boolean): void => {
    const key = toStorageUid(uid);
    const bytes = checkItsData(data);
    const createFlags = checkItsFlags(flags);
    if (key === 0n) fail(PSA_ERROR_INVALID_HANDLE, `${fn}: uid 0`);
    if (bytes.length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: data_length 0`);
    if (createFlags !== PSA_STORAGE_FLAG_NONE && createFlags !== PSA_STORAGE_FLAG_WRITE_ONCE) {
      fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: flags 0x${createFlags.toString(16)} are not supported`);
    }
    if (bytes.length > maxDataSize) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bytes.length} bytes exceed the ${maxDataSize}-byte cap`);
    const old = existing(key, fn);
    if (old !== undefined && exclusive) fail(PSA_ERROR_ALREADY_EXISTS, `${fn}: uid ${key} already exists`);
    if (old !== undefined && (old.flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0) {
      fail(PSA_ERROR_NOT_PERMITTED, `${fn}: uid ${key} is write-once`);
    }
    let aeadKey: Uint8Array | undefined;
    try {
      aeadKey = keyFor(key, fn);
      const nonce = nextNonce();
      const aad = header(createFlags, bytes.length);
      const sealed = chacha20poly1305(aeadKey, nonce, aad).encrypt(bytes);
      const record = new Uint8Array(HEADER + NONCE + sealed.length);
      record.set(aad, 0);
      record.set(nonce, HEADER);
      record.set(sealed, HEADER + NONCE);
      if (exclusive && inner.create !== undefined) inner.create(key, record, PSA_STORAGE_FLAG_NONE);
      else inner.set(key, record, PSA_STORAGE_FLAG_NONE);
    } catch (e) {
      // trusted_set removes the object when anything fails after the WRITE_ONCE check.
      if (!(e instanceof PsaError && e.status === PSA_ERROR_ALREADY_EXISTS)) {
        try { inner.remove(key); } catch { /* nothing stored, or already gone */ }
      }
      throw e;
    } finally {
      aeadKey?.fill(0);
    }
  };

  return {
    set(uid, data, flags) {
      write(uid, data, flags, 'psa_its_set', false);
    },

    create(uid, data, flags) {
      write(uid, data, flags, 'psa_its_create', true);
    },

    get(uid, offset, length) {
      const fn = 'psa_its_get';
      const key = toStorageUid(uid);
      for (const [name, v] of [['offset', offset], ['length', length]] as const) {
        if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: ${name} ${String(v)} is not a non-negative integer`);
        }
      }
      if (length === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: data_length 0`);
      if (offset + length > maxDataSize) fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: the read ends past the ${maxDataSize}-byte cap`);
      const aeadKey = keyFor(key, fn);
      let plain: Uint8Array;
      try {
        const rec = readRecord(key, fn);
        const aad = rec.subarray(0, HEADER);
        const nonce = rec.subarray(HEADER, HEADER + NONCE);
        try {
          plain = chacha20poly1305(aeadKey, nonce, aad).decrypt(rec.subarray(HEADER + NONCE));
        } catch {
          return fail(PSA_ERROR_INVALID_SIGNATURE, `${fn}: uid ${key}: authentication failed`);
        }
      } finally {
        aeadKey.fill(0);
      }
      try {
        if (offset + length > plain.length) {
          fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: offset ${offset} + length ${length} exceeds size ${plain.length}`);
        }
        return copyRange(plain, offset, offset + length);
      } finally {
        plain.fill(0);
      }
    },

    getInfo(uid) {
      return readHeader(toStorageUid(uid), 'psa_its_get_info');
    },

    remove(uid) {
      const fn = 'psa_its_remove';
      const key = toStorageUid(uid);
      const info = readHeader(key, fn);
      if ((info.flags & PSA_STORAGE_FLAG_WRITE_ONCE) !== 0) fail(PSA_ERROR_NOT_PERMITTED, `${fn}: uid ${key} is write-once`);
      inner.remove(key);
    },

    uids() {
      return inner.uids();
    },
  };
}
