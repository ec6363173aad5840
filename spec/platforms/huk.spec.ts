/**
 * The `hw_unique_key` model: slots and sizes per device (reference/nordic.md
 * §5.1, sdk-nrf `include/hw_unique_key.h`), write-once slots, write_random,
 * `-ERR_HUK_MISSING` on a derive from an empty slot, and the derive itself
 * recomputed here independently: AES-CMAC built from node:crypto's AES-ECB
 * (RFC 4493 subkeys, CBC-MAC), itself checked against the OpenSSL CLI
 * (`openssl mac CMAC`), over the CryptoCell counter-mode block layout
 * [i]_1 ‖ label ‖ 0x00 ‖ context ‖ L (one byte, or two big-endian bytes when
 * L in bits exceeds 0xFF).
 */
import { execFileSync } from 'node:child_process';
import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ERR_HUK_MISSING, HUK_KEYSLOT_KDR, HUK_KEYSLOT_MEXT, HUK_KEYSLOT_MKEK, HukError, hwUniqueKey, type HukDevice,
} from '../../src/drivers/nordic/huk.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

function aesBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  c.setAutoPadding(false);
  return Uint8Array.from(Buffer.concat([c.update(block), c.final()]));
}

/** GF(2^128) doubling of RFC 4493 §2.3. */
function dbl(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i]! << 1) | (i < 15 ? b[i + 1]! >>> 7 : 0)) & 0xff;
  if (b[0]! & 0x80) out[15]! ^= 0x87;
  return out;
}

/** AES-CMAC (RFC 4493) from node:crypto AES-ECB. */
function nodeCmac(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const k1 = dbl(aesBlock(key, new Uint8Array(16)));
  const k2 = dbl(k1);
  const n = Math.max(1, Math.ceil(msg.length / 16));
  const complete = msg.length > 0 && msg.length % 16 === 0;
  const last = new Uint8Array(16);
  last.set(msg.subarray((n - 1) * 16));
  if (!complete) last[msg.length - (n - 1) * 16] = 0x80;
  const sub = complete ? k1 : k2;
  let x: Uint8Array = new Uint8Array(16);
  for (let i = 0; i < n; i++) {
    const m = i === n - 1 ? last.map((v, j) => v ^ sub[j]!) : msg.subarray(i * 16, i * 16 + 16);
    x = aesBlock(key, x.map((v, j) => v ^ m[j]!));
  }
  return x;
}

function opensslCmac(key: Uint8Array, msg: Uint8Array): string {
  return execFileSync('openssl', ['mac', '-cipher', `AES-${key.length * 8}-CBC`, '-macopt', `hexkey:${hex(key)}`, 'CMAC'],
    { input: msg, encoding: 'utf8' }).trim().toLowerCase();
}

/** The derive recomputed from its definition. */
function referenceDerive(key: Uint8Array, label: Uint8Array, context: Uint8Array, length: number): Uint8Array {
  const bits = length * 8;
  const l = bits > 0xff ? [bits >> 8, bits & 0xff] : [bits];
  const out: number[] = [];
  for (let i = 1; out.length < length; i++) {
    out.push(...nodeCmac(key, Uint8Array.from([i, ...label, 0, ...context, ...l])));
  }
  return Uint8Array.from(out.slice(0, length));
}

function hukCode(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    if (e instanceof HukError) return e.code;
    throw e;
  }
  throw new Error('no HukError thrown');
}

describe('the CMAC used as the reference', () => {
  it('agrees with the OpenSSL CLI for AES-128 and AES-256 at several lengths', () => {
    const key128 = bytes('2b7e151628aed2a6abf7158809cf4f3c');
    const key256 = bytes('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
    for (const len of [0, 1, 15, 16, 17, 40, 64]) {
      const msg = Uint8Array.from({ length: len }, (_, i) => (i * 37 + 11) & 0xff);
      expect(hex(nodeCmac(key128, msg))).toBe(opensslCmac(key128, msg));
      expect(hex(nodeCmac(key256, msg))).toBe(opensslCmac(key256, msg));
    }
  });
});

describe('hwUniqueKey slots and sizes', () => {
  const cases: [HukDevice, number[], number, boolean][] = [
    ['nrf52840', [HUK_KEYSLOT_KDR], 16, false],
    ['nrf91', [HUK_KEYSLOT_MKEK, HUK_KEYSLOT_MEXT], 16, true],
    ['nrf5340', [HUK_KEYSLOT_MKEK, HUK_KEYSLOT_MEXT], 32, true],
  ];
  it.each(cases)('%s has slots %j of %i bytes (KMU %s)', (device, slots, size, kmu) => {
    const huk = hwUniqueKey({ device });
    expect([huk.slots, huk.keyBytes, huk.hasKmu]).toEqual([slots, size, kmu]);
    expect([HUK_KEYSLOT_KDR, HUK_KEYSLOT_MKEK, HUK_KEYSLOT_MEXT]).toEqual([0, 2, 4]);
    expect(huk.areAnyWritten()).toBe(false);
    // A slot of another device does not exist; a key of the wrong size is refused.
    const other = kmu ? HUK_KEYSLOT_KDR : HUK_KEYSLOT_MKEK;
    expect(hukCode(() => huk.write(other, new Uint8Array(size)))).toBeLessThan(0);
    expect(hukCode(() => huk.write(slots[0]!, new Uint8Array(size === 16 ? 32 : 16)))).toBeLessThan(0);
    expect(huk.isWritten(slots[0]!)).toBe(false);
  });

  it('refuses an unknown device', () => {
    expect(hukCode(() => hwUniqueKey({ device: 'nrf52832' as HukDevice }))).toBeLessThan(0);
  });
});

describe('hwUniqueKey write / check', () => {
  it('writes a slot once and refuses the second write', () => {
    const huk = hwUniqueKey({ device: 'nrf91' });
    huk.write(HUK_KEYSLOT_MKEK, new Uint8Array(16).fill(1));
    expect(huk.isWritten(HUK_KEYSLOT_MKEK)).toBe(true);
    expect(huk.isWritten(HUK_KEYSLOT_MEXT)).toBe(false);
    expect(huk.areAnyWritten()).toBe(true);
    const before = huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(0), Uint8Array.of(1), 16);
    expect(hukCode(() => huk.write(HUK_KEYSLOT_MKEK, new Uint8Array(16).fill(2)))).toBeLessThan(0);
    expect(huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(0), Uint8Array.of(1), 16)).toEqual(before);
  });

  it('writeRandom fills every slot, and refuses once any is written', () => {
    const huk = hwUniqueKey({ device: 'nrf5340' });
    const asked: number[] = [];
    huk.writeRandom((n) => { asked.push(n); return new Uint8Array(n).fill(asked.length); });
    expect(asked).toEqual([32, 32]);
    expect([huk.isWritten(HUK_KEYSLOT_MKEK), huk.isWritten(HUK_KEYSLOT_MEXT)]).toEqual([true, true]);
    expect(huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(0), Uint8Array.of(7), 32))
      .toEqual(referenceDerive(new Uint8Array(32).fill(1), Uint8Array.of(7), new Uint8Array(0), 32));
    expect(huk.deriveKey(HUK_KEYSLOT_MEXT, new Uint8Array(0), Uint8Array.of(7), 32))
      .toEqual(referenceDerive(new Uint8Array(32).fill(2), Uint8Array.of(7), new Uint8Array(0), 32));

    const partly = hwUniqueKey({ device: 'nrf91' });
    partly.write(HUK_KEYSLOT_MEXT, new Uint8Array(16));
    expect(hukCode(() => partly.writeRandom((n) => new Uint8Array(n)))).toBeLessThan(0);
    expect(partly.isWritten(HUK_KEYSLOT_MKEK)).toBe(false);
  });

  it('a derive from an unwritten slot is -ERR_HUK_MISSING (-0x15500)', () => {
    const huk = hwUniqueKey({ device: 'nrf91' });
    expect(ERR_HUK_MISSING).toBe(0x15500);
    expect(hukCode(() => huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(0), Uint8Array.of(1), 32))).toBe(-0x15500);
    huk.write(HUK_KEYSLOT_MKEK, new Uint8Array(16));
    expect(hukCode(() => huk.deriveKey(HUK_KEYSLOT_MEXT, new Uint8Array(0), Uint8Array.of(1), 32))).toBe(-0x15500);
  });

  it('exposes no key value: no property of the model holds the written bytes', () => {
    const huk = hwUniqueKey({ device: 'nrf52840' });
    const key = bytes('a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5');
    huk.write(HUK_KEYSLOT_KDR, key);
    const seen = JSON.stringify(huk, (_k, v: unknown) => (v instanceof Uint8Array ? hex(v) : v));
    expect(seen).not.toContain('a5a5a5a5');
    expect(Object.keys(huk).sort()).toEqual(['areAnyWritten', 'deriveKey', 'device', 'hasKmu', 'isWritten', 'keyBytes',
      'slots', 'wipe', 'write', 'writeRandom']);
    key.fill(0); // the model kept its own copy
    expect(huk.deriveKey(HUK_KEYSLOT_KDR, new Uint8Array(0), Uint8Array.of(1), 16))
      .toEqual(referenceDerive(bytes('a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5'), Uint8Array.of(1), new Uint8Array(0), 16));
    huk.wipe();
    expect(huk.areAnyWritten()).toBe(false);
  });
});

describe('hwUniqueKey deriveKey = CryptoCell SP 800-108 counter-mode AES-CMAC', () => {
  it('matches the independent computation for the trusted storage call (label = UID LE, 32 bytes)', () => {
    for (const device of ['nrf52840', 'nrf5340'] as const) {
      const huk = hwUniqueKey({ device });
      const key = Uint8Array.from({ length: huk.keyBytes }, (_, i) => i);
      huk.write(huk.slots[0]!, key);
      const label = bytes('0100000000000000'); // UID 1 as uint64 LE
      const got = huk.deriveKey(huk.slots[0]!, new Uint8Array(0), label, 32);
      // Two blocks: CMAC(K, 01 ‖ label ‖ 00 ‖ 01 00) ‖ CMAC(K, 02 ‖ label ‖ 00 ‖ 01 00).
      expect(hex(got)).toBe(hex(nodeCmac(key, bytes('01' + '0100000000000000' + '00' + '0100')))
        + hex(nodeCmac(key, bytes('02' + '0100000000000000' + '00' + '0100'))));
    }
  });

  it('encodes L on one byte up to 31 output bytes and on two bytes from 32', () => {
    const huk = hwUniqueKey({ device: 'nrf91' });
    const key = bytes('000102030405060708090a0b0c0d0e0f');
    huk.write(HUK_KEYSLOT_MKEK, key);
    const lab = Uint8Array.of(0x4c);
    const ctx = Uint8Array.of(0x43, 0x43);
    expect(hex(huk.deriveKey(HUK_KEYSLOT_MKEK, ctx, lab, 16))).toBe(hex(nodeCmac(key, bytes('014c0043438' + '0'))));
    expect(hex(huk.deriveKey(HUK_KEYSLOT_MKEK, ctx, lab, 31)).slice(0, 32)).toBe(hex(nodeCmac(key, bytes('014c004343f8'))));
    expect(hex(huk.deriveKey(HUK_KEYSLOT_MKEK, ctx, lab, 32)).slice(0, 32)).toBe(hex(nodeCmac(key, bytes('014c0043430100'))));
  });

  it('matches for random label, context and length (fast-check, fixed seed)', () => {
    const huk128 = hwUniqueKey({ device: 'nrf91' });
    const huk256 = hwUniqueKey({ device: 'nrf5340' });
    const k128 = bytes('2b7e151628aed2a6abf7158809cf4f3c');
    const k256 = bytes('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
    huk128.write(HUK_KEYSLOT_MEXT, k128);
    huk256.write(HUK_KEYSLOT_MEXT, k256);
    fc.assert(fc.property(
      fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 100 }), fc.boolean(),
      (label, context, length, wide) => {
        const [huk, key] = wide ? [huk256, k256] : [huk128, k128];
        expect(huk.deriveKey(HUK_KEYSLOT_MEXT, context, label, length)).toEqual(referenceDerive(key, label, context, length));
      }), { numRuns: 200, seed: 20261208 });
  });

  it('refuses lengths outside 1..4080 and fields over 64 bytes', () => {
    const huk = hwUniqueKey({ device: 'nrf91' });
    huk.write(HUK_KEYSLOT_MKEK, new Uint8Array(16));
    const e = new Uint8Array(0);
    for (const len of [0, 4081, 1.5, -1]) expect(hukCode(() => huk.deriveKey(HUK_KEYSLOT_MKEK, e, e, len))).toBeLessThan(0);
    expect(huk.deriveKey(HUK_KEYSLOT_MKEK, e, e, 4080)).toHaveLength(4080);
    expect(hukCode(() => huk.deriveKey(HUK_KEYSLOT_MKEK, new Uint8Array(65), e, 16))).toBeLessThan(0);
    expect(hukCode(() => huk.deriveKey(HUK_KEYSLOT_MKEK, e, new Uint8Array(65), 16))).toBeLessThan(0);
  });
});
