/**
 * RSA keys in the software driver (import validation, generation, public key).
 * Import re-encodes the key in canonical DER, as Mbed TLS re-exports it.
 * Generation follows `mbedtls_rsa_gen_key`: two primes of `bits / 2` bits,
 * p > q, |p − q| > 2^(bits/2 − 100), d = e^-1 mod lcm(p−1, q−1) with
 * d > 2^(bits/2). The custom data of `psa_generate_key_custom` is the public
 * exponent as a big-endian unsigned integer, as TF-PSA-Crypto reads it and
 * its test vectors expect (the PSA 1.5 text says little-endian; this is a
 * deliberate match of the implementation); empty means 65537.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_TYPE_RSA_PUBLIC_KEY,
  PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS,
  PSA_VENDOR_RSA_MAX_KEY_BITS,
} from '../../../values/index.js';
import type { KeyGenerationProgress } from '../../driver.js';
import type { KeyFamily } from '../key-family.js';
import { writeRsaPrivateKey, writeRsaPublicKey, type RsaPrivateFields } from './der.js';
import { loadRsaKey } from './key.js';
import { bitLength, gcd, generatePrime, modInverse, type RandomBytes } from './math.js';

/** The exponent from `psa_generate_key_custom` data (`psa_rsa_read_exponent`). */
export function readCustomExponent(data: Uint8Array): bigint {
  if (data.length === 0) return 65537n;
  if (data.length > 4) fail(PSA_ERROR_NOT_SUPPORTED, 'RSA: a public exponent longer than 4 bytes is not supported');
  let acc = 0;
  for (const b of data) acc = acc * 256 + b;
  if (acc > 0x7fffffff) fail(PSA_ERROR_NOT_SUPPORTED, 'RSA: a public exponent above INT_MAX is not supported');
  if (acc < 3) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA: the public exponent must be at least 3');
  // Mbed TLS would search forever for primes that fit an even exponent.
  if (acc % 2 === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA: the public exponent must be odd');
  return BigInt(acc);
}

/**
 * Generate the fields of an RSA key pair of exactly `bits` bits with public
 * exponent `e`, reporting each prime candidate and each final check to
 * `onProgress` (see `KeyGenerationProgress`).
 */
export function generateRsaFields(
  bits: number,
  e: bigint,
  random: RandomBytes,
  onProgress?: (event: KeyGenerationProgress) => void,
): RsaPrivateFields {
  const half = bits >> 1;
  const acceptPrime = (x: bigint): boolean => gcd(e, x - 1n) === 1n;
  const counter = (phase: KeyGenerationProgress['phase']): (() => void) | undefined => {
    if (!onProgress) return undefined;
    let candidates = 0;
    return () => onProgress({ phase, candidates: ++candidates });
  };
  const check = counter('check');
  for (;;) {
    let p = generatePrime(half, random, acceptPrime, counter('prime-p'));
    let q = generatePrime(half, random, acceptPrime, counter('prime-q'));
    check?.();
    const diff = p > q ? p - q : q - p;
    if (bitLength(diff) <= (bits >= 200 ? half - 99 : 0)) continue;
    if (p < q) [p, q] = [q, p];
    const p1 = p - 1n;
    const q1 = q - 1n;
    const lcm = (p1 * q1) / gcd(p1, q1);
    const d = modInverse(e, lcm);
    if (d === undefined) continue;
    if (bitLength(d) <= (bits + 1) >> 1) continue;
    const qinv = modInverse(q, p)!;
    return { n: p * q, e, d, p, q, dp: d % p1, dq: d % q1, qinv };
  }
}

/** The RSA key family (`PSA_KEY_TYPE_RSA_KEY_PAIR`, `PSA_KEY_TYPE_RSA_PUBLIC_KEY`). */
export const rsaKeys: KeyFamily | undefined = {
  handles(type) {
    return type === PSA_KEY_TYPE_RSA_KEY_PAIR || type === PSA_KEY_TYPE_RSA_PUBLIC_KEY;
  },

  importKey(attributes, data) {
    const key = loadRsaKey(attributes.type, data);
    const bits = key.size * 8;
    if (attributes.bits !== 0 && attributes.bits !== bits) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `RSA key: the data is a ${bits}-bit key, not ${attributes.bits} bits`);
    }
    const keyBuffer = key.priv ? writeRsaPrivateKey(key.priv) : writeRsaPublicKey(key);
    return { keyBuffer, bits };
  },

  generateKey(attributes, random, customData, options) {
    if (attributes.type !== PSA_KEY_TYPE_RSA_KEY_PAIR) fail(PSA_ERROR_NOT_SUPPORTED, 'RSA: only key pairs can be generated');
    const bits = attributes.bits;
    if (bits > PSA_VENDOR_RSA_MAX_KEY_BITS || bits < PSA_VENDOR_RSA_GENERATE_MIN_KEY_BITS || bits % 8 !== 0) {
      fail(PSA_ERROR_NOT_SUPPORTED, `RSA: generating ${bits}-bit keys is not supported`);
    }
    const e = readCustomExponent(customData);
    const fields = generateRsaFields(bits, e, random, options?.onProgress);
    return { keyBuffer: writeRsaPrivateKey(fields), bits };
  },

  exportPublicKey(attributes, keyBuffer) {
    const key = loadRsaKey(attributes.type, keyBuffer);
    return writeRsaPublicKey(key);
  },
};
