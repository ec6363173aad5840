/**
 * DES and Triple-DES (`PSA_KEY_TYPE_DES`: 64-bit single DES, 128-bit
 * two-key and 192-bit three-key Triple-DES) through the PSA API, as Mbed TLS
 * 3.6 offers them: ECB without padding and CBC without padding and with
 * PKCS#7 against OpenSSL (`node:crypto`'s des-ede3-ecb/-cbc for 24-byte
 * keys, des-ede-ecb/-cbc for 16-byte keys, and single DES as des-ede3 with
 * K ‖ K ‖ K, since plain des-* lives in OpenSSL 3's legacy provider), CMAC
 * with three-key keys against the NIST SP 800-38B TDEA examples and the
 * OpenSSL CLI (`openssl mac CMAC`). Statuses pinned to Mbed TLS 3.6:
 * CTR/CFB/OFB/XTS/CCM* and GCM/CCM NOT_SUPPORTED (no `cipher_wrap.c` entry),
 * CMAC with 64- or 128-bit keys NOT_SUPPORTED (`cmac_setup`), sizes other
 * than 64/128/192 bits INVALID_ARGUMENT, the CBC IV exactly 8 bytes,
 * import without a parity check, generation with odd parity in every byte
 * (`psa_des_set_key_parity`).
 */
import { createCipheriv } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
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
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_DES,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../src/values/index.js';
import * as c from '../../src/c/index.js';
import { expectStatus } from '../keys/helpers.js';
import { bytes, concat, cuts, importKey, multipart, psa, RUNS, split } from './helpers.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** OpenSSL's name and key for a PSA DES key of 8, 16 or 24 bytes. */
function opensslCipher(key: Uint8Array, mode: 'ecb' | 'cbc'): { name: string; key: Uint8Array } {
  if (key.length === 16) return { name: `des-ede-${mode}`, key };
  if (key.length === 24) return { name: `des-ede3-${mode}`, key };
  return { name: `des-ede3-${mode}`, key: concat(key, key, key) };
}

function openssl(key: Uint8Array, mode: 'ecb' | 'cbc', iv: Uint8Array | null, data: Uint8Array, padding: boolean): Uint8Array {
  const o = opensslCipher(key, mode);
  const c = createCipheriv(o.name, o.key, iv);
  c.setAutoPadding(padding);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

const MODES = [
  { label: 'ECB', alg: PSA_ALG_ECB_NO_PADDING, mode: 'ecb', iv: false, wholeBlocks: true, padding: false },
  { label: 'CBC', alg: PSA_ALG_CBC_NO_PADDING, mode: 'cbc', iv: true, wholeBlocks: true, padding: false },
  { label: 'CBC-PKCS7', alg: PSA_ALG_CBC_PKCS7, mode: 'cbc', iv: true, wholeBlocks: false, padding: true },
] as const;

const key = fc.constantFrom(8, 16, 24).chain((n) => bytes(n));

describe('DES and Triple-DES modes against OpenSSL', () => {
  for (const mode of MODES) {
    it(`${mode.label}: single-part and multipart, both directions, 64/128/192-bit keys`, () => {
      const message = mode.wholeBlocks ? fc.nat({ max: 20 }).chain((n) => bytes(8 * n)) : fc.uint8Array({ maxLength: 170 });
      fc.assert(fc.property(key, bytes(8), message, cuts(170), cuts(180), (k, iv, plain, c1, c2) => {
        const id = importKey(PSA_KEY_TYPE_DES, mode.alg, k);
        try {
          const ivArg = mode.iv ? iv : undefined;
          const expected = openssl(k, mode.mode, mode.iv ? iv : null, plain, mode.padding);
          const single = psa.cipherEncrypt(id, mode.alg, plain);
          const ivLength = mode.iv ? 8 : 0;
          expect(single.length).toBe(ivLength + expected.length);
          expect(single.subarray(ivLength)).toEqual(openssl(k, mode.mode, mode.iv ? single.subarray(0, ivLength) : null, plain, mode.padding));
          expect(multipart(true, id, mode.alg, ivArg, split(plain, c1))).toEqual(expected);
          expect(psa.cipherDecrypt(id, mode.alg, concat(ivArg ?? new Uint8Array(0), expected))).toEqual(plain);
          expect(multipart(false, id, mode.alg, ivArg, split(expected, c2))).toEqual(plain);
        } finally {
          psa.destroyKey(id);
        }
      }), { numRuns: RUNS, seed: 20261208 });
    });
  }

  it('CBC takes exactly an 8-byte IV (PSA_CIPHER_IV_LENGTH); a partial block without padding is INVALID_ARGUMENT', () => {
    const id = importKey(PSA_KEY_TYPE_DES, PSA_ALG_CBC_NO_PADDING, new Uint8Array(24).fill(0x5a));
    for (const length of [0, 7, 9, 16]) {
      const op = psa.cipherEncryptSetup(id, PSA_ALG_CBC_NO_PADDING);
      expectStatus(() => op.setIv(new Uint8Array(length)), PSA_ERROR_INVALID_ARGUMENT);
      op.abort();
    }
    const op = psa.cipherEncryptSetup(id, PSA_ALG_CBC_NO_PADDING);
    expect(op.generateIv().length).toBe(8);
    op.abort();
    expectStatus(() => psa.cipherEncrypt(id, PSA_ALG_CBC_NO_PADDING, new Uint8Array(12)), PSA_ERROR_INVALID_ARGUMENT);
    psa.destroyKey(id);
  });
});

interface CmacVector { name: string; key: string; message: string; mac: string }
const cmacVectors = (JSON.parse(readFileSync(new URL('../../test-vectors/tdes-cmac.json', import.meta.url), 'utf8')) as { cmac: CmacVector[] }).cmac;

function macKey(k: Uint8Array): number {
  return psa.importKey({ type: PSA_KEY_TYPE_DES, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg: PSA_ALG_CMAC }, k);
}

describe('Triple-DES CMAC (NIST SP 800-38B)', () => {
  for (const v of cmacVectors) {
    it(`${v.name}: compute, multipart and verify`, () => {
      const id = macKey(hex(v.key));
      try {
        const message = hex(v.message);
        expect(toHex(psa.macCompute(id, PSA_ALG_CMAC, message))).toBe(v.mac);
        const op = psa.macSignSetup(id, PSA_ALG_CMAC);
        for (const part of split(message, [3, 8, 9])) op.update(part);
        expect(toHex(op.signFinish())).toBe(v.mac);
        psa.macVerify(id, PSA_ALG_CMAC, message, hex(v.mac));
        const wrong = hex(v.mac);
        wrong[0]! ^= 1;
        expectStatus(() => psa.macVerify(id, PSA_ALG_CMAC, message, wrong), PSA_ERROR_INVALID_SIGNATURE);
      } finally {
        psa.destroyKey(id);
      }
    });
  }

  const dir = mkdtempSync(join(tmpdir(), 'psa-tdes-cmac-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees with the OpenSSL CLI (openssl mac -cipher DES-EDE3-CBC CMAC) on random keys and messages', () => {
    fc.assert(fc.property(bytes(24), fc.uint8Array({ maxLength: 50 }), (k, message) => {
      const file = join(dir, 'message.bin');
      writeFileSync(file, message);
      const expected = execFileSync('openssl', ['mac', '-cipher', 'DES-EDE3-CBC', '-macopt', `hexkey:${toHex(k)}`, '-in', file, 'CMAC'], { encoding: 'utf8' }).trim().toLowerCase();
      const id = macKey(k);
      try {
        expect(toHex(psa.macCompute(id, PSA_ALG_CMAC, message))).toBe(expected);
      } finally {
        psa.destroyKey(id);
      }
    }), { numRuns: 8, seed: 20261208 });
  });

  it('single DES and two-key Triple-DES keys are NOT_SUPPORTED for CMAC, as Mbed TLS 3.6 cmac_setup answers', () => {
    for (const length of [8, 16]) {
      const id = macKey(new Uint8Array(length).fill(0x31));
      expectStatus(() => psa.macCompute(id, PSA_ALG_CMAC, new Uint8Array(8)), PSA_ERROR_NOT_SUPPORTED);
      expectStatus(() => psa.macVerifySetup(id, PSA_ALG_CMAC), PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
  });
});

describe('DES statuses and key material', () => {
  const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_EXPORT;

  it('modes Mbed TLS has no DES cipher for are NOT_SUPPORTED', () => {
    for (const alg of [PSA_ALG_CTR, PSA_ALG_CFB, PSA_ALG_OFB, PSA_ALG_XTS, PSA_ALG_CCM_STAR_NO_TAG]) {
      const id = importKey(PSA_KEY_TYPE_DES, alg, new Uint8Array(24));
      expectStatus(() => psa.cipherEncrypt(id, alg, new Uint8Array(16)), PSA_ERROR_NOT_SUPPORTED);
      expectStatus(() => psa.cipherEncryptSetup(id, alg), PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
    for (const alg of [PSA_ALG_GCM, PSA_ALG_CCM]) {
      const id = importKey(PSA_KEY_TYPE_DES, alg, new Uint8Array(24));
      expectStatus(() => psa.aeadEncrypt(id, alg, new Uint8Array(12), new Uint8Array(0), new Uint8Array(8)), PSA_ERROR_NOT_SUPPORTED);
      expectStatus(() => psa.aeadEncryptSetup(id, alg), PSA_ERROR_NOT_SUPPORTED);
      psa.destroyKey(id);
    }
  });

  it('keys are 64, 128 or 192 bits; other sizes are INVALID_ARGUMENT on import and generation', () => {
    for (const length of [0, 7, 9, 15, 17, 23, 25, 32]) {
      expectStatus(() => psa.importKey({ type: PSA_KEY_TYPE_DES, usage, alg: PSA_ALG_ECB_NO_PADDING }, new Uint8Array(length)), PSA_ERROR_INVALID_ARGUMENT);
    }
    for (const bits of [56, 112, 168, 256]) {
      expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_DES, bits, usage, alg: PSA_ALG_ECB_NO_PADDING }), PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('import keeps the bytes as given (no parity check); the parity bits do not change the cipher', () => {
    const even = hex('0022446688aaccee1032547698badcfe');
    const id = psa.importKey({ type: PSA_KEY_TYPE_DES, usage, alg: PSA_ALG_ECB_NO_PADDING }, even);
    expect(psa.exportKey(id)).toEqual(even);
    const block = hex('0123456789abcdef');
    const odd = Uint8Array.from(even, (b) => b | 1);
    expect(psa.cipherEncrypt(id, PSA_ALG_ECB_NO_PADDING, block)).toEqual(openssl(odd, 'ecb', null, block, false));
    psa.destroyKey(id);
  });

  it('generation sets odd parity in every byte (psa_des_set_key_parity)', () => {
    for (const bits of [64, 128, 192]) {
      for (let i = 0; i < 20; i++) {
        const id = psa.generateKey({ type: PSA_KEY_TYPE_DES, bits, usage, alg: PSA_ALG_ECB_NO_PADDING });
        const material = psa.exportKey(id);
        expect(material.length).toBe(bits / 8);
        for (const b of material) {
          let ones = 0;
          for (let v = b; v !== 0; v >>= 1) ones += v & 1;
          expect(ones % 2).toBe(1);
        }
        psa.destroyKey(id);
      }
    }
  });
});

describe('DES rows of the published PSA API test tables (psa-arch-tests test_c004, c034, c035, c044)', () => {
  it('export_public_key INVALID_ARGUMENT, generate_iv into 4 bytes BUFFER_TOO_SMALL, set_iv of 4 or 16 bytes INVALID_ARGUMENT, copy AES to DES INVALID_ARGUMENT', () => {
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, c.PSA_KEY_TYPE_DES);
    c.psa_set_key_usage_flags(attributes, c.PSA_KEY_USAGE_ENCRYPT | c.PSA_KEY_USAGE_EXPORT);
    c.psa_set_key_algorithm(attributes, c.PSA_ALG_CBC_NO_PADDING);
    const id = { value: 0 };
    expect(c.psa_import_key(attributes, new Uint8Array(8).fill(0x01), id)).toBe(c.PSA_SUCCESS);
    const length = { value: 0 };
    expect(c.psa_export_public_key(id.value, new Uint8Array(64), length)).toBe(c.PSA_ERROR_INVALID_ARGUMENT);
    const op = c.psa_cipher_operation_init();
    expect(c.psa_cipher_encrypt_setup(op, id.value, c.PSA_ALG_CBC_NO_PADDING)).toBe(c.PSA_SUCCESS);
    expect(c.psa_cipher_generate_iv(op, new Uint8Array(4), length)).toBe(c.PSA_ERROR_BUFFER_TOO_SMALL);
    c.psa_cipher_abort(op);
    for (const size of [4, 16]) {
      expect(c.psa_cipher_encrypt_setup(op, id.value, c.PSA_ALG_CBC_NO_PADDING)).toBe(c.PSA_SUCCESS);
      expect(c.psa_cipher_set_iv(op, new Uint8Array(size))).toBe(c.PSA_ERROR_INVALID_ARGUMENT);
      c.psa_cipher_abort(op);
    }
    expect(c.psa_destroy_key(id.value)).toBe(c.PSA_SUCCESS);

    const aes = c.psa_key_attributes_init();
    c.psa_set_key_type(aes, c.PSA_KEY_TYPE_AES);
    c.psa_set_key_usage_flags(aes, c.PSA_KEY_USAGE_COPY | c.PSA_KEY_USAGE_EXPORT);
    c.psa_set_key_algorithm(aes, c.PSA_ALG_CTR);
    const source = { value: 0 };
    expect(c.psa_import_key(aes, new Uint8Array(16), source)).toBe(c.PSA_SUCCESS);
    const target = c.psa_key_attributes_init();
    c.psa_set_key_type(target, c.PSA_KEY_TYPE_DES);
    c.psa_set_key_bits(target, 128);
    c.psa_set_key_algorithm(target, c.PSA_ALG_CTR);
    c.psa_set_key_usage_flags(target, c.PSA_KEY_USAGE_COPY | c.PSA_KEY_USAGE_EXPORT);
    const copy = { value: 0 };
    expect(c.psa_copy_key(source.value, target, copy)).toBe(c.PSA_ERROR_INVALID_ARGUMENT);
    expect(c.psa_destroy_key(source.value)).toBe(c.PSA_SUCCESS);
  });
});
