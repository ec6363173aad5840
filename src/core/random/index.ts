/**
 * `psa_generate_random`: an HMAC_DRBG (SHA-256) seeded lazily from an
 * entropy source, so a missing source only fails the calls that need
 * randomness (with INSUFFICIENT_ENTROPY). Requests are served in chunks of
 * at most 1024 bytes, like Mbed TLS's `MBEDTLS_PSA_RANDOM_MAX_REQUEST`.
 * @module
 */
import {
  HMAC_DRBG_ENTROPY_LENGTH,
  HMAC_DRBG_MAX_REQUEST,
  HMAC_DRBG_NONCE_LENGTH,
  HmacDrbg,
} from './hmac-drbg.js';
import type { EntropySource } from './entropy.js';
import { PsaError, fail } from '../../values/error.js';
import {
  PSA_ERROR_INSUFFICIENT_ENTROPY,
  PSA_ERROR_INSUFFICIENT_MEMORY,
  PSA_ERROR_INVALID_ARGUMENT,
} from '../../values/status.js';

/** Largest single request `Rng.generate` serves (a JS typed-array bound, not a PSA one). */
const MAX_TOTAL_REQUEST = 0x7fffffff;

/** Options of the `Rng` constructor. */
export interface RngOptions {
  /** Personalization string mixed in at instantiation (at most 256 bytes). */
  readonly personalization?: Uint8Array;
  /** Generates between automatic reseeds (default 10000, as Mbed TLS). */
  readonly reseedInterval?: number;
}

/** Ask `source` for exactly `length` bytes; anything else is INSUFFICIENT_ENTROPY. */
function draw(source: EntropySource, length: number): Uint8Array {
  let out: Uint8Array | undefined;
  try {
    const given: unknown = source.getEntropy(length);
    // Checked and copied inside the try: a Proxy or a detached buffer throws on access.
    if (given instanceof Uint8Array && given.length === length) out = Uint8Array.from(given);
  } catch (err) {
    if (err instanceof PsaError) throw err;
    fail(PSA_ERROR_INSUFFICIENT_ENTROPY, `entropy source failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return out ?? fail(PSA_ERROR_INSUFFICIENT_ENTROPY, `entropy source did not deliver ${length} bytes`);
}

/** The random generator behind `psa_generate_random` and every key generation. */
export class Rng {
  readonly #source: EntropySource;
  readonly #options: RngOptions;
  #drbg: HmacDrbg | undefined;

  /** A generator over `source`; nothing is drawn from it before the first request. */
  constructor(source: EntropySource, options: RngOptions = {}) {
    this.#source = source;
    this.#options = options;
  }

  /** Whether the generator has been seeded. */
  get seeded(): boolean {
    return this.#drbg !== undefined;
  }

  #instance(): HmacDrbg {
    if (this.#drbg !== undefined) return this.#drbg;
    const entropy = draw(this.#source, HMAC_DRBG_ENTROPY_LENGTH);
    try {
      const nonce = draw(this.#source, HMAC_DRBG_NONCE_LENGTH);
      try {
        this.#drbg = HmacDrbg.instantiate(entropy, nonce, this.#options.personalization, {
          reseedSource: (n) => draw(this.#source, n),
          ...(this.#options.reseedInterval === undefined ? {} : { reseedInterval: this.#options.reseedInterval }),
        });
      } finally {
        nonce.fill(0);
      }
    } finally {
      entropy.fill(0);
    }
    return this.#drbg;
  }

  /** `length` random bytes (0 gives an empty array without touching the source). */
  generate(length: number): Uint8Array {
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `random length must be a non-negative integer: ${String(length)}`);
    }
    if (length > MAX_TOTAL_REQUEST) fail(PSA_ERROR_INSUFFICIENT_MEMORY, `cannot allocate ${length} bytes`);
    if (length === 0) return new Uint8Array(0);
    const drbg = this.#instance();
    const out = new Uint8Array(length);
    try {
      for (let offset = 0; offset < length; offset += HMAC_DRBG_MAX_REQUEST) {
        const chunk = drbg.generate(Math.min(HMAC_DRBG_MAX_REQUEST, length - offset));
        out.set(chunk, offset);
        chunk.fill(0);
      }
    } catch (err) {
      out.fill(0);
      throw err;
    }
    return out;
  }

  /** Force a reseed from the source now, mixing in `additional` (at most 256 bytes). */
  reseed(additional?: Uint8Array): void {
    const drbg = this.#instance();
    const entropy = draw(this.#source, HMAC_DRBG_ENTROPY_LENGTH);
    try {
      drbg.reseed(entropy, additional);
    } finally {
      entropy.fill(0);
    }
  }

  /** Wipe the generator state; the next request seeds afresh. */
  destroy(): void {
    this.#drbg?.destroy();
    this.#drbg = undefined;
  }
}
