/**
 * Key derivation benchmarks: HKDF-SHA-256 and PBKDF2-HMAC-SHA-256 through
 * the PSA API against noble called directly and node:crypto.
 */
import { hkdfSync, pbkdf2Sync } from 'node:crypto';
import { hkdf } from '@noble/hashes/hkdf.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  createPsa,
  PSA_ALG_HKDF,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_256,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
} from '../src/index.js';
import { runCases, type BenchCase } from './harness.js';

/** Run the key derivation suite. */
export function run(): boolean {
  const psa = createPsa();
  const ikm = new Uint8Array(32).fill(0x0b);
  const salt = new Uint8Array(32).fill(0x5a);
  const info = new Uint8Array(10).fill(0xf0);
  const password = new TextEncoder().encode('correct horse battery staple');
  const iterations = 10_000;

  const psaHkdf = (): Uint8Array => {
    const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_256));
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, ikm);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, info);
    const out = op.outputBytes(42);
    op.abort();
    return out;
  };
  const psaPbkdf2 = (): Uint8Array => {
    const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256));
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, iterations);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
    const out = op.outputBytes(32);
    op.abort();
    return out;
  };

  // The contenders must agree before they are timed.
  const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
  if (!same(psaHkdf(), hkdf(sha256, ikm, salt, info, 42)) || !same(psaPbkdf2(), pbkdf2(sha256, password, salt, { c: iterations, dkLen: 32 }))) {
    throw new Error('kdf bench: PSA and noble outputs differ');
  }

  const cases: BenchCase[] = [
    {
      name: 'HKDF-SHA-256 (32 B IKM, 32 B salt, 10 B info → 42 B)', bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => hkdf(sha256, ikm, salt, info, 42) },
        { name: 'psa', run: psaHkdf },
        { name: 'node:crypto', run: () => hkdfSync('sha256', ikm, salt, info, 42) },
      ],
      targets: { psa: 0.9 },
    },
    {
      name: `PBKDF2-HMAC-SHA-256 (${iterations} iterations → 32 B)`, bytes: 0, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => pbkdf2(sha256, password, salt, { c: iterations, dkLen: 32 }) },
        { name: 'psa', run: psaPbkdf2 },
        { name: 'node:crypto', run: () => pbkdf2Sync(password, salt, iterations, 32, 'sha256') },
      ],
      targets: { psa: 0.9 },
    },
  ];
  return runCases('Key derivation', cases, 1500);
}
