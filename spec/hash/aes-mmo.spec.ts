/**
 * PSA_ALG_AES_MMO_ZIGBEE against the test vectors of the Zigbee
 * specification (document 05-3474-21, Annex C.5, "Cryptographic Hash
 * Function"): 1 and 16 bytes, and 8191 / 8192 / 8201 / 8202 bytes of the
 * sequence 00 01 02 … (mod 256), which straddle the switch from the 16-bit
 * to the 32-bit length padding at 2^16 bits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import { PSA_ALG_AES_MMO_ZIGBEE, PSA_HASH_LENGTH } from '../../src/values/index.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

const counting = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i & 0xff);

const VECTORS: readonly [string, Uint8Array, string][] = [
  ['C.5.1', hex('c0'), 'ae3a102a28d43ee0d4a09e22788b206c'],
  ['C.5.2', hex('c0c1c2c3c4c5c6c7c8c9cacbcccdcecf'), 'a7977e88bc0b61e8210827109a228f2d'],
  ['C.5.3', counting(8191), '24ec2fe75bbffcb34789bc0610e7f165'],
  ['C.5.4', counting(8192), 'dc6b0687f09f8607131c170b3bd31591'],
  ['C.5.5', counting(8201), '72c9b15e178aa843e4a16c58e33643a3'],
  ['C.5.6', counting(8202), 'bc9828d59b2aa323daf20be5f2e66511'],
];

describe('AES-MMO (Zigbee)', () => {
  it.each(VECTORS)('Zigbee %s', (_name, message, digest) => {
    const psa = createPsa();
    expect(toHex(psa.hashCompute(PSA_ALG_AES_MMO_ZIGBEE, message))).toBe(digest);
    psa.hashCompare(PSA_ALG_AES_MMO_ZIGBEE, message, hex(digest));
  });

  it('gives the same digest whatever the split of the input, and clones mid-way', () => {
    const psa = createPsa();
    const [, message, digest] = VECTORS[4]!;
    fc.assert(fc.property(fc.array(fc.nat(message.length), { maxLength: 6 }), (cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const op = psa.hashSetup(PSA_ALG_AES_MMO_ZIGBEE);
      let start = 0;
      for (const p of points) {
        op.update(message.subarray(start, p));
        start = p;
      }
      const copy = op.clone();
      op.update(message.subarray(start));
      copy.update(message.subarray(start));
      expect(toHex(op.finish())).toBe(digest);
      expect(toHex(copy.finish())).toBe(digest);
    }), { numRuns: 25 });
  });

  it('has a 16-byte digest and no suspend format', () => {
    expect(PSA_HASH_LENGTH(PSA_ALG_AES_MMO_ZIGBEE)).toBe(16);
    const op = createPsa().hashSetup(PSA_ALG_AES_MMO_ZIGBEE);
    expectStatus(() => op.suspend(), PSA_ERROR_NOT_SUPPORTED);
  });

  it('is reachable through the C facade', () => {
    expect(c.psa_crypto_init()).toBe(c.PSA_SUCCESS);
    try {
      const out = new Uint8Array(16);
      const length = { value: 0 };
      expect(c.psa_hash_compute(c.PSA_ALG_AES_MMO_ZIGBEE, hex('c0'), out, length)).toBe(c.PSA_SUCCESS);
      expect(toHex(out.subarray(0, length.value))).toBe(VECTORS[0]![2]);
    } finally {
      c.mbedtls_psa_crypto_free();
    }
  });
});
