/**
 * Symmetric benchmarks (`npm run bench -- symmetric`): the PSA API against
 * noble called directly and node:crypto, with the targets the project set:
 * PSA single-part ≥ 0.9× noble for 1 MiB and ≥ 0.8× for 64 B; multipart GCM
 * over 1 MiB in 4 KiB chunks ≥ 0.7× noble one-shot; a 256 MiB message
 * through multipart GCM grows peak RSS by less than 16 MiB.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import { cbc, cmac, gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  createPsa,
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CHACHA20_POLY1305,
  PSA_ALG_CMAC,
  PSA_ALG_GCM,
  PSA_ALG_HMAC,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_CHACHA20,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
} from '../src/index.js';
import { runCases, type BenchCase } from './harness.js';

const MiB = 1 << 20;

/** Stream `total` bytes through multipart GCM in `chunk`-byte pieces; returns peak RSS growth in bytes. */
function gcmStreamingPeakRss(total: number, chunk: number): number {
  const psa = createPsa();
  const key = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_GCM }, new Uint8Array(16).fill(3));
  const piece = new Uint8Array(chunk).fill(5);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const op = psa.aeadEncryptSetup(key, PSA_ALG_GCM);
  op.setNonce(new Uint8Array(12));
  for (let done = 0; done < total; done += chunk) {
    op.update(piece);
    if ((done & (16 * MiB - 1)) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  op.finish();
  peak = Math.max(peak, process.memoryUsage().rss);
  return peak - before;
}

/** Run the symmetric suite. */
export function run(): boolean {
  const psa = createPsa();
  const aesKey = new Uint8Array(16).fill(7);
  const chachaKey = new Uint8Array(32).fill(9);
  const nonce = new Uint8Array(12).fill(1);
  const iv = new Uint8Array(16).fill(2);
  const small = new Uint8Array(64).fill(4);
  const big = new Uint8Array(MiB).fill(6);
  const empty = new Uint8Array(0);

  const gcmKey = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg: PSA_ALG_GCM }, aesKey);
  const cbcKey = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CBC_NO_PADDING }, aesKey);
  const cmacKey = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_SIGN_MESSAGE, alg: PSA_ALG_CMAC }, aesKey);
  const hmacKey = psa.importKey({ type: PSA_KEY_TYPE_HMAC, usage: PSA_KEY_USAGE_SIGN_MESSAGE, alg: PSA_ALG_HMAC(PSA_ALG_SHA_256) }, aesKey);
  const ccpKey = psa.importKey({ type: PSA_KEY_TYPE_CHACHA20, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CHACHA20_POLY1305 }, chachaKey);

  const gcmPsa = (data: Uint8Array) => () => psa.aeadEncrypt(gcmKey, PSA_ALG_GCM, nonce, empty, data);
  const gcmNoble = (data: Uint8Array) => () => gcm(aesKey, nonce).encrypt(data);
  const gcmNode = (data: Uint8Array) => () => {
    const c = createCipheriv('aes-128-gcm', aesKey, nonce);
    return [c.update(data), c.final(), c.getAuthTag()];
  };
  const gcmMultipart = () => {
    const op = psa.aeadEncryptSetup(gcmKey, PSA_ALG_GCM);
    op.setNonce(nonce);
    for (let i = 0; i < big.length; i += 4096) op.update(big.subarray(i, i + 4096));
    return op.finish();
  };

  const cases: BenchCase[] = [
    {
      name: 'AES-128-GCM 64 B', bytes: 64, reference: 'noble',
      contenders: [{ name: 'noble', run: gcmNoble(small) }, { name: 'psa', run: gcmPsa(small) }, { name: 'node:crypto', run: gcmNode(small) }],
      targets: { psa: 0.8 },
    },
    {
      name: 'AES-128-GCM 1 MiB', bytes: MiB, reference: 'noble',
      contenders: [
        { name: 'noble', run: gcmNoble(big) },
        { name: 'psa', run: gcmPsa(big) },
        { name: 'psa multipart 4 KiB', run: gcmMultipart },
        { name: 'node:crypto', run: gcmNode(big) },
      ],
      targets: { psa: 0.9, 'psa multipart 4 KiB': 0.7 },
    },
    {
      name: 'ChaCha20-Poly1305 1 MiB', bytes: MiB, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => chacha20poly1305(chachaKey, nonce).encrypt(big) },
        { name: 'psa', run: () => psa.aeadEncrypt(ccpKey, PSA_ALG_CHACHA20_POLY1305, nonce, empty, big) },
        {
          name: 'node:crypto', run: () => {
            const c = createCipheriv('chacha20-poly1305', chachaKey, nonce, { authTagLength: 16 });
            return [c.update(big), c.final(), c.getAuthTag()];
          },
        },
      ],
      targets: { psa: 0.9 },
    },
    {
      name: 'HMAC-SHA-256 64 B', bytes: 64, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => hmac(sha256, aesKey, small) },
        { name: 'psa', run: () => psa.macCompute(hmacKey, PSA_ALG_HMAC(PSA_ALG_SHA_256), small) },
        { name: 'node:crypto', run: () => createHmac('sha256', aesKey).update(small).digest() },
      ],
      targets: { psa: 0.8 },
    },
    {
      name: 'AES-CMAC 64 B', bytes: 64, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => cmac(small, aesKey) },
        { name: 'psa', run: () => psa.macCompute(cmacKey, PSA_ALG_CMAC, small) },
      ],
      targets: { psa: 0.8 },
    },
    {
      name: 'AES-128-CBC 1 MiB', bytes: MiB, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => cbc(aesKey, iv, { disablePadding: true }).encrypt(big) },
        { name: 'psa', run: () => psa.cipherEncrypt(cbcKey, PSA_ALG_CBC_NO_PADDING, big) },
        {
          name: 'psa multipart 1 call', run: () => {
            const op = psa.cipherEncryptSetup(cbcKey, PSA_ALG_CBC_NO_PADDING);
            op.setIv(iv);
            const out = op.update(big);
            op.finish();
            return out;
          },
        },
        {
          name: 'node:crypto', run: () => {
            const c = createCipheriv('aes-128-cbc', aesKey, iv).setAutoPadding(false);
            return [c.update(big), c.final()];
          },
        },
      ],
      targets: { psa: 0.9 },
    },
  ];
  let met = runCases('Symmetric', cases);

  const growth = gcmStreamingPeakRss(256 * MiB, 64 * 1024);
  const ok = growth < 16 * MiB;
  met = met && ok;
  console.log(`\n256 MiB through multipart AES-128-GCM in 64 KiB chunks: peak RSS grew by ${(growth / MiB).toFixed(1)} MiB (target < 16 MiB: ${ok ? 'met' : 'MISSED'})`);
  return met;
}
