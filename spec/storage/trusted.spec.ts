/**
 * `trustedStorage`: the encrypt-at-rest ITS of Nordic's Trusted Storage AEAD
 * backend (reference/nordic.md §5.2; sdk-nrf `subsys/trusted_storage/src/aead/`).
 * Records are opened here with node:crypto's ChaCha20-Poly1305 (OpenSSL) under
 * the HUK-derived key (the derive itself is checked in spec/platforms/huk.spec.ts),
 * so the layout header(flags u32 LE, size u32 LE) ‖ nonce ‖ ciphertext ‖ tag,
 * the AAD and the counter nonce are checked independently. Statuses follow
 * `trusted_backend_aead.c`: tag failure INVALID_SIGNATURE, cap NOT_SUPPORTED,
 * data_length 0 INVALID_ARGUMENT, other flags NOT_SUPPORTED, no HUK BAD_STATE,
 * WRITE_ONCE NOT_PERMITTED.
 */
import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import { HUK_KEYSLOT_KDR, HUK_KEYSLOT_MKEK, hwUniqueKey, type HwUniqueKey } from '../../src/drivers/nordic/huk.js';
import { memoryStorage } from '../../src/storage/memory.js';
import { trustedStorage } from '../../src/storage/trusted.js';
import {
  PSA_STORAGE_FLAG_NO_CONFIDENTIALITY, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION, PSA_STORAGE_FLAG_NONE, PSA_STORAGE_FLAG_WRITE_ONCE,
  type Its,
} from '../../src/storage/its.js';
import * as V from '../../src/values/index.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

const SEED = hex('fffffffffffffffffe000000'); // low 64 bits all ones: the first increment carries into the high word

function device(name: 'nrf52840' | 'nrf5340' = 'nrf5340'): HwUniqueKey {
  const huk = hwUniqueKey({ device: name });
  huk.write(huk.slots[0]!, Uint8Array.from({ length: huk.keyBytes }, (_, i) => 0x80 + i));
  return huk;
}

function setup(name: 'nrf52840' | 'nrf5340' = 'nrf5340', maxDataSize?: number): { inner: Its; huk: HwUniqueKey; its: Its } {
  const inner = memoryStorage();
  const huk = device(name);
  const its = trustedStorage(inner, huk, { random: (n) => SEED.slice(0, n), ...(maxDataSize ? { maxDataSize } : {}) });
  return { inner, huk, its };
}

const raw = (inner: Its, uid: bigint): Uint8Array => inner.get(uid, 0, inner.getInfo(uid).size);
const uidLe = (uid: bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, uid, true);
  return b;
};

/** Open a stored record with OpenSSL's ChaCha20-Poly1305. */
function opensslOpen(record: Uint8Array, key: Uint8Array): Uint8Array {
  const d = createDecipheriv('chacha20-poly1305', key, record.subarray(8, 20), { authTagLength: 16 });
  d.setAAD(record.subarray(0, 8), { plaintextLength: record.length - 36 });
  d.setAuthTag(record.subarray(record.length - 16));
  return Uint8Array.from(Buffer.concat([d.update(record.subarray(20, record.length - 16)), d.final()]));
}

describe('trustedStorage record layout', () => {
  it('stores header ‖ nonce ‖ ChaCha20-Poly1305(ciphertext ‖ tag) under the key derived for the UID', () => {
    for (const name of ['nrf52840', 'nrf5340'] as const) {
      const { inner, huk, its } = setup(name);
      const data = new TextEncoder().encode('a private key, encrypted at rest');
      its.set(0x0102030405060708n, data, PSA_STORAGE_FLAG_NONE);
      const rec = raw(inner, 0x0102030405060708n);
      expect(rec).toHaveLength(8 + 12 + data.length + 16);
      expect(toHex(rec.subarray(0, 8))).toBe('00000000' + data.length.toString(16).padStart(2, '0') + '000000');
      // Counter seeded once, incremented before the encryption: low word wraps, high word + 1 (little-endian).
      expect(toHex(rec.subarray(8, 20))).toBe('0000000000000000ff000000');
      const slot = name === 'nrf52840' ? HUK_KEYSLOT_KDR : HUK_KEYSLOT_MKEK;
      const key = huk.deriveKey(slot, new Uint8Array(0), hex('0807060504030201'), 32);
      expect(opensslOpen(rec, key)).toEqual(data);
      expect(its.get(0x0102030405060708n, 0, data.length)).toEqual(data);
      expect(its.getInfo(0x0102030405060708n)).toEqual({ capacity: data.length, size: data.length, flags: 0 });
    }
  });

  it('uses a fresh nonce for each encryption, and the UID key differs per UID', () => {
    const { inner, huk, its } = setup();
    its.set(1n, Uint8Array.of(1, 2, 3), PSA_STORAGE_FLAG_NONE);
    its.set(1n, Uint8Array.of(1, 2, 3), PSA_STORAGE_FLAG_NONE);
    its.set(2n, Uint8Array.of(1, 2, 3), PSA_STORAGE_FLAG_WRITE_ONCE);
    expect(toHex(raw(inner, 1n).subarray(8, 20))).toBe('0100000000000000ff000000');
    expect(toHex(raw(inner, 2n).subarray(8, 20))).toBe('0200000000000000ff000000');
    expect(toHex(raw(inner, 2n).subarray(0, 8))).toBe('0100000003000000');
    expect(opensslOpen(raw(inner, 2n), huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(0), uidLe(2n), 32))).toEqual(Uint8Array.of(1, 2, 3));
    expect(() => opensslOpen(raw(inner, 2n), huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(0), uidLe(1n), 32))).toThrow();
  });
});

describe('trustedStorage under a PSA instance', () => {
  it('keeps a persistent key across close and reopen, and the inner storage holds no plaintext key bytes', () => {
    const inner = memoryStorage();
    const huk = device('nrf5340');
    const key = hex('404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f');
    const first = createPsa({ storage: trustedStorage(inner, huk) });
    first.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_ENCRYPT, alg: V.PSA_ALG_CTR, id: 7 }, key);
    first.close();
    expect(inner.uids()).toEqual([7n]);
    const stored = toHex(raw(inner, 7n));
    for (let i = 0; i + 4 <= key.length; i++) expect(stored).not.toContain(toHex(key.subarray(i, i + 4)));
    expect(stored).not.toContain(toHex(new TextEncoder().encode('PSA\0KEY'))); // the key record header is encrypted too
    // A new instance ("after reboot": a new nonce counter) reads the key back.
    const second = createPsa({ storage: trustedStorage(inner, huk) });
    expect(second.exportKey(7)).toEqual(key);
    expect(second.getKeyAttributes(7).bits).toBe(256);
    second.close();
  });

  it('refuses to open keys without the right HUK', () => {
    const inner = memoryStorage();
    const first = createPsa({ storage: trustedStorage(inner, device()) });
    first.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, id: 9 }, new Uint8Array(16).fill(3));
    first.close();
    const otherDevice = hwUniqueKey({ device: 'nrf5340' });
    otherDevice.write(HUK_KEYSLOT_MKEK, new Uint8Array(32).fill(9));
    const its = trustedStorage(inner, otherDevice);
    expectStatus(() => its.get(9n, 0, its.getInfo(9n).size), V.PSA_ERROR_INVALID_SIGNATURE);
    const psa = createPsa({ storage: its });
    expectStatus(() => psa.exportKey(9), V.PSA_ERROR_INVALID_SIGNATURE);
  });
});

describe('trustedStorage detects tampering', () => {
  it('a changed byte anywhere in the record (header, nonce, ciphertext, tag) fails the tag: INVALID_SIGNATURE', () => {
    const { inner, its } = setup();
    const data = Uint8Array.from({ length: 40 }, (_, i) => i);
    its.set(5n, data, PSA_STORAGE_FLAG_NONE);
    const good = raw(inner, 5n);
    // Positions in the header other than the flags word: flags are checked first by set, not by get.
    for (const pos of [4, 8, 19, 20, 40, good.length - 17, good.length - 16, good.length - 1]) {
      const bad = good.slice();
      bad[pos]! ^= 0x01;
      inner.set(5n, bad, PSA_STORAGE_FLAG_NONE);
      expectStatus(() => its.get(5n, 0, 40), V.PSA_ERROR_INVALID_SIGNATURE);
    }
    const flagged = good.slice();
    flagged[0] = 0x01; // WRITE_ONCE set by an attacker in the clear header: get fails the tag
    inner.set(5n, flagged, PSA_STORAGE_FLAG_NONE);
    expectStatus(() => its.get(5n, 0, 40), V.PSA_ERROR_INVALID_SIGNATURE);
    inner.set(5n, good.subarray(0, good.length - 1), PSA_STORAGE_FLAG_NONE); // truncated
    expectStatus(() => its.get(5n, 0, 39), V.PSA_ERROR_INVALID_SIGNATURE);
    inner.set(5n, good.subarray(0, 20), PSA_STORAGE_FLAG_NONE); // too short for a tag
    expectStatus(() => its.get(5n, 0, 1), V.PSA_ERROR_DATA_CORRUPT);
    inner.set(5n, good, PSA_STORAGE_FLAG_NONE);
    expect(its.get(5n, 0, 40)).toEqual(data);
  });

  it('swapping the records of two UIDs fails the tag (the key is derived from the UID)', () => {
    const { inner, its } = setup();
    its.set(1n, Uint8Array.of(0xaa), PSA_STORAGE_FLAG_NONE);
    its.set(2n, Uint8Array.of(0xbb), PSA_STORAGE_FLAG_NONE);
    const [r1, r2] = [raw(inner, 1n), raw(inner, 2n)];
    inner.set(1n, r2, PSA_STORAGE_FLAG_NONE);
    inner.set(2n, r1, PSA_STORAGE_FLAG_NONE);
    expectStatus(() => its.get(1n, 0, 1), V.PSA_ERROR_INVALID_SIGNATURE);
    expectStatus(() => its.get(2n, 0, 1), V.PSA_ERROR_INVALID_SIGNATURE);
  });

  it('does NOT detect a rollback to an older ciphertext of the same UID (by design: no version is recorded)', () => {
    const { inner, its } = setup();
    its.set(3n, Uint8Array.of(1), PSA_STORAGE_FLAG_NONE);
    const old = raw(inner, 3n);
    its.set(3n, Uint8Array.of(2), PSA_STORAGE_FLAG_NONE);
    expect(its.get(3n, 0, 1)).toEqual(Uint8Array.of(2));
    inner.set(3n, old, PSA_STORAGE_FLAG_NONE);
    expect(its.get(3n, 0, 1)).toEqual(Uint8Array.of(1));
  });
});

describe('trustedStorage statuses', () => {
  it('caps entries at 256 bytes by default (NOT_SUPPORTED), and at maxDataSize when given', () => {
    const { inner, its } = setup();
    its.set(1n, new Uint8Array(256), PSA_STORAGE_FLAG_NONE);
    expectStatus(() => its.set(2n, new Uint8Array(257), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_NOT_SUPPORTED);
    expect(inner.uids()).toEqual([1n]);
    expectStatus(() => its.get(1n, 200, 57), V.PSA_ERROR_NOT_SUPPORTED); // the read ends past the cap
    expect(its.get(1n, 200, 56)).toHaveLength(56);
    const small = setup('nrf5340', 16).its;
    expectStatus(() => small.set(1n, new Uint8Array(17), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_NOT_SUPPORTED);
    small.set(1n, new Uint8Array(16), PSA_STORAGE_FLAG_NONE);
    // Under a PSA instance: a key record over the cap (36-byte header + 240) is refused; the key store,
    // like Mbed TLS psa_save_persistent_key, reports a refused psa_its_set as DATA_INVALID.
    const psa = createPsa({ storage: setup().its });
    expectStatus(() => psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: V.PSA_KEY_USAGE_EXPORT, id: 3 }, new Uint8Array(240)),
      V.PSA_ERROR_DATA_INVALID);
    psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: V.PSA_KEY_USAGE_EXPORT, id: 4 }, new Uint8Array(220).fill(1));
    expect(psa.exportKey(4)).toEqual(new Uint8Array(220).fill(1));
  });

  it('refuses data_length 0 (INVALID_ARGUMENT) and reads past the stored size (INVALID_ARGUMENT)', () => {
    const { its } = setup();
    expectStatus(() => its.set(1n, new Uint8Array(0), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_INVALID_ARGUMENT);
    its.set(1n, Uint8Array.of(1, 2), PSA_STORAGE_FLAG_NONE);
    expectStatus(() => its.get(1n, 0, 0), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => its.get(1n, 1, 2), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(its.get(1n, 1, 1)).toEqual(Uint8Array.of(2));
  });

  it('supports only NONE and WRITE_ONCE (NOT_SUPPORTED otherwise)', () => {
    const { its } = setup();
    for (const flags of [PSA_STORAGE_FLAG_NO_CONFIDENTIALITY, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION, 3, 0x80]) {
      expectStatus(() => its.set(1n, Uint8Array.of(1), flags), V.PSA_ERROR_NOT_SUPPORTED);
    }
    expect(its.uids()).toEqual([]);
  });

  it('enforces WRITE_ONCE: set and remove are NOT_PERMITTED, get and getInfo still work', () => {
    const { its } = setup();
    its.set(4n, Uint8Array.of(4), PSA_STORAGE_FLAG_WRITE_ONCE);
    expectStatus(() => its.set(4n, Uint8Array.of(5), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_NOT_PERMITTED);
    expectStatus(() => its.remove(4n), V.PSA_ERROR_NOT_PERMITTED);
    expect(its.get(4n, 0, 1)).toEqual(Uint8Array.of(4));
    expect(its.getInfo(4n)).toEqual({ capacity: 1, size: 1, flags: PSA_STORAGE_FLAG_WRITE_ONCE });
    its.set(6n, Uint8Array.of(6), PSA_STORAGE_FLAG_NONE);
    its.remove(6n);
    expectStatus(() => its.getInfo(6n), V.PSA_ERROR_DOES_NOT_EXIST);
    expectStatus(() => its.get(6n, 0, 1), V.PSA_ERROR_DOES_NOT_EXIST);
    expectStatus(() => its.create!(4n, Uint8Array.of(1), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_ALREADY_EXISTS);
  });

  it('without a HUK: BAD_STATE for set and get; getInfo and remove need no HUK', () => {
    const inner = memoryStorage();
    const written = trustedStorage(inner, device());
    written.set(1n, Uint8Array.of(1), PSA_STORAGE_FLAG_NONE);
    const blank = trustedStorage(inner, hwUniqueKey({ device: 'nrf5340' }));
    expectStatus(() => blank.get(1n, 0, 1), V.PSA_ERROR_BAD_STATE);
    expect(blank.getInfo(1n).size).toBe(1);
    expectStatus(() => blank.set(2n, Uint8Array.of(2), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_BAD_STATE);
    expect(inner.uids()).toEqual([1n]);
    // As trusted_set does, a set that fails after the WRITE_ONCE check removes the entry.
    expectStatus(() => blank.set(1n, Uint8Array.of(3), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_BAD_STATE);
    expect(inner.uids()).toEqual([]);
    // Through the key store the refused set is DATA_INVALID (as Mbed TLS reports any psa_its_set failure).
    const psa = createPsa({ storage: blank });
    expectStatus(() => psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: 0, id: 2 }, new Uint8Array(16)), V.PSA_ERROR_DATA_INVALID);
    expect(inner.uids()).toEqual([]);
  });

  it('a derived key of a slot the KMU device has not written is BAD_STATE (MKEK empty, MEXT written)', () => {
    const huk = hwUniqueKey({ device: 'nrf91' });
    huk.write(4, new Uint8Array(16));
    const its = trustedStorage(memoryStorage(), huk);
    expectStatus(() => its.set(1n, Uint8Array.of(1), PSA_STORAGE_FLAG_NONE), V.PSA_ERROR_BAD_STATE);
  });
});
