import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as V from '../../src/values/index.js';

/** Long inputs take the one-shot fast path inside multipart ECB/CBC; check it against OpenSSL. */
describe('multipart ECB/CBC over long inputs (the bulk path)', () => {
  const cases = [
    { alg: V.PSA_ALG_ECB_NO_PADDING, openssl: 'aes-256-ecb', pad: false, iv: false },
    { alg: V.PSA_ALG_CBC_NO_PADDING, openssl: 'aes-256-cbc', pad: false, iv: true },
    { alg: V.PSA_ALG_CBC_PKCS7, openssl: 'aes-256-cbc', pad: true, iv: true },
  ];
  for (const c of cases) {
    it(`${V.describe(c.alg, 'alg')}: 300 KiB in uneven chunks matches node:crypto both ways`, () => {
      const psa = createPsa();
      const key = randomBytes(32);
      const iv = randomBytes(16);
      const plain = randomBytes(300 * 1024 + (c.pad ? 5 : 0));
      const id = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_DECRYPT, alg: c.alg }, key);
      const chunks = [1, 4097, 70000, 15, 123456, 3];
      const run = (op: ReturnType<typeof psa.cipherEncryptSetup>, data: Uint8Array): Buffer => {
        if (c.iv) op.setIv(iv);
        const parts: Uint8Array[] = [];
        let at = 0;
        for (let i = 0; at < data.length; i++) {
          const n = chunks[i % chunks.length]!;
          parts.push(op.update(data.subarray(at, at + n)));
          at += n;
        }
        parts.push(op.finish());
        return Buffer.concat(parts);
      };
      const enc = createCipheriv(c.openssl, key, c.iv ? iv : null).setAutoPadding(c.pad);
      const expected = Buffer.concat([enc.update(plain), enc.final()]);
      const ours = run(psa.cipherEncryptSetup(id, c.alg), plain);
      expect(ours.equals(expected)).toBe(true);
      const back = run(psa.cipherDecryptSetup(id, c.alg), expected);
      const dec = createDecipheriv(c.openssl, key, c.iv ? iv : null).setAutoPadding(c.pad);
      expect(back.equals(Buffer.concat([dec.update(expected), dec.final()]))).toBe(true);
      expect(back.equals(plain)).toBe(true);
    });
  }
});
