/**
 * BigInt helpers for finite-field Diffie-Hellman: big-endian conversions and
 * modular exponentiation (fixed-window square-and-multiply, with a shift in
 * place of the multiplication when the base is 2).
 * @module
 */

/** The unsigned big-endian integer `bytes` encodes (empty → 0). */
export function bigIntFromBytes(bytes: Uint8Array): bigint {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/** `value` (0 ≤ value < 256^length) as exactly `length` big-endian bytes, left-padded with zeros. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array<ArrayBuffer> {
  const hex = value.toString(16);
  if (value < 0n || hex.length > 2 * length) throw new RangeError('integer does not fit');
  const padded = hex.padStart(2 * length, '0');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const WINDOW = 5;

/** The exponent's bits in groups of `WINDOW`, most significant first. */
function exponentDigits(e: bigint): number[] {
  const bin = e.toString(2);
  const pad = (WINDOW - (bin.length % WINDOW)) % WINDOW;
  const padded = '0'.repeat(pad) + bin;
  const digits: number[] = [];
  for (let i = 0; i < padded.length; i += WINDOW) digits.push(parseInt(padded.slice(i, i + WINDOW), 2));
  return digits;
}

/** `base^exponent mod modulus` for `modulus > 1`, `exponent ≥ 0`. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 1n) return 0n;
  const b = ((base % modulus) + modulus) % modulus;
  if (exponent === 0n) return 1n;
  const digits = exponentDigits(exponent);
  if (b === 2n) {
    // Multiplying by 2^d is a shift; the reduction that follows is cheap.
    let r = 1n;
    for (const d of digits) {
      for (let k = 0; k < WINDOW; k++) r = (r * r) % modulus;
      if (d !== 0) r = (r << BigInt(d)) % modulus;
    }
    return r;
  }
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 1 << WINDOW; i++) table.push((table[i - 1]! * b) % modulus);
  let r = 1n;
  for (const d of digits) {
    for (let k = 0; k < WINDOW; k++) r = (r * r) % modulus;
    if (d !== 0) r = (r * table[d]!) % modulus;
  }
  return r;
}
