/**
 * Multipart AEAD streams: a 64 MiB message through multipart GCM in 64 KiB
 * fragments must not retain memory in proportion to the message. Retained
 * memory (V8 heap plus ArrayBuffer backing stores) is measured after a full
 * garbage collection every 4 MiB; the collector is reached through
 * `--expose-gc` when the process has it, otherwise by setting that V8 flag
 * at run time and taking `gc` from a fresh context. The output is checked
 * against node:crypto's streaming AES-GCM over the same fragments.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import { PSA_ALG_GCM, PSA_KEY_TYPE_AES } from '../../src/values/index.js';
import { importKey } from './helpers.js';

const MIB = 1024 * 1024;
const TOTAL = 64 * MIB;
const CHUNK = 64 * 1024;

/** A function that runs a full garbage collection. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap plus ArrayBuffer memory still reachable after a full collection. */
function retained(gc: () => void): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('multipart AEAD memory', () => {
  it('64 MiB through multipart GCM in 64 KiB chunks retains less than 16 MiB', () => {
    const gc = collector();
    const psa = createPsa();
    const key = Uint8Array.from({ length: 16 }, (_, i) => i);
    const nonce = Uint8Array.from({ length: 12 }, (_, i) => 0xa0 + i);
    const ad = new TextEncoder().encode('header');
    const id = importKey(psa, PSA_KEY_TYPE_AES, key, PSA_ALG_GCM);
    const reference = createCipheriv('aes-128-gcm', key, nonce);
    reference.setAAD(ad);
    const ours = createHash('sha256');
    const theirs = createHash('sha256');
    const chunk = new Uint8Array(CHUNK);

    const baseline = retained(gc);
    let peak = 0;
    const op = psa.aeadEncryptSetup(id, PSA_ALG_GCM);
    op.setNonce(nonce);
    op.updateAd(ad);
    for (let offset = 0, n = 0; offset < TOTAL; offset += CHUNK, n++) {
      chunk.fill(n & 0xff);
      chunk[0] = n >>> 8;
      ours.update(op.update(chunk));
      theirs.update(reference.update(chunk));
      if (n % 64 === 63) peak = Math.max(peak, retained(gc) - baseline);
    }
    const { tag } = op.finish();
    theirs.update(reference.final());
    psa.destroyKey(id);

    expect(peak).toBeLessThan(16 * MIB);
    expect(ours.digest('hex')).toBe(theirs.digest('hex'));
    expect(Buffer.from(tag).toString('hex')).toBe(reference.getAuthTag().toString('hex'));
  });
});
