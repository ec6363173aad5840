import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { failingEntropy, seededEntropy, systemEntropy, type EntropySource } from '../../src/core/random/entropy.js';
import { Rng } from '../../src/core/random/index.js';
import { HmacDrbg } from '../../src/core/random/hmac-drbg.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_INSUFFICIENT_ENTROPY,
  PSA_ERROR_INVALID_ARGUMENT,
} from '../../src/values/status.js';

const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PsaError);
    return (e as PsaError).status;
  }
  return undefined;
}

/** A source that records requests and replays fixed bytes. */
function recording(fill: number): EntropySource & { requests: number[] } {
  const requests: number[] = [];
  return {
    requests,
    getEntropy(n: number): Uint8Array {
      requests.push(n);
      return new Uint8Array(n).fill(fill);
    },
  };
}

describe('entropy sources', () => {
  it('failingEntropy always gives INSUFFICIENT_ENTROPY', () => {
    expect(statusOf(() => failingEntropy().getEntropy(32))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
  });

  it('seededEntropy is reproducible, seed-dependent and advances per call', () => {
    const a = seededEntropy(Uint8Array.of(1, 2, 3));
    const b = seededEntropy(Uint8Array.of(1, 2, 3));
    const c = seededEntropy(Uint8Array.of(1, 2, 4));
    const a1 = a.getEntropy(48);
    expect(hex(a1)).toBe(hex(b.getEntropy(48)));
    expect(hex(a1)).not.toBe(hex(c.getEntropy(48)));
    expect(hex(a.getEntropy(48))).not.toBe(hex(a1));
    expect(statusOf(() => seededEntropy('x' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('systemEntropy serves requests beyond the 65536-byte getRandomValues limit', () => {
    const out = systemEntropy().getEntropy(200_000);
    expect(out).toHaveLength(200_000);
    // The last chunk was filled: the chance of 1000 zero bytes is nil.
    expect(out.subarray(199_000).some((x) => x !== 0)).toBe(true);
    expect(systemEntropy().getEntropy(0)).toHaveLength(0);
    expect(statusOf(() => systemEntropy().getEntropy(-1))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('Rng', () => {
  it('seeds lazily: a failing source only fails randomness requests, with INSUFFICIENT_ENTROPY', () => {
    const rng = new Rng(failingEntropy());
    expect(rng.seeded).toBe(false);
    expect(rng.generate(0)).toHaveLength(0);
    expect(statusOf(() => rng.generate(1))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    expect(statusOf(() => rng.generate(16))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    expect(rng.seeded).toBe(false);
  });

  it('maps a misbehaving source (short output, foreign exception) to INSUFFICIENT_ENTROPY', () => {
    expect(statusOf(() => new Rng({ getEntropy: () => new Uint8Array(3) }).generate(8))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    expect(statusOf(() => new Rng({ getEntropy: () => { throw new Error('device gone'); } }).generate(8))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    // A Proxy posing as bytes, or a detached buffer, throws on access: still the source's failure, not the library's.
    expect(statusOf(() => new Rng({ getEntropy: (n) => new Proxy(new Uint8Array(n), {}) }).generate(8))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    const detached = (n: number): Uint8Array => {
      const b = new Uint8Array(n);
      structuredClone(b.buffer, { transfer: [b.buffer] });
      return b;
    };
    expect(statusOf(() => new Rng({ getEntropy: detached }).generate(8))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
  });

  it('validates the length', () => {
    const rng = new Rng(seededEntropy(Uint8Array.of(0)));
    for (const bad of [-1, 1.5, Number.NaN, '4' as unknown as number]) {
      expect(statusOf(() => rng.generate(bad))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    expect(rng.generate(0)).toEqual(new Uint8Array(0));
  });

  it('draws 32 bytes of entropy then a 16-byte nonce, and equals HMAC_DRBG in 1024-byte chunks', () => {
    const source = recording(0x5a);
    const rng = new Rng(source);
    const out = rng.generate(2500);
    expect(source.requests).toEqual([32, 16]);
    const drbg = HmacDrbg.instantiate(new Uint8Array(32).fill(0x5a), new Uint8Array(16).fill(0x5a));
    const expected = Buffer.concat([drbg.generate(1024), drbg.generate(1024), drbg.generate(452)]);
    expect(hex(out)).toBe(hex(expected));
  });

  it('reseeds from the source when the reseed interval is used up', () => {
    const source = recording(1);
    const rng = new Rng(source, { reseedInterval: 2 });
    rng.generate(2048); // two internal generates
    expect(source.requests).toEqual([32, 16]);
    rng.generate(10);
    expect(source.requests).toEqual([32, 16, 32]);
  });

  it('a seeded source makes runs reproducible', () => {
    const a = new Rng(seededEntropy(new TextEncoder().encode('fleet-42')));
    const b = new Rng(seededEntropy(new TextEncoder().encode('fleet-42')));
    expect(hex(a.generate(100))).toBe(hex(b.generate(100)));
    expect(hex(a.generate(3000))).toBe(hex(b.generate(3000)));
    const c = new Rng(seededEntropy(new TextEncoder().encode('fleet-43')));
    expect(hex(c.generate(100))).not.toBe(hex(new Rng(seededEntropy(new TextEncoder().encode('fleet-42'))).generate(100)));
  });

  it('the system source differs from call to call and from process to process', () => {
    const rng = new Rng(systemEntropy());
    expect(hex(rng.generate(32))).not.toBe(hex(rng.generate(32)));
    expect(hex(new Rng(systemEntropy()).generate(32))).not.toBe(hex(new Rng(systemEntropy()).generate(32)));
    const script =
      "import('./src/core/random/index.ts').then(async (r) => { const e = await import('./src/core/random/entropy.ts');" +
      " process.stdout.write(Buffer.from(new r.Rng(e.systemEntropy()).generate(32)).toString('hex')); })";
    const run = (): string => {
      const res = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      return res.stdout;
    };
    const first = run();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(run()).not.toBe(first);
  });

  it('destroy wipes the state; the next request seeds afresh', () => {
    const source = recording(3);
    const rng = new Rng(source);
    const first = rng.generate(16);
    rng.destroy();
    expect(rng.seeded).toBe(false);
    expect(hex(rng.generate(16))).toBe(hex(first));
    expect(source.requests).toEqual([32, 16, 32, 16]);
  });
});
