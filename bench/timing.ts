/**
 * `npm run bench -- timing`: a dudect-style leakage check (Reparaz, Balasch,
 * Verbauwhede, "Dude, is my code constant time?", DATE 2017) of the tag
 * comparisons. For each check, two classes of wrong tags are timed in a
 * random interleaving: one differing from the right tag in its first byte,
 * one in its last. A comparison that stops at the first difference is faster
 * for the first class; a constant-time one shows no difference beyond
 * noise. Welch's t-statistic is computed on the raw samples and on the
 * samples below the 50th, 90th and 99th percentiles (dudect's cropping);
 * |t| above 4.5 is the usual threshold for "leak detected".
 *
 * Wall-clock measurements depend on the machine and the JIT: this is a
 * diagnostic printed for a person, never part of `npm test`.
 */
import { createPsa } from '../src/create.js';
import { PsaError } from '../src/values/error.js';
import {
  PSA_ALG_CMAC,
  PSA_ALG_GCM,
  PSA_ALG_HMAC,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../src/values/index.js';

const THRESHOLD = 4.5;
const SAMPLES = Number(process.env['PSA_TIMING_SAMPLES'] ?? 100_000);

/** A small deterministic generator (xorshift32) for the class sequence. */
function classes(n: number, seed = 0x2026_1208): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 1;
  }
  return out;
}

/** Welch's t between two samples. */
function welch(a: readonly number[], b: readonly number[]): number {
  const stats = (v: readonly number[]): [number, number] => {
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1);
    return [mean, variance];
  };
  const [ma, va] = stats(a);
  const [mb, vb] = stats(b);
  return (ma - mb) / Math.sqrt(va / a.length + vb / b.length);
}

/** The largest |t| over the raw samples and dudect's percentile crops. */
function maxT(samples: readonly number[], cls: Uint8Array): number {
  const sorted = [...samples].sort((x, y) => x - y);
  let worst = 0;
  for (const p of [1, 0.99, 0.9, 0.5]) {
    const limit = sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    const a: number[] = [];
    const b: number[] = [];
    samples.forEach((t, i) => {
      if (t <= limit) (cls[i] ? b : a).push(t);
    });
    if (a.length > 1 && b.length > 1) worst = Math.max(worst, Math.abs(welch(a, b)));
  }
  return worst;
}

/** Time `check(tag)` for tags wrong in their first byte (class 0) or last byte (class 1). */
function leakage(name: string, good: Uint8Array, check: (tag: Uint8Array) => void): boolean {
  const early = Uint8Array.from(good);
  early[0]! ^= 1;
  const late = Uint8Array.from(good);
  late[late.length - 1]! ^= 1;
  const run = (tag: Uint8Array): void => {
    try {
      check(tag);
    } catch (err) {
      if (!(err instanceof PsaError)) throw err;
    }
  };
  for (let i = 0; i < 2000; i++) run(i & 1 ? early : late);
  const cls = classes(SAMPLES);
  const samples = new Array<number>(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const tag = cls[i] ? late : early;
    const start = process.hrtime.bigint();
    run(tag);
    samples[i] = Number(process.hrtime.bigint() - start);
  }
  const t = maxT(samples, cls);
  const verdict = t > THRESHOLD ? 'LEAK?' : 'ok';
  console.log(`| ${name} | ${SAMPLES} | ${t.toFixed(2)} | ${verdict} |`);
  return t <= THRESHOLD;
}

/** Run the checks; true when no |t| exceeds the threshold. */
export function run(): boolean {
  const psa = createPsa();
  const message = new Uint8Array(64).fill(0x61);
  console.log('\n## Tag comparison timing (dudect-style, first-byte vs last-byte mismatch)\n');
  console.log('| check | samples | max abs(t) | verdict (threshold 4.5) |');
  console.log('|---|---:|---:|---|');
  const hmacAlg = PSA_ALG_HMAC(PSA_ALG_SHA_256);
  const hmac = psa.importKey({ type: PSA_KEY_TYPE_HMAC, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg: hmacAlg }, new Uint8Array(32).fill(7));
  const cmac = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg: PSA_ALG_CMAC }, new Uint8Array(16).fill(9));
  const gcm = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg: PSA_ALG_GCM }, new Uint8Array(16).fill(3));
  const nonce = new Uint8Array(12);
  const sealed = psa.aeadEncrypt(gcm, PSA_ALG_GCM, nonce, new Uint8Array(0), message);
  const body = sealed.subarray(0, message.length);
  let ok = true;
  ok = leakage('psa_mac_verify HMAC-SHA-256', psa.macCompute(hmac, hmacAlg, message), (tag) => psa.macVerify(hmac, hmacAlg, message, tag)) && ok;
  ok = leakage('psa_mac_verify AES-CMAC', psa.macCompute(cmac, PSA_ALG_CMAC, message), (tag) => psa.macVerify(cmac, PSA_ALG_CMAC, message, tag)) && ok;
  ok = leakage('psa_aead_decrypt AES-GCM tag', sealed.subarray(message.length), (tag) => {
    const input = new Uint8Array(body.length + tag.length);
    input.set(body);
    input.set(tag, body.length);
    psa.aeadDecrypt(gcm, PSA_ALG_GCM, nonce, new Uint8Array(0), input);
  }) && ok;
  for (const id of [hmac, cmac, gcm]) psa.destroyKey(id);
  return ok;
}
