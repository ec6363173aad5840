/**
 * WPA3-SAE groups 19–21 (secp256r1/384r1/521r1) and 28–30
 * (brainpoolP256r1/384r1/512r1) against hostapd (test-vectors/wpa3-sae-hostapd.json):
 * - the H2E password token through `PSA_ALG_WPA3_SAE_H2E(group hash)`, with
 *   and without a password identifier, and the PWE hostapd derives from it;
 * - for each variant (looping, hash-to-element, group-dependent hash), both
 *   STAs through the public API with hostapd's rand and mask injected: each
 *   one's commit and confirm (send-confirm 1) as hostapd's, the peer's
 *   accepted, and the PMKID and PMK as hostapd's (the PMK 256 bits except for
 *   GDH, where it has the hash's length).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPsa, softwareDriver, type Psa } from '../../../src/index.js';
import type { PakeOperation } from '../../../src/core/pake/index.js';
import { encodeElement, pweFromToken, saeGroup } from '../../../src/drivers/software/pake/wpa3-sae/ecc.js';
import {
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_WPA3_SAE_ANY,
  PSA_ALG_WPA3_SAE_FIXED,
  PSA_ALG_WPA3_SAE_GDH,
  PSA_ALG_WPA3_SAE_H2E,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_WPA3_SAE_ECC,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
} from '../../../src/values/index.js';
import { checkSta, hex, scriptedDriver, text, toHex } from './helpers.js';

interface Exchange {
  commitA: string;
  commitB: string;
  confirmA: string;
  confirmB: string;
  kck: string;
  pmk: string;
  pmkid: string;
}
interface GroupVector {
  group: number;
  token: string;
  tokenNoIdentifier: string;
  pweMac1: string;
  pweMac2: string;
  pwe: string;
  addr1: string;
  addr2: string;
  randA: string;
  maskA: string;
  randB: string;
  maskB: string;
  looping: Exchange;
  h2e: Exchange;
  gdh: Exchange;
}
const { groups } = JSON.parse(readFileSync(new URL('../../../test-vectors/wpa3-sae-hostapd.json', import.meta.url), 'utf8')) as { groups: GroupVector[] };
const SSID = 'byteme';
const PASSWORD = 'mekmitasdigoat';
const IDENTIFIER = 'psk4internet';
const BITS: Record<number, number> = { 19: 256, 20: 384, 21: 521, 28: 256, 29: 384, 30: 512 };
const HASH: Record<number, number> = { 19: PSA_ALG_SHA_256, 20: PSA_ALG_SHA_384, 21: PSA_ALG_SHA_512, 28: PSA_ALG_SHA_256, 29: PSA_ALG_SHA_384, 30: PSA_ALG_SHA_512 };
const familyOf = (group: number): number => (group >= 28 ? PSA_ECC_FAMILY_BRAINPOOL_P_R1 : PSA_ECC_FAMILY_SECP_R1);

/** The password token of `group` derived through the API. */
function deriveToken(psa: Psa, group: number, identifier: string | undefined): number {
  const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(PASSWORD));
  const kdf = psa.keyDerivationSetup(PSA_ALG_WPA3_SAE_H2E(HASH[group]!));
  kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, text(SSID));
  kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
  if (identifier !== undefined) kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, text(identifier));
  const token = psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_WPA3_SAE_ECC(familyOf(group)), bits: BITS[group]!, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_WPA3_SAE_ANY }, kdf);
  kdf.abort();
  psa.destroyKey(pw);
  return token;
}

type Variant = 'looping' | 'h2e' | 'gdh';

/** One STA of `variant` in `v`'s group with `rand` and `mask` scripted. */
function staSetup(v: GroupVector, variant: Variant, me: string, peer: string, rand: string, mask: string): { psa: Psa; op: PakeOperation; alg: number; primitive: number } {
  const psa = createPsa({ drivers: [scriptedDriver([hex(rand), hex(mask)]), softwareDriver()] });
  const primitive = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, familyOf(v.group), BITS[v.group]!);
  const alg = variant === 'looping' ? PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256) : variant === 'h2e' ? PSA_ALG_WPA3_SAE_FIXED(HASH[v.group]!) : PSA_ALG_WPA3_SAE_GDH(HASH[v.group]!);
  const key =
    variant === 'looping'
      ? psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(PASSWORD))
      : psa.importKey({ type: PSA_KEY_TYPE_WPA3_SAE_ECC(familyOf(v.group)), bits: BITS[v.group]!, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, hex(v.tokenNoIdentifier));
  const op = psa.pakeSetup(key, { algorithm: alg, primitive });
  op.setUser(hex(me));
  op.setPeer(hex(peer));
  psa.destroyKey(key);
  return { psa, op, alg, primitive };
}

describe.each(groups.map((v) => [v.group, v] as const))('WPA3-SAE group %i against hostapd', (group, v) => {
  it('H2E password token (with and without identifier) and the PWE from it', () => {
    const psa = createPsa();
    expect(toHex(psa.exportKey(deriveToken(psa, group, IDENTIFIER)))).toBe(v.token);
    expect(toHex(psa.exportKey(deriveToken(psa, group, undefined)))).toBe(v.tokenNoIdentifier);
    const g = saeGroup(familyOf(group), BITS[group]!)!;
    expect(toHex(encodeElement(g, pweFromToken(g, hex(v.token), hex(v.pweMac1), hex(v.pweMac2))))).toBe(v.pwe);
    const imported = psa.importKey({ type: PSA_KEY_TYPE_WPA3_SAE_ECC(familyOf(group)), bits: 0, usage: PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_WPA3_SAE_ANY }, hex(v.token));
    expect(psa.getKeyAttributes(imported).bits).toBe(BITS[group]);
  });

  for (const variant of ['looping', 'h2e', 'gdh'] as const) {
    it(`${variant}: commits, confirms, PMKID and PMK of both STAs`, () => {
      const x = v[variant];
      const sides = [
        { me: v.addr1, peer: v.addr2, rand: v.randA, mask: v.maskA, commit: x.commitA, confirm: x.confirmA, peerCommit: x.commitB, peerConfirm: x.confirmB },
        { me: v.addr2, peer: v.addr1, rand: v.randB, mask: v.maskB, commit: x.commitB, confirm: x.confirmB, peerCommit: x.commitA, peerConfirm: x.confirmA },
      ];
      for (const s of sides) {
        const { psa, op, alg, primitive } = staSetup(v, variant, s.me, s.peer, s.rand, s.mask);
        checkSta(psa, op, alg, primitive, s, x.pmkid, x.pmk);
      }
    });
  }
});
