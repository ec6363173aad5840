/**
 * HMAC_DRBG with SHA-256 (NIST SP 800-90A Rev. 1 §10.1.2), without
 * prediction resistance, with Mbed TLS's limits: at most 1024 bytes per
 * generate, at most 256 bytes of additional input, reseed every 10000
 * generates (automatically when a reseed source is given). It is the core's
 * own random generator, as Mbed TLS's core owns its DRBG
 * (`mbedtls_psa_random_state`): drivers are given randomness, they do not
 * supply it.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fail } from '../../values/error.js';
import { PSA_ERROR_BAD_STATE, PSA_ERROR_INSUFFICIENT_ENTROPY, PSA_ERROR_INVALID_ARGUMENT } from '../../values/status.js';
import { concatBytes } from '../../bytes.js';

/** Output length of the HMAC (SHA-256): the size of K and V. */
const OUT_LEN = 32;
/** Largest request per `generate` call (Mbed TLS `MBEDTLS_HMAC_DRBG_MAX_REQUEST`). */
export const HMAC_DRBG_MAX_REQUEST = 1024;
/** Largest additional input or personalization string (Mbed TLS `MBEDTLS_HMAC_DRBG_MAX_INPUT`). */
export const HMAC_DRBG_MAX_INPUT = 256;
/** Generates allowed between reseeds (Mbed TLS `MBEDTLS_PSA_RNG_RESEED_INTERVAL`). */
export const HMAC_DRBG_RESEED_INTERVAL = 10000;
/** Entropy bytes per reseed: the 256-bit security strength of SHA-256. */
export const HMAC_DRBG_ENTROPY_LENGTH = 32;
/** Nonce bytes at instantiation: half the entropy length, as Mbed TLS gathers it. */
export const HMAC_DRBG_NONCE_LENGTH = 16;

/** Options of `HmacDrbg.instantiate`. */
export interface HmacDrbgOptions {
  /** Called with `HMAC_DRBG_ENTROPY_LENGTH` when the reseed counter runs out; without it generate fails instead. */
  readonly reseedSource?: (length: number) => Uint8Array;
  /** Generates between reseeds (default `HMAC_DRBG_RESEED_INTERVAL`). */
  readonly reseedInterval?: number;
}

/** A keyed HMAC-SHA-256 computation in progress. */
type HmacSha256 = ReturnType<typeof hmac.create>;
/** The one-byte separators of the two update rounds. */
const ZERO = Uint8Array.of(0x00);
const ONE = Uint8Array.of(0x01);

function bytes(value: unknown, what: string, max = Infinity): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, `${what} must be a Uint8Array`);
  if (value.length > max) fail(PSA_ERROR_INVALID_ARGUMENT, `${what} longer than ${max} bytes`);
  return value;
}

/** An HMAC_DRBG (SHA-256) instance. Secret state is wiped by `destroy`. */
export class HmacDrbg {
  #key = new Uint8Array(OUT_LEN);
  #v = new Uint8Array(OUT_LEN).fill(0x01);
  #reseedCounter = 1;
  #destroyed = false;
  readonly #reseedSource: ((length: number) => Uint8Array) | undefined;
  readonly #reseedInterval: number;

  private constructor(options: HmacDrbgOptions) {
    const interval = options.reseedInterval ?? HMAC_DRBG_RESEED_INTERVAL;
    if (!Number.isSafeInteger(interval) || interval < 1) fail(PSA_ERROR_INVALID_ARGUMENT, 'reseed interval must be a positive integer');
    this.#reseedInterval = interval;
    this.#reseedSource = options.reseedSource;
  }

  /** Instantiate from `entropy ‖ nonce ‖ personalization` (SP 800-90A §10.1.2.3). */
  static instantiate(
    entropy: Uint8Array,
    nonce: Uint8Array,
    personalization: Uint8Array = new Uint8Array(0),
    options: HmacDrbgOptions = {},
  ): HmacDrbg {
    bytes(entropy, 'entropy');
    bytes(nonce, 'nonce');
    bytes(personalization, 'personalization string', HMAC_DRBG_MAX_INPUT);
    if (entropy.length < HMAC_DRBG_ENTROPY_LENGTH) fail(PSA_ERROR_INSUFFICIENT_ENTROPY, 'entropy input shorter than the security strength');
    const drbg = new HmacDrbg(options);
    const seed = concatBytes(entropy, nonce, personalization);
    drbg.#update(seed);
    seed.fill(0);
    return drbg;
  }

  /** Whether the next `generate` needs a reseed first. */
  get reseedRequired(): boolean {
    return this.#reseedCounter > this.#reseedInterval;
  }

  /**
   * HMAC_DRBG_Update (§10.1.2.2). `keyed` is HMAC already keyed with the
   * current K when the caller has one (generate does), so that K's two
   * padded blocks are hashed once for both of its uses.
   */
  #update(provided: Uint8Array, keyed?: HmacSha256): void {
    let mac = keyed ?? hmac.create(sha256, this.#key);
    for (let round = 0x00; round <= 0x01; round++) {
      if (round === 0x01 && provided.length === 0) break;
      // K = HMAC(K, V ‖ round ‖ provided)
      const key = mac.update(this.#v).update(round === 0 ? ZERO : ONE).update(provided).digest();
      this.#key.fill(0);
      this.#key = key;
      mac = hmac.create(sha256, key);
      // V = HMAC(K, V); the keyed MAC is cloned only when the second round needs it again.
      const v = (round === 0 && provided.length > 0 ? mac.clone() : mac).update(this.#v).digest();
      this.#v.fill(0);
      this.#v = v;
    }
  }

  #live(): void {
    if (this.#destroyed) fail(PSA_ERROR_BAD_STATE, 'DRBG destroyed');
  }

  /** Reseed with `entropy ‖ additional` (§10.1.2.4); the reseed counter restarts. */
  reseed(entropy: Uint8Array, additional: Uint8Array = new Uint8Array(0)): void {
    this.#live();
    bytes(entropy, 'entropy');
    bytes(additional, 'additional input', HMAC_DRBG_MAX_INPUT);
    if (entropy.length < HMAC_DRBG_ENTROPY_LENGTH) fail(PSA_ERROR_INSUFFICIENT_ENTROPY, 'entropy input shorter than the security strength');
    const seed = concatBytes(entropy, additional);
    this.#update(seed);
    seed.fill(0);
    this.#reseedCounter = 1;
  }

  /**
   * `length` pseudorandom bytes (§10.1.2.5), at most `HMAC_DRBG_MAX_REQUEST`.
   * When a reseed is due it reseeds from the reseed source with the
   * additional input (which is then not used again, as Mbed TLS does), or
   * fails with INSUFFICIENT_ENTROPY when there is no source.
   */
  generate(length: number, additional: Uint8Array = new Uint8Array(0)): Uint8Array {
    this.#live();
    if (!Number.isSafeInteger(length) || length < 0 || length > HMAC_DRBG_MAX_REQUEST) {
      fail(PSA_ERROR_INVALID_ARGUMENT, `request length must be an integer in 0..${HMAC_DRBG_MAX_REQUEST}`);
    }
    let add = bytes(additional, 'additional input', HMAC_DRBG_MAX_INPUT);
    if (this.reseedRequired) {
      if (this.#reseedSource === undefined) fail(PSA_ERROR_INSUFFICIENT_ENTROPY, 'DRBG reseed required');
      const entropy = this.#reseedSource(HMAC_DRBG_ENTROPY_LENGTH);
      try {
        this.reseed(entropy, add);
      } finally {
        if (entropy instanceof Uint8Array) entropy.fill(0);
      }
      add = new Uint8Array(0);
    }
    if (add.length > 0) this.#update(add);
    const out = new Uint8Array(length);
    const keyed = hmac.create(sha256, this.#key);
    for (let offset = 0; offset < length; offset += OUT_LEN) {
      const v = keyed.clone().update(this.#v).digest();
      this.#v.fill(0);
      this.#v = v;
      out.set(length - offset >= OUT_LEN ? v : v.subarray(0, length - offset), offset);
    }
    this.#update(add, keyed);
    this.#reseedCounter++;
    return out;
  }

  /** Wipe the state; the instance is unusable afterwards. */
  destroy(): void {
    this.#key.fill(0);
    this.#v.fill(0);
    this.#destroyed = true;
  }
}
