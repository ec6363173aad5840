/**
 * Hash benchmarks: the PSA API against noble called directly and node:crypto.
 */
import { createHash } from 'node:crypto';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { createPsa, PSA_ALG_SHA_256, PSA_ALG_SHA_512 } from '../src/index.js';
import { runCases, type BenchCase } from './harness.js';

/** Run the hash suite. */
export function run(): boolean {
  const psa = createPsa();
  const small = new Uint8Array(64).fill(1);
  const big = new Uint8Array(1 << 20).fill(2);
  const chunk = 4096;
  const cases: BenchCase[] = [
    {
      name: 'SHA-256 64 B', bytes: 64, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => sha256(small) },
        { name: 'psa', run: () => psa.hashCompute(PSA_ALG_SHA_256, small) },
        { name: 'node:crypto', run: () => createHash('sha256').update(small).digest() },
      ],
      targets: { psa: 0.8 },
    },
    {
      name: 'SHA-256 1 MiB', bytes: big.length, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => sha256(big) },
        { name: 'psa', run: () => psa.hashCompute(PSA_ALG_SHA_256, big) },
        {
          name: 'psa multipart 4 KiB', run: () => {
            const op = psa.hashSetup(PSA_ALG_SHA_256);
            for (let i = 0; i < big.length; i += chunk) op.update(big.subarray(i, i + chunk));
            return op.finish();
          },
        },
        { name: 'node:crypto', run: () => createHash('sha256').update(big).digest() },
      ],
      targets: { psa: 0.9 },
    },
    {
      name: 'SHA-512 1 MiB', bytes: big.length, reference: 'noble',
      contenders: [
        { name: 'noble', run: () => sha512(big) },
        { name: 'psa', run: () => psa.hashCompute(PSA_ALG_SHA_512, big) },
        { name: 'node:crypto', run: () => createHash('sha512').update(big).digest() },
      ],
      targets: { psa: 0.9 },
    },
  ];
  return runCases('Hash', cases);
}
