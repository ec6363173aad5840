/**
 * WPA3-SAE through the public API (group 19 known answers; groups 20 and 21
 * against hostapd are in hostapd.spec.ts).
 * - Known answers: the IEEE 802.11 Annex J.10 looping exchange as hostapd
 *   checks it (commit from the vector's rand and mask, injected through a
 *   driver that scripts the software driver's random draws; the peer's
 *   commit and confirm accepted; our confirm, the PMKID and the PMK as in the
 *   vector), and the Annex J.10 hash-to-element password element.
 * - Two instances, looping and hash-to-element, in both commit orders, and
 *   groups 20 and 21 with random scalars.
 * - The statuses of the spec's setup and step rules.
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
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_WPA3_SAE_ECC,
  PSA_KEY_USAGE_DERIVE,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_COMMIT,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_CONFIRM_COUNT,
  PSA_PAKE_STEP_KEY_ID,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_STEP_SALT,
} from '../../../src/values/index.js';
import { statusOfCall } from '../../status.js';
import { SHARED, hex, scriptedDriver, text, toHex } from './helpers.js';

interface Vectors {
  looping: Record<string, string>;
  h2e: Record<string, string>;
}
const V = JSON.parse(readFileSync(new URL('../../../test-vectors/wpa3-sae-ecc.json', import.meta.url), 'utf8')) as Vectors;
const L = V.looping;

const G19 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
const FIXED = { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), primitive: G19 };
const COUNT_1 = Uint8Array.of(1, 0);


function passwordSetup(psa: Psa, password: string, me: string, peer: string, suite = FIXED): PakeOperation {
  const key = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(password));
  const op = psa.pakeSetup(key, suite);
  op.setUser(hex(me));
  op.setPeer(hex(peer));
  psa.destroyKey(key);
  return op;
}

/** Commits, confirms (send-confirm 1) and the PMKs of two operations; `bFirst`: B's commit is input before B outputs its own. */
function exchange(psaA: Psa, a: PakeOperation, psaB: Psa, b: PakeOperation, bFirst = false): [string, string] {
  const commitA = a.output(PSA_PAKE_STEP_COMMIT);
  if (bFirst) b.input(PSA_PAKE_STEP_COMMIT, commitA);
  const commitB = b.output(PSA_PAKE_STEP_COMMIT);
  if (!bFirst) b.input(PSA_PAKE_STEP_COMMIT, commitA);
  a.input(PSA_PAKE_STEP_COMMIT, commitB);
  for (const op of [a, b]) op.input(PSA_PAKE_STEP_CONFIRM_COUNT, COUNT_1);
  const confirmA = a.output(PSA_PAKE_STEP_CONFIRM);
  const confirmB = b.output(PSA_PAKE_STEP_CONFIRM);
  b.input(PSA_PAKE_STEP_CONFIRM, confirmA);
  a.input(PSA_PAKE_STEP_CONFIRM, confirmB);
  expect(toHex(a.output(PSA_PAKE_STEP_KEY_ID))).toBe(toHex(b.output(PSA_PAKE_STEP_KEY_ID)));
  return [toHex(psaA.exportKey(psaA.pakeGetSharedKey(a, SHARED))), toHex(psaB.exportKey(psaB.pakeGetSharedKey(b, SHARED)))];
}

describe('WPA3-SAE: IEEE 802.11 Annex J.10', () => {
  it('looping variant: commit, confirm, PMKID and PMK as hostapd checks them', () => {
    const psa = createPsa({ drivers: [scriptedDriver([hex(L.rand!), hex(L.mask!)]), softwareDriver()] });
    const op = passwordSetup(psa, L.password! + L.identifier!, L.addr1!, L.addr2!);
    expect(toHex(op.output(PSA_PAKE_STEP_COMMIT))).toBe(L.localCommit);
    op.input(PSA_PAKE_STEP_COMMIT, hex(L.peerCommit!));
    op.input(PSA_PAKE_STEP_CONFIRM_COUNT, COUNT_1);
    expect(toHex(op.output(PSA_PAKE_STEP_CONFIRM))).toBe(L.localConfirm);
    op.input(PSA_PAKE_STEP_CONFIRM, hex(L.peerConfirm!));
    expect(toHex(op.output(PSA_PAKE_STEP_KEY_ID))).toBe(L.pmkid);
    expect(toHex(psa.exportKey(psa.pakeGetSharedKey(op, SHARED)))).toBe(L.pmk);
  });

  it('a tampered peer confirm is INVALID_SIGNATURE', () => {
    const psa = createPsa({ drivers: [scriptedDriver([hex(L.rand!), hex(L.mask!)]), softwareDriver()] });
    const op = passwordSetup(psa, L.password! + L.identifier!, L.addr1!, L.addr2!);
    op.output(PSA_PAKE_STEP_COMMIT);
    op.input(PSA_PAKE_STEP_COMMIT, hex(L.peerCommit!));
    const bad = hex(L.peerConfirm!);
    bad[10]! ^= 1;
    expect(statusOfCall(() => op.input(PSA_PAKE_STEP_CONFIRM, bad))).toBe(PSA_ERROR_INVALID_SIGNATURE);
  });

  it('hash-to-element password element from the Annex J.10 token', () => {
    const g19 = saeGroup(PSA_ECC_FAMILY_SECP_R1, 256)!;
    expect(toHex(encodeElement(g19, pweFromToken(g19, hex(V.h2e.token!), hex(V.h2e.mac1!), hex(V.h2e.mac2!))))).toBe(V.h2e.pwe);
  });
});

describe('WPA3-SAE between two instances', () => {
  for (const bFirst of [false, true]) {
    it(`looping: the PMKs agree (B inputs A's commit ${bFirst ? 'before' : 'after'} its own)`, () => {
      const a = createPsa();
      const b = createPsa();
      const [pa, pb] = exchange(a, passwordSetup(a, 'secret', '020000000001', '020000000002'), b, passwordSetup(b, 'secret', '020000000002', '020000000001'), bFirst);
      expect(pa).toBe(pb);
      expect(pa.length).toBe(64);
    });
  }

  it('hash-to-element (FIXED and GDH) with password tokens derived on each side', () => {
    for (const algorithm of [PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), PSA_ALG_WPA3_SAE_GDH(PSA_ALG_SHA_256)]) {
      const token = (psa: Psa): number => {
        const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text('secret'));
        const kdf = psa.keyDerivationSetup(PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256));
        kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, text('network'));
        kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
        return psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_WPA3_SAE_ECC(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, kdf);
      };
      const a = createPsa();
      const b = createPsa();
      const opA = a.pakeSetup(token(a), { algorithm, primitive: G19 });
      opA.setUser(hex('020000000001'));
      opA.setPeer(hex('020000000002'));
      const opB = b.pakeSetup(token(b), { algorithm, primitive: G19 });
      opB.setUser(hex('020000000002'));
      opB.setPeer(hex('020000000001'));
      opA.input(PSA_PAKE_STEP_SALT, Uint8Array.of(0x15, 0x00));
      opB.input(PSA_PAKE_STEP_SALT, Uint8Array.of(0x15, 0x00));
      const [pa, pb] = exchange(a, opA, b, opB);
      expect(pa).toBe(pb);
    }
  });

  it('groups 20 and 21: looping and GDH with random scalars; the PMK has the GDH hash length', () => {
    for (const [bits, hash, pmkBytes] of [[384, PSA_ALG_SHA_384, 48], [521, PSA_ALG_SHA_512, 64]] as const) {
      const primitive = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, bits);
      const a = createPsa();
      const b = createPsa();
      const suite = { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), primitive };
      const [la, lb] = exchange(a, passwordSetup(a, 'secret', '020000000001', '020000000002', suite), b, passwordSetup(b, 'secret', '020000000002', '020000000001', suite), true);
      expect(la).toBe(lb);
      expect(la.length).toBe(64);
      const token = (psa: Psa): number => {
        const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text('secret'));
        const kdf = psa.keyDerivationSetup(PSA_ALG_WPA3_SAE_H2E(hash));
        kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, text('network'));
        kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
        return psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_WPA3_SAE_ECC(PSA_ECC_FAMILY_SECP_R1), bits, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_GDH(hash) }, kdf);
      };
      const opA = a.pakeSetup(token(a), { algorithm: PSA_ALG_WPA3_SAE_GDH(hash), primitive });
      opA.setUser(hex('020000000001'));
      opA.setPeer(hex('020000000002'));
      const opB = b.pakeSetup(token(b), { algorithm: PSA_ALG_WPA3_SAE_GDH(hash), primitive });
      opB.setUser(hex('020000000002'));
      opB.setPeer(hex('020000000001'));
      const [ga, gb] = exchange(a, opA, b, opB);
      expect(ga).toBe(gb);
      expect(ga.length).toBe(2 * pmkBytes);
    }
  });

  it('different passwords fail at the confirm (INVALID_SIGNATURE)', () => {
    const a = createPsa();
    const b = createPsa();
    const opA = passwordSetup(a, 'secret', '020000000001', '020000000002');
    const opB = passwordSetup(b, 'other', '020000000002', '020000000001');
    opB.input(PSA_PAKE_STEP_COMMIT, opA.output(PSA_PAKE_STEP_COMMIT));
    opA.input(PSA_PAKE_STEP_COMMIT, opB.output(PSA_PAKE_STEP_COMMIT));
    opA.input(PSA_PAKE_STEP_CONFIRM_COUNT, COUNT_1);
    expect(statusOfCall(() => opB.input(PSA_PAKE_STEP_CONFIRM, opA.output(PSA_PAKE_STEP_CONFIRM)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
  });
});

describe('WPA3-SAE statuses', () => {
  it('setup and set_* rules', () => {
    const psa = createPsa();
    const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text('secret'));
    expect(statusOfCall(() => psa.pakeSetup(pw, { algorithm: PSA_ALG_WPA3_SAE_GDH(PSA_ALG_SHA_256), primitive: G19 }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.pakeSetup(pw, { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_384), primitive: G19 }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.pakeSetup(pw, FIXED).setContext(new Uint8Array(1)))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => psa.pakeSetup(pw, FIXED).setRole(PSA_PAKE_ROLE_SERVER))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.pakeSetup(pw, FIXED).setUser(new Uint8Array(5)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const noPeer = psa.pakeSetup(pw, FIXED);
    noPeer.setUser(hex('020000000001'));
    expect(statusOfCall(() => noPeer.output(PSA_PAKE_STEP_COMMIT))).toBe(PSA_ERROR_BAD_STATE);
    const p224 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 224);
    const other = psa.pakeSetup(pw, { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), primitive: p224 });
    other.setUser(hex('020000000001'));
    other.setPeer(hex('020000000002'));
    expect(statusOfCall(() => other.output(PSA_PAKE_STEP_COMMIT))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('step rules: unknown steps, order, reflection', () => {
    const psa = createPsa();
    const op = () => passwordSetup(psa, 'secret', '020000000001', '020000000002');
    expect(statusOfCall(() => op().output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => op().output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => op().output(PSA_PAKE_STEP_KEY_ID))).toBe(PSA_ERROR_BAD_STATE);
    const twice = op();
    twice.output(PSA_PAKE_STEP_COMMIT);
    expect(statusOfCall(() => twice.output(PSA_PAKE_STEP_COMMIT))).toBe(PSA_ERROR_BAD_STATE);
    const reflect = op();
    const own = reflect.output(PSA_PAKE_STEP_COMMIT);
    expect(statusOfCall(() => reflect.input(PSA_PAKE_STEP_COMMIT, own))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const notOnCurve = op();
    const bad = new Uint8Array(96);
    bad[31] = 5;
    bad[95] = 1;
    expect(statusOfCall(() => notOnCurve.input(PSA_PAKE_STEP_COMMIT, bad))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const noCount = op();
    noCount.output(PSA_PAKE_STEP_COMMIT);
    noCount.input(PSA_PAKE_STEP_COMMIT, hex(L.peerCommit!));
    expect(statusOfCall(() => noCount.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
    // Each CONFIRM output takes a fresh counter (a failed step ends the operation, so one operation per check).
    const committed = () => {
      const o = op();
      o.output(PSA_PAKE_STEP_COMMIT);
      o.input(PSA_PAKE_STEP_COMMIT, hex(L.peerCommit!));
      return o;
    };
    const recount = committed();
    recount.input(PSA_PAKE_STEP_CONFIRM_COUNT, COUNT_1);
    expect(recount.output(PSA_PAKE_STEP_CONFIRM).subarray(0, 2)).toEqual(COUNT_1);
    recount.input(PSA_PAKE_STEP_CONFIRM_COUNT, Uint8Array.of(2, 0));
    expect(recount.output(PSA_PAKE_STEP_CONFIRM).subarray(0, 2)).toEqual(Uint8Array.of(2, 0));
    expect(statusOfCall(() => recount.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => committed().input(PSA_PAKE_STEP_CONFIRM_COUNT, Uint8Array.of(1)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});
