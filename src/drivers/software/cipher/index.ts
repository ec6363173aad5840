/**
 * The software driver's cipher entry points: the block ciphers of
 * `families.ts` (AES, ARIA, Camellia, DES/Triple-DES, SM4) in the modes that
 * table gives each (ECB, CBC without padding and with PKCS#7, CTR, CFB-128,
 * OFB, CCM* without tag, XTS), and ChaCha20 and XChaCha20 as stream
 * ciphers. Multipart operations stream through the contexts of this
 * folder's modules; single-part AES and ChaCha calls use noble's one-shot
 * functions where noble has the mode, the other ciphers go through the
 * contexts. Any other pair is NOT_SUPPORTED, as in Mbed TLS 3.6.
 * @module
 */
import { cbc, cfb, ctr, ecb } from '@noble/ciphers/aes.js';
import { chacha20, xchacha20 } from '@noble/ciphers/chacha.js';
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_PADDING, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CFB,
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_OFB,
  PSA_ALG_STREAM_CIPHER,
  PSA_ALG_XTS,
  PSA_CIPHER_IV_LENGTH,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_XCHACHA20,
  describe,
} from '../../../values/index.js';
import type { CipherContext, CipherEntryPoints } from '../../cipher.js';
import type { DriverKeyAttributes } from '../../driver.js';
import { cipherThroughContext } from '../../single-part.js';
import { AES_BLOCK } from './aes.js';
import type { BlockCipher16 } from './block.js';
import { ChaChaContext } from './chacha.js';
import { EcbCbcContext, pkcs7PaddingLength } from './ecb-cbc.js';
import { blockCipherFamily } from './families.js';
import { KeystreamContext } from './keystream.js';
import { XtsContext } from './xts.js';
import { copyRange } from '../../../bytes.js';

/** NOT_SUPPORTED unless this driver implements `alg` with keys of `type`. */
function checkSupported(type: number, alg: number): void {
  const family = blockCipherFamily(type);
  const ok = family
    ? family.cipherModes.includes(alg)
    : (type === PSA_KEY_TYPE_CHACHA20 || type === PSA_KEY_TYPE_XCHACHA20) && alg === PSA_ALG_STREAM_CIPHER;
  if (!ok) fail(PSA_ERROR_NOT_SUPPORTED, `${describe(alg, 'alg')} with ${describe(type, 'keyType')} is not supported`);
}

/** A multipart context for a supported pair. */
function createContext(type: number, key: Uint8Array, alg: number, encrypt: boolean): CipherContext {
  checkSupported(type, alg);
  if (type === PSA_KEY_TYPE_CHACHA20 || type === PSA_KEY_TYPE_XCHACHA20) {
    return new ChaChaContext(key, type === PSA_KEY_TYPE_XCHACHA20);
  }
  if (alg === PSA_ALG_XTS) return new XtsContext(key, encrypt);
  // The block object keeps its own copy of the key or only its schedule.
  const block = blockCipherFamily(type)!.create(key);
  switch (alg) {
    case PSA_ALG_ECB_NO_PADDING: return new EcbCbcContext(block, 'ecb', encrypt);
    case PSA_ALG_CBC_NO_PADDING: return new EcbCbcContext(block, 'cbc', encrypt);
    case PSA_ALG_CBC_PKCS7: return new EcbCbcContext(block, 'cbc-pkcs7', encrypt);
  }
  // The key-stream modes exist only for the 16-byte ciphers (the table gives DES none).
  const block16 = block as BlockCipher16;
  switch (alg) {
    case PSA_ALG_CTR: return new KeystreamContext(block16, 'ctr', encrypt);
    case PSA_ALG_CFB: return new KeystreamContext(block16, 'cfb', encrypt);
    case PSA_ALG_OFB: return new KeystreamContext(block16, 'ofb', encrypt);
    default: return new KeystreamContext(block16, 'ccm-star', encrypt);
  }
}

function requireWholeBlocks(length: number): void {
  if (length % AES_BLOCK !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'input is not a whole number of blocks');
}

/** Single-part through noble where noble has the mode with this IV; undefined otherwise. */
function oneShot(type: number, key: Uint8Array, alg: number, encrypt: boolean, iv: Uint8Array, input: Uint8Array): Uint8Array | undefined {
  if (type === PSA_KEY_TYPE_CHACHA20) return iv.length === 12 ? chacha20(key, iv, input) : undefined;
  if (type === PSA_KEY_TYPE_XCHACHA20) return iv.length === 24 ? xchacha20(key, iv, input) : undefined;
  if (type !== PSA_KEY_TYPE_AES) return undefined;
  const dir = <T extends { encrypt(d: Uint8Array): Uint8Array; decrypt(d: Uint8Array): Uint8Array }>(c: T): Uint8Array =>
    encrypt ? c.encrypt(input) : c.decrypt(input);
  switch (alg) {
    case PSA_ALG_ECB_NO_PADDING:
      requireWholeBlocks(input.length);
      return dir(ecb(key, { disablePadding: true }));
    case PSA_ALG_CBC_NO_PADDING:
      requireWholeBlocks(input.length);
      return dir(cbc(key, iv, { disablePadding: true }));
    case PSA_ALG_CBC_PKCS7: {
      if (encrypt) return cbc(key, iv).encrypt(input);
      if (input.length === 0) requireWholeBlocks(1);
      requireWholeBlocks(input.length);
      const plain = cbc(key, iv, { disablePadding: true }).decrypt(input);
      const pad = pkcs7PaddingLength(plain.subarray(plain.length - AES_BLOCK));
      if (pad < 0) {
        plain.fill(0);
        fail(PSA_ERROR_INVALID_PADDING, 'invalid padding');
      }
      const out = copyRange(plain, 0, plain.length - pad);
      plain.fill(0);
      return out;
    }
    case PSA_ALG_CTR:
      return iv.length === AES_BLOCK ? dir(ctr(key, iv)) : undefined;
    case PSA_ALG_CFB:
      return dir(cfb(key, iv));
    default:
      return undefined;
  }
}

function encryptOrDecrypt(attributes: DriverKeyAttributes, key: Uint8Array, alg: number, encrypt: boolean, iv: Uint8Array, input: Uint8Array): Uint8Array {
  checkSupported(attributes.type, alg);
  return oneShot(attributes.type, key, alg, encrypt, iv, input) ?? cipherThroughContext(createContext(attributes.type, key, alg, encrypt), iv, input);
}

/** Cipher entry points of the software driver. */
export const softwareCipher: CipherEntryPoints = {
  cipherSetup(attributes, keyBuffer, alg, encrypt) {
    return createContext(attributes.type, keyBuffer, alg, encrypt);
  },
  cipherEncrypt(attributes, keyBuffer, alg, iv, input) {
    return encryptOrDecrypt(attributes, keyBuffer, alg, true, iv, input);
  },
  cipherDecrypt(attributes, keyBuffer, alg, input) {
    checkSupported(attributes.type, alg);
    const ivLength = PSA_CIPHER_IV_LENGTH(attributes.type, alg);
    if (input.length < ivLength) fail(PSA_ERROR_INVALID_ARGUMENT, 'input shorter than the IV');
    return encryptOrDecrypt(attributes, keyBuffer, alg, false, input.subarray(0, ivLength), input.subarray(ivLength));
  },
};
