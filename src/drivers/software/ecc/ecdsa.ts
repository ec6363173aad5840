/**
 * ECDSA for the software driver's signature entry points, on the
 * short-Weierstrass curves of the driver's curve table (`ecc/curves.ts`,
 * through `eccCurveOf`), with noble's ECDSA. Signatures are PSA's raw format `r ‖ s`, each
 * `ceil(bits/8)` bytes big-endian. Signing follows Mbed TLS:
 * `PSA_ALG_DETERMINISTIC_ECDSA(h)` is RFC 6979 with the HMAC of `h`;
 * randomized ECDSA and `PSA_ALG_ECDSA_ANY` derive the nonce from the caller's
 * random source (RFC 6979 §3.6 with fresh additional data, so every
 * signature has an unpredictable nonce). The input is used as given, with
 * no length check: ECDSA keeps the leftmost bits of any input, as Mbed TLS's
 * `mbedtls_ecdsa_sign` does. Verification accepts high-S signatures.
 * @module
 */
import { ecdsa, type ECDSA } from '@noble/curves/abstract/weierstrass.js';
import type { CHash } from '@noble/hashes/utils.js';
import { NOBLE_HMAC_HASHES } from '../hash/noble.js';
import type { DriverKeyAttributes } from '../../driver.js';
import type { RandomSource } from '../../sign.js';
import { fail } from '../../../values/error.js';
import {
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../../values/status.js';
import {
  PSA_ALG_ECDSA_IS_DETERMINISTIC,
  PSA_ALG_IS_ECDSA,
  PSA_ALG_SHA_256,
  PSA_ALG_SIGN_GET_HASH,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  describe,
} from '../../../values/index.js';
import type { WeierstrassCurve } from './curves.js';
import { eccCurveOf } from './keys.js';

const HASHES: ReadonlyMap<number, CHash> = NOBLE_HMAC_HASHES;

/** ECDSA instances per curve (point constructor) and RFC 6979 hash, built on first use. */
const INSTANCES = new WeakMap<object, Map<number, ECDSA>>();

/** The Weierstrass curve of an ECC key (the shared curve table); INVALID_ARGUMENT for Montgomery and Edwards keys. */
export function curveOf(type: number, bits: number): WeierstrassCurve {
  const curve = eccCurveOf(type, bits, 'ECDSA');
  if (curve.kind !== 'weierstrass') fail(PSA_ERROR_INVALID_ARGUMENT, `ECDSA cannot be used with ${describe(type, 'keyType')}`);
  return curve;
}

/**
 * ECDSA on `curve` whose RFC 6979 generator uses `hashAlg`. Randomized
 * signing passes 0: the generator then uses SHA-256, fed with fresh random
 * additional data on every signature.
 */
function instanceFor(curve: WeierstrassCurve, hashAlg: number): ECDSA {
  const h = hashAlg === 0 ? PSA_ALG_SHA_256 : hashAlg;
  const hash = HASHES.get(h) ?? fail(PSA_ERROR_NOT_SUPPORTED, `deterministic ECDSA with ${describe(h, 'alg')} is not supported`);
  let byHash = INSTANCES.get(curve.Point);
  if (!byHash) {
    byHash = new Map();
    INSTANCES.set(curve.Point, byHash);
  }
  let instance = byHash.get(h);
  if (!instance) {
    instance = ecdsa(curve.Point, hash, { lowS: false });
    byHash.set(h, instance);
  }
  return instance;
}

/** The RFC 6979 hash of `hashAlg` (0: SHA-256, the generator of randomized signing); NOT_SUPPORTED when unknown. */
export function nonceHashOf(hashAlg: number): CHash {
  const h = hashAlg === 0 ? PSA_ALG_SHA_256 : hashAlg;
  return HASHES.get(h) ?? fail(PSA_ERROR_NOT_SUPPORTED, `deterministic ECDSA with ${describe(h, 'alg')} is not supported`);
}

/** Whether this module handles the key type and algorithm (an ECC key with an ECDSA algorithm). */
export function isEcdsa(type: number, alg: number): boolean {
  return PSA_KEY_TYPE_IS_ECC(type) && PSA_ALG_IS_ECDSA(alg);
}

/** The leftmost `bytes` bytes of the input: all ECDSA uses (bits2int), and bounded for any input length. */
function leftmost(input: Uint8Array, bytes: number): Uint8Array {
  return input.length > bytes ? input.subarray(0, bytes) : input;
}

/** Sign `hash` (any length) with an ECDSA key pair; the result is `r ‖ s`. */
export function ecdsaSignHash(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, random: RandomSource): Uint8Array {
  if (!PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) fail(PSA_ERROR_INVALID_ARGUMENT, 'ECDSA signing needs a key pair');
  const curve = curveOf(attributes.type, attributes.bits);
  if (keyBuffer.length !== curve.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, 'ECDSA: malformed private key');
  const deterministic = PSA_ALG_ECDSA_IS_DETERMINISTIC(alg);
  if (deterministic && PSA_ALG_SIGN_GET_HASH(alg) === 0) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'deterministic ECDSA needs a hash algorithm');
  }
  const signer = instanceFor(curve, deterministic ? PSA_ALG_SIGN_GET_HASH(alg) : 0);
  const extra = deterministic ? undefined : random(curve.bytes);
  try {
    return signer.sign(leftmost(hash, curve.bytes), keyBuffer, {
      prehash: false,
      lowS: false,
      ...(extra ? { extraEntropy: extra } : {}),
    });
  } finally {
    extra?.fill(0);
  }
}

/** The uncompressed public point of an ECDSA key (derived from the scalar for a key pair). */
function publicPoint(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, curve: WeierstrassCurve): Uint8Array {
  if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) return instanceFor(curve, 0).getPublicKey(keyBuffer, false);
  return keyBuffer;
}

/**
 * Verify an `r ‖ s` signature over `hash`: INVALID_SIGNATURE unless it is
 * exactly `2·ceil(bits/8)` bytes and valid (high S accepted).
 */
export function ecdsaVerifyHash(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, hash: Uint8Array, signature: Uint8Array): void {
  void alg;
  const curve = curveOf(attributes.type, attributes.bits);
  if (signature.length !== 2 * curve.bytes) fail(PSA_ERROR_INVALID_SIGNATURE, 'ECDSA: wrong signature length');
  const point = publicPoint(attributes, keyBuffer, curve);
  let valid = false;
  try {
    valid = instanceFor(curve, 0).verify(signature, leftmost(hash, curve.bytes), point, { prehash: false, lowS: false });
  } catch {
    valid = false;
  }
  if (!valid) fail(PSA_ERROR_INVALID_SIGNATURE, 'ECDSA: invalid signature');
}
