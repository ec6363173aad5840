import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HashOperation,
  hashBlockLength,
  hashCompare,
  hashCompute,
  hashLength,
  type HashProvider,
} from '../../src/core/hash.js';
import type { HashContext } from '../../src/drivers/driver.js';
import {
  softwareHashCompute,
  softwareHashResume,
  softwareHashSetup,
} from '../../src/drivers/software/hash/index.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_HARDWARE_FAILURE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../src/values/status.js';

const SHA_256 = 0x02000009;
const SHA_512 = 0x0200000b;
const SHA3_256 = 0x02000011;
const MD5 = 0x02000003;
const ANY_HASH = 0x020000ff;
const CATEGORY_HASH = 0x02000000;
const HMAC_SHA_256 = 0x03800009;

const software: HashProvider = { setup: softwareHashSetup, resume: softwareHashResume, compute: softwareHashCompute };
/** The same without a single-part entry point: hashCompute must fall back to setup/update/finish. */
const multipartOnly: HashProvider = { setup: softwareHashSetup };

/** SHA-256 of the empty string (FIPS 180-4 / RFC 6234 example value). */
const EMPTY_SHA256 = Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex');

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const sha256 = (d: Uint8Array): string => createHash('sha256').update(d).digest('hex');

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PsaError);
    return (e as PsaError).status;
  }
  return undefined;
}

describe('hashCompute / hashCompare', () => {
  for (const [label, p] of [['compute entry point', software], ['multipart fallback', multipartOnly]] as const) {
    it(`computes digests (${label})`, () => {
      const data = randomBytes(300);
      expect(hex(hashCompute(p, SHA_256, data))).toBe(sha256(data));
      expect(hex(hashCompute(p, SHA_256, new Uint8Array(0)))).toBe(hex(EMPTY_SHA256));
    });
  }

  it('gives Mbed TLS statuses for bad algorithms', () => {
    expect(statusOf(() => hashCompute(software, CATEGORY_HASH, new Uint8Array(0)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOf(() => hashCompute(software, ANY_HASH, new Uint8Array(0)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOf(() => hashCompute(software, HMAC_SHA_256, new Uint8Array(0)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => hashCompare(software, CATEGORY_HASH, new Uint8Array(0), EMPTY_SHA256))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOf(() => hashCompare(software, ANY_HASH, new Uint8Array(0), EMPTY_SHA256))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOf(() => hashCompare(software, HMAC_SHA_256, new Uint8Array(0), EMPTY_SHA256))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('reports BUFFER_TOO_SMALL for a short caller buffer', () => {
    expect(statusOf(() => hashCompute(software, SHA_256, new Uint8Array(0), 0))).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(statusOf(() => hashCompute(software, SHA_256, new Uint8Array(0), 31))).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(hashCompute(software, SHA_256, new Uint8Array(0), 32)).toEqual(new Uint8Array(EMPTY_SHA256));
    expect(hashCompute(software, SHA_256, new Uint8Array(0), 1000)).toHaveLength(32);
  });

  it('compares: success, wrong input, flipped bits, extra and missing bytes, empty', () => {
    const e = new Uint8Array(0);
    expect(statusOf(() => hashCompare(software, SHA_256, e, EMPTY_SHA256))).toBeUndefined();
    expect(statusOf(() => hashCompare(software, SHA_256, Uint8Array.of(0), EMPTY_SHA256))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    for (let i = 0; i < 32; i++) {
      const bad = Uint8Array.from(EMPTY_SHA256);
      bad[i]! ^= 1;
      expect(statusOf(() => hashCompare(software, SHA_256, e, bad))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    }
    expect(statusOf(() => hashCompare(software, SHA_256, e, Buffer.concat([EMPTY_SHA256, Buffer.of(0)])))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    expect(statusOf(() => hashCompare(software, SHA_256, e, EMPTY_SHA256.subarray(0, 31)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    expect(statusOf(() => hashCompare(software, SHA_256, e, new Uint8Array(0)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
  });

  it('rejects non-Uint8Array arguments with INVALID_ARGUMENT', () => {
    expect(statusOf(() => hashCompute(software, SHA_256, 'abc' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => hashCompare(software, SHA_256, new Uint8Array(0), null as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOf(() => hashCompute(software, '0x02000009' as unknown as number, new Uint8Array(0)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('hashLength / hashBlockLength', () => {
  it('follows the spec table, also through HMAC, and is 0 for anything else', () => {
    expect([MD5, 0x02000004, 0x02000005, 0x02000008, SHA_256, 0x0200000a, SHA_512, 0x0200000c, 0x0200000d].map(hashLength))
      .toEqual([16, 20, 20, 28, 32, 48, 64, 28, 32]);
    expect([0x02000010, SHA3_256, 0x02000012, 0x02000013, 0x02000015, 0x0200001c, 0x0200001e].map(hashLength))
      .toEqual([28, 32, 48, 64, 64, 32, 64]);
    expect(hashLength(HMAC_SHA_256)).toBe(32);
    expect([0, ANY_HASH, 0x04c01000, 0x06000609].map(hashLength)).toEqual([0, 0, 0, 0]);
    expect([MD5, SHA_256, SHA_512, SHA3_256, 0x02000013].map(hashBlockLength)).toEqual([64, 64, 128, 136, 72]);
  });
});

describe('HashOperation state machine (Mbed TLS hash_bad_order and friends)', () => {
  it('a fresh operation is inactive: update/finish/verify/suspend give BAD_STATE, abort succeeds', () => {
    const op = new HashOperation(software);
    expect(op.active).toBe(false);
    expect(op.alg).toBe(0);
    expect(statusOf(() => op.update(Uint8Array.of(0)))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.finish())).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.verify(EMPTY_SHA256))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.suspend())).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.clone())).toBe(PSA_ERROR_BAD_STATE);
    op.abort();
    op.abort();
  });

  it('setup twice: BAD_STATE and the operation is aborted', () => {
    const op = new HashOperation(software);
    op.setup(SHA_256);
    expect(op.active).toBe(true);
    expect(op.alg).toBe(SHA_256);
    expect(statusOf(() => op.setup(SHA_256))).toBe(PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
    op.abort();
    op.setup(SHA_256);
    expect(hex(op.finish())).toBe(hex(EMPTY_SHA256));
  });

  it('failed setup leaves it inactive and reusable (hash_setup)', () => {
    const op = new HashOperation(software);
    for (const [alg, status] of [[CATEGORY_HASH, PSA_ERROR_NOT_SUPPORTED], [ANY_HASH, PSA_ERROR_NOT_SUPPORTED], [HMAC_SHA_256, PSA_ERROR_INVALID_ARGUMENT]] as const) {
      expect(statusOf(() => op.setup(alg))).toBe(status);
      expect(op.active).toBe(false);
      op.abort();
      expect(statusOf(() => op.setup(alg))).toBe(status);
    }
    op.setup(SHA_256);
    op.abort();
  });

  it('after finish or verify: update/finish/verify give BAD_STATE', () => {
    const op = new HashOperation(software);
    op.setup(SHA_256);
    op.finish();
    expect(op.active).toBe(false);
    expect(statusOf(() => op.update(Uint8Array.of(0)))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.verify(EMPTY_SHA256))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.finish())).toBe(PSA_ERROR_BAD_STATE);
    op.setup(SHA_256);
    op.verify(EMPTY_SHA256);
    expect(op.active).toBe(false);
    expect(statusOf(() => op.verify(EMPTY_SHA256))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => op.finish())).toBe(PSA_ERROR_BAD_STATE);
  });

  it('verify mismatches (short, wrong, long) give INVALID_SIGNATURE and abort (hash_verify_bad_args)', () => {
    const padded = Buffer.concat([EMPTY_SHA256, Buffer.of(0xaa, 0xbb)]);
    const op = new HashOperation(software);
    for (const candidate of [padded.subarray(0, 31), padded.subarray(1, 33), padded]) {
      op.setup(SHA_256);
      expect(statusOf(() => op.verify(candidate))).toBe(PSA_ERROR_INVALID_SIGNATURE);
      expect(op.active).toBe(false);
    }
  });

  it('finish with a short buffer gives BUFFER_TOO_SMALL and aborts (hash_finish_bad_args)', () => {
    const op = new HashOperation(software);
    op.setup(SHA_256);
    expect(statusOf(() => op.finish(31))).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(op.active).toBe(false);
    op.setup(SHA_512);
    expect(op.finish(64)).toHaveLength(64);
  });

  it('a bad update argument aborts the active operation', () => {
    const op = new HashOperation(software);
    op.setup(SHA_256);
    expect(statusOf(() => op.update('x' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(op.active).toBe(false);
  });

  it('a driver failure aborts the operation and destroys the context; non-PSA exceptions become GENERIC_ERROR', () => {
    let destroyed = 0;
    const flaky = (kind: 'psa' | 'js'): HashProvider => ({
      setup(alg: number): HashContext {
        return {
          alg,
          update() {
            if (kind === 'psa') throw new PsaError(PSA_ERROR_HARDWARE_FAILURE);
            throw new TypeError('boom');
          },
          finish: () => new Uint8Array(32),
          clone() {
            throw new PsaError(PSA_ERROR_HARDWARE_FAILURE);
          },
          destroy() {
            destroyed++;
          },
        };
      },
    });
    const op = new HashOperation(flaky('psa'));
    op.setup(SHA_256);
    expect(statusOf(() => op.update(Uint8Array.of(1)))).toBe(PSA_ERROR_HARDWARE_FAILURE);
    expect(op.active).toBe(false);
    expect(destroyed).toBe(1);
    op.setup(SHA_256);
    op.update(new Uint8Array(0)); // empty input never reaches the driver
    const target = new HashOperation(flaky('psa'));
    expect(statusOf(() => op.cloneTo(target))).toBe(PSA_ERROR_HARDWARE_FAILURE);
    expect(target.active).toBe(false);
    expect(op.active).toBe(true);
    const op2 = new HashOperation(flaky('js'));
    op2.setup(SHA_256);
    expect(statusOf(() => op2.update(Uint8Array.of(1)))).toBe(PSA_ERROR_GENERIC_ERROR);
    expect(op2.active).toBe(false);
  });

  it('multipart equals single-part over random chunkings', () => {
    for (let trial = 0; trial < 20; trial++) {
      const data = randomBytes(Math.floor(Math.random() * 500));
      const op = new HashOperation(software);
      op.setup(SHA_256);
      for (let i = 0; i < data.length; ) {
        const n = Math.floor(Math.random() * 90);
        op.update(data.subarray(i, i + n));
        i += n;
      }
      expect(hex(op.finish())).toBe(sha256(data));
    }
  });
});

describe('HashOperation clone', () => {
  it('source must be active and target inactive (hash_clone_source_state / target_state)', () => {
    const source = new HashOperation(software);
    source.setup(SHA_256);
    const busy = new HashOperation(software);
    busy.setup(SHA_256);
    expect(statusOf(() => source.cloneTo(busy))).toBe(PSA_ERROR_BAD_STATE);
    expect(busy.active).toBe(true); // not aborted
    expect(source.active).toBe(true);

    const finished = new HashOperation(software);
    finished.setup(SHA_256);
    finished.finish();
    source.cloneTo(finished);
    expect(hex(finished.finish())).toBe(hex(EMPTY_SHA256));

    const fresh = new HashOperation(software);
    expect(statusOf(() => fresh.cloneTo(new HashOperation(software)))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOf(() => source.cloneTo(source))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('clones are independent of each other', () => {
    const a = randomBytes(100);
    const b = randomBytes(50);
    const op = new HashOperation(software);
    op.setup(SHA_256);
    op.update(a);
    const copy = op.clone();
    expect(copy.alg).toBe(SHA_256);
    copy.update(b);
    expect(hex(op.finish())).toBe(sha256(a));
    expect(hex(copy.finish())).toBe(sha256(Buffer.concat([a, b])));
  });

  it('hash_multi_part pattern: clone at every split point', () => {
    const data = randomBytes(130);
    const expected = sha256(data);
    for (let len = 0; len <= data.length; len++) {
      const op = new HashOperation(software);
      const op2 = new HashOperation(software);
      op.setup(SHA_256);
      op.update(data.subarray(0, len));
      op.cloneTo(op2);
      op.update(data.subarray(len));
      op2.update(data.subarray(len));
      expect(hex(op.finish())).toBe(expected);
      expect(hex(op2.finish())).toBe(expected);
    }
  });
});
