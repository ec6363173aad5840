/**
 * WPA3-SAE over the finite-field groups 15–18 (RFC 3526, 3072 to 8192 bits)
 * against hostapd (test-vectors/wpa3-sae-ffc-hostapd.json):
 * - the H2E password token through `PSA_ALG_WPA3_SAE_H2E(group hash)` into a
 *   `PSA_KEY_TYPE_WPA3_SAE_DH` key, with and without a password identifier,
 *   and the PWE hostapd derives from it (for group 15 the IEEE 802.11
 *   Annex J.10 value);
 * - for groups 15 and 16, each variant (looping, hash-to-element,
 *   group-dependent hash) with both STAs through the public API and
 *   hostapd's rand and mask injected: commits, confirms, PMKID and PMK as
 *   hostapd's (groups 17 and 18 in slow-ffc.spec.ts: seconds per exchange);
 * - two instances with random scalars (group 15, group-dependent hash);
 * - the statuses of invalid tokens, commits and cipher suites.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../../src/index.js';
import { saeFfcGroup } from '../../../src/drivers/software/pake/wpa3-sae/ffc.js';
import { dhGroup } from '../../../src/drivers/software/dh/groups.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_512,
  PSA_ALG_WPA3_SAE_ANY,
  PSA_ALG_WPA3_SAE_FIXED,
  PSA_ALG_WPA3_SAE_GDH,
  PSA_DH_FAMILY_RFC3526,
  PSA_DH_FAMILY_RFC7919,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_WPA3_SAE_DH,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_STEP_COMMIT,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_CONFIRM_COUNT,
  PSA_PAKE_STEP_KEY_ID,
} from '../../../src/values/index.js';
import { expectStatus } from '../../keys/helpers.js';
import { ADDR1, ADDR2, BITS, FFC_GROUPS, HASH, IDENTIFIER, PASSWORD, TOKEN_TYPE, checkExchange, deriveToken, hex, primitiveOf, text, toHex } from './ffc-helpers.js';

const G15 = FFC_GROUPS.find((v) => v.group === 15)!;
const P15 = dhGroup(PSA_DH_FAMILY_RFC3526, 3072)!.p;
const Q15 = (P15 - 1n) / 2n;
const be = (n: bigint, len = 384): Uint8Array => hex(n.toString(16).padStart(2 * len, '0'));
const TOKEN_ATTRS = { type: TOKEN_TYPE, bits: 3072, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_WPA3_SAE_ANY };

/** The smallest n > 1 outside the order-q subgroup of group 15 (n^q ≠ 1 mod p), by square-and-multiply here. */
function nonResidue(): bigint {
  const pow = (b: bigint, e: bigint): bigint => {
    let r = 1n;
    for (b %= P15; e > 0n; e >>= 1n, b = (b * b) % P15) if (e & 1n) r = (r * b) % P15;
    return r;
  };
  for (let n = 2n; ; n++) if (pow(n, Q15) !== 1n) return n;
}

describe.each(FFC_GROUPS.map((v) => [v.group, v] as const))('WPA3-SAE finite-field group %i against hostapd', (group, v) => {
  it('H2E password token (with and without identifier), its import, and the PWE from it', () => {
    const psa = createPsa();
    expect(toHex(psa.exportKey(deriveToken(psa, group, IDENTIFIER)))).toBe(v.token);
    expect(toHex(psa.exportKey(deriveToken(psa, group, undefined)))).toBe(v.tokenNoIdentifier);
    const g = saeFfcGroup(PSA_DH_FAMILY_RFC3526, BITS[group]!)!;
    expect(g.id).toBe(group);
    expect(toHex(be(g.pweFromToken(hex(v.token), hex(v.pweMac1), hex(v.pweMac2)), g.len))).toBe(v.pwe);
    const imported = psa.importKey({ type: TOKEN_TYPE, bits: 0, usage: PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_WPA3_SAE_ANY }, hex(v.token));
    expect(psa.getKeyAttributes(imported).bits).toBe(BITS[group]);
    expect(toHex(psa.exportKey(imported))).toBe(v.token);
  });

  if (group === 15 || group === 16) {
    for (const variant of ['looping', 'h2e', 'gdh'] as const) {
      it(`${variant}: commits, confirms, PMKID and PMK of both STAs`, () => {
        checkExchange(v, v.exchanges.find((x) => x.variant === variant)!);
      });
    }
  }
});

describe('WPA3-SAE finite-field exchange between two instances', () => {
  it('group 15, group-dependent hash, random scalars: both confirm and share a 384-bit PMK', () => {
    const [a, b] = [createPsa(), createPsa()];
    const alg = PSA_ALG_WPA3_SAE_GDH(HASH[15]!);
    const ops = [
      { psa: a, me: ADDR1, peer: ADDR2 },
      { psa: b, me: ADDR2, peer: ADDR1 },
    ].map(({ psa, me, peer }) => {
      const token = deriveToken(psa, 15, undefined);
      const op = psa.pakeSetup(token, { algorithm: alg, primitive: primitiveOf(15) });
      op.setUser(hex(me));
      op.setPeer(hex(peer));
      return { psa, op };
    });
    const [A, B] = ops as [(typeof ops)[0], (typeof ops)[0]];
    const commitA = A.op.output(PSA_PAKE_STEP_COMMIT);
    const commitB = B.op.output(PSA_PAKE_STEP_COMMIT);
    expect(commitA).not.toEqual(commitB);
    A.op.input(PSA_PAKE_STEP_COMMIT, commitB);
    B.op.input(PSA_PAKE_STEP_COMMIT, commitA);
    for (const { op } of ops) op.input(PSA_PAKE_STEP_CONFIRM_COUNT, Uint8Array.of(1, 0));
    const confirmA = A.op.output(PSA_PAKE_STEP_CONFIRM);
    const confirmB = B.op.output(PSA_PAKE_STEP_CONFIRM);
    A.op.input(PSA_PAKE_STEP_CONFIRM, confirmB);
    B.op.input(PSA_PAKE_STEP_CONFIRM, confirmA);
    expect(toHex(A.op.output(PSA_PAKE_STEP_KEY_ID))).toBe(toHex(B.op.output(PSA_PAKE_STEP_KEY_ID)));
    const shared = { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_HKDF(PSA_ALG_SHA_256) };
    const pmkA = A.psa.exportKey(A.psa.pakeGetSharedKey(A.op, shared));
    expect(pmkA.length).toBe(48);
    expect(toHex(pmkA)).toBe(toHex(B.psa.exportKey(B.psa.pakeGetSharedKey(B.op, shared))));
  });
});

describe('WPA3-SAE finite-field statuses', () => {
  it('imports only elements of the order-q subgroup other than 1 and p − 1, of a supported group', () => {
    const psa = createPsa();
    for (const y of [0n, 1n, P15 - 1n, P15, nonResidue()]) expectStatus(() => psa.importKey(TOKEN_ATTRS, be(y)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.importKey(TOKEN_ATTRS, hex(G15.token).subarray(1)), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.importKey({ ...TOKEN_ATTRS, bits: 0 }, new Uint8Array(100).fill(7)), PSA_ERROR_INVALID_ARGUMENT);
    // Group 14 (2048 bits) is below IEEE 802.11's 3072-bit floor; RFC 7919 groups are not SAE groups.
    expectStatus(() => psa.importKey({ ...TOKEN_ATTRS, bits: 2048 }, be(4n, 256)), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.importKey({ ...TOKEN_ATTRS, type: PSA_KEY_TYPE_WPA3_SAE_DH(PSA_DH_FAMILY_RFC7919) }, hex(G15.token)), PSA_ERROR_NOT_SUPPORTED);
  });

  it('derives a token only with the group hash, and not for group 14', () => {
    const psa = createPsa();
    expectStatus(() => deriveToken(psa, 15, undefined, PSA_ALG_SHA_512), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => deriveToken(psa, 16, undefined, HASH[15]!), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => deriveToken(psa, 14, undefined, PSA_ALG_SHA_256), PSA_ERROR_NOT_SUPPORTED);
  });

  it('rejects a token that does not fit the cipher suite and group 14', () => {
    const psa = createPsa();
    const token = psa.importKey(TOKEN_ATTRS, hex(G15.token));
    const password = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(PASSWORD));
    expectStatus(() => psa.pakeSetup(token, { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_512), primitive: primitiveOf(15) }), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.pakeSetup(token, { algorithm: PSA_ALG_WPA3_SAE_FIXED(HASH[16]!), primitive: primitiveOf(16) }), PSA_ERROR_INVALID_ARGUMENT);
    const p256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
    expectStatus(() => psa.pakeSetup(token, { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), primitive: p256 }), PSA_ERROR_INVALID_ARGUMENT);
    // As for the unsupported ECC groups, the driver refuses the group once the inputs are complete.
    const g14 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_DH_FAMILY_RFC3526, 2048);
    const op = psa.pakeSetup(password, { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), primitive: g14 });
    op.setUser(hex(ADDR1));
    op.setPeer(hex(ADDR2));
    expectStatus(() => op.output(PSA_PAKE_STEP_COMMIT), PSA_ERROR_NOT_SUPPORTED);
  });

  it('rejects a peer commit whose scalar or element is out of range, or of the wrong size', () => {
    const psa = createPsa();
    const password = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_ANY }, text(PASSWORD));
    const commitB = hex(G15.exchanges.find((x) => x.variant === 'looping')!.commitB);
    const scalar = commitB.subarray(0, 384);
    const element = commitB.subarray(384);
    const bad: Uint8Array[] = [
      ...[0n, 1n, Q15].map((s) => new Uint8Array([...be(s), ...element])),
      ...[0n, 1n, P15 - 1n, P15, nonResidue()].map((e) => new Uint8Array([...scalar, ...be(e)])),
      commitB.subarray(1),
      new Uint8Array([...commitB, 0]),
    ];
    for (const commit of bad) {
      const op = psa.pakeSetup(password, { algorithm: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256), primitive: primitiveOf(15) });
      op.setUser(hex(ADDR1));
      op.setPeer(hex(ADDR2));
      expectStatus(() => op.input(PSA_PAKE_STEP_COMMIT, commit), PSA_ERROR_INVALID_ARGUMENT);
      op.abort();
    }
  });
});
