import { defineConfig } from 'vitest/config';

/**
 * `npm test`: every spec except the slow ones (`spec/**\/slow-*.spec.ts`,
 * e.g. RSA-4096 key generation), which `npm run test:slow` runs.
 */
export default defineConfig({
  test: {
    include: process.env.PSA_SLOW_TESTS === '1' ? ['spec/**/slow-*.spec.ts'] : ['spec/**/*.spec.ts'],
    exclude: process.env.PSA_SLOW_TESTS === '1' ? [] : ['spec/**/slow-*.spec.ts', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    passWithNoTests: process.env.PSA_SLOW_TESTS === '1',
  },
});
