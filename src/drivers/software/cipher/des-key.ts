/**
 * `psa_key_derivation_output_key` for `PSA_KEY_TYPE_DES` (PSA 1.5 §9.3.2,
 * "Key derivation"), the software driver's `deriveKey` for DES keys: each
 * 64-bit DES key element is drawn as 8 bytes, its parity bits are set (odd
 * parity in every byte, the least significant bit being the parity bit),
 * and it is drawn again while it is one of the 4 weak or 12 semi-weak keys
 * (SP 800-67 §3.3.2). 2-key and 3-key 3DES repeat this for each element.
 * Mbed TLS 3.6 sets the parity but does not redraw weak keys; the two agree
 * except on a weak draw (probability about 2^-52 per element).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../../values/status.js';
import { desSetOddParity } from './des.js';

/** Reads the next bytes of the derivation (may throw, e.g. INSUFFICIENT_DATA). */
type DerivedReader = (length: number) => Uint8Array;

/** The weak and semi-weak DES keys, with correct parity (SP 800-67 §3.3.2). */
const WEAK_KEYS: readonly string[] = [
  '0101010101010101', 'fefefefefefefefe', 'e0e0e0e0f1f1f1f1', '1f1f1f1f0e0e0e0e',
  '01fe01fe01fe01fe', 'fe01fe01fe01fe01', '1fe01fe00ef10ef1', 'e01fe01ff10ef10e',
  '01e001e001f101f1', 'e001e001f101f101', '1ffe1ffe0efe0efe', 'fe1ffe1ffe0efe0e',
  '011f011f010e010e', '1f011f010e010e01', 'e0fee0fef1fef1fe', 'fee0fee0fef1fef1',
];

/** Whether the 8-byte `key` (parity set) is a weak or semi-weak DES key. */
function isWeak(key: Uint8Array): boolean {
  let hex = '';
  for (const b of key) hex += b.toString(16).padStart(2, '0');
  return WEAK_KEYS.includes(hex);
}

/** The material of a derived `bits`-bit DES key (64, 128 or 192; else INVALID_ARGUMENT). */
export function derivedDesKey(bits: number, read: DerivedReader, fn: string): Uint8Array {
  if (bits !== 64 && bits !== 128 && bits !== 192) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: DES keys have 64, 128 or 192 bits`);
  const out = new Uint8Array(bits / 8);
  for (let at = 0; at < out.length; at += 8) {
    for (;;) {
      const element = read(8);
      desSetOddParity(element);
      const weak = isWeak(element);
      if (!weak) out.set(element, at);
      element.fill(0);
      if (!weak) break;
    }
  }
  return out;
}
