/**
 * Whether a hash is supported is answered from the drivers' declared
 * capabilities (`hashAlgorithms`), as Mbed TLS's `is_hash_supported` reads
 * its build configuration: `psa_sign_message` hashes the message once and
 * never computes a probe hash, and a hash no driver declares is
 * NOT_SUPPORTED before any computation. Signatures are checked with
 * node:crypto.
 */
import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import type { TransparentDriver } from '../../src/drivers/driver.js';
import { spkiFromPsa } from '../../src/formats/index.js';
import {
  PSA_ALG_ECDSA,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_SIGN_MESSAGE,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

/** A SHA-256 accelerator over the software driver that records every input it hashes. */
function recordingSha256(inputs: Uint8Array[]): TransparentDriver {
  const software = softwareDriver();
  return {
    kind: 'transparent',
    name: 'sha256-recorder',
    hashAlgorithms: [PSA_ALG_SHA_256],
    hashCompute(alg, input) {
      inputs.push(input.slice());
      return software.hashCompute!(alg, input);
    },
  };
}

const keyAttributes = (alg: number) => ({
  type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_SIGN_MESSAGE, alg,
});

describe('hash capability', () => {
  it('signs a message with one hash computation of the message, no probe', () => {
    const inputs: Uint8Array[] = [];
    const psa = createPsa({ drivers: [recordingSha256(inputs), softwareDriver()] });
    const alg = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
    const key = psa.generateKey(keyAttributes(alg));
    const message = new TextEncoder().encode('a message to sign');
    const signature = psa.signMessage(key, alg, message);
    expect(inputs.map((i) => Buffer.from(i).toString())).toEqual(['a message to sign']);
    const spki = spkiFromPsa(PSA_KEY_TYPE_ECC_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), 256, psa.exportPublicKey(key));
    const publicKey = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('is NOT_SUPPORTED for a hash no driver declares, before anything is hashed', () => {
    const inputs: Uint8Array[] = [];
    const software = softwareDriver();
    // The software driver without its declaration still implements SHA-384, but says nothing.
    const { hashAlgorithms: _, ...undeclared } = software;
    const psa = createPsa({ drivers: [recordingSha256(inputs), { ...undeclared, kind: 'transparent' }] });
    const alg = PSA_ALG_ECDSA(PSA_ALG_SHA_384);
    const key = psa.generateKey(keyAttributes(alg));
    expect(statusOfCall(() => psa.signMessage(key, alg, new Uint8Array(3)))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(inputs).toEqual([]);
  });
});
