/**
 * Where the TLS 1.2 PRF stops, as in Mbed TLS 3.6 (`library/psa_crypto.c`):
 * - `psa_key_derivation_set_maximum_capacity` gives `PSA_ALG_TLS12_PRF`
 *   (SHA-256, SHA-384) the capacity SIZE_MAX (Mbed TLS's own vectors "TLS 1.2
 *   PRF SHA-256, request maximum capacity" set SIZE_MAX and expect SUCCESS),
 *   and `PSA_ALG_TLS12_PSK_TO_MS` 48 bytes;
 * - `psa_key_derivation_tls12_prf_generate_next_block` keeps a one-byte block
 *   counter and answers PSA_ERROR_CORRUPTION_DETECTED when a 256th block is
 *   needed, so the output is 255 × the hash length: 8,160 bytes with SHA-256,
 *   12,240 with SHA-384;
 * - the failure takes `psa_key_derivation_output_bytes`'s error path: the
 *   algorithm stays, the rest is wiped (capacity 0, later reads
 *   INSUFFICIENT_DATA).
 * The expected bytes are RFC 5246 §5's P_hash computed with node:crypto's HMAC.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_TLS12_PRF,
  PSA_ALG_TLS12_PSK_TO_MS,
  PSA_ERROR_CORRUPTION_DETECTED,
  PSA_ERROR_INSUFFICIENT_DATA,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_KEY_DERIVATION_UNLIMITED_CAPACITY,
  PSA_SUCCESS,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const psa = createPsa();
const SECRET = Uint8Array.from({ length: 48 }, (_, i) => i);
const SEED = Uint8Array.from({ length: 64 }, (_, i) => 0xa0 ^ i);
const LABEL = new TextEncoder().encode('key expansion');

/** RFC 5246 §5: P_hash(secret, label ‖ seed), `length` bytes, with node:crypto's HMAC. */
function pHash(digest: string, length: number): Buffer {
  const labelSeed = Buffer.concat([LABEL, SEED]);
  const out: Buffer[] = [];
  let a: Buffer = labelSeed;
  let total = 0;
  while (total < length) {
    a = createHmac(digest, SECRET).update(a).digest();
    const block = createHmac(digest, SECRET).update(a).update(labelSeed).digest();
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

function prf(hash: number) {
  const op = psa.keyDerivationSetup(PSA_ALG_TLS12_PRF(hash));
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_SEED, SEED);
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, SECRET);
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_LABEL, LABEL);
  return op;
}

describe('TLS 1.2 PRF output limit (Mbed TLS psa_key_derivation_tls12_prf_generate_next_block)', () => {
  for (const [name, hash, digest, limit] of [['SHA-256', PSA_ALG_SHA_256, 'sha256', 8160], ['SHA-384', PSA_ALG_SHA_384, 'sha384', 12240]] as const) {
    it(`${name}: the capacity is SIZE_MAX; ${limit} bytes read, then one more byte is CORRUPTION_DETECTED`, () => {
      const op = prf(hash);
      expect(op.getCapacity()).toBe(PSA_KEY_DERIVATION_UNLIMITED_CAPACITY);
      // Up to the limit in two pieces that end inside a block, then the last byte of block 255.
      const first = op.outputBytes(limit - 100);
      const second = op.outputBytes(99);
      const last = op.outputBytes(1);
      expect(Buffer.concat([first, second, last]).equals(pHash(digest, limit))).toBe(true);
      expect(statusOfCall(() => op.outputBytes(1))).toBe(PSA_ERROR_CORRUPTION_DETECTED);
      // The error path of psa_key_derivation_output_bytes: algorithm kept, capacity 0.
      expect(op.active).toBe(true);
      expect(op.getCapacity()).toBe(0);
      expect(statusOfCall(() => op.outputBytes(1))).toBe(PSA_ERROR_INSUFFICIENT_DATA);
      op.abort();
    });
  }

  it('SHA-256: one read that crosses the limit is CORRUPTION_DETECTED and returns nothing', () => {
    const op = prf(PSA_ALG_SHA_256);
    expect(op.outputBytes(8000).length).toBe(8000);
    expect(statusOfCall(() => op.outputBytes(161))).toBe(PSA_ERROR_CORRUPTION_DETECTED);
    expect(op.getCapacity()).toBe(0);
    op.abort();
  });

  it('set_capacity(SIZE_MAX) is SUCCESS (Mbed TLS: "TLS 1.2 PRF SHA-256, request maximum capacity")', () => {
    const op = prf(PSA_ALG_SHA_256);
    op.setCapacity((1n << 64n) - 1n);
    expect(op.getCapacity()).toBe(PSA_KEY_DERIVATION_UNLIMITED_CAPACITY);
    op.abort();
  });

  it('PSK-to-MS keeps the capacity 48 (the master secret, RFC 5246 §8.1)', () => {
    const op = psa.keyDerivationSetup(PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256));
    expect(op.getCapacity()).toBe(48);
    op.abort();
  });

  it('through psa-crypto/c: psa_key_derivation_output_bytes answers PSA_ERROR_CORRUPTION_DETECTED past 8,160 bytes', () => {
    expect(C.psa_crypto_init()).toBe(PSA_SUCCESS);
    try {
      const op = C.psa_key_derivation_operation_init();
      expect(C.psa_key_derivation_setup(op, PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256))).toBe(PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_SEED, SEED)).toBe(PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_SECRET, SECRET)).toBe(PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, PSA_KEY_DERIVATION_INPUT_LABEL, LABEL)).toBe(PSA_SUCCESS);
      const out = new Uint8Array(8160);
      expect(C.psa_key_derivation_output_bytes(op, out)).toBe(PSA_SUCCESS);
      expect(Buffer.from(out).equals(pHash('sha256', 8160))).toBe(true);
      expect(C.psa_key_derivation_output_bytes(op, new Uint8Array(1))).toBe(PSA_ERROR_CORRUPTION_DETECTED);
      expect(C.psa_key_derivation_abort(op)).toBe(PSA_SUCCESS);
    } finally {
      C.mbedtls_psa_crypto_free();
    }
  });
});
