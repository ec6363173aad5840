/**
 * `npm start` (examples/tour.ts) runs to the end and every step reports the
 * outcome it demonstrates: the key survives the restart, policies refuse,
 * SPAKE2+ session keys agree, the attached key's signature verifies in
 * node:crypto and its private half cannot be exported.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('the tour (npm start)', () => {
  it('runs to the end with the outcomes it demonstrates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'psa-tour-'));
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/tour.ts', dir], { cwd: ROOT, encoding: 'utf8' });
      expect(out).toContain('material identical');
      expect(out).toContain('copy without PSA_KEY_USAGE_COPY is refused: PSA_ERROR_NOT_PERMITTED');
      expect(out).toContain('files left in the key directory: 0');
      expect(out).toContain('session keys agree');
      expect(out).toContain('verifies it with the exported public key: true');
      expect(out).toContain('exporting the private key: PSA_ERROR_NOT_PERMITTED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
