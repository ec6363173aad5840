/**
 * Shared by the finite-field WPA3-SAE specs: hostapd's vectors
 * (test-vectors/wpa3-sae-ffc-hostapd.json), token derivation through the
 * API, and one exchange of both STAs with hostapd's rand and mask injected.
 */
import { readFileSync } from 'node:fs';
import { createPsa, softwareDriver, type Psa } from '../../../src/index.js';
import {
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_WPA3_SAE_ANY,
  PSA_ALG_WPA3_SAE_FIXED,
  PSA_ALG_WPA3_SAE_GDH,
  PSA_ALG_WPA3_SAE_H2E,
  PSA_DH_FAMILY_RFC3526,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_WPA3_SAE_DH,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
} from '../../../src/values/index.js';
import { checkSta, hex, scriptedDriver, text } from './helpers.js';

export { hex, text, toHex } from './helpers.js';

export type Variant = 'looping' | 'h2e' | 'gdh';
export interface FfcExchange {
  variant: Variant;
  randA: string;
  maskA: string;
  randB: string;
  maskB: string;
  commitA: string;
  commitB: string;
  confirmA: string;
  confirmB: string;
  kck: string;
  pmk: string;
  pmkid: string;
}
export interface FfcGroupVector {
  group: number;
  token: string;
  tokenNoIdentifier: string;
  pweMac1: string;
  pweMac2: string;
  pwe: string;
  exchanges: FfcExchange[];
}

export const FFC_GROUPS = (
  JSON.parse(readFileSync(new URL('../../../test-vectors/wpa3-sae-ffc-hostapd.json', import.meta.url), 'utf8')) as { groups: FfcGroupVector[] }
).groups;
export const SSID = 'byteme';
export const PASSWORD = 'mekmitasdigoat';
export const IDENTIFIER = 'psk4internet';
/** STA-A and STA-B of the exchanges. */
export const ADDR1 = '4d3f2fffe387';
export const ADDR2 = 'a5d8aa958e3c';
/** Bits of p and the hash IEEE 802.11 Table 12-1 gives each group. */
export const BITS: Record<number, number> = { 14: 2048, 15: 3072, 16: 4096, 17: 6144, 18: 8192 };
export const HASH: Record<number, number> = { 14: PSA_ALG_SHA_256, 15: PSA_ALG_SHA_384, 16: PSA_ALG_SHA_512, 17: PSA_ALG_SHA_512, 18: PSA_ALG_SHA_512 };
export const TOKEN_TYPE = PSA_KEY_TYPE_WPA3_SAE_DH(PSA_DH_FAMILY_RFC3526);
export const primitiveOf = (group: number): number => PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_DH_FAMILY_RFC3526, BITS[group]!);

/** The password token of `group` derived through the API with the Annex J.10 inputs. */
export function deriveToken(psa: Psa, group: number, identifier: string | undefined, hash = HASH[group]!, bits = BITS[group]!): number {
  const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(PASSWORD));
  const kdf = psa.keyDerivationSetup(PSA_ALG_WPA3_SAE_H2E(hash));
  try {
    kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, text(SSID));
    kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
    if (identifier !== undefined) kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, text(identifier));
    return psa.keyDerivationOutputKey({ type: TOKEN_TYPE, bits, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_WPA3_SAE_ANY }, kdf);
  } finally {
    kdf.abort();
    psa.destroyKey(pw);
  }
}

/** The algorithm of `variant` in `group`. */
export function algOf(group: number, variant: Variant): number {
  if (variant === 'looping') return PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256);
  return variant === 'h2e' ? PSA_ALG_WPA3_SAE_FIXED(HASH[group]!) : PSA_ALG_WPA3_SAE_GDH(HASH[group]!);
}

/**
 * Run both STAs of `x` through the API, each with its scripted rand and
 * mask, and check each one's commit, confirm, PMKID and PMK against hostapd.
 */
export function checkExchange(v: FfcGroupVector, x: FfcExchange): void {
  const primitive = primitiveOf(v.group);
  const alg = algOf(v.group, x.variant);
  const sides = [
    { me: ADDR1, peer: ADDR2, rand: x.randA, mask: x.maskA, commit: x.commitA, confirm: x.confirmA, peerCommit: x.commitB, peerConfirm: x.confirmB },
    { me: ADDR2, peer: ADDR1, rand: x.randB, mask: x.maskB, commit: x.commitB, confirm: x.confirmB, peerCommit: x.commitA, peerConfirm: x.confirmA },
  ];
  for (const s of sides) {
    const psa = createPsa({ drivers: [scriptedDriver([hex(s.rand), hex(s.mask)]), softwareDriver()] });
    const key =
      x.variant === 'looping'
        ? psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(PASSWORD))
        : psa.importKey({ type: TOKEN_TYPE, bits: BITS[v.group]!, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, hex(v.tokenNoIdentifier));
    const op = psa.pakeSetup(key, { algorithm: alg, primitive });
    op.setUser(hex(s.me));
    op.setPeer(hex(s.peer));
    psa.destroyKey(key);
    checkSta(psa, op, alg, primitive, s, x.pmkid, x.pmk);
  }
}
