/**
 * `psa_generate_random` in C shape: fills the caller's buffer.
 * @module
 */
import { checkBytes } from '../core/validate.js';
import { instance, status } from './instance.js';

/** `psa_generate_random`: fill `output` with random bytes. */
export function psa_generate_random(output: Uint8Array): number {
  return status(() => {
    const out = checkBytes(output, 'psa_generate_random', 'output');
    const bytes = instance().generateRandom(out.length);
    out.set(bytes);
    bytes.fill(0);
  });
}
