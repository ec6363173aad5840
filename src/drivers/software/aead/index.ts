/**
 * The software driver's AEAD entry points: GCM and CCM over AES, ARIA and
 * Camellia (the block ciphers `cipher/families.ts` offers them with),
 * ChaCha20-Poly1305, XChaCha20-Poly1305 and Ascon-AEAD128. Multipart
 * operations stream through our own contexts (`aead/gcm.ts`, `aead/ccm.ts`,
 * `aead/chachapoly.ts`, `ascon/aead.ts`); single-part AES-GCM with a 12-byte
 * nonce and (X)ChaCha20-Poly1305 use noble's one-shot implementations, the
 * rest runs the streaming contexts over the whole input. Unsupported key
 * type and algorithm pairs are NOT_SUPPORTED (as Mbed TLS's built-in driver).
 * @module
 */
import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_AEAD_GET_TAG_LENGTH,
  PSA_ALG_AEAD_WITH_SHORTENED_TAG,
  PSA_ALG_ASCON_AEAD128,
  PSA_ALG_CCM,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_GCM,
  PSA_ALG_XCHACHA20_POLY1305,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ASCON,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
  describe,
} from '../../../values/index.js';
import type { AeadContext, AeadEntryPoints } from '../../aead.js';
import type { DriverKeyAttributes } from '../../driver.js';
import { CcmContext } from './ccm.js';
import { ChaChaPolyContext } from './chachapoly.js';
import { GcmContext } from './gcm.js';
import { AsconAeadContext } from '../ascon/aead.js';
import { blockCipherFamily, createBlockCipher16 } from '../cipher/families.js';
import { copyRange } from '../../../bytes.js';
import { aeadThroughContext } from '../../single-part.js';

type Mode = 'ccm' | 'gcm' | 'chachapoly' | 'xchachapoly' | 'ascon';

/** The mode for a key type and AEAD algorithm, or NOT_SUPPORTED. */
function modeOf(keyType: number, alg: number): Mode {
  const base = PSA_ALG_AEAD_WITH_SHORTENED_TAG(alg, 0);
  const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  if (blockCipherFamily(keyType)?.aead) {
    if (base === PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 0)) return 'ccm';
    if (base === PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 0)) return 'gcm';
  } else if (keyType === PSA_KEY_TYPE_CHACHA20 && base === PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CHACHA20_POLY1305, 0)) {
    if (tagLength === 16) return 'chachapoly';
  } else if (keyType === PSA_KEY_TYPE_XCHACHA20 && base === PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_XCHACHA20_POLY1305, 0)) {
    if (tagLength === 16) return 'xchachapoly';
  } else if (keyType === PSA_KEY_TYPE_ASCON && base === PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_ASCON_AEAD128, 0)) {
    if (tagLength >= 4 && tagLength <= 16) return 'ascon';
  }
  return fail(PSA_ERROR_NOT_SUPPORTED,
    `${describe(alg, 'alg')} with ${describe(keyType, 'keyType')} is not supported by the software driver`);
}

function createContext(keyType: number, mode: Mode, key: Uint8Array, alg: number, encrypt: boolean, expectedLength?: number): AeadContext {
  const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  switch (mode) {
    case 'ccm':
      return new CcmContext(createBlockCipher16(keyType, key), tagLength, encrypt);
    case 'gcm':
      return new GcmContext(createBlockCipher16(keyType, key), tagLength, encrypt, expectedLength);
    case 'chachapoly':
      return new ChaChaPolyContext(key, false, encrypt);
    case 'xchachapoly':
      return new ChaChaPolyContext(key, true, encrypt);
    case 'ascon':
      return new AsconAeadContext(key, tagLength, encrypt);
  }
}

/** `aeadSetup`: a streaming context. */
function softwareAeadSetup(attributes: DriverKeyAttributes, keyBuffer: Uint8Array, alg: number, encrypt: boolean): AeadContext {
  return createContext(attributes.type, modeOf(attributes.type, alg), keyBuffer, alg, encrypt);
}

/** Whether noble's one-shot implementation applies (full-length tags where noble checks them). */
function oneShot(keyType: number, mode: Mode, nonce: Uint8Array, tagLength: number, decrypt: boolean) {
  if (mode === 'gcm' && keyType === PSA_KEY_TYPE_AES && nonce.length === 12 && (!decrypt || tagLength === 16)) return gcm;
  if (mode === 'chachapoly' && nonce.length === 12) return chacha20poly1305;
  if (mode === 'xchachapoly' && nonce.length === 24) return xchacha20poly1305;
  return undefined;
}

/** `aeadEncrypt`: ciphertext ‖ tag. */
function softwareAeadEncrypt(attributes: DriverKeyAttributes, key: Uint8Array, alg: number,
  nonce: Uint8Array, ad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const mode = modeOf(attributes.type, alg);
  const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  const fast = oneShot(attributes.type, mode, nonce, tagLength, false);
  if (fast && (mode !== 'gcm' || (tagLength >= 4 && tagLength <= 16))) {
    const sealed = fast(key, nonce, ad).encrypt(plaintext);
    if (tagLength === 16) return sealed;
    const out = copyRange(sealed, 0, plaintext.length + tagLength);
    sealed.fill(0);
    return out;
  }
  return aeadThroughContext(createContext(attributes.type, mode, key, alg, true, plaintext.length), true, tagLength, nonce, ad, plaintext);
}

/** `aeadDecrypt`: the plaintext, or INVALID_SIGNATURE with nothing released. */
function softwareAeadDecrypt(attributes: DriverKeyAttributes, key: Uint8Array, alg: number,
  nonce: Uint8Array, ad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const mode = modeOf(attributes.type, alg);
  const tagLength = PSA_ALG_AEAD_GET_TAG_LENGTH(alg);
  if (ciphertext.length < tagLength) fail(PSA_ERROR_INVALID_ARGUMENT, 'ciphertext shorter than the tag');
  const fast = oneShot(attributes.type, mode, nonce, tagLength, true);
  if (fast) {
    try {
      return fast(key, nonce, ad).decrypt(ciphertext);
    } catch {
      // The lengths were checked above: the only remaining failure is the tag.
      return fail(PSA_ERROR_INVALID_SIGNATURE, 'tag mismatch');
    }
  }
  const ctx = createContext(attributes.type, mode, key, alg, false, ciphertext.length - tagLength);
  return aeadThroughContext(ctx, false, tagLength, nonce, ad, ciphertext);
}

/** AEAD entry points of the software driver. */
export const softwareAead: AeadEntryPoints = {
  aeadSetup: softwareAeadSetup,
  aeadEncrypt: softwareAeadEncrypt,
  aeadDecrypt: softwareAeadDecrypt,
};
