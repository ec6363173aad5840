/**
 * FFDH shared secrets: against node:crypto `computeSecret`, against the
 * Mbed TLS raw key agreement vectors (including secrets with leading zero
 * bytes), and the rejection of bad peer values.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dhAgreement } from '../../src/drivers/software/dh/agreement.js';
import { DH_GROUP_SIZES, dhGroup } from '../../src/drivers/software/dh/groups.js';
import { bigIntToBytes } from '../../src/drivers/software/dh/math.js';
import { PSA_DH_FAMILY_RFC3526, PSA_DH_FAMILY_RFC7919 } from '../../src/values/key-types.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../src/values/status.js';
import { statusOf } from '../../src/values/error.js';
import { vectorsDir } from '../conformance/runner.js';
import { dhAttributes, hex, nodeDh, padded } from './helpers.js';

const agree = dhAgreement!;

function statusOfCall(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    return statusOf(e);
  }
}

describe('FFDH shared secret', () => {
  it('equals node:crypto computeSecret, left-padded, in every group (2048–4096, both families)', () => {
    for (const family of [PSA_DH_FAMILY_RFC7919, PSA_DH_FAMILY_RFC3526]) {
      for (const bits of DH_GROUP_SIZES.filter((b) => b <= 4096)) {
        const group = dhGroup(family, bits)!;
        const x = randomBytes(bits / 8);
        x[0] = x[0]! & 0x3f;
        const peer = nodeDh(group, randomBytes(bits / 8 - 1));
        peer.generateKeys();
        const y = padded(peer.getPublicKey(), group.bytes);
        const ours = agree(dhAttributes(family, bits), x, y);
        const theirs = padded(peer.computeSecret(Buffer.from(padded(nodeDh(group, x).generateKeys(), group.bytes))), group.bytes);
        expect(ours.length).toBe(group.bytes);
        expect(hex(ours)).toBe(hex(theirs));
      }
    }
  });

  const dataFile = join(vectorsDir(), 'test_suite_psa_crypto.data');
  const vectors = existsSync(dataFile)
    ? readFileSync(dataFile, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('key_agreement:PSA_ALG_FFDH:PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919)'))
        .map((l) => l.split(':').slice(3).map((f) => Uint8Array.from(Buffer.from(f.replace(/"/g, ''), 'hex'))))
    : [];

  it.runIf(vectors.length > 0)('matches the Mbed TLS raw key agreement vectors (skipped when the vector folder is absent)', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(8);
    for (const [priv, peer, expected] of vectors) {
      const out = agree(dhAttributes(PSA_DH_FAMILY_RFC7919, priv!.length * 8), priv!, peer!);
      expect(hex(out)).toBe(hex(expected!));
    }
    expect(vectors.some(([, , e]) => e![0] === 0)).toBe(true);
  });

  it('rejects peer values outside 1 < y < p−1 and peers of another length', () => {
    const group = dhGroup(PSA_DH_FAMILY_RFC7919, 2048)!;
    const attrs = dhAttributes(PSA_DH_FAMILY_RFC7919, 2048);
    const x = randomBytes(256);
    x[0] = 1;
    for (const y of [0n, 1n, group.p - 1n, group.p, 256n ** 256n - 1n]) {
      expect(statusOfCall(() => agree(attrs, x, bigIntToBytes(y, 256)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    expect(agree(attrs, x, bigIntToBytes(2n, 256)).length).toBe(256);
    expect(agree(attrs, x, bigIntToBytes(group.p - 2n, 256)).length).toBe(256);
    expect(statusOfCall(() => agree(attrs, x, new Uint8Array(255).fill(2)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => agree(attrs, x, new Uint8Array(257).fill(2)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('rejects a public key as our key', () => {
    const y = bigIntToBytes(5n, 256);
    expect(statusOfCall(() => agree(dhAttributes(PSA_DH_FAMILY_RFC7919, 2048, false), y, y))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});
