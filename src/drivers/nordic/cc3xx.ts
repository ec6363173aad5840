/**
 * A model of Nordic's nrf_cc3xx PSA driver (Arm CryptoCell CC310 on the
 * nRF52840 and nRF91 series, CC312 on the nRF5340 application core) as a
 * transparent driver: the capability table of reference/nordic.md §2
 * (`CC3XX_ROWS`), computed with this package's software driver, and
 * `PSA_ERROR_NOT_SUPPORTED` for everything outside it so that dispatch
 * moves on to the next driver (Oberon on a real build), as the nrf_security
 * driver wrappers do.
 *
 * Not modelled: the hardware itself (timing, power, DMA), the "symmetric
 * input must be in RAM" rule of CC310 (a TypeScript caller has no flash),
 * the RNG request limit (the driver interface has no RNG entry point;
 * `CC3XX_RNG_MAX_REQUEST` holds the figure) and the defects that produced
 * wrong output (`CC3XX_NOT_MODELLED`). Side channels are those of the
 * software implementation, not of CryptoCell.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG, PSA_ALG_CTR, PSA_ALG_GCM, PSA_KEY_TYPE_RSA_KEY_PAIR,
} from '../../values/index.js';
import type { TransparentDriver } from '../driver.js';
import type { CipherContext } from '../cipher.js';
import { CC3XX_ROWS, type CapabilityRow } from './capabilities.js';
import { restrictedDriver, type RestrictedHooks } from './restricted.js';

/** The CryptoCell variant: CC310 (nRF52840, nRF91) or CC312 (nRF5340). */
export type Cc3xxVariant = 'cc310' | 'cc312';

/** Reported device behaviours that can be switched on, each stated exactly. */
export type Cc3xxQuirk = 'gcm-nonce-12-only' | 'ctr-update-block-multiple';

/** What each quirk flag does and where the report comes from. */
export const CC3XX_QUIRKS: Readonly<Record<Cc3xxQuirk, { readonly models: string; readonly source: string }>> = {
  'gcm-nonce-12-only': {
    models: 'AES-GCM accepts only 12-byte nonces: another length is NOT_SUPPORTED (a single-part call then falls through to '
      + 'the next driver; in a multipart operation, bound to this driver, set_nonce fails). The reported defect gave a '
      + 'wrong tag instead; that output is not modelled.',
    source: '[D] nordic.md §2 defects and §7 row 8: NCSDK-20287 (nrfconnect/sdk-nrf#10909, NCS 1.9.0-2.3.0); '
      + '12-byte-IV-only GCM, NCSDK-13844 (nrfconnect/sdk-nrf#6611)',
  },
  'ctr-update-block-multiple': {
    models: 'psa_cipher_update on AES-CTR with an input length that is not a multiple of 16 is INVALID_ARGUMENT '
      + '(single-part calls are unaffected).',
    source: '[R] nordic.md §7 row 6: NCS 1.9.1 on nRF5340, fixed in NCS 2.0 '
      + '(https://devzone.nordicsemi.com/f/nordic-q-a/90075/psa-encryption---aes-ctr-128---message-input-length)',
  },
};

/** Reported CryptoCell defects left out, and why. */
export const CC3XX_NOT_MODELLED: readonly { readonly defect: string; readonly why: string; readonly source: string }[] = [
  { defect: 'GCM tag wrong with a nonce other than 12 bytes', why: 'the wrong tag cannot be stated exactly (see the gcm-nonce-12-only flag for the refusal)', source: 'nrfconnect/sdk-nrf#10909' },
  { defect: 'ChaCha20-Poly1305 tag wrong for an empty plaintext (NCSDK-20688)', why: 'the wrong tag cannot be stated exactly', source: 'nrfconnect/sdk-nrf#11053' },
  { defect: 'GCM tag wrong after more than one psa_aead_update_ad (fixed in nrf_cc3xx 0.9.23)', why: 'the wrong tag cannot be stated exactly', source: 'nrfconnect/sdk-nrf#30649' },
  { defect: 'ChaCha20-Poly1305 required psa_aead_set_lengths (fixed in 0.9.17)', why: 'the status returned without it is not recorded', source: 'sdk-nrfxlib CHANGELOG_cc3xx_mbedcrypto.rst' },
  { defect: 'truncated MACs mishandled (0.9.21), EdDSA/Montgomery key generation error codes (0.9.19)', why: 'neither the output nor the codes are recorded', source: 'sdk-nrfxlib CHANGELOG_cc3xx_mbedcrypto.rst' },
  { defect: 'CC310 symmetric input must be in RAM (no DMA from flash)', why: 'a TypeScript caller has no flash', source: 'sdk-nrfxlib crypto/doc/nrf_cc3xx_mbedcrypto.rst' },
];

/** Options of `cc3xx`. */
export interface Cc3xxOptions {
  readonly variant: Cc3xxVariant;
  /** Reported behaviours to reproduce (default none). */
  readonly quirks?: readonly Cc3xxQuirk[];
  /**
   * ECC curves (nordic.md §2 [C]): `'kconfig'` (default) takes the Kconfig's
   * list, secp192r1, secp192k1 and secp224k1 included; `'documented'` drops
   * those three, as driver_config.rst and the older nrfxlib page do.
   */
  readonly curves?: 'kconfig' | 'documented';
  /**
   * RSA key pair generation (nordic.md §2 [C]): the Kconfig accelerates RSA
   * import, export and public-key operations only, newer NCS tables claim
   * generation. Default `false`: NOT_SUPPORTED, sizes as for import when true.
   */
  readonly rsaKeyGeneration?: boolean;
}

const VARIANTS: readonly string[] = ['cc310', 'cc312'];
const QUIRKS: readonly string[] = Object.keys(CC3XX_QUIRKS);

/**
 * The rows of `CC3XX_ROWS` that apply to a configuration.
 * @param options as `cc3xx` takes them (validated there)
 */
export function cc3xxRows(options: Cc3xxOptions): CapabilityRow[] {
  const rows = CC3XX_ROWS.filter((r) => (!r.only || r.only.includes(options.variant))
    && !(options.curves === 'documented' && r.uncertain?.startsWith('secp192r1')));
  if (options.rsaKeyGeneration) {
    const rsaImport = rows.filter((r) => r.op === 'import' && r.keys?.some((k) => k.types.includes(PSA_KEY_TYPE_RSA_KEY_PAIR)));
    for (const r of rsaImport) {
      rows.push({ ...r, op: 'generate', uncertain: 'RSA key generation: Kconfig none, newer docs yes (nordic.md §2 [C])' });
    }
  }
  return rows;
}

/** Multipart AES-CTR updates in whole blocks only (quirk `ctr-update-block-multiple`). */
function ctrBlocksOnly(ctx: CipherContext): CipherContext {
  return {
    get pending() { return ctx.pending; },
    setIv: (iv) => ctx.setIv(iv),
    update: (input) => {
      if (input.length % 16 !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'cc3xx: AES-CTR update length must be a multiple of 16 bytes');
      return ctx.update(input);
    },
    finish: () => ctx.finish(),
    destroy: () => ctx.destroy(),
  };
}

/**
 * The nrf_cc3xx PSA driver model: a transparent driver named `'cc3xx'`.
 * Put it before the Oberon model (`[cc3xx(...), oberon()]`), as nrf_security
 * orders them; alone, it answers NOT_SUPPORTED outside its table as a build
 * without the Oberon driver does.
 * @param options the variant, optional quirk flags and choices for uncertain facts
 * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: an unknown variant, quirk or curve choice
 * @example
 * const psa = createPsa({ drivers: [cc3xx({ variant: 'cc310' }), oberon()] });
 */
export function cc3xx(options: Cc3xxOptions): TransparentDriver {
  if (typeof options !== 'object' || options === null || !VARIANTS.includes(options.variant)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, "cc3xx: variant must be 'cc310' or 'cc312'");
  }
  const quirks = options.quirks ?? [];
  for (const q of quirks) if (!QUIRKS.includes(q)) fail(PSA_ERROR_INVALID_ARGUMENT, `cc3xx: unknown quirk '${String(q)}'`);
  if (options.curves !== undefined && options.curves !== 'kconfig' && options.curves !== 'documented') {
    fail(PSA_ERROR_INVALID_ARGUMENT, "cc3xx: curves must be 'kconfig' or 'documented'");
  }
  const hooks: RestrictedHooks = {};
  if (quirks.includes('gcm-nonce-12-only')) {
    hooks.aeadNonce = (_attributes, alg, nonce) => {
      if (PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG(alg) === PSA_ALG_GCM && nonce.length !== 12) {
        fail(PSA_ERROR_NOT_SUPPORTED, `cc3xx: GCM nonce of ${nonce.length} bytes (12 only)`);
      }
    };
  }
  if (quirks.includes('ctr-update-block-multiple')) {
    hooks.cipherContext = (ctx, _attributes, alg) => (alg === PSA_ALG_CTR ? ctrBlocksOnly(ctx) : ctx);
  }
  return restrictedDriver({
    name: 'cc3xx',
    table: { rows: cc3xxRows(options), symmetricKeysByCore: true, signNeedsEmptyContext: true },
    hooks,
  });
}
