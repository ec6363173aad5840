/**
 * SPAKE2+ through the public API: two `Psa` instances (prover and verifier)
 * run the exchange with `psa_pake_*`. With the ephemeral scalars injected
 * (a driver that wraps the software one and scripts its random draws), every
 * RFC 9383 Appendix C suite reproduces the RFC's shares, confirmations and
 * K_shared through `psa_pake_output` / `psa_pake_get_shared_key`. With fresh
 * randomness, a registration done by PBKDF2 + `psa_key_derivation_output_key`
 * on both sides agrees, and a wrong password or identity fails confirmation.
 * Then the setup-stage statuses of PSA 1.5 §10.13.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPsa, softwareDriver, type Psa, type TransparentDriver } from '../../../src/index.js';
import { spake2pSetup } from '../../../src/drivers/software/pake/spake2p/exchange.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_JPAKE,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_256,
  PSA_ALG_SPAKE2P_CMAC,
  PSA_ALG_SPAKE2P_HMAC,
  PSA_ALG_SPAKE2P_MATTER,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR,
  PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_NONE,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_UNCONFIRMED_KEY,
} from '../../../src/values/index.js';
import type { PakeOperation } from '../../../src/core/pake/index.js';
import { BITS, HASH, hex, rfc as rfcVectors, toHex } from './vectors.js';
import { statusOfCall } from '../../status.js';

interface RegistrationVector {
  password: string;
  salt: string;
  cost: number;
  keyPair: string;
  publicKey: string;
}

const rfc = rfcVectors.vectors;
const registration = (JSON.parse(readFileSync(new URL('../../../test-vectors/spake2p-registration.json', import.meta.url), 'utf8')) as { vectors: RegistrationVector[] }).vectors;
const P256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);


/** A transparent driver that runs the software SPAKE2+ with `scalar` as its one random draw (8 zero bytes, then the scalar). */
function scriptedDriver(scalar: Uint8Array): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'scripted-spake2p',
    pakeSetup(attributes, keyBuffer, inputs) {
      let used = false;
      return spake2pSetup(attributes, keyBuffer, {
        ...inputs,
        random: (length) => {
          if (used || length !== scalar.length + 8) throw new Error(`unexpected draw of ${length} bytes`);
          used = true;
          const out = new Uint8Array(length);
          out.set(scalar, 8);
          return out;
        },
      });
    },
  };
}

/** The shared-key attributes used by both parties: an exportable HKDF derivation key. */
const SHARED = { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_HKDF(PSA_ALG_SHA_256) };

/** Prover and verifier messages, in the PSA 1.5 order; returns both shared keys' bytes. */
function exchange(psaP: Psa, prover: PakeOperation, psaV: Psa, verifier: PakeOperation): { shareP: Uint8Array; shareV: Uint8Array; confirmV: Uint8Array; confirmP: Uint8Array; kP: Uint8Array; kV: Uint8Array } {
  const shareP = prover.output(PSA_PAKE_STEP_KEY_SHARE);
  verifier.input(PSA_PAKE_STEP_KEY_SHARE, shareP);
  const shareV = verifier.output(PSA_PAKE_STEP_KEY_SHARE);
  const confirmV = verifier.output(PSA_PAKE_STEP_CONFIRM);
  prover.input(PSA_PAKE_STEP_KEY_SHARE, shareV);
  prover.input(PSA_PAKE_STEP_CONFIRM, confirmV);
  const confirmP = prover.output(PSA_PAKE_STEP_CONFIRM);
  verifier.input(PSA_PAKE_STEP_CONFIRM, confirmP);
  const kP = psaP.exportKey(psaP.pakeGetSharedKey(prover, SHARED));
  const kV = psaV.exportKey(psaV.pakeGetSharedKey(verifier, SHARED));
  return { shareP, shareV, confirmV, confirmP, kP, kV };
}

describe('SPAKE2+ through psa_pake_*: RFC 9383 Appendix C', () => {
  for (const v of rfc) {
    it(v.name, () => {
      const bits = BITS[v.curve]!;
      const hash = HASH[v.hash]!;
      const alg = v.mac === 'CMAC' ? PSA_ALG_SPAKE2P_CMAC(hash) : PSA_ALG_SPAKE2P_HMAC(hash);
      const suite = { algorithm: alg, primitive: PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, bits) };
      const psaP = createPsa({ drivers: [scriptedDriver(hex(v.x)), softwareDriver()] });
      const psaV = createPsa({ drivers: [scriptedDriver(hex(v.y)), softwareDriver()] });
      const pair = psaP.importKey({ type: PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg }, hex(v.w0 + v.w1));
      const pub = psaV.importKey({ type: PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg }, hex(v.w0 + v.L));

      const prover = psaP.pakeSetup(pair, suite);
      prover.setRole(PSA_PAKE_ROLE_CLIENT);
      prover.setUser(hex(v.idProver));
      prover.setPeer(hex(v.idVerifier));
      prover.setContext(hex(v.context));
      const verifier = psaV.pakeSetup(pub, suite);
      verifier.setRole(PSA_PAKE_ROLE_SERVER);
      verifier.setUser(hex(v.idVerifier));
      verifier.setPeer(hex(v.idProver));
      verifier.setContext(hex(v.context));
      // The password keys may go once the operations are set up.
      psaP.destroyKey(pair);
      psaV.destroyKey(pub);

      const r = exchange(psaP, prover, psaV, verifier);
      expect(toHex(r.shareP)).toBe(v.shareP);
      expect(toHex(r.shareV)).toBe(v.shareV);
      expect(toHex(r.confirmV)).toBe(v.confirmV);
      expect(toHex(r.confirmP)).toBe(v.confirmP);
      expect(toHex(r.kP)).toBe(v.K_shared);
      expect(toHex(r.kV)).toBe(v.K_shared);
      expect(prover.active).toBe(false);
      expect(verifier.active).toBe(false);
    });
  }
});

describe('SPAKE2+ between two instances with fresh randomness', () => {
  const v = registration[0]!;
  const alg = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
  const suite = { algorithm: alg, primitive: P256 };

  /** Registration: PBKDF2-HMAC-SHA-256 (COST, SALT, PASSWORD) into a SPAKE2+ P-256 key pair. */
  function register(psa: Psa, password: Uint8Array): number {
    const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256) }, password);
    const kdf = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256));
    kdf.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, v.cost);
    kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, hex(v.salt));
    kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
    const key = psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg }, kdf);
    kdf.abort();
    psa.destroyKey(pw);
    return key;
  }

  function parties(proverPassword: Uint8Array, verifierIds: [string, string] = ['server', 'client']) {
    const psaP = createPsa();
    const psaV = createPsa();
    const pair = register(psaP, proverPassword);
    // The verifier holds only w0 ‖ L, registered on its own from the true password.
    const reference = register(psaV, hex(v.password));
    const publicKey = psaV.exportPublicKey(reference);
    psaV.destroyKey(reference);
    const pub = psaV.importKey({ type: PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg }, publicKey);
    const prover = psaP.pakeSetup(pair, suite);
    prover.setRole(PSA_PAKE_ROLE_CLIENT);
    prover.setUser(Buffer.from('client'));
    prover.setPeer(Buffer.from('server'));
    const verifier = psaV.pakeSetup(pub, suite);
    verifier.setRole(PSA_PAKE_ROLE_SERVER);
    verifier.setUser(Buffer.from(verifierIds[0]));
    verifier.setPeer(Buffer.from(verifierIds[1]));
    return { psaP, psaV, pair, prover, verifier };
  }

  it('registration matches the Oberon PSA Crypto known answer, and both sides agree on K_shared', () => {
    const { psaP, psaV, pair, prover, verifier } = parties(hex(v.password));
    expect(toHex(psaP.exportKey(pair))).toBe(v.keyPair);
    expect(toHex(psaP.exportPublicKey(pair))).toBe(v.publicKey);
    const r = exchange(psaP, prover, psaV, verifier);
    expect(r.kP.length).toBe(32);
    expect(toHex(r.kP)).toBe(toHex(r.kV));
  });

  it('a wrong password fails at the prover with INVALID_SIGNATURE, which aborts the operation', () => {
    const { prover, verifier } = parties(Buffer.from('not the password'));
    verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
    expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_CONFIRM, verifier.output(PSA_PAKE_STEP_CONFIRM)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    expect(prover.active).toBe(false);
    expect(statusOfCall(() => prover.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('mismatched identities fail confirmation', () => {
    const { prover, verifier } = parties(hex(v.password), ['server', 'someone else']);
    verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
    expect(statusOfCall(() => prover.input(PSA_PAKE_STEP_CONFIRM, verifier.output(PSA_PAKE_STEP_CONFIRM)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
  });

  it('the shared key is BAD_STATE before confirmation, and that ends the operation', () => {
    const { psaP, prover, verifier } = parties(hex(v.password));
    verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
    expect(statusOfCall(() => psaP.pakeGetSharedKey(prover, SHARED))).toBe(PSA_ERROR_BAD_STATE);
    expect(prover.active).toBe(false);
  });

  it('the shared key can be an AES-256 key (SPAKE2+ output is pseudorandom); a size that differs is INVALID_ARGUMENT', () => {
    const { psaP, psaV, prover, verifier } = parties(hex(v.password));
    verifier.input(PSA_PAKE_STEP_KEY_SHARE, prover.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_KEY_SHARE, verifier.output(PSA_PAKE_STEP_KEY_SHARE));
    prover.input(PSA_PAKE_STEP_CONFIRM, verifier.output(PSA_PAKE_STEP_CONFIRM));
    verifier.input(PSA_PAKE_STEP_CONFIRM, prover.output(PSA_PAKE_STEP_CONFIRM));
    const aes = { type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_EXPORT, alg: 0 };
    const kp = psaP.pakeGetSharedKey(prover, aes);
    expect(psaP.getKeyAttributes(kp).bits).toBe(256);
    expect(statusOfCall(() => psaV.pakeGetSharedKey(verifier, { ...aes, bits: 128 }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('a too-small output buffer is BUFFER_TOO_SMALL and an empty one INVALID_ARGUMENT', () => {
    const a = parties(hex(v.password));
    expect(statusOfCall(() => a.prover.output(PSA_PAKE_STEP_KEY_SHARE, 64))).toBe(PSA_ERROR_BUFFER_TOO_SMALL);
    const b = parties(hex(v.password));
    expect(statusOfCall(() => b.prover.output(PSA_PAKE_STEP_KEY_SHARE, 0))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('PAKE setup-stage statuses (SPAKE2+)', () => {
  const alg = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
  const suite = { algorithm: alg, primitive: P256 };
  const v = rfc[0]!;
  const setup = () => {
    const psa = createPsa();
    const pair = psa.importKey({ type: PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg }, hex(v.w0 + v.w1));
    const pub = psa.importKey({ type: PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg }, hex(v.w0 + v.L));
    return { psa, pair, pub };
  };

  it('setup checks: not a PAKE, unsupported PAKE, unknown key, usage, policy, key type, key confirmation', () => {
    const { psa, pair } = setup();
    const op = psa.pakeOperation();
    expect(statusOfCall(() => op.setup(pair, { algorithm: PSA_ALG_SHA_256, primitive: P256 }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // A PAKE encoding without a defined algorithm.
    expect(statusOfCall(() => op.setup(pair, { algorithm: 0x0a00ff00, primitive: P256 }))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOfCall(() => op.setup(0x7fff0000, suite))).toBe(PSA_ERROR_INVALID_HANDLE);
    const noDerive = psa.importKey({ type: PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_EXPORT, alg }, hex(v.w0 + v.w1));
    expect(statusOfCall(() => op.setup(noDerive, suite))).toBe(PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => op.setup(pair, { algorithm: PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256), primitive: P256 }))).toBe(PSA_ERROR_NOT_PERMITTED);
    const password = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg }, Buffer.from('abcd'));
    expect(statusOfCall(() => op.setup(password, suite))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const p384 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 384);
    expect(statusOfCall(() => op.setup(pair, { algorithm: alg, primitive: p384 }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => op.setup(pair, { ...suite, keyConfirmation: 2 }))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // Every failed setup left the operation inactive: a valid one still works.
    expect(op.active).toBe(false);
    op.setup(pair, suite);
    expect(op.active).toBe(true);
    // A second setup is BAD_STATE and, as in Mbed TLS, aborts the active operation.
    expect(statusOfCall(() => op.setup(pair, suite))).toBe(PSA_ERROR_BAD_STATE);
    expect(op.active).toBe(false);
  });

  it('an unconfirmed SPAKE2+ key is NOT_SUPPORTED when the exchange starts', () => {
    const { psa, pair } = setup();
    const op = psa.pakeSetup(pair, { ...suite, keyConfirmation: PSA_PAKE_UNCONFIRMED_KEY });
    op.setRole(PSA_PAKE_ROLE_CLIENT);
    expect(statusOfCall(() => op.output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('roles: CLIENT needs a key pair, NONE is invalid, a second role is BAD_STATE; no role at the first output is BAD_STATE', () => {
    const { psa, pair, pub } = setup();
    expect(statusOfCall(() => psa.pakeSetup(pub, suite).setRole(PSA_PAKE_ROLE_CLIENT))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.pakeSetup(pair, suite).setRole(PSA_PAKE_ROLE_NONE))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const twice = psa.pakeSetup(pair, suite);
    twice.setRole(PSA_PAKE_ROLE_SERVER);
    expect(statusOfCall(() => twice.setRole(PSA_PAKE_ROLE_SERVER))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => psa.pakeSetup(pair, suite).output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('user, peer and context: once each, and not after the exchange has started', () => {
    const { psa, pair } = setup();
    const op = psa.pakeSetup(pair, suite);
    op.setRole(PSA_PAKE_ROLE_CLIENT);
    op.setContext(new Uint8Array(0));
    expect(statusOfCall(() => op.setContext(new Uint8Array(1)))).toBe(PSA_ERROR_BAD_STATE);
    const op2 = psa.pakeSetup(pair, suite);
    op2.setRole(PSA_PAKE_ROLE_CLIENT);
    op2.setUser(Buffer.from('a'));
    expect(statusOfCall(() => op2.setUser(Buffer.from('a')))).toBe(PSA_ERROR_BAD_STATE);
    const op3 = psa.pakeSetup(pair, suite);
    op3.setRole(PSA_PAKE_ROLE_CLIENT);
    op3.output(PSA_PAKE_STEP_KEY_SHARE);
    expect(statusOfCall(() => op3.setPeer(Buffer.from('b')))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('calls on an inactive operation are BAD_STATE and leave it reusable', () => {
    const { psa, pair } = setup();
    const op = psa.pakeOperation();
    expect(statusOfCall(() => op.setUser(Buffer.from('client')))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => op.output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => op.input(PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(0)))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => psa.pakeGetSharedKey(op, SHARED))).toBe(PSA_ERROR_BAD_STATE);
    op.setup(pair, suite);
    expect(op.active).toBe(true);
  });

  it('the Matter variant accepts only P-256', () => {
    const { psa, pair } = setup();
    const matter = { algorithm: PSA_ALG_SPAKE2P_MATTER, primitive: P256 };
    const pairMatter = psa.importKey({ type: PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SPAKE2P_MATTER }, hex(v.w0 + v.w1));
    const op = psa.pakeSetup(pairMatter, matter);
    op.setRole(PSA_PAKE_ROLE_CLIENT);
    expect(op.output(PSA_PAKE_STEP_KEY_SHARE).length).toBe(65);
    expect(statusOfCall(() => psa.pakeSetup(pair, { algorithm: PSA_ALG_JPAKE(PSA_ALG_SHA_256), primitive: P256 }))).toBe(PSA_ERROR_NOT_PERMITTED);
  });
});
