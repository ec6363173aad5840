/**
 * The block ciphers of the software driver and the mechanisms each is
 * offered in: the one place that says which (key type, mode) pairs exist.
 * The table follows what Mbed TLS 3.6 / TF-PSA-Crypto build
 * (`mbedtls_cipher_info_from_psa` over the `cipher_wrap.c` list, and
 * `mbedtls_cipher_cmac_starts` for CMAC):
 *
 * | key type | cipher modes | AEAD | CMAC |
 * |---|---|---|---|
 * | AES | ECB, CBC, CBC-PKCS#7, CTR, CFB, OFB, CCM*, XTS | CCM, GCM | yes (and CBC-MAC, which Mbed TLS lacks) |
 * | ARIA, Camellia | ECB, CBC, CBC-PKCS#7, CTR, CFB, CCM* (no OFB) | CCM, GCM | INVALID_ARGUMENT (Mbed TLS's CMAC takes AES and 3DES only) |
 * | DES (64, 128, 192 bits) | ECB, CBC, CBC-PKCS#7 | none | 192-bit keys only (64 and 128 NOT_SUPPORTED) |
 * | SM4 (no Mbed TLS) | ECB, CBC, CBC-PKCS#7, CTR, CFB, OFB | none | none |
 *
 * A pair outside the table is NOT_SUPPORTED, as in Mbed TLS.
 * @module
 */
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_CFB,
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_OFB,
  PSA_ALG_XTS,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_CAMELLIA,
  PSA_KEY_TYPE_DES,
  PSA_KEY_TYPE_SM4,
} from '../../../values/index.js';
import { AesBlock } from './aes.js';
import { AriaBlock } from './aria.js';
import type { BlockCipher, BlockCipher16 } from './block.js';
import { CamelliaBlock } from './camellia.js';
import { DesBlock } from './des.js';
import { Sm4Block } from './sm4.js';

/** What CMAC does with a key of a family: computes, or fails with a status. */
export type CmacSupport = 'yes' | 'invalid-argument' | 'not-supported' | 'only-192-bit';

/** One block cipher and the mechanisms it is offered in. */
export interface BlockCipherFamily {
  /** A keyed instance (the key is copied or expanded; the caller wipes its own buffer). */
  create(key: Uint8Array): BlockCipher;
  /** The unauthenticated cipher algorithms (`PSA_ALG_*`). */
  readonly cipherModes: readonly number[];
  /** Whether CCM and GCM are offered (16-byte ciphers with an Mbed TLS mode). */
  readonly aead: boolean;
  /** What CMAC does. */
  readonly cmac: CmacSupport;
}

const ALL_MODES = [PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_CTR, PSA_ALG_CFB];
const BLOCK_ONLY = [PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7];

const FAMILIES: ReadonlyMap<number, BlockCipherFamily> = new Map<number, BlockCipherFamily>([
  [PSA_KEY_TYPE_AES, {
    create: (key) => new AesBlock(key),
    cipherModes: [...ALL_MODES, PSA_ALG_OFB, PSA_ALG_CCM_STAR_NO_TAG, PSA_ALG_XTS],
    aead: true,
    cmac: 'yes',
  }],
  [PSA_KEY_TYPE_ARIA, {
    create: (key) => new AriaBlock(key),
    cipherModes: [...ALL_MODES, PSA_ALG_CCM_STAR_NO_TAG],
    aead: true,
    cmac: 'invalid-argument',
  }],
  [PSA_KEY_TYPE_CAMELLIA, {
    create: (key) => new CamelliaBlock(key),
    cipherModes: [...ALL_MODES, PSA_ALG_CCM_STAR_NO_TAG],
    aead: true,
    cmac: 'invalid-argument',
  }],
  [PSA_KEY_TYPE_DES, {
    create: (key) => new DesBlock(key),
    cipherModes: BLOCK_ONLY,
    aead: false,
    cmac: 'only-192-bit',
  }],
  [PSA_KEY_TYPE_SM4, {
    create: (key) => new Sm4Block(key),
    cipherModes: [...ALL_MODES, PSA_ALG_OFB],
    aead: false,
    cmac: 'not-supported',
  }],
]);

/** The family of block-cipher key type `type`, or undefined for any other type. */
export function blockCipherFamily(type: number): BlockCipherFamily | undefined {
  return FAMILIES.get(type);
}

/** A keyed 16-byte block cipher of key type `type` (the caller checked that its family has `aead`). */
export function createBlockCipher16(type: number, key: Uint8Array): BlockCipher16 {
  return FAMILIES.get(type)!.create(key) as BlockCipher16;
}
