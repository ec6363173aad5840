/**
 * RSA keys as the software driver uses them: loading a key buffer (DER) with
 * the checks of Mbed TLS (`mbedtls_psa_rsa_load_representation`), and the raw
 * RSA primitives — RSAEP/RSAVP1 (public) and RSADP/RSASP1 (private, CRT with
 * base and exponent blinding and a public-key check of the result against faults).
 * @module
 */
import { fail } from '../../../values/error.js';
import {
  PSA_ERROR_CORRUPTION_DETECTED,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../../values/status.js';
import { PSA_KEY_TYPE_IS_KEY_PAIR, PSA_VENDOR_RSA_MAX_KEY_BITS } from '../../../values/index.js';
import { parseRsaPrivateKey, parseRsaPublicKey, type RsaPrivateFields } from './der.js';
import { bigIntToBytes, bitLength, byteLength, bytesToBigInt, modInverse, modPow, randomBelow, type RandomBytes } from './math.js';

/** A loaded RSA key; `priv` is present for key pairs. */
export interface RsaKey {
  readonly n: bigint;
  readonly e: bigint;
  /** Modulus length in bytes (k in RFC 8017). */
  readonly size: number;
  readonly priv?: RsaPrivateFields;
}

function invalid(what: string): never {
  return fail(PSA_ERROR_INVALID_ARGUMENT, `RSA key: ${what}`);
}

/** `mbedtls_rsa_check_pubkey` plus the modulus checks of `rsa_check_context`. */
function checkPublic(n: bigint, e: bigint): void {
  if (n === 0n || (n & 1n) === 0n) invalid('the modulus must be odd');
  if (bitLength(n) < 128) invalid('the modulus is shorter than 128 bits');
  if ((e & 1n) === 0n || bitLength(e) < 2 || e >= n) invalid('the public exponent must be odd, at least 3 and less than the modulus');
}

/** The PSA size rules: at most `PSA_VENDOR_RSA_MAX_KEY_BITS`, byte-aligned. */
function checkSize(n: bigint): void {
  const bits = bitLength(n);
  if (byteLength(n) * 8 > PSA_VENDOR_RSA_MAX_KEY_BITS) fail(PSA_ERROR_NOT_SUPPORTED, `RSA key: ${bits}-bit keys are not supported`);
  if (bits % 8 !== 0) fail(PSA_ERROR_NOT_SUPPORTED, `RSA key: a ${bits}-bit modulus is not byte-aligned`);
}

/** Parse and check a key in the PSA format of `type` (key pair: RSAPrivateKey; public key: RSAPublicKey). */
export function loadRsaKey(type: number, data: Uint8Array): RsaKey {
  if (PSA_KEY_TYPE_IS_KEY_PAIR(type)) {
    const priv = parseRsaPrivateKey(data);
    // rsa_check_context for a private key: odd primes (the rest of the CRT values were checked non-zero).
    if ((priv.p & 1n) === 0n || (priv.q & 1n) === 0n) invalid('the primes must be odd');
    checkPublic(priv.n, priv.e);
    checkSize(priv.n);
    return { n: priv.n, e: priv.e, size: byteLength(priv.n), priv };
  }
  const { n, e } = parseRsaPublicKey(data);
  checkPublic(n, e);
  checkSize(n);
  return { n, e, size: byteLength(n) };
}

/** RSAEP / RSAVP1: `x^e mod n` for `input` of exactly `size` bytes. INVALID_ARGUMENT if `x ≥ n`. */
export function rsaPublic(key: RsaKey, input: Uint8Array): Uint8Array {
  const x = bytesToBigInt(input);
  if (x >= key.n) invalid('the input is not less than the modulus');
  return bigIntToBytes(modPow(x, key.e, key.n), key.size);
}

/**
 * RSADP / RSASP1 with CRT: `x^d mod n` for `input` of exactly `size` bytes.
 * The base is blinded with a fresh random `r` (x·r^e), the CRT exponents
 * with random multiples of p − 1 and q − 1, and the result is checked with
 * the public exponent before it is released. (JavaScript `bigint`
 * arithmetic is not constant-time and its values cannot be wiped; blinding
 * is what keeps the timing independent of the secret.)
 */
export function rsaPrivate(key: RsaKey, input: Uint8Array, random: RandomBytes): Uint8Array {
  const priv = key.priv;
  if (!priv) return fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA: a private operation needs a key pair');
  const { n, e, p, q, dp, dq, qinv } = priv;
  const x = bytesToBigInt(input);
  if (x >= n) invalid('the input is not less than the modulus');
  let r: bigint;
  let rInv: bigint | undefined;
  do {
    r = randomBelow(random, 2n, n);
    rInv = modInverse(r, n);
  } while (rInv === undefined);
  const blinded = (x * modPow(r, e, n)) % n;
  // Exponent blinding: dp + k·(p − 1) gives the same result for a random 28-bit k.
  const dpBlinded = dp + randomBelow(random, 1n, 1n << 28n) * (p - 1n);
  const dqBlinded = dq + randomBelow(random, 1n, 1n << 28n) * (q - 1n);
  const m1 = modPow(blinded % p, dpBlinded, p);
  const m2 = modPow(blinded % q, dqBlinded, q);
  let h = ((m1 - m2) * qinv) % p;
  if (h < 0n) h += p;
  const yBlinded = m2 + h * q;
  const y = (yBlinded * rInv) % n;
  if (modPow(y, e, n) !== x) fail(PSA_ERROR_CORRUPTION_DETECTED, 'RSA: the private-key result does not verify (inconsistent key)');
  return bigIntToBytes(y, key.size);
}
