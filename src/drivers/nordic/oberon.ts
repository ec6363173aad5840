/**
 * A model of the Oberon PSA Crypto software drivers (`nrf_oberon`, the
 * fallback of every nrf_security build) as a transparent driver: the
 * capability table of reference/nordic.md §3 (`OBERON_ROWS`), gated by the
 * Oberon PSA Crypto release, computed with this package's software driver,
 * and `PSA_ERROR_NOT_SUPPORTED` outside it.
 *
 * What the model leaves out: ML-DSA and ML-KEM (Oberon 1.5.0; this package
 * does not implement them), the DRBGs (no RNG entry point in the driver
 * interface), every interruptible function (Oberon answers NOT_SUPPORTED:
 * the model has no such entry point, so the core answers the same), hash
 * suspend/resume (absent from Oberon). Releases after `OBERON_LATEST` are
 * modelled with its table. Side channels are those of this package's
 * software implementation, not of ocrypto.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import type { TransparentDriver } from '../driver.js';
import { atLeast, parseVersion, type CapabilityRow } from './capabilities.js';
import { OBERON_LATEST, OBERON_ROWS } from './capabilities-oberon.js';
import { restrictedDriver } from './restricted.js';

/** An Oberon PSA Crypto release, `major.minor.patch` (e.g. `'1.5.4'`). */
export type OberonVersion = `${number}.${number}.${number}`;

/** Options of `oberon`. */
export interface OberonOptions {
  /** The Oberon PSA Crypto release (default `OBERON_LATEST`, 1.5.4): rows added later are absent. */
  readonly version?: OberonVersion;
  /**
   * The driver as the TF-M crypto partition builds it (nordic.md §1.7):
   * without PBKDF2 and PAKE (and without OFB/CFB, which Oberon lacks anyway). Default false.
   */
  readonly tfm?: boolean;
}

/**
 * The rows of `OBERON_ROWS` that apply to a release and build.
 * @param options as `oberon` takes them (validated there)
 */
export function oberonRows(options: OberonOptions = {}): CapabilityRow[] {
  const version = options.version ?? OBERON_LATEST;
  return OBERON_ROWS.filter((r) => (!r.since || atLeast(version, r.since)) && !(options.tfm && r.tfmExcluded));
}

/**
 * The Oberon PSA Crypto driver model: a transparent driver named `'oberon'`,
 * normally the last in the list (`[cc3xx(...), oberon()]`).
 * @param options the release and whether the build is TF-M's
 * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: a version that is not `major.minor.patch`
 * @example
 * const psa = createPsa({ drivers: [cc3xx({ variant: 'cc312' }), oberon({ version: '1.5.4' })] });
 */
export function oberon(options: OberonOptions = {}): TransparentDriver {
  if (typeof options !== 'object' || options === null) fail(PSA_ERROR_INVALID_ARGUMENT, 'oberon: options must be an object');
  if (options.version !== undefined && (typeof options.version !== 'string' || !parseVersion(options.version))) {
    fail(PSA_ERROR_INVALID_ARGUMENT, 'oberon: version must be major.minor.patch');
  }
  return restrictedDriver({ name: 'oberon', table: { rows: oberonRows(options), symmetricKeysByCore: true } });
}
