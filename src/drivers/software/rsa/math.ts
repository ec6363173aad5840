/**
 * Big-integer arithmetic for RSA over JavaScript `bigint`: conversions to and
 * from big-endian bytes, sliding-window modular exponentiation, modular
 * inverse, and probable-prime generation (small-prime sieve + Miller–Rabin)
 * driven by a caller-supplied random source.
 * @module
 */

/** Random bytes (the instance's random generator). */
export type RandomBytes = (length: number) => Uint8Array;

/** The unsigned big-endian integer in `bytes`. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex.length === 0 ? 0n : BigInt('0x' + hex);
}

/** `x` as exactly `length` big-endian bytes (`x` must fit). */
export function bigIntToBytes(x: bigint, length: number): Uint8Array {
  const hex = x.toString(16);
  if (hex.length > 2 * length) throw new RangeError('integer too large for its buffer');
  const padded = hex.padStart(2 * length, '0');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = parseInt(padded.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Number of significant bits of a non-negative `x` (0 for 0). */
export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Number of bytes needed for a non-negative `x`. */
export function byteLength(x: bigint): number {
  return Math.ceil(bitLength(x) / 8);
}

/** `base^exp mod m` with a sliding window (m > 1, exp ≥ 0). */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 1n) return 0n;
  let b = base % m;
  if (b < 0n) b += m;
  if (exp === 0n) return 1n;
  const bits = exp.toString(2);
  const w = bits.length > 512 ? 5 : bits.length > 128 ? 4 : bits.length > 16 ? 3 : 1;
  // Odd powers b^1, b^3, …, b^(2^w - 1).
  const table: bigint[] = [b];
  const b2 = (b * b) % m;
  for (let i = 1; i < 1 << (w - 1); i++) table.push((table[i - 1]! * b2) % m);
  let r = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      r = (r * r) % m;
      i++;
      continue;
    }
    // Longest window starting here that ends in a 1 bit.
    let j = Math.min(i + w, bits.length);
    while (bits[j - 1] === '0') j--;
    const value = parseInt(bits.slice(i, j), 2);
    for (let k = i; k < j; k++) r = (r * r) % m;
    r = (r * table[(value - 1) >> 1]!) % m;
    i = j;
  }
  return r;
}

/** Greatest common divisor of non-negative integers. */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `a^-1 mod m`, or `undefined` when gcd(a, m) ≠ 1. */
export function modInverse(a: bigint, m: bigint): bigint | undefined {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return undefined;
  return ((oldS % m) + m) % m;
}

/** A uniformly random integer in [lo, hi) drawn from `random`. */
export function randomBelow(random: RandomBytes, lo: bigint, hi: bigint): bigint {
  const range = hi - lo;
  const bits = bitLength(range);
  const bytes = Math.ceil(bits / 8);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    const x = bytesToBigInt(random(bytes)) & mask;
    if (x < range) return lo + x;
  }
}

/** Odd primes below 2000, for trial division and sieving. */
const SMALL_PRIMES: readonly number[] = (() => {
  const limit = 2000;
  const composite = new Uint8Array(limit);
  const out: number[] = [];
  for (let i = 3; i < limit; i += 2) {
    if (composite[i]) continue;
    out.push(i);
    for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1;
  }
  return out;
})();

/** Miller–Rabin rounds for a `bits`-bit candidate (FIPS 186-4 table C.3, error ≤ 2^-100). */
function roundsFor(bits: number): number {
  if (bits >= 1450) return 4;
  if (bits >= 1150) return 5;
  if (bits >= 1000) return 6;
  if (bits >= 850) return 7;
  if (bits >= 750) return 8;
  if (bits >= 500) return 13;
  if (bits >= 250) return 28;
  if (bits >= 150) return 40;
  return 51;
}

/** Miller–Rabin with `rounds` random bases (odd n > 3). */
function millerRabin(n: bigint, rounds: number, random: RandomBytes): boolean {
  const nm1 = n - 1n;
  let d = nm1;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (let round = 0; round < rounds; round++) {
    const a = round === 0 ? 2n : randomBelow(random, 2n, nm1);
    let x = modPow(a, d, n);
    if (x === 1n || x === nm1) continue;
    let composite = true;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === nm1) {
        composite = false;
        break;
      }
      if (x === 1n) break;
    }
    if (composite) return false;
  }
  return true;
}

/** Whether `n` is (probably) prime. */
export function isProbablePrime(n: bigint, random: RandomBytes): boolean {
  if (n < 2n) return false;
  if (n === 2n) return true;
  if ((n & 1n) === 0n) return false;
  for (const p of SMALL_PRIMES) {
    const bp = BigInt(p);
    if (n === bp) return true;
    if (n % bp === 0n) return false;
  }
  return millerRabin(n, roundsFor(bitLength(n)), random);
}

/**
 * A random probable prime of exactly `bits` bits whose two top bits are set
 * (so the product of two such primes has exactly `2 * bits` bits). Candidates
 * step by 2 from a random start; residues modulo the small primes are updated
 * incrementally so that most composites never reach Miller–Rabin.
 * `onCandidate` is called before each candidate goes through Miller–Rabin.
 */
export function generatePrime(
  bits: number,
  random: RandomBytes,
  accept: (p: bigint) => boolean = () => true,
  onCandidate?: () => void,
): bigint {
  const rounds = roundsFor(bits);
  const top = 3n << BigInt(bits - 2);
  for (;;) {
    const bytes = random(Math.ceil(bits / 8));
    let start = bytesToBigInt(bytes) & ((1n << BigInt(bits)) - 1n);
    bytes.fill(0);
    start |= top | 1n;
    const residues = SMALL_PRIMES.map((p) => Number(start % BigInt(p)));
    for (let delta = 0; delta < 20 * bits; delta += 2) {
      let divisible = false;
      for (let i = 0; i < SMALL_PRIMES.length; i++) {
        if ((residues[i]! + delta) % SMALL_PRIMES[i]! === 0) {
          divisible = true;
          break;
        }
      }
      if (divisible) continue;
      const candidate = start + BigInt(delta);
      if (bitLength(candidate) !== bits) break;
      onCandidate?.();
      if (millerRabin(candidate, rounds, random) && accept(candidate)) return candidate;
    }
  }
}
