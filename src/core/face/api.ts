/**
 * The one error rule of the TypeScript face: every public method of `Psa`
 * (and `createPsa`) runs its body through `api`, so a caller only ever sees
 * a `PsaError`: PSA failures pass through unchanged, anything else (a bug,
 * an exception of a dependency) becomes `PSA_ERROR_GENERIC_ERROR` naming
 * the function and the kind of the exception, never its message.
 * @module
 */
import { asPsaError } from '../../values/error.js';

/**
 * Run the body of the public function `fn`: its result, or its failure as a
 * `PsaError` (see `asPsaError`: `${fn}: internal error (${kind})` for
 * anything that is not already one).
 * @param fn the C name of the function, e.g. `'psa_sign_hash'`
 * @param body the argument checks and the call into the core
 * @throws {PsaError} whatever `body` throws, as a `PsaError`
 * @example
 * return api('psa_export_key', () => exportKey(coreOf(this, 'psa_export_key'), checkUint(id, fn, 'key')));
 */
export function api<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    throw asPsaError(err, fn);
  }
}
