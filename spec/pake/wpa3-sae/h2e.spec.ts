/**
 * `PSA_ALG_WPA3_SAE_H2E` through the API: the IEEE 802.11 Annex J.10
 * password token (group 19) from SSID, password and identifier, the token
 * key's import/export, the wildcard policies, and the statuses of the KDF's
 * rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPsa, type Psa } from '../../../src/index.js';
import {
  PSA_ALG_ANY_HASH,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_WPA3_SAE_ANY,
  PSA_ALG_WPA3_SAE_FIXED,
  PSA_ALG_WPA3_SAE_H2E,
  PSA_DH_FAMILY_RFC7919,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INSUFFICIENT_DATA,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_WPA3_SAE_DH,
  PSA_KEY_TYPE_WPA3_SAE_ECC,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../../src/values/index.js';
import { statusOfCall } from '../../status.js';

interface Vector {
  ssid: string;
  password: string;
  identifier: string;
  PT: string;
}
const { vectors } = JSON.parse(readFileSync(new URL('../../../test-vectors/wpa3-sae-h2e.json', import.meta.url), 'utf8')) as { vectors: Vector[] };
const v = vectors[0]!;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const TOKEN = { type: PSA_KEY_TYPE_WPA3_SAE_ECC(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256) };


/** An H2E operation with SSID, password (a key with `policy`) and optionally the identifier. */
function h2e(psa: Psa, policy: number, alg = PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256), identifier: string | null = v.identifier) {
  const password = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: policy }, text(v.password));
  const op = psa.keyDerivationSetup(alg);
  op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, text(v.ssid));
  op.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, password);
  if (identifier !== null) op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, text(identifier));
  return op;
}

describe('WPA3-SAE H2E password tokens', () => {
  it('IEEE 802.11 Annex J.10: the group 19 password token', () => {
    const psa = createPsa();
    const op = h2e(psa, PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256));
    const token = psa.keyDerivationOutputKey(TOKEN, op);
    expect(hex(psa.exportKey(token))).toBe(v.PT);
    expect(psa.getKeyAttributes(token).bits).toBe(256);
    // A second key: the capacity is spent.
    expect(statusOfCall(() => psa.keyDerivationOutputKey(TOKEN, op))).toBe(PSA_ERROR_INSUFFICIENT_DATA);
  });

  it('the token imports and exports unchanged; a point off the curve is INVALID_ARGUMENT', () => {
    const psa = createPsa();
    const pt = Uint8Array.from(Buffer.from(v.PT, 'hex'));
    expect(hex(psa.exportKey(psa.importKey(TOKEN, pt)))).toBe(v.PT);
    pt[63]! ^= 1;
    expect(statusOfCall(() => psa.importKey(TOKEN, pt))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('the password identifier is optional and changes the token', () => {
    const psa = createPsa();
    const token = psa.keyDerivationOutputKey(TOKEN, h2e(psa, PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256), PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256), null));
    const exported = hex(psa.exportKey(token));
    expect(exported).not.toBe(v.PT);
    expect(exported.length).toBe(128);
  });

  it('WPA3_SAE_ANY and H2E(ANY_HASH) policies permit the derivation; another policy does not', () => {
    const psa = createPsa();
    for (const policy of [PSA_ALG_WPA3_SAE_ANY, PSA_ALG_WPA3_SAE_H2E(PSA_ALG_ANY_HASH)]) {
      expect(hex(psa.exportKey(psa.keyDerivationOutputKey(TOKEN, h2e(psa, policy))))).toBe(v.PT);
    }
    expect(statusOfCall(() => h2e(psa, PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_384)))).toBe(PSA_ERROR_NOT_PERMITTED);
  });

  it('statuses: bytes NOT_PERMITTED, other key types INVALID_ARGUMENT, a mismatched hash INVALID_ARGUMENT, secp224r1 NOT_SUPPORTED, order BAD_STATE', () => {
    const psa = createPsa();
    const policy = PSA_ALG_WPA3_SAE_ANY;
    expect(statusOfCall(() => h2e(psa, policy).outputBytes(64))).toBe(PSA_ERROR_NOT_PERMITTED);
    expect(statusOfCall(() => psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_HMAC, bits: 256 }, h2e(psa, policy)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.keyDerivationOutputKey({ ...TOKEN, bits: 384 }, h2e(psa, policy)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.keyDerivationOutputKey({ ...TOKEN, bits: 224 }, h2e(psa, policy)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOfCall(() => psa.keyDerivationOutputKey({ ...TOKEN, type: PSA_KEY_TYPE_WPA3_SAE_DH(PSA_DH_FAMILY_RFC7919), bits: 2048 }, h2e(psa, policy)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    const op = psa.keyDerivationSetup(PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256));
    expect(statusOfCall(() => op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, text('id')))).toBe(PSA_ERROR_BAD_STATE);
  });
});
