import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashOperation, hashSuspendOutputSize, type HashProvider } from '../../src/core/hash.js';
import {
  softwareHashCompute,
  softwareHashResume,
  softwareHashSetup,
} from '../../src/drivers/software/hash/index.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../src/values/status.js';

const software: HashProvider = { setup: softwareHashSetup, resume: softwareHashResume, compute: softwareHashCompute };

interface Md {
  label: string;
  alg: number;
  node: string;
  block: number;
  lengthField: number;
  stateField: number;
  digest: number;
  littleEndianLength: boolean;
}

/** The suspendable algorithms with the field sizes of the PSA spec's "Hash suspend state field sizes" table. */
const MDS: Md[] = [
  { label: 'MD5', alg: 0x02000003, node: 'md5', block: 64, lengthField: 8, stateField: 16, digest: 16, littleEndianLength: true },
  { label: 'RIPEMD160', alg: 0x02000004, node: 'ripemd160', block: 64, lengthField: 8, stateField: 20, digest: 20, littleEndianLength: true },
  { label: 'SHA_1', alg: 0x02000005, node: 'sha1', block: 64, lengthField: 8, stateField: 20, digest: 20, littleEndianLength: false },
  { label: 'SHA_224', alg: 0x02000008, node: 'sha224', block: 64, lengthField: 8, stateField: 32, digest: 28, littleEndianLength: false },
  { label: 'SHA_256', alg: 0x02000009, node: 'sha256', block: 64, lengthField: 8, stateField: 32, digest: 32, littleEndianLength: false },
  { label: 'SHA_384', alg: 0x0200000a, node: 'sha384', block: 128, lengthField: 16, stateField: 64, digest: 48, littleEndianLength: false },
  { label: 'SHA_512', alg: 0x0200000b, node: 'sha512', block: 128, lengthField: 16, stateField: 64, digest: 64, littleEndianLength: false },
  { label: 'SHA_512_224', alg: 0x0200000c, node: 'sha512-224', block: 128, lengthField: 16, stateField: 64, digest: 28, littleEndianLength: false },
  { label: 'SHA_512_256', alg: 0x0200000d, node: 'sha512-256', block: 128, lengthField: 16, stateField: 64, digest: 32, littleEndianLength: false },
];

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const nodeHash = (name: string, d: Uint8Array): Buffer => createHash(name).update(d).digest();

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PsaError);
    return (e as PsaError).status;
  }
  return undefined;
}

/** Merkle–Damgård padding of a `length`-byte message (0x80, zeros, bit length). */
function padding(md: Md, length: number): Uint8Array {
  const lenBytes = md.block === 128 ? 16 : 8;
  const total = Math.ceil((length + 1 + lenBytes) / md.block) * md.block;
  const pad = new Uint8Array(total - length);
  pad[0] = 0x80;
  const bits = BigInt(length) * 8n;
  for (let i = 0; i < 8; i++) {
    const byte = Number((bits >> BigInt(8 * i)) & 0xffn);
    if (md.littleEndianLength) pad[pad.length - 8 + i] = byte;
    else pad[pad.length - 1 - i] = byte;
  }
  return pad;
}

function suspendAfter(alg: number, ...chunks: Uint8Array[]): Uint8Array {
  const op = new HashOperation(software);
  op.setup(alg);
  for (const c of chunks) op.update(c);
  const state = op.suspend();
  expect(op.active).toBe(false);
  return state;
}

function readBigEndian(b: Uint8Array): bigint {
  return b.reduce((v, x) => (v << 8n) | BigInt(x), 0n);
}

describe('hash suspend / resume', () => {
  for (const md of MDS) {
    describe(md.label, () => {
      it('lays out alg ‖ input length ‖ state ‖ unprocessed as the spec says', () => {
        for (const len of [0, 1, md.block - 1, md.block, md.block + 1, 3 * md.block + 17]) {
          const data = randomBytes(len);
          const state = suspendAfter(md.alg, data);
          const fixed = 4 + md.lengthField + md.stateField;
          expect(state.length).toBe(fixed + (len % md.block));
          expect(state.length).toBeLessThanOrEqual(hashSuspendOutputSize(md.alg));
          expect(readBigEndian(state.subarray(0, 4))).toBe(BigInt(md.alg));
          expect(readBigEndian(state.subarray(4, 4 + md.lengthField))).toBe(BigInt(len));
          expect(hex(state.subarray(fixed))).toBe(hex(data.subarray(len - (len % md.block))));
        }
        expect(hashSuspendOutputSize(md.alg)).toBe(4 + md.lengthField + md.stateField + md.block - 1);
      });

      it('hash-state field equals the digest of M when M and its padding were hashed (external check of word order)', () => {
        for (const len of [0, 5, md.block - 20, 2 * md.block + 3]) {
          const m = randomBytes(len);
          const state = suspendAfter(md.alg, m, padding(md, len));
          const field = state.subarray(4 + md.lengthField, 4 + md.lengthField + md.stateField);
          expect(state.length).toBe(4 + md.lengthField + md.stateField); // nothing unprocessed
          expect(hex(field.subarray(0, md.digest))).toBe(hex(nodeHash(md.node, m)));
        }
      });

      it('resume(suspend(x)) continues to the node:crypto digest at any split', () => {
        for (let trial = 0; trial < 30; trial++) {
          const data = randomBytes(Math.floor(Math.random() * 5 * md.block));
          const split = Math.floor(Math.random() * (data.length + 1));
          const state = suspendAfter(md.alg, data.subarray(0, split));
          const op = new HashOperation(software);
          op.resume(state);
          expect(op.active).toBe(true);
          expect(op.alg).toBe(md.alg);
          op.update(data.subarray(split));
          expect(hex(op.finish())).toBe(hex(nodeHash(md.node, data)));
        }
      });

      it('suspends a resumed operation again, and verify works after resume', () => {
        const [a, b, c] = [randomBytes(md.block + 7), randomBytes(3), randomBytes(2 * md.block)];
        const op = new HashOperation(software);
        op.resume(suspendAfter(md.alg, a));
        op.update(b);
        const again = op.suspend();
        const op2 = new HashOperation(software);
        op2.resume(again);
        op2.update(c);
        op2.verify(nodeHash(md.node, Buffer.concat([a, b, c])));
      });
    });
  }

  it('resumes a hand-built SHA-256 state: FIPS 180-4 initial value, 3 bytes "abc" unprocessed', () => {
    const iv = '6a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19';
    const state = Buffer.from('02000009' + '0000000000000003' + iv + '616263', 'hex');
    const op = new HashOperation(software);
    op.resume(state);
    expect(hex(op.finish())).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('resumes a hand-built MD5 state: RFC 1321 initial words in little-endian order', () => {
    const state = Buffer.from('02000003' + '0000000000000000' + '0123456789abcdeffedcba9876543210', 'hex');
    const op = new HashOperation(software);
    op.resume(state);
    op.update(Buffer.from('abc'));
    expect(hex(op.finish())).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('suspend is NOT_SUPPORTED for SHA-3, SHAKE256/512 and BLAKE2, and aborts', () => {
    for (const alg of [0x02000010, 0x02000011, 0x02000012, 0x02000013, 0x02000015, 0x0200001c, 0x0200001e]) {
      const op = new HashOperation(software);
      op.setup(alg);
      op.update(Uint8Array.of(1, 2, 3));
      expect(statusOf(() => op.suspend())).toBe(PSA_ERROR_NOT_SUPPORTED);
      expect(op.active).toBe(false);
      expect(hashSuspendOutputSize(alg)).toBe(0);
    }
  });

  it('suspend with a short buffer is BUFFER_TOO_SMALL and aborts', () => {
    const op = new HashOperation(software);
    op.setup(0x02000009);
    op.update(Uint8Array.of(1, 2, 3));
    expect(statusOf(() => op.suspend(4 + 8 + 32 + 2))).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    expect(op.active).toBe(false);
    op.setup(0x02000009);
    expect(op.suspend(4 + 8 + 32)).toHaveLength(44);
  });

  it('resume on an active operation is BAD_STATE', () => {
    const state = suspendAfter(0x02000009, Uint8Array.of(1));
    const op = new HashOperation(software);
    op.setup(0x02000009);
    expect(statusOf(() => op.resume(state))).toBe(PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
  });

  it('rejects malformed states with INVALID_ARGUMENT and leaves the operation inactive', () => {
    const good = suspendAfter(0x02000009, randomBytes(70)); // 6 unprocessed bytes
    const withLength = (n: bigint): Uint8Array => {
      const s = Uint8Array.from(good);
      new DataView(s.buffer).setBigUint64(4, n);
      return s;
    };
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.of(2, 0, 0),
      good.subarray(0, 4 + 8 + 31), // cut inside the state field
      good.subarray(0, good.length - 1), // one unprocessed byte missing
      Buffer.concat([good, Buffer.of(0)]), // one byte too many
      withLength(71n), // length says 7 unprocessed bytes
      withLength(1n << 61n), // beyond SHA-256's 2^64-bit limit (and 6 mod 64 would still be wrong)
      Buffer.concat([Buffer.from('03800009', 'hex'), good.subarray(4)]), // HMAC(SHA_256) is not a hash
      Buffer.concat([Buffer.from('00000000', 'hex'), good.subarray(4)]),
    ];
    for (const [i, state] of cases.entries()) {
      const op = new HashOperation(software);
      expect(statusOf(() => op.resume(state)), `case ${i}`).toBe(PSA_ERROR_INVALID_ARGUMENT);
      expect(op.active).toBe(false);
    }
    expect(statusOf(() => new HashOperation(software).resume('x' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('rejects states of algorithms without resume support with NOT_SUPPORTED', () => {
    const op = new HashOperation(software);
    // SHA3-256 (no suspend format), MD2 (format not handled), MD4 (not built in), ANY_HASH
    for (const alg of ['02000011', '02000001', '02000002', '020000ff']) {
      const state = Buffer.from(alg + '0000000000000000' + '00'.repeat(16), 'hex');
      expect(statusOf(() => op.resume(state)), alg).toBe(PSA_ERROR_NOT_SUPPORTED);
      expect(op.active).toBe(false);
    }
    const noResume = new HashOperation({ setup: softwareHashSetup });
    expect(statusOf(() => noResume.resume(suspendAfter(0x02000009)))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('accepts a 128-bit input length for SHA-512 with the high half zero, rejects one beyond 2^125 bytes', () => {
    const good = suspendAfter(0x0200000b, randomBytes(130));
    expect(readBigEndian(good.subarray(4, 20))).toBe(130n);
    const op = new HashOperation(software);
    op.resume(good);
    op.abort();
    const huge = Uint8Array.from(good);
    huge[4] = 0x20; // 2^125 + 130 bytes
    expect(statusOf(() => op.resume(huge))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const large = Uint8Array.from(good);
    large[5] = 0x01; // 2^112 + 130 bytes: legal for SHA-512, too large for this implementation
    expect(statusOf(() => op.resume(large))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});
