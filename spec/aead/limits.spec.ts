/**
 * The length limits of every mode whose counter or format has one, checked
 * at the boundary (the part that needs gigabytes is checked on the
 * predicate the mode calls, with the boundary values the standard gives):
 * - GCM: plaintext at most 2^36 − 32 bytes (NIST SP 800-38D §5.2.1.1; Mbed
 *   TLS `0xFFFFFFFE0`), in `psa_aead_set_lengths` and in a streaming
 *   operation without declared lengths; past it the 32-bit counter would
 *   come back to J0.
 * - CCM: plaintext below 2^(8q) bytes for q = 15 − nonce length (SP 800-38C
 *   A.1); the counter field is q bytes wide, so a carry past the low 32 bits
 *   reaches the counter's upper bytes (never the nonce).
 * - CCM* without tag: the 2-byte counter runs 1 to 65,535; the block that
 *   would wrap it is INVALID_ARGUMENT.
 * - ChaCha20 / XChaCha20: the block that would wrap the 32- or 64-bit
 *   counter is INVALID_ARGUMENT (RFC 8439 §2.4); ChaCha20-Poly1305 messages
 *   at most 2^38 − 64 bytes (RFC 8439 §2.8).
 * - XTS: a data unit of at most 2^20 blocks (SP 800-38E, IEEE 1619).
 */
import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import { GCM_MAX_PLAINTEXT } from '../../src/core/aead/rules.js';
import { CHACHAPOLY_MAX_TEXT } from '../../src/drivers/software/aead/chachapoly.js';
import { CtrStream } from '../../src/drivers/software/aead/ctr.js';
import { GCM_MAX_TEXT, gcmTextFits } from '../../src/drivers/software/aead/gcm.js';
import { AesBlock } from '../../src/drivers/software/cipher/aes.js';
import { advanceCounter } from '../../src/drivers/software/cipher/chacha.js';
import { XTS_MAX_DATA_UNIT } from '../../src/drivers/software/cipher/xts.js';
import {
  PSA_ALG_CCM,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_GCM,
  PSA_ALG_STREAM_CIPHER,
  PSA_ALG_XTS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_XCHACHA20,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../src/values/index.js';
import { expectStatus } from '../keys/helpers.js';

const psa = createPsa();
const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

function aesEcb(key: Uint8Array, blocks: Uint8Array): Uint8Array {
  const cipher = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(blocks), cipher.final()]));
}

describe('GCM: 2^36 − 32 bytes of plaintext', () => {
  it('the limit is SP 800-38D\'s 2^39 − 256 bits in both the core check and the streaming context', () => {
    expect(GCM_MAX_PLAINTEXT).toBe(BigInt(2 ** 39 - 256) / 8n);
    expect(GCM_MAX_TEXT).toBe((2 ** 39 - 256) / 8);
    expect(gcmTextFits(GCM_MAX_TEXT - 16, 16)).toBe(true);
    expect(gcmTextFits(GCM_MAX_TEXT - 16, 17)).toBe(false);
    expect(gcmTextFits(2 ** 36, 0)).toBe(false);
  });

  it('psa_aead_set_lengths takes 2^36 − 32 bytes and refuses 2^36 − 31 and 2^36 with INVALID_ARGUMENT (both faces)', () => {
    const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg: PSA_ALG_GCM }, KEY.subarray(0, 16));
    for (const [length, ok] of [[2 ** 36 - 32, true], [2 ** 36 - 31, false], [2 ** 36, false], [2 ** 40 - 32, false]] as const) {
      const op = psa.aeadEncryptSetup(id, PSA_ALG_GCM);
      if (ok) op.setLengths(0, length);
      else expectStatus(() => op.setLengths(0, length), PSA_ERROR_INVALID_ARGUMENT);
      op.abort();
    }
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    const attributes = c.psa_key_attributes_init();
    c.psa_set_key_type(attributes, c.PSA_KEY_TYPE_AES);
    c.psa_set_key_usage_flags(attributes, c.PSA_KEY_USAGE_ENCRYPT);
    c.psa_set_key_algorithm(attributes, c.PSA_ALG_GCM);
    const key = { value: 0 };
    expect(c.psa_import_key(attributes, KEY.subarray(0, 16), key)).toBe(c.PSA_SUCCESS);
    const op = c.psa_aead_operation_init();
    expect(c.psa_aead_encrypt_setup(op, key.value, c.PSA_ALG_GCM)).toBe(c.PSA_SUCCESS);
    expect(c.psa_aead_set_lengths(op, 0, 2 ** 36)).toBe(c.PSA_ERROR_INVALID_ARGUMENT);
    c.psa_aead_abort(op);
    c.psa_destroy_key(key.value);
    psa.destroyKey(id);
  });

  it('inc32 wraps within the last 32 bits (GCM\'s rule), checked against AES-ECB of the counter blocks', () => {
    const initial = Uint8Array.from([...new Uint8Array(12).fill(0xab), 0xff, 0xff, 0xff, 0xfe]);
    const stream = new CtrStream(new AesBlock(KEY.subarray(0, 16)), initial);
    const counters = [0xfffffffe, 0xffffffff, 0, 1].map((v) => [...new Uint8Array(12).fill(0xab), v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
    expect(stream.xor(new Uint8Array(64))).toEqual(aesEcb(KEY.subarray(0, 16), Uint8Array.from(counters.flat())));
  });
});

describe('CCM: the q-byte counter field', () => {
  it('a counter wider than 4 bytes carries past the low 32 bits (fast path and block path agree with AES-ECB)', () => {
    // A 7-byte nonce: q = 8, counter bytes 8..15.
    const initial = Uint8Array.from([7, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xfe]);
    const counters = [
      [0, 0, 0, 0, 0xff, 0xff, 0xff, 0xfe], [0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff],
      [0, 0, 0, 1, 0, 0, 0, 0], [0, 0, 0, 1, 0, 0, 0, 1],
    ].map((low) => [7, 1, 2, 3, 4, 5, 6, 7, ...low]);
    const expected = aesEcb(KEY.subarray(0, 16), Uint8Array.from(counters.flat()));
    const whole = new CtrStream(new AesBlock(KEY.subarray(0, 16)), initial, 8);
    expect(whole.xor(new Uint8Array(64))).toEqual(expected);
    const pieces = new CtrStream(new AesBlock(KEY.subarray(0, 16)), initial, 8);
    expect([...pieces.xor(new Uint8Array(5)), ...pieces.xor(new Uint8Array(59))]).toEqual([...expected]);
  });

  it('a 13-byte nonce (q = 2) takes at most 65,535 bytes', () => {
    const alg = PSA_ALG_CCM;
    const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg }, KEY.subarray(0, 16));
    const op = psa.aeadEncryptSetup(id, alg);
    op.setNonce(new Uint8Array(13));
    expectStatus(() => op.setLengths(0, 65536), PSA_ERROR_INVALID_ARGUMENT);
    op.abort();
    const ok = psa.aeadEncryptSetup(id, alg);
    ok.setLengths(0, 65535);
    ok.setNonce(new Uint8Array(13));
    ok.abort();
    psa.destroyKey(id);
  });
});

describe('CCM* without tag: 65,535 counter blocks', () => {
  it('the last block before the 2-byte counter wraps is produced; the next byte is INVALID_ARGUMENT', () => {
    const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg: PSA_ALG_CCM_STAR_NO_TAG }, KEY.subarray(0, 16));
    const op = psa.cipherEncryptSetup(id, PSA_ALG_CCM_STAR_NO_TAG);
    const nonce = new Uint8Array(13).fill(0x42);
    op.setIv(nonce);
    const out = op.update(new Uint8Array(65535 * 16));
    // The last key-stream block is AES(0x01 ‖ nonce ‖ 0xffff).
    expect(out.subarray(out.length - 16)).toEqual(aesEcb(KEY.subarray(0, 16), Uint8Array.from([1, ...nonce, 0xff, 0xff])));
    expectStatus(() => op.update(new Uint8Array(1)), PSA_ERROR_INVALID_ARGUMENT);
    op.abort();
    psa.destroyKey(id);
  });
});

describe('ChaCha20 counters do not wrap', () => {
  it('the 32-bit RFC 8439 counter is used up at 2^32 blocks; the 64-bit counter carries and is used up at 2^64', () => {
    const narrow = new Uint32Array(16);
    narrow[12] = 0xfffffffe;
    expect(advanceCounter(narrow, false)).toBe(true);
    expect(advanceCounter(narrow, false)).toBe(false);
    const wide = new Uint32Array(16);
    wide[12] = 0xffffffff;
    expect(advanceCounter(wide, true)).toBe(true);
    expect([wide[12], wide[13]]).toEqual([0, 1]);
    wide[12] = 0xffffffff;
    wide[13] = 0xffffffff;
    expect(advanceCounter(wide, true)).toBe(false);
  });

  it('XChaCha20 with the counter at 2^64 − 1: one block, then INVALID_ARGUMENT', () => {
    const id = psa.importKey({ type: PSA_KEY_TYPE_XCHACHA20, usage, alg: PSA_ALG_STREAM_CIPHER }, KEY);
    const op = psa.cipherEncryptSetup(id, PSA_ALG_STREAM_CIPHER);
    op.setIv(Uint8Array.from([...new Uint8Array(8).fill(0xff), ...new Uint8Array(24)]));
    expect(op.update(new Uint8Array(64)).length).toBe(64);
    expectStatus(() => op.update(new Uint8Array(1)), PSA_ERROR_INVALID_ARGUMENT);
    op.abort();
    psa.destroyKey(id);
  });

  it('ChaCha20-Poly1305 messages stop at RFC 8439\'s 2^38 − 64 bytes', () => {
    expect(CHACHAPOLY_MAX_TEXT).toBe(2 ** 38 - 64);
  });
});

describe('XTS: one data unit of at most 2^20 blocks', () => {
  it('2^20 blocks pass; one more block is INVALID_ARGUMENT', () => {
    expect(XTS_MAX_DATA_UNIT).toBe(2 ** 20 * 16);
    const id = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg: PSA_ALG_XTS }, KEY);
    const op = psa.cipherEncryptSetup(id, PSA_ALG_XTS);
    op.setIv(new Uint8Array(16));
    const chunk = new Uint8Array(1 << 20);
    for (let i = 0; i < 16; i++) op.update(chunk);
    expectStatus(() => op.update(new Uint8Array(16)), PSA_ERROR_INVALID_ARGUMENT);
    op.abort();
    const ok = psa.cipherEncryptSetup(id, PSA_ALG_XTS);
    ok.setIv(new Uint8Array(16));
    for (let i = 0; i < 16; i++) ok.update(chunk);
    expect(ok.finish().length).toBe(16);
    psa.destroyKey(id);
  });
});
