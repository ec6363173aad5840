/**
 * PKCS #1 RSA keys (RFC 8017 appendix A.1): `RSAPrivateKey` and
 * `RSAPublicKey` are the PSA export formats of RSA key pairs and public
 * keys, so the conversions are the identity after validation (strict DER,
 * two-prime keys only, non-negative integers, no trailing data).
 * @module
 */
import { copyBytes } from '../bytes.js';
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import { PSA_KEY_TYPE_RSA_KEY_PAIR, PSA_KEY_TYPE_RSA_PUBLIC_KEY } from '../values/key-types.js';
import { DER_INTEGER, readSequence } from './der.js';

/** A key in a PSA import/export format: its type, its size in bits and its bytes. */
export interface PsaKey {
  /** The `psa_key_type_t`. */
  readonly type: number;
  /** The key size in bits (`psa_get_key_bits`). */
  readonly bits: number;
  /** The key in the PSA format of `type` (what `psa_import_key` takes and `psa_export_key` gives). */
  readonly data: Uint8Array;
}

/** Bit length of an unsigned big-endian magnitude without leading zeros. */
export function magnitudeBits(bytes: Uint8Array): number {
  if (bytes.length === 0 || (bytes.length === 1 && bytes[0] === 0)) return 0;
  return (bytes.length - 1) * 8 + (32 - Math.clz32(bytes[0]!));
}

/**
 * Validate a PKCS #1 `RSAPrivateKey` or `RSAPublicKey` (told apart by their
 * shape) and return it as a PSA RSA key. Multi-prime keys (version 1) are
 * NOT_SUPPORTED, as in Mbed TLS; anything malformed is INVALID_ARGUMENT.
 */
export function psaFromPkcs1(der: Uint8Array): PsaKey {
  const seq = readSequence(der);
  const ints: Uint8Array[] = [];
  while (!seq.done) {
    if (seq.peekTag() !== DER_INTEGER) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: unexpected element');
    ints.push(seq.unsignedInteger());
  }
  if (ints.length === 2) {
    const [n, e] = ints as [Uint8Array, Uint8Array];
    checkModulus(n, e);
    return { type: PSA_KEY_TYPE_RSA_PUBLIC_KEY, bits: magnitudeBits(n), data: copyBytes(der) };
  }
  const version = ints[0];
  if (version && version.length === 1 && version[0] === 1) fail(PSA_ERROR_NOT_SUPPORTED, 'PKCS#1: multi-prime RSA keys are not supported');
  if (ints.length !== 9 || version![0] !== 0 || version!.length !== 1) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: not an RSAPrivateKey or RSAPublicKey');
  const n = ints[1]!;
  checkModulus(n, ints[2]!);
  for (const v of ints.slice(3)) if (magnitudeBits(v) === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: zero key component');
  return { type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits: magnitudeBits(n), data: copyBytes(der) };
}

function checkModulus(n: Uint8Array, e: Uint8Array): void {
  if (magnitudeBits(n) === 0 || (n[n.length - 1]! & 1) === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: the modulus must be odd and positive');
  if (magnitudeBits(e) === 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: the public exponent must be positive');
}

/**
 * The PKCS #1 DER of a PSA RSA key (`RSAPrivateKey` for a key pair,
 * `RSAPublicKey` for a public key): `keyData` itself, after checking that it
 * is well formed and of `type` (and of `bits`, when non-zero).
 */
export function pkcs1FromPsa(type: number, bits: number, keyData: Uint8Array): Uint8Array {
  if (type !== PSA_KEY_TYPE_RSA_KEY_PAIR && type !== PSA_KEY_TYPE_RSA_PUBLIC_KEY) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: not an RSA key type');
  const key = psaFromPkcs1(keyData);
  if (key.type !== type) fail(PSA_ERROR_INVALID_ARGUMENT, 'PKCS#1: the data does not match the key type');
  if (bits !== 0 && key.bits !== bits) fail(PSA_ERROR_INVALID_ARGUMENT, `PKCS#1: the key has ${key.bits} bits, not ${bits}`);
  return copyBytes(keyData);
}
