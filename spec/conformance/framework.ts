/**
 * Shared vocabulary of the conformance runner: how a suite declares the test
 * functions of an Mbed TLS `.function` file so the runner can decode the
 * arguments of each `.data` case and run it against the public API.
 */

/** How one parameter of a C test function is decoded from `.data` text. */
export type ParamKind =
  /** `int`-like parameter: C integer expression, truncated to 32-bit two's complement (a JS number, may be negative). */
  | 'int'
  /** `int64_t` parameter: C integer expression kept as a bigint. */
  | 'int64'
  /** `data_t *`: a quoted hex string, decoded to bytes. */
  | 'data'
  /** `char *`: a quoted string, quotes removed. */
  | 'string';

/** A decoded argument. */
export type Arg = number | bigint | Uint8Array | string;

/** What a test function returns when it decides at run time not to run a case. */
export class Skip extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A test function: its parameter kinds, and either a body or a reason why it is never run. */
export interface TestFunction {
  readonly params: readonly ParamKind[];
  /** Runs one case; throws (assertion failure) to fail it, throws `Skip` to skip it. */
  readonly run?: (...args: any[]) => void;
  /** When present, every case of this function is skipped with this reason. */
  readonly skip?: string;
  /**
   * Dependencies of the function itself (the `depends_on:` of its upstream
   * `BEGIN_CASE` comment), in the `.data` token grammar. Unmet → every case skips.
   */
  readonly depends?: readonly string[];
  /**
   * Library state the runner establishes around each case (default `'init'`):
   * - `'init'`: `mbedtls_psa_crypto_free()` then `psa_crypto_init()` over a fresh
   *   memory storage before the case; after it, the leak check of upstream's
   *   `PSA_DONE()` (no key slot left in use) and `mbedtls_psa_crypto_free()`;
   * - `'free'`: the case starts with the library not initialised (a
   *   `psa_crypto_init()` without options in the body then uses the facade's
   *   default storage); same leak check and free afterwards;
   * - `'none'`: the runner does not touch the library (pure value checks).
   */
  readonly setup?: 'init' | 'free' | 'none';
}

/** The test functions of one `.function` suite (e.g. `psa_crypto_hash`), by C name. */
export type SuiteFunctions = Readonly<Record<string, TestFunction>>;
