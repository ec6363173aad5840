/**
 * Key derivation through the driver interface: an accelerator listed before
 * the software driver takes the KDFs it implements (`keyDerivationSetup`)
 * and the structured keys it can make (`deriveKey`); what it declines with
 * NOT_SUPPORTED falls to the next driver, and with no driver at all the
 * operation is NOT_SUPPORTED at setup. Outputs are checked against RFC 5869
 * and against node:crypto's own key derivation of the public key.
 */
import { createECDH, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import type { TransparentDriver } from '../../src/drivers/driver.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

interface HkdfCase { hash: string; IKM: string; salt: string | null; info: string; L: number; OKM: string }
const rfc5869 = (JSON.parse(readFileSync(new URL('../../test-vectors/rfc5869-hkdf.json', import.meta.url), 'utf8')) as { cases: HkdfCase[] }).cases;
const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** An accelerator with the software driver's HKDF-SHA-256 only, and no structured key derivation. */
function hkdfAccelerator(): TransparentDriver & { hits: Record<string, number> } {
  const software = softwareDriver();
  const hits: Record<string, number> = {};
  return {
    kind: 'transparent',
    name: 'hkdf-accelerator',
    hits,
    keyDerivationSetup(kdf) {
      hits[kdf.toString(16)] = (hits[kdf.toString(16)] ?? 0) + 1;
      if (kdf !== PSA_ALG_HKDF(PSA_ALG_SHA_256)) throw new PsaError(PSA_ERROR_NOT_SUPPORTED, 'only HKDF-SHA-256');
      return software.keyDerivationSetup!(kdf);
    },
    deriveKey() {
      hits.deriveKey = (hits.deriveKey ?? 0) + 1;
      throw new PsaError(PSA_ERROR_NOT_SUPPORTED, 'no structured keys');
    },
  };
}

function hkdf(psa: ReturnType<typeof createPsa>, alg: number, c: HkdfCase): string {
  const op = psa.keyDerivationSetup(alg);
  if (c.salt !== null) op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, bytes(c.salt));
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_SECRET, bytes(c.IKM));
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, bytes(c.info));
  return hex(op.outputBytes(c.L));
}

describe('key derivation dispatch', () => {
  it('runs a KDF in the first driver that implements it, and the rest in the next one', () => {
    const accel = hkdfAccelerator();
    const psa = createPsa({ drivers: [accel, softwareDriver()] });
    const sha256 = rfc5869.find((c) => c.hash === 'SHA-256')!;
    expect(hkdf(psa, PSA_ALG_HKDF(PSA_ALG_SHA_256), sha256)).toBe(sha256.OKM);
    expect(accel.hits[PSA_ALG_HKDF(PSA_ALG_SHA_256).toString(16)]).toBe(1);
    // SHA-384 is declined by the accelerator and served by the software driver (RFC 5869 has no
    // SHA-384 case: the expected value is node:crypto's HKDF of the same inputs).
    const c = { ...sha256, hash: 'SHA-384', OKM: hex(new Uint8Array(hkdfSync('sha384', bytes(sha256.IKM), bytes(sha256.salt!), bytes(sha256.info), sha256.L))) };
    expect(hkdf(psa, PSA_ALG_HKDF(PSA_ALG_SHA_384), c)).toBe(c.OKM);
    expect(accel.hits[PSA_ALG_HKDF(PSA_ALG_SHA_384).toString(16)]).toBe(1);
  });

  it('is NOT_SUPPORTED at setup when no driver implements the KDF', () => {
    const psa = createPsa({ drivers: [hkdfAccelerator()] });
    expect(statusOfCall(() => psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_384)))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('derives a structured key in the next driver when the first declines it', () => {
    const accel = hkdfAccelerator();
    const psa = createPsa({ drivers: [accel, softwareDriver()] });
    const secret = psa.importKey({ type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_HKDF(PSA_ALG_SHA_256) },
      bytes('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'));
    const op = psa.keyDerivationSetup(PSA_ALG_HKDF(PSA_ALG_SHA_256));
    op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, secret);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, new Uint8Array(0));
    const id = psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_EXPORT }, op);
    expect(accel.hits.deriveKey).toBe(1);
    const d = psa.exportKey(id);
    expect(d.length).toBe(32);
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(d);
    expect(hex(psa.exportPublicKey(id))).toBe(hex(new Uint8Array(ecdh.getPublicKey())));
  });
});
