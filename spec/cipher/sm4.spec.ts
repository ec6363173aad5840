/**
 * SM4 (GB/T 32907-2016) in the software cipher driver: the block function
 * against the standard's Appendix A examples, the modes against the
 * draft-ribose-cfrg-sm4 vectors OpenSSL carries (test-vectors/sm4.json),
 * differential properties against OpenSSL (`node:crypto`'s sm4-ecb, -cbc,
 * -ctr, -cfb, -ofb) through the PSA API, single-part and multipart over
 * random chunkings, and the key sizes and algorithms SM4 is refused with.
 * Mbed TLS 3.6 has no SM4; the size rule follows the shape of its
 * `psa_validate_unstructured_key_bit_size` (a fixed list of sizes,
 * INVALID_ARGUMENT otherwise) and the refused modes answer NOT_SUPPORTED as
 * `mbedtls_cipher_info_from_psa` does for a pair it lacks.
 */
import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sm4Block } from '../../src/drivers/software/cipher/sm4.js';
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CCM,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_CFB,
  PSA_ALG_CMAC,
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_GCM,
  PSA_ALG_OFB,
  PSA_ALG_XTS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_PADDING,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_SM4,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
} from '../../src/values/index.js';
import { expectStatus } from '../keys/helpers.js';
import { bytes, concat, cuts, importKey, multipart, psa, RUNS, split } from './helpers.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

interface Vectors {
  readonly block: readonly { name: string; key: string; plaintext: string; iterations: number; ciphertext: string }[];
  readonly modes: readonly { mode: string; key: string; iv: string; plaintext: string; ciphertext: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/sm4.json', import.meta.url), 'utf8')) as Vectors;

const ALGS: Record<string, number> = {
  ECB: PSA_ALG_ECB_NO_PADDING, CBC: PSA_ALG_CBC_NO_PADDING, CTR: PSA_ALG_CTR, CFB: PSA_ALG_CFB, OFB: PSA_ALG_OFB,
};

describe('SM4 block function (GB/T 32907-2016 Appendix A)', () => {
  for (const v of vectors.block) {
    it(`${v.name}: ${v.iterations} encryption(s), then as many decryptions back`, () => {
      const cipher = new Sm4Block(hex(v.key));
      const block = hex(v.plaintext);
      for (let i = 0; i < v.iterations; i++) cipher.encrypt(block);
      expect(toHex(block)).toBe(v.ciphertext);
      for (let i = 0; i < v.iterations; i++) cipher.decrypt(block);
      expect(toHex(block)).toBe(v.plaintext);
      cipher.wipe();
    });
  }
});

describe('SM4 modes: known answers (draft-ribose-cfrg-sm4 via OpenSSL evpciph_sm4.txt)', () => {
  for (const [i, v] of vectors.modes.entries()) {
    it(`${v.mode} #${i}: multipart and single-part decryption`, () => {
      const alg = ALGS[v.mode]!;
      const id = importKey(PSA_KEY_TYPE_SM4, alg, hex(v.key));
      try {
        const iv = v.iv === '' ? undefined : hex(v.iv);
        expect(toHex(multipart(true, id, alg, iv, [hex(v.plaintext)]))).toBe(v.ciphertext);
        expect(toHex(psa.cipherDecrypt(id, alg, concat(iv ?? new Uint8Array(0), hex(v.ciphertext))))).toBe(v.plaintext);
      } finally {
        psa.destroyKey(id);
      }
    });
  }
});

function openssl(name: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array, padding: boolean): Uint8Array {
  const c = createCipheriv(name, key, iv);
  c.setAutoPadding(padding);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

const MODES = [
  { label: 'ECB', alg: PSA_ALG_ECB_NO_PADDING, name: 'sm4-ecb', iv: false, wholeBlocks: true, padding: false },
  { label: 'CBC', alg: PSA_ALG_CBC_NO_PADDING, name: 'sm4-cbc', iv: true, wholeBlocks: true, padding: false },
  { label: 'CBC-PKCS7', alg: PSA_ALG_CBC_PKCS7, name: 'sm4-cbc', iv: true, wholeBlocks: false, padding: true },
  { label: 'CTR', alg: PSA_ALG_CTR, name: 'sm4-ctr', iv: true, wholeBlocks: false, padding: false },
  { label: 'CFB', alg: PSA_ALG_CFB, name: 'sm4-cfb', iv: true, wholeBlocks: false, padding: false },
  { label: 'OFB', alg: PSA_ALG_OFB, name: 'sm4-ofb', iv: true, wholeBlocks: false, padding: false },
];

describe('SM4 modes against OpenSSL', () => {
  for (const mode of MODES) {
    it(`${mode.label}: single-part and multipart, both directions`, () => {
      const message = mode.wholeBlocks ? fc.nat({ max: 20 }).chain((n) => bytes(16 * n)) : fc.uint8Array({ maxLength: 330 });
      fc.assert(fc.property(bytes(16), bytes(16), message, cuts(330), cuts(340), (key, iv, plain, c1, c2) => {
        const id = importKey(PSA_KEY_TYPE_SM4, mode.alg, key);
        try {
          const ivOrNull = mode.iv ? iv : null;
          const expected = openssl(mode.name, key, ivOrNull, plain, mode.padding);
          const single = psa.cipherEncrypt(id, mode.alg, plain);
          const ivLength = mode.iv ? 16 : 0;
          expect(single.subarray(ivLength)).toEqual(openssl(mode.name, key, mode.iv ? single.subarray(0, ivLength) : null, plain, mode.padding));
          const ivArg = mode.iv ? iv : undefined;
          expect(multipart(true, id, mode.alg, ivArg, split(plain, c1))).toEqual(expected);
          expect(psa.cipherDecrypt(id, mode.alg, concat(mode.iv ? iv : new Uint8Array(0), expected))).toEqual(plain);
          expect(multipart(false, id, mode.alg, ivArg, split(expected, c2))).toEqual(plain);
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS });
    });
  }
});

describe('SM4 statuses', () => {
  const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;

  it('keys are 128 bits: import and generate accept 128, refuse other sizes with INVALID_ARGUMENT (psa_validate_unstructured_key_bit_size shape)', () => {
    for (const length of [8, 15, 17, 24, 32]) {
      expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_SM4, usage, alg: PSA_ALG_CTR }, new Uint8Array(length)), PSA_ERROR_INVALID_ARGUMENT);
    }
    for (const bits of [64, 192, 256]) {
      expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_SM4, bits, usage, alg: PSA_ALG_CTR }), PSA_ERROR_INVALID_ARGUMENT);
    }
    const id = psa.generateKey({ type: PSA_KEY_TYPE_SM4, bits: 128, usage, alg: PSA_ALG_CTR });
    const plain = new Uint8Array(40).fill(7);
    expect(psa.cipherDecrypt(id, PSA_ALG_CTR, psa.cipherEncrypt(id, PSA_ALG_CTR, plain))).toEqual(plain);
    psa.destroyKey(id);
  });

  it('no padding: a partial block is INVALID_ARGUMENT; bad PKCS#7 padding is INVALID_PADDING', () => {
    const id = importKey(PSA_KEY_TYPE_SM4, PSA_ALG_ECB_NO_PADDING, new Uint8Array(16));
    expectStatus(() => psa.cipherEncrypt(id, PSA_ALG_ECB_NO_PADDING, new Uint8Array(15)), PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
    const key = new Uint8Array(16).fill(1);
    const pk = importKey(PSA_KEY_TYPE_SM4, PSA_ALG_CBC_PKCS7, key);
    const iv = new Uint8Array(16);
    // One block whose plaintext ends in 0x00: not valid PKCS#7.
    const bad = openssl('sm4-cbc', key, iv, new Uint8Array(16), false);
    expectStatus(() => psa.cipherDecrypt(pk, PSA_ALG_CBC_PKCS7, concat(iv, bad)), PSA_ERROR_INVALID_PADDING);
    psa.destroyKey(pk);
  });

  it('CCM*, XTS, GCM, CCM and CMAC with SM4 stay NOT_SUPPORTED', () => {
    for (const alg of [PSA_ALG_CCM_STAR_NO_TAG, PSA_ALG_XTS]) {
      const id = importKey(PSA_KEY_TYPE_SM4, alg, new Uint8Array(16));
      expectStatus(() => psa.cipherEncryptSetup(id, alg), PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
    for (const alg of [PSA_ALG_GCM, PSA_ALG_CCM]) {
      const id = importKey(PSA_KEY_TYPE_SM4, alg, new Uint8Array(16));
      expectStatus(() => psa.aeadEncrypt(id, alg, new Uint8Array(12), new Uint8Array(0), new Uint8Array(0)), PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
    const mac = psa.importKey({ type: PSA_KEY_TYPE_SM4, usage: PSA_KEY_USAGE_SIGN_MESSAGE, alg: PSA_ALG_CMAC }, new Uint8Array(16));
    expectStatus(() => psa.macCompute(mac, PSA_ALG_CMAC, new Uint8Array(0)), PSA_ERROR_NOT_SUPPORTED);
    psa.destroyKey(mac);
  });
});
