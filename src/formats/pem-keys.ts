/**
 * PEM wrappers of the key containers, under the labels OpenSSL writes:
 * `PRIVATE KEY` (PKCS #8), `PUBLIC KEY` (SubjectPublicKeyInfo),
 * `EC PRIVATE KEY` (SEC 1), `RSA PRIVATE KEY` / `RSA PUBLIC KEY` (PKCS #1).
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../values/status.js';
import { PSA_KEY_TYPE_IS_KEY_PAIR } from '../values/key-type-predicates.js';
import { PSA_KEY_TYPE_RSA_KEY_PAIR } from '../values/key-types.js';
import { decodePemAll, encodePem } from './pem.js';
import { pkcs8FromPsa, psaFromPkcs8, psaFromSpki, spkiFromPsa, type Pkcs8Options } from './keys.js';
import { pkcs1FromPsa, psaFromPkcs1 } from './pkcs1.js';
import { psaFromSec1, sec1FromPsa, type PsaKeyWithPublic } from './sec1.js';

/** `-----BEGIN PRIVATE KEY-----` (PKCS #8) of a PSA key pair. */
export function pemFromPkcs8(type: number, bits: number, keyData: Uint8Array, options?: Pkcs8Options): string {
  return encodePem('PRIVATE KEY', pkcs8FromPsa(type, bits, keyData, options));
}

/** `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo) of a PSA public key. */
export function pemFromSpki(type: number, bits: number, keyData: Uint8Array): string {
  return encodePem('PUBLIC KEY', spkiFromPsa(type, bits, keyData));
}

/** `-----BEGIN EC PRIVATE KEY-----` (SEC 1) of a PSA Weierstrass key pair, with `publicKey` when given. */
export function pemFromSec1(type: number, bits: number, keyData: Uint8Array, publicKey?: Uint8Array): string {
  return encodePem('EC PRIVATE KEY', sec1FromPsa(type, bits, keyData, publicKey));
}

/** `-----BEGIN RSA PRIVATE KEY-----` or `-----BEGIN RSA PUBLIC KEY-----` (PKCS #1) of a PSA RSA key. */
export function pemFromPkcs1(type: number, bits: number, keyData: Uint8Array): string {
  const der = pkcs1FromPsa(type, bits, keyData);
  return encodePem(type === PSA_KEY_TYPE_RSA_KEY_PAIR ? 'RSA PRIVATE KEY' : 'RSA PUBLIC KEY', der);
}

/** PEM of any supported PSA key: PKCS #8 for a key pair, SubjectPublicKeyInfo for a public key. */
export function pemFromPsa(type: number, bits: number, keyData: Uint8Array): string {
  return PSA_KEY_TYPE_IS_KEY_PAIR(type) ? pemFromPkcs8(type, bits, keyData) : pemFromSpki(type, bits, keyData);
}

/**
 * The PSA key of the first key block of a PEM text, whichever of the
 * labels above it has (an `EC PARAMETERS` block before it is skipped).
 * Encrypted keys (`ENCRYPTED PRIVATE KEY`) are NOT_SUPPORTED; a text without
 * a key block is INVALID_ARGUMENT.
 */
export function psaFromPem(text: string): PsaKeyWithPublic {
  for (const block of decodePemAll(text)) {
    switch (block.label) {
      case 'PRIVATE KEY':
        return psaFromPkcs8(block.der);
      case 'PUBLIC KEY':
        return psaFromSpki(block.der);
      case 'EC PRIVATE KEY':
        return psaFromSec1(block.der);
      case 'RSA PRIVATE KEY':
      case 'RSA PUBLIC KEY': {
        const key = psaFromPkcs1(block.der);
        if (PSA_KEY_TYPE_IS_KEY_PAIR(key.type) !== (block.label === 'RSA PRIVATE KEY')) fail(PSA_ERROR_INVALID_ARGUMENT, `PEM: the ${block.label} block holds the other kind of RSA key`);
        return key;
      }
      case 'ENCRYPTED PRIVATE KEY':
        return fail(PSA_ERROR_NOT_SUPPORTED, 'PEM: encrypted private keys are not supported');
      case 'EC PARAMETERS':
        continue;
      default:
        return fail(PSA_ERROR_NOT_SUPPORTED, `PEM: unsupported label "${block.label}"`);
    }
  }
  return fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: no key block');
}
