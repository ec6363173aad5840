/**
 * Hash methods of `Psa`: `psa_hash_compute`, `psa_hash_compare` and the
 * constructors of the multipart `psa_hash_operation_t` (`psa_hash_setup`,
 * `psa_hash_resume`); the rest of `psa_hash_*` are methods of the returned
 * `HashOperation`. Each calls `hash.ts` with the instance's hash provider
 * (`Dispatcher.hashes`).
 * @module
 */
import { hashCompare, hashCompute, HashOperation } from '../hash.js';
import { api, guardMethods, guardOperation } from './api.js';
import { coreOf } from './instance.js';

guardOperation(HashOperation);

/** The hash methods of `Psa`. */
export interface HashMethods {
  /**
   * `psa_hash_compute`. `hashSize` (optional) is the C caller's buffer size.
   * @param alg a hash algorithm (`PSA_ALG_SHA_256`, …)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a hash algorithm, or `input` is not a `Uint8Array`
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg`
   * @throws {PsaError} `PSA_ERROR_BUFFER_TOO_SMALL`: `hashSize` is below `PSA_HASH_LENGTH(alg)`
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const digest = psa.hashCompute(PSA_ALG_SHA_256, new TextEncoder().encode('abc'));
   */
  hashCompute(alg: number, input: Uint8Array, hashSize?: number): Uint8Array;

  /**
   * `psa_hash_compare`: throws INVALID_SIGNATURE unless `hash` is the digest of `input`.
   * @throws {PsaError} `PSA_ERROR_INVALID_SIGNATURE`: `hash` differs (also in length) from the digest; compared in constant time
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a hash algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg`
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  hashCompare(alg: number, input: Uint8Array, hash: Uint8Array): void;

  /**
   * A new, inactive hash operation (`psa_hash_operation_init`).
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  hashOperation(): HashOperation;

  /**
   * `psa_hash_setup`: an active hash operation.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `alg` is not a hash algorithm
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no driver implements `alg`
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   * @example
   * const op = psa.hashSetup(PSA_ALG_SHA_256);
   * op.update(part1);
   * op.update(part2);
   * const digest = op.finish();
   */
  hashSetup(alg: number): HashOperation;

  /**
   * `psa_hash_resume`: an active hash operation continuing from a suspend state.
   * @param state the output of `HashOperation.suspend()` (`PSA_HASH_SUSPEND_OUTPUT_SIZE` format)
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a malformed suspend state
   * @throws {PsaError} `PSA_ERROR_NOT_SUPPORTED`: no suspend format for its algorithm, or no driver resumes it
   * @throws {PsaError} `PSA_ERROR_BAD_STATE`: the instance is closed
   */
  hashResume(state: Uint8Array): HashOperation;
}

/** The bodies of `HashMethods`, assigned to `Psa.prototype`. */
export const hashMethods: HashMethods & ThisType<HashMethods> = guardMethods({
  hashCompute(alg, input, hashSize) {
    const fn = 'psa_hash_compute';
    return api(fn, () => hashCompute(coreOf(this, fn).dispatch.hashes, alg, input, hashSize));
  },

  hashCompare(alg, input, hash) {
    const fn = 'psa_hash_compare';
    api(fn, () => hashCompare(coreOf(this, fn).dispatch.hashes, alg, input, hash));
  },

  hashOperation() {
    const fn = 'psa_hash_operation_init';
    return api(fn, () => new HashOperation(coreOf(this, fn).dispatch.hashes));
  },

  hashSetup(alg) {
    const op = this.hashOperation();
    api('psa_hash_setup', () => op.setup(alg));
    return op;
  },

  hashResume(state) {
    const op = this.hashOperation();
    api('psa_hash_resume', () => op.resume(state));
    return op;
  },
});
