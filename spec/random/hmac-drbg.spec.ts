import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HMAC_DRBG_MAX_INPUT,
  HMAC_DRBG_MAX_REQUEST,
  HmacDrbg,
} from '../../src/core/random/hmac-drbg.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INSUFFICIENT_ENTROPY,
  PSA_ERROR_INVALID_ARGUMENT,
} from '../../src/values/status.js';

interface Kat {
  name: string;
  entropyInput: string;
  nonce: string;
  personalizationString: string;
  entropyInputReseed: string;
  additionalInputReseed: string;
  additionalInput: [string, string];
  returnedBits: string;
}

const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/hmac-drbg-sha256.json', import.meta.url), 'utf8')) as {
  source: string;
  cases: Kat[];
};

const b = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
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

describe('HMAC_DRBG (SHA-256) against NIST CAVP vectors', () => {
  it('has at least 3 cases with a named source', () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(3);
    expect(vectors.source).toMatch(/NIST|CAVP/);
  });

  for (const kat of vectors.cases) {
    it(kat.name, () => {
      const drbg = HmacDrbg.instantiate(b(kat.entropyInput), b(kat.nonce), b(kat.personalizationString));
      drbg.reseed(b(kat.entropyInputReseed), b(kat.additionalInputReseed));
      const length = kat.returnedBits.length / 2;
      drbg.generate(length, b(kat.additionalInput[0]));
      expect(hex(drbg.generate(length, b(kat.additionalInput[1])))).toBe(kat.returnedBits);
    });
  }
});

describe('HMAC_DRBG limits and reseeding', () => {
  const entropy = new Uint8Array(32).fill(7);
  const nonce = new Uint8Array(16).fill(9);

  it('validates request length and input sizes', () => {
    const drbg = HmacDrbg.instantiate(entropy, nonce);
    expect(drbg.generate(0)).toHaveLength(0);
    expect(drbg.generate(HMAC_DRBG_MAX_REQUEST)).toHaveLength(HMAC_DRBG_MAX_REQUEST);
    expect(drbg.generate(33)).toHaveLength(33);
    expect(statusOf(() => drbg.generate(HMAC_DRBG_MAX_REQUEST + 1))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => drbg.generate(-1))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => drbg.generate(1.5))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => drbg.generate(1, new Uint8Array(HMAC_DRBG_MAX_INPUT + 1)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => HmacDrbg.instantiate(new Uint8Array(31), nonce))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    expect(statusOf(() => HmacDrbg.instantiate('x' as unknown as Uint8Array, nonce))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('without a reseed source, fails with INSUFFICIENT_ENTROPY once the interval is used up', () => {
    const drbg = HmacDrbg.instantiate(entropy, nonce, undefined, { reseedInterval: 3 });
    for (let i = 0; i < 3; i++) drbg.generate(16);
    expect(drbg.reseedRequired).toBe(true);
    expect(statusOf(() => drbg.generate(16))).toBe(PSA_ERROR_INSUFFICIENT_ENTROPY);
    drbg.reseed(entropy);
    expect(drbg.reseedRequired).toBe(false);
    expect(drbg.generate(16)).toHaveLength(16);
  });

  it('reseeds automatically from the source with the additional input, like an explicit reseed', () => {
    const requests: number[] = [];
    const reseedEntropy = new Uint8Array(32).fill(0x42);
    const add = Uint8Array.of(1, 2, 3);
    const auto = HmacDrbg.instantiate(entropy, nonce, undefined, {
      reseedInterval: 2,
      reseedSource: (n) => {
        requests.push(n);
        return Uint8Array.from(reseedEntropy);
      },
    });
    const manual = HmacDrbg.instantiate(entropy, nonce, undefined, { reseedInterval: 2 });
    expect(hex(auto.generate(40))).toBe(hex(manual.generate(40)));
    expect(hex(auto.generate(40))).toBe(hex(manual.generate(40)));
    // Third request: the automatic reseed consumes the additional input (SP 800-90A §9.3.1 step 7.4).
    const got = auto.generate(40, add);
    manual.reseed(reseedEntropy, add);
    expect(hex(got)).toBe(hex(manual.generate(40)));
    expect(requests).toEqual([32]);
  });

  it('is unusable after destroy', () => {
    const drbg = HmacDrbg.instantiate(entropy, nonce);
    drbg.destroy();
    expect(statusOf(() => drbg.generate(1))).toBe(PSA_ERROR_BAD_STATE);
  });
});
