/**
 * A model of Nordic's `hw_unique_key` library (nRF Connect SDK
 * `include/hw_unique_key.h`, `lib/hw_unique_key/`): the Hardware Unique Keys
 * a device holds in its KMU (nRF91, nRF5340) or in the ACL-locked flash page
 * loaded into the CryptoCell KDR register (nRF52840), written once and then
 * only usable, never readable, for key derivation.
 *
 * Slots and sizes (reference/nordic.md §5.1, `hw_unique_key.h`):
 * - nRF52840 (CC310, no KMU): `HUK_KEYSLOT_KDR` = 0, 128-bit key;
 * - nRF91 (CC310 + KMU): `HUK_KEYSLOT_MKEK` = 2, `HUK_KEYSLOT_MEXT` = 4, 128-bit keys;
 * - nRF5340 (CC312 + KMU): MKEK = 2, MEXT = 4, 256-bit keys (two KMU slots each).
 *
 * Derivation: `hw_unique_key_derive_key` calls the closed-source
 * `nrf_cc3xx_platform_kmu_shadow_key_derive`, documented as the NIST SP 800-108
 * counter-mode KDF with AES-CMAC as the PRF, keyed with the HUK inside
 * CryptoCell. The block layout modelled here is the one of Arm's CryptoCell
 * runtime KDF (`cc_util_key_derivation.c`, `UtilCmacBuildDataForDerivation`,
 * `CC_UTIL_FIX_DATA_MIN/MAX_SIZE_IN_BYTES`), the engine the Nordic library
 * runs on:
 *
 *   K(i) = AES-CMAC(HUK, [i]_1 ‖ label ‖ 0x00 ‖ context ‖ [L]),
 *
 * with a one-byte counter i = 1, 2, …, L = 8 × output length in bits encoded
 * as one byte when L ≤ 0xFF and as two bytes big-endian otherwise (so a
 * 32-byte key has `0x01 0x00`), no K(0) feedback, output truncated to the
 * requested length (at most 255 blocks, 4080 bytes). This differs from PSA's
 * `PSA_ALG_SP800_108_COUNTER_CMAC` (4-byte counter and L, K(0) appended), so
 * `kdf/sp800-108.ts` is not reused. The layout is inferred from the
 * CryptoCell runtime source; the Nordic binary itself is not public.
 *
 * Errors are `HukError`s carrying the library's integer result: a derive from
 * an unwritten slot is `-ERR_HUK_MISSING` (−0x15500), as `hw_unique_key.h`
 * documents. Side channels: the AES-CMAC is noble's software AES, which uses
 * T-tables (key-dependent memory access timing), not CryptoCell hardware; a
 * model for tests and tooling, not a place to hold a production HUK.
 * @module
 */
import { cmac } from '@noble/ciphers/aes.js';

/** The devices modelled. */
export type HukDevice = 'nrf52840' | 'nrf91' | 'nrf5340';

/** `HUK_KEYSLOT_KDR`: the CryptoCell device root key slot (nRF52840). */
export const HUK_KEYSLOT_KDR = 0;
/** `HUK_KEYSLOT_MKEK`: the master key encryption key slot (KMU devices). */
export const HUK_KEYSLOT_MKEK = 2;
/** `HUK_KEYSLOT_MEXT`: the master external storage encryption key slot (KMU devices). */
export const HUK_KEYSLOT_MEXT = 4;
/** `ERR_HUK_MISSING` of `hw_unique_key.h`; `deriveKey` reports its negation. */
export const ERR_HUK_MISSING = 0x15500;
/** The model's result for an argument the C library would reject (a slot the device lacks, a bad length). */
export const ERR_HUK_INVALID_ARGUMENT = 0x15501;
/** The model's result for a write the KMU refuses (slot already written, or `writeRandom` after any write). */
export const ERR_HUK_WRITE_FAILED = 0x15502;

/** A failure of the HUK library, with its integer result (negative, like the C return value). */
export class HukError extends Error {
  /** The C return value, e.g. `-ERR_HUK_MISSING`. */
  readonly code: number;

  /**
   * @param code the negative library result
   * @param message what failed (never key bytes)
   */
  constructor(code: number, message: string) {
    super(`hw_unique_key: ${message} (${code < 0 ? '-' : ''}0x${Math.abs(code).toString(16)})`);
    this.name = 'HukError';
    this.code = code;
  }
}

/** The options of `hwUniqueKey`. */
export interface HwUniqueKeyOptions {
  /** The device whose slots and key size are modelled. */
  device: HukDevice;
}

/**
 * A device's Hardware Unique Keys. The key values are write-only: there is
 * no getter, and `deriveKey` is their only use, as on the device (KMU slots
 * with push-only permission, or the KDR register).
 */
export interface HwUniqueKey {
  /** The device modelled. */
  readonly device: HukDevice;
  /** The device's slots, ascending (`[0]` or `[2, 4]`). */
  readonly slots: readonly number[];
  /** The HUK size in bytes (16, or 32 on the nRF5340). */
  readonly keyBytes: 16 | 32;
  /** Whether the device has a KMU (then trusted storage derives from MKEK, otherwise from KDR). */
  readonly hasKmu: boolean;
  /**
   * `hw_unique_key_write(slot, key)`: write a slot once.
   * @param slot one of `slots`
   * @param key exactly `keyBytes` bytes (copied)
   * @throws HukError `-ERR_HUK_WRITE_FAILED` if the slot is written, `-ERR_HUK_INVALID_ARGUMENT` for a bad slot or length
   */
  write(slot: number, key: Uint8Array): void;
  /**
   * `hw_unique_key_write_random()`: fill every slot from `random`.
   * @param random returns `n` random bytes
   * @throws HukError `-ERR_HUK_WRITE_FAILED` if any slot is already written
   */
  writeRandom(random: (n: number) => Uint8Array): void;
  /** `hw_unique_key_is_written(slot)`. */
  isWritten(slot: number): boolean;
  /** `hw_unique_key_are_any_written()`. */
  areAnyWritten(): boolean;
  /**
   * `hw_unique_key_derive_key(slot, context, label, length)`: the CryptoCell
   * SP 800-108 counter-mode AES-CMAC KDF (layout in the module header).
   * @param slot one of `slots`
   * @param context up to 64 bytes, may be empty
   * @param label up to 64 bytes, may be empty
   * @param length output bytes, 1..4080
   * @throws HukError `-ERR_HUK_MISSING` if the slot is unwritten, `-ERR_HUK_INVALID_ARGUMENT` for bad arguments
   */
  deriveKey(slot: number, context: Uint8Array, label: Uint8Array, length: number): Uint8Array;
  /** Zero every key held (the model's equivalent of a mass erase). */
  wipe(): void;
}

const DEVICES: Record<HukDevice, { slots: number[]; keyBytes: 16 | 32; hasKmu: boolean }> = {
  nrf52840: { slots: [HUK_KEYSLOT_KDR], keyBytes: 16, hasKmu: false },
  nrf91: { slots: [HUK_KEYSLOT_MKEK, HUK_KEYSLOT_MEXT], keyBytes: 16, hasKmu: true },
  nrf5340: { slots: [HUK_KEYSLOT_MKEK, HUK_KEYSLOT_MEXT], keyBytes: 32, hasKmu: true },
};

/** The largest label or context the CryptoCell KDF takes (`CC_UTIL_MAX_LABEL_LENGTH_IN_BYTES`). */
const MAX_FIELD = 64;
/** The largest output (`CC_UTIL_MAX_DERIVED_KEY_SIZE_IN_BYTES`: 255 CMAC blocks). */
const MAX_OUTPUT = 4080;

/**
 * The fixed input of the CryptoCell KDF with a zero counter byte in front:
 * `0x00 ‖ label ‖ 0x00 ‖ context ‖ [L]`, L in bits on one or two bytes.
 * @param label the label bytes
 * @param context the context bytes
 * @param length the output length in bytes
 */
export function hukKdfInput(label: Uint8Array, context: Uint8Array, length: number): Uint8Array {
  const bits = length * 8;
  const lBytes = bits > 0xff ? 2 : 1;
  const out = new Uint8Array(1 + label.length + 1 + context.length + lBytes);
  let i = 1;
  out.set(label, i);
  i += label.length + 1;
  out.set(context, i);
  i += context.length;
  if (lBytes === 2) out[i++] = (bits >>> 8) & 0xff;
  out[i] = bits & 0xff;
  return out;
}

/**
 * Create a HUK model for a device, with every slot unwritten.
 * @param options the device
 * @throws HukError `-ERR_HUK_INVALID_ARGUMENT` for an unknown device
 */
export function hwUniqueKey(options: HwUniqueKeyOptions): HwUniqueKey {
  const spec = typeof options === 'object' && options !== null ? DEVICES[options.device] : undefined;
  if (spec === undefined || !Object.hasOwn(DEVICES, options.device)) {
    throw new HukError(-ERR_HUK_INVALID_ARGUMENT, 'unknown device');
  }
  const device = options.device;
  const keys = new Map<number, Uint8Array>();

  const checkSlot = (slot: unknown): number => {
    if (typeof slot !== 'number' || !spec.slots.includes(slot)) {
      throw new HukError(-ERR_HUK_INVALID_ARGUMENT, `slot ${String(slot)} does not exist on ${device}`);
    }
    return slot;
  };
  const checkBytes = (v: unknown, name: string, max: number): Uint8Array => {
    if (!(v instanceof Uint8Array) || v.length > max) {
      throw new HukError(-ERR_HUK_INVALID_ARGUMENT, `${name} must be a Uint8Array of at most ${max} bytes`);
    }
    return v;
  };

  return {
    device,
    slots: Object.freeze([...spec.slots]),
    keyBytes: spec.keyBytes,
    hasKmu: spec.hasKmu,

    write(slot, key) {
      const s = checkSlot(slot);
      if (!(key instanceof Uint8Array) || key.length !== spec.keyBytes) {
        throw new HukError(-ERR_HUK_INVALID_ARGUMENT, `a ${device} HUK is ${spec.keyBytes} bytes`);
      }
      if (keys.has(s)) throw new HukError(-ERR_HUK_WRITE_FAILED, `slot ${s} is already written`);
      keys.set(s, Uint8Array.from(key));
    },

    writeRandom(random) {
      if (keys.size > 0) throw new HukError(-ERR_HUK_WRITE_FAILED, 'a HUK is already written');
      const fresh: [number, Uint8Array][] = [];
      for (const s of spec.slots) {
        const r = random(spec.keyBytes);
        if (!(r instanceof Uint8Array) || r.length !== spec.keyBytes) {
          for (const [, k] of fresh) k.fill(0);
          throw new HukError(-ERR_HUK_WRITE_FAILED, 'the random source gave the wrong length');
        }
        fresh.push([s, Uint8Array.from(r)]);
      }
      for (const [s, k] of fresh) keys.set(s, k);
    },

    isWritten(slot) {
      return keys.has(checkSlot(slot));
    },

    areAnyWritten() {
      return keys.size > 0;
    },

    deriveKey(slot, context, label, length) {
      const s = checkSlot(slot);
      const ctx = checkBytes(context, 'context', MAX_FIELD);
      const lab = checkBytes(label, 'label', MAX_FIELD);
      if (!Number.isSafeInteger(length) || length < 1 || length > MAX_OUTPUT) {
        throw new HukError(-ERR_HUK_INVALID_ARGUMENT, `output length ${String(length)} is not in 1..${MAX_OUTPUT}`);
      }
      const key = keys.get(s);
      if (key === undefined) throw new HukError(-ERR_HUK_MISSING, `slot ${s} is not written`);
      const input = hukKdfInput(lab, ctx, length);
      const out = new Uint8Array(length);
      for (let i = 0, off = 0; off < length; i++, off += 16) {
        input[0] = i + 1;
        const block = cmac(input, key);
        out.set(block.subarray(0, Math.min(16, length - off)), off);
        block.fill(0);
      }
      input.fill(0);
      return out;
    },

    wipe() {
      for (const k of keys.values()) k.fill(0);
      keys.clear();
    },
  };
}
