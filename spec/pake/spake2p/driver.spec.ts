/**
 * The software driver's SPAKE2+ exchange, driven directly through
 * `spake2pSetup` with injected randomness so that x and y are the known
 * answers' values: RFC 9383 Appendix C (every suite: P-256/P-384/P-521,
 * HMAC-SHA-256/512, CMAC-AES-128) and the Matter SDK's draft-01 vector for
 * `PSA_ALG_SPAKE2P_MATTER`; then the statuses for invalid shares, wrong
 * confirmations, steps out of order and keys that do not fit.
 */
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { spake2pSetup } from '../../../src/drivers/software/pake/spake2p/exchange.js';
import type { PakeContext, PakeInputs } from '../../../src/drivers/pake.js';
import type { DriverKeyAttributes } from '../../../src/drivers/driver.js';
import {
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_512,
  PSA_ALG_SPAKE2P_CMAC,
  PSA_ALG_SPAKE2P_HMAC,
  PSA_ALG_SPAKE2P_MATTER,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR,
  PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY,
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_FIRST,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_STEP_ZK_PUBLIC,
  PSA_PAKE_UNCONFIRMED_KEY,
  PSA_PAKE_INPUT_SIZE,
  PSA_PAKE_OUTPUT_MAX_SIZE,
  PSA_PAKE_OUTPUT_SIZE,
} from '../../../src/values/index.js';
import { statusOf } from '../../../src/values/error.js';

import { BITS, HASH, hex, matter, rfc, toHex, type RfcVector } from './vectors.js';

/** A random source that first yields 8 zero bytes then `scalar` (so the drawn value reduced mod n is `scalar`). */
function scripted(scalar: Uint8Array): (length: number) => Uint8Array {
  let used = false;
  return (length) => {
    if (used || length !== scalar.length + 8) throw new Error(`unexpected draw of ${length} bytes`);
    used = true;
    const out = new Uint8Array(length);
    out.set(scalar, 8);
    return out;
  };
}

function attrs(type: number, bits: number, alg: number): DriverKeyAttributes {
  return { type, bits, lifetime: 0, usage: 0, alg, alg2: 0 };
}

interface Party {
  alg: number;
  bits: number;
  role: number;
  key: Uint8Array;
  pair: boolean;
  user: Uint8Array;
  peer: Uint8Array;
  context?: Uint8Array;
  random: (length: number) => Uint8Array;
  keyConfirmation?: number;
}

function start(p: Party): PakeContext {
  const type = p.pair ? PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1) : PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);
  const inputs: PakeInputs = {
    alg: p.alg,
    primitive: PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, p.bits),
    keyConfirmation: p.keyConfirmation ?? PSA_PAKE_CONFIRMED_KEY,
    role: p.role,
    user: p.user,
    peer: p.peer,
    context: p.context ?? new Uint8Array(0),
    hasContext: p.context !== undefined,
    random: p.random,
  };
  return spake2pSetup(attrs(type, p.bits, p.alg), p.key, inputs);
}

function statusOfCall(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    return statusOf(e);
  }
  return 0;
}

/** Both parties of an RFC vector (the verifier holding w0 ‖ L or w0 ‖ w1). */
function rfcParties(v: RfcVector, verifierPair = false) {
  const bits = BITS[v.curve]!;
  const alg = v.mac === 'HMAC' ? PSA_ALG_SPAKE2P_HMAC(HASH[v.hash]!) : PSA_ALG_SPAKE2P_CMAC(HASH[v.hash]!);
  const prover = start({
    alg, bits, role: PSA_PAKE_ROLE_CLIENT, pair: true,
    key: hex(v.w0 + v.w1), user: hex(v.idProver), peer: hex(v.idVerifier), context: hex(v.context), random: scripted(hex(v.x)),
  });
  const verifier = start({
    alg, bits, role: PSA_PAKE_ROLE_SERVER, pair: verifierPair,
    key: hex(verifierPair ? v.w0 + v.w1 : v.w0 + v.L), user: hex(v.idVerifier), peer: hex(v.idProver), context: hex(v.context), random: scripted(hex(v.y)),
  });
  return { prover, verifier, alg, bits };
}

describe('SPAKE2+ known answers (RFC 9383 Appendix C)', () => {
  for (const v of rfc.vectors) {
    for (const verifierPair of [false, true]) {
      it(`${v.name} (verifier key ${verifierPair ? 'pair' : 'public'})`, () => {
        const { prover, verifier, alg, bits } = rfcParties(v, verifierPair);
        const shareP = prover.output(PSA_PAKE_STEP_KEY_SHARE);
        expect(toHex(shareP)).toBe(v.shareP);
        verifier.input(PSA_PAKE_STEP_KEY_SHARE, shareP);
        const shareV = verifier.output(PSA_PAKE_STEP_KEY_SHARE);
        expect(toHex(shareV)).toBe(v.shareV);
        const confirmV = verifier.output(PSA_PAKE_STEP_CONFIRM);
        expect(toHex(confirmV)).toBe(v.confirmV);
        prover.input(PSA_PAKE_STEP_KEY_SHARE, shareV);
        expect(statusOfCall(() => prover.sharedSecret())).toBe(PSA_ERROR_BAD_STATE);
        prover.input(PSA_PAKE_STEP_CONFIRM, confirmV);
        const confirmP = prover.output(PSA_PAKE_STEP_CONFIRM);
        expect(toHex(confirmP)).toBe(v.confirmP);
        expect(toHex(prover.sharedSecret())).toBe(v.K_shared);
        expect(statusOfCall(() => verifier.sharedSecret())).toBe(PSA_ERROR_BAD_STATE);
        verifier.input(PSA_PAKE_STEP_CONFIRM, confirmP);
        expect(toHex(verifier.sharedSecret())).toBe(v.K_shared);
        // The size macros match what the exchange produced.
        const primitive = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, bits);
        expect(PSA_PAKE_OUTPUT_SIZE(alg, primitive, PSA_PAKE_STEP_KEY_SHARE)).toBe(shareP.length);
        expect(PSA_PAKE_INPUT_SIZE(alg, primitive, PSA_PAKE_STEP_CONFIRM)).toBe(confirmP.length);
        expect(shareP.length).toBeLessThanOrEqual(PSA_PAKE_OUTPUT_MAX_SIZE);
        prover.destroy();
        verifier.destroy();
      });
    }
  }
});

describe('SPAKE2+ Matter variant (Matter SDK draft-01 vector)', () => {
  for (const v of matter.vectors) {
    it(v.name, () => {
      const common = { alg: PSA_ALG_SPAKE2P_MATTER, bits: 256, context: hex(v.context) };
      const prover = start({ ...common, role: PSA_PAKE_ROLE_CLIENT, pair: true, key: hex(v.w0 + v.w1), user: hex(v.idProver), peer: hex(v.idVerifier), random: scripted(hex(v.x)) });
      const verifier = start({ ...common, role: PSA_PAKE_ROLE_SERVER, pair: false, key: hex(v.w0 + v.L), user: hex(v.idVerifier), peer: hex(v.idProver), random: scripted(hex(v.y)) });
      const pA = prover.output(PSA_PAKE_STEP_KEY_SHARE);
      expect(toHex(pA)).toBe(v.shareP);
      verifier.input(PSA_PAKE_STEP_KEY_SHARE, pA);
      const pB = verifier.output(PSA_PAKE_STEP_KEY_SHARE);
      expect(toHex(pB)).toBe(v.shareV);
      const cB = verifier.output(PSA_PAKE_STEP_CONFIRM);
      expect(toHex(cB)).toBe(v.cB);
      prover.input(PSA_PAKE_STEP_KEY_SHARE, pB);
      prover.input(PSA_PAKE_STEP_CONFIRM, cB);
      const cA = prover.output(PSA_PAKE_STEP_CONFIRM);
      expect(toHex(cA)).toBe(v.cA);
      verifier.input(PSA_PAKE_STEP_CONFIRM, cA);
      expect(toHex(prover.sharedSecret())).toBe(v.Ke);
      expect(toHex(verifier.sharedSecret())).toBe(v.Ke);
    });
  }
});

describe('SPAKE2+ failures', () => {
  const v = rfc.vectors[0]!;

  it('a share that is not a point on the curve is INVALID_ARGUMENT', () => {
    const { verifier } = rfcParties(v);
    const bad = hex(v.shareP);
    bad[64] ^= 1;
    expect(statusOfCall(() => verifier.input(PSA_PAKE_STEP_KEY_SHARE, bad))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // The exchange is over after a failure.
    expect(statusOfCall(() => verifier.output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('a share of the wrong length or format is INVALID_ARGUMENT', () => {
    for (const bad of [hex(v.shareP).subarray(0, 64), new Uint8Array(65), Uint8Array.of(0), hex('02' + v.shareP.slice(2, 66))]) {
      const { verifier } = rfcParties(v);
      expect(statusOfCall(() => verifier.input(PSA_PAKE_STEP_KEY_SHARE, bad))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('the share w0·M (so X − w0·M is the identity) is INVALID_ARGUMENT', () => {
    // RFC 9383 §3.3: the verifier must reject a share whose Z/V base is the identity.
    const M = p256.Point.fromHex('02886e2f97ace46e55ba9dd7242579f2993b64e16ef3dcab95afd497333d8fa12f');
    const w0M = M.multiply(BigInt('0x' + v.w0)).toBytes(false);
    const { verifier } = rfcParties(v);
    expect(statusOfCall(() => verifier.input(PSA_PAKE_STEP_KEY_SHARE, w0M))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // The prover likewise rejects Y = w0·N.
    const N = p256.Point.fromHex('03d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b49');
    const { prover } = rfcParties(v);
    prover.output(PSA_PAKE_STEP_KEY_SHARE);
    expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_KEY_SHARE, N.multiply(BigInt('0x' + v.w0)).toBytes(false)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('a wrong confirmation is INVALID_SIGNATURE on both sides', () => {
    const { prover, verifier } = rfcParties(v);
    verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
    const confirmV = verifier.output(PSA_PAKE_STEP_CONFIRM);
    confirmV[0] ^= 0x80;
    expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_CONFIRM, confirmV))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    expect(statusOfCall(() => prover.sharedSecret())).toBe(PSA_ERROR_BAD_STATE);

    const again = rfcParties(v);
    again.verifier.input(PSA_PAKE_STEP_KEY_SHARE, again.prover.output(PSA_PAKE_STEP_KEY_SHARE));
    again.verifier.output(PSA_PAKE_STEP_KEY_SHARE);
    again.verifier.output(PSA_PAKE_STEP_CONFIRM);
    expect(statusOfCall(() => again.verifier.input(PSA_PAKE_STEP_CONFIRM, hex(v.confirmV)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    expect(statusOfCall(() => again.verifier.sharedSecret())).toBe(PSA_ERROR_BAD_STATE);
  });

  it('a confirmation of the wrong length is INVALID_ARGUMENT', () => {
    const { prover, verifier } = rfcParties(v);
    verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
    expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_CONFIRM, hex(v.confirmV).subarray(0, 31)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('a different context, identity or password fails at confirmation', () => {
    const variants: Partial<RfcVector>[] = [
      { context: '' },
      { idVerifier: '' },
      { w0: rfc.vectors[5]!.w0, L: rfc.vectors[5]!.L },
    ];
    for (const change of variants) {
      const { prover } = rfcParties(v);
      const { verifier } = rfcParties({ ...v, ...change });
      verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
      const shareV = verifier.output(PSA_PAKE_STEP_KEY_SHARE);
      const confirmV = verifier.output(PSA_PAKE_STEP_CONFIRM);
      prover.input(PSA_PAKE_STEP_KEY_SHARE, shareV);
      expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_CONFIRM, confirmV))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    }
  });

  it('an empty context set explicitly differs from no context', () => {
    const run = (context: Uint8Array | undefined) => {
      const prover = start({
        alg: PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), bits: 256, role: PSA_PAKE_ROLE_CLIENT, pair: true,
        key: hex(v.w0 + v.w1), user: new Uint8Array(0), peer: new Uint8Array(0), context, random: scripted(hex(v.x)),
      });
      const verifier = start({
        alg: PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), bits: 256, role: PSA_PAKE_ROLE_SERVER, pair: false,
        key: hex(v.w0 + v.L), user: new Uint8Array(0), peer: new Uint8Array(0), context, random: scripted(hex(v.y)),
      });
      verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
      verifier.output(PSA_PAKE_STEP_KEY_SHARE);
      return toHex(verifier.output(PSA_PAKE_STEP_CONFIRM));
    };
    expect(run(new Uint8Array(0))).not.toBe(run(undefined));
  });

  it('steps out of sequence are BAD_STATE; steps SPAKE2+ lacks are INVALID_ARGUMENT', () => {
    const { prover, verifier } = rfcParties(v);
    expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_KEY_SHARE, hex(v.shareV)))).toBe(PSA_ERROR_BAD_STATE);
    const { prover: p2 } = rfcParties(v);
    expect(statusOfCall(() => p2.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => verifier.output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_BAD_STATE);
    const { verifier: v3 } = rfcParties(v);
    expect(statusOfCall(() => v3.output(PSA_PAKE_STEP_ZK_PUBLIC))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('setup rejects keys and suites that do not fit', () => {
    const base: Party = {
      alg: PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), bits: 256, role: PSA_PAKE_ROLE_CLIENT, pair: true,
      key: hex(v.w0 + v.w1), user: new Uint8Array(0), peer: new Uint8Array(0), random: scripted(hex(v.x)),
    };
    expect(statusOfCall(() => start(base))).toBe(0);
    // The prover needs the key pair.
    expect(statusOfCall(() => start({ ...base, pair: false, key: hex(v.w0 + v.L) }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // Roles of symmetric PAKEs.
    expect(statusOfCall(() => start({ ...base, role: PSA_PAKE_ROLE_FIRST }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // Unconfirmed keys are not offered.
    expect(statusOfCall(() => start({ ...base, keyConfirmation: PSA_PAKE_UNCONFIRMED_KEY }))).toBe(PSA_ERROR_NOT_SUPPORTED);
    // The Matter suite is P-256 only.
    expect(statusOfCall(() => start({ ...base, alg: PSA_ALG_SPAKE2P_MATTER, bits: 384, key: new Uint8Array(96) }))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('SPAKE2+ with fresh randomness', () => {
  const random = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));
  const suites: [string, number, number][] = [
    ['HMAC-SHA-256 P-256', PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), 256],
    ['CMAC P-384', PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256), 384],
    ['HMAC-SHA-512 P-521', PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_512), 521],
    ['Matter', PSA_ALG_SPAKE2P_MATTER, 256],
  ];
  for (const [name, alg, bits] of suites) {
    it(`${name}: both parties agree; a wrong password fails at the prover's confirmation check`, () => {
      const v = rfc.vectors.find((x) => BITS[x.curve] === bits)!;
      // Another password: w0 with its last bit flipped (still in [1, n-1]), same L.
      const wrongW0 = v.w0.slice(0, -2) + (parseInt(v.w0.slice(-2), 16) ^ 1).toString(16).padStart(2, '0');
      const run = (verifierKey: string) => {
        const prover = start({ alg, bits, role: PSA_PAKE_ROLE_CLIENT, pair: true, key: hex(v.w0 + v.w1), user: hex('01'), peer: hex('02'), random });
        const verifier = start({ alg, bits, role: PSA_PAKE_ROLE_SERVER, pair: false, key: hex(verifierKey), user: hex('02'), peer: hex('01'), random });
        verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
        prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
        const confirmV = verifier.output(PSA_PAKE_STEP_CONFIRM);
        const status = statusOfCall(() => prover.input(PSA_PAKE_STEP_CONFIRM, confirmV));
        if (status !== 0) return { status };
        verifier.input(PSA_PAKE_STEP_CONFIRM, prover.output(PSA_PAKE_STEP_CONFIRM));
        return { status, p: toHex(prover.sharedSecret()), v: toHex(verifier.sharedSecret()) };
      };
      const good = run(v.w0 + v.L);
      expect(good.status).toBe(0);
      expect(good.p).toBe(good.v);
      expect(run(wrongW0 + v.L).status).toBe(PSA_ERROR_INVALID_SIGNATURE);
    });
  }
});
